import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const colors: Record<string, string> = {
  registered: 'violet',
  nominated: 'blue',
  accepted: 'cyan',
  declined: 'gray',
  rejected: 'red',
  verified: 'teal',
};

/** A candidate's status in words, coloured by how far it has come. */
export function CandidateStatusBadge({ status, size = 'sm' }: { status: string; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={colors[status] ?? 'gray'}
      variant="light"
      size={size}
      style={{ flexShrink: 0, maxWidth: 'none' }}
      styles={{ label: { overflow: 'visible', textOverflow: 'clip' } }}
    >
      {t(`candidate.statuses.${status}`, { defaultValue: status })}
    </Badge>
  );
}

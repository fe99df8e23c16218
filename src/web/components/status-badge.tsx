import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const colors: Record<string, string> = { draft: 'gray', open: 'green', assessing: 'blue', published: 'grape', archived: 'dark' };

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status] ?? 'gray'} variant="light">
      {t(`status.${status}`)}
    </Badge>
  );
}

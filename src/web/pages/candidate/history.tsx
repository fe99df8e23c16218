import { Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../shared/contracts/index.ts';
import { formatDateTime, type Lang } from '../../../shared/i18n/format.ts';
import { get } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { actionLabel } from '../../components/labels.ts';

type Entry = HistoryEntry;

/** The candidate's status history, newest first, from the audit log. */
export function HistoryPanel({ candidateId }: { candidateId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const history = useQuery({ queryKey: ['history', candidateId], queryFn: () => get<Entry[]>(`/api/candidates/${candidateId}/history`) });
  if (history.error) return <ErrorAlert error={history.error} />;
  if (history.data?.length === 0) return <Text c="dimmed">{t('history.empty')}</Text>;
  return (
    <Timeline bulletSize={14} lineWidth={2} active={0}>
      {(history.data ?? []).map((h, i) => (
        <Timeline.Item key={`${h.at}-${i}`} title={actionLabel(h.action, t)}>
          {h.note ? (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {h.note}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            {formatDateTime(h.at, lang)} · {[h.actor, h.actorRole ? t(`roles.${h.actorRole}`) : null].filter(Boolean).join(', ')}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

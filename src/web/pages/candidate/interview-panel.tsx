import { Alert, Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InterviewSlot } from '../../../shared/contracts/index.ts';
import { formatDate, type Lang } from '../../../shared/i18n/format.ts';
import { get } from '../../api.ts';

/** The candidate's interview with the panel: when, where or by which link, and who attended. */
export function InterviewNotice({ candidateId }: { candidateId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const slots = useQuery({ queryKey: ['interviews', candidateId], queryFn: () => get<InterviewSlot[]>(`/api/candidates/${candidateId}/interviews`) });
  if (!slots.data || slots.data.length === 0) return null;
  return (
    <>
      {slots.data.map((s) => (
        <Alert key={s.poolId} color="blue" title={t('marking.interviewNoticeTitle')}>
          <Text size="sm">
            {formatDate(s.heldOn, lang)}, {s.startsAt}
            {s.endsAt ? `–${s.endsAt}` : ''} WIB{s.place ? ` · ${s.place}` : ''}
          </Text>
          {s.onlineUrl ? (
            <Anchor href={s.onlineUrl} target="_blank" rel="noopener" size="sm">
              {s.onlineUrl}
            </Anchor>
          ) : null}
          <Text size="sm" mt={4}>
            {s.attendance ? t('marking.attended', { who: t(`attendance.${s.attendance}`, { defaultValue: s.attendance }) }) : t('marking.interviewNoticeHint')}
          </Text>
        </Alert>
      ))}
    </>
  );
}

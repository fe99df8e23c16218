import { useState } from 'react';
import { Badge, Button, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dispute } from '../../../shared/contracts/index.ts';
import { formatDateTime, formatNumber, type Lang } from '../../../shared/i18n/format.ts';
import { api, get } from '../../api.ts';
import { useSession } from '../../auth.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldErrors } from '../../field-errors.ts';

/** Verifiers decide candidates' disputes of their coverage figures. */
export function DisputesPage() {
  const { id } = useParams({ from: '/app/editions/$id/disputes' });
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { me } = useSession();
  const canDecide = me?.abilities.decideDisputes ?? false;
  const disputes = useQuery({ queryKey: ['disputes', id], queryFn: () => get<Dispute[]>(`/api/editions/${id}/disputes`) });
  return (
    <Stack>
      <AnchorLink to="/editions/$id/coverage" params={{ id }} size="sm">
        ← {t('coverage.title')}
      </AnchorLink>
      <Title order={2}>{t('disputes.title')}</Title>
      <ErrorAlert error={disputes.error} />
      {disputes.data?.length === 0 ? <Text c="dimmed">{t('disputes.empty')}</Text> : null}
      {(disputes.data ?? []).map((d) => (
        <Paper key={d.id} withBorder p="md">
          <Stack gap="xs">
            <Group justify="space-between">
              <Text fw={600}>
                {d.candidateName} · {lang === 'en' ? d.labelEn : d.labelId}
              </Text>
              <Badge color={d.status === 'open' ? 'yellow' : d.status === 'accepted' ? 'teal' : 'red'}>{t(`figures.status.${d.status}`)}</Badge>
            </Group>
            <Text size="sm">
              {formatNumber(d.disputedValue ?? 0, lang, 2)} → {d.claimedValue == null ? '–' : formatNumber(d.claimedValue, lang, 2)} · {formatDateTime(d.createdAt, lang)}
            </Text>
            <Text size="sm">{d.reason}</Text>
            {d.evidence ? <Text size="sm" c="dimmed">{d.evidence}</Text> : null}
            {d.decisionNote ? <Text size="sm" fs="italic">{d.decisionNote}</Text> : null}
            {d.status === 'open' && canDecide ? <Decide dispute={d} editionId={id} /> : null}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

function Decide({ dispute, editionId }: { dispute: Dispute; editionId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [value, setValue] = useState<number | string>(dispute.claimedValue ?? '');
  const [note, setNote] = useState('');
  const fields = useFieldErrors(['correctedValue', 'note'], 'disputeDecision');
  const decide = useMutation({
    mutationFn: (status: 'accepted' | 'rejected') =>
      api('POST', `/api/disputes/${dispute.id}/decision`, { status, correctedValue: status === 'accepted' ? Number(value) : null, note }),
    onError: fields.refused,
    onSuccess: () => client.invalidateQueries({ queryKey: ['disputes', editionId] }),
  });
  return (
    <Stack gap="xs">
      <ErrorAlert error={decide.error} {...fields.alert} />
      <Group grow align="flex-start">
        <NumberInput label={t('disputes.corrected')} value={value} error={fields.errors.correctedValue} onChange={setValue} />
        <TextInput label={t('disputes.note')} required value={note} error={fields.errors.note} onChange={(e) => setNote(e.currentTarget.value)} />
      </Group>
      <Group>
        {/* Accepting needs the corrected figure; either decision needs its note. */}
        <Button color="teal" loading={decide.isPending} onClick={() => {
            if (fields.check({ correctedValue: value, note })) decide.mutate('accepted');
          }}>
          {t('disputes.accept')}
        </Button>
        <Button color="red" variant="light" loading={decide.isPending} onClick={() => {
            if (fields.check({ note })) decide.mutate('rejected');
          }}>
          {t('disputes.reject')}
        </Button>
      </Group>
    </Stack>
  );
}

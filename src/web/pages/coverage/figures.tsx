import { useState } from 'react';
import { Anchor, Badge, Button, Modal, NumberInput, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useParams, useRouter } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CandidateFigures } from '../../../shared/contracts/index.ts';
import { formatNumber, formatPercent, type Lang } from '../../../shared/i18n/format.ts';
import { api, get } from '../../api.ts';
import { useSession } from '../../auth.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldErrors } from '../../field-errors.ts';

type Figure = CandidateFigures['figures'][number];

/** A candidate's coverage figures with their source; the candidate may dispute one. */
export function FiguresPage() {
  const { id } = useParams({ from: '/app/candidates/$id/figures' });
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const router = useRouter();
  const { me } = useSession();
  const isSelf = me?.user.roles.some((r) => r.role === 'candidate' && r.candidateId === id) ?? false;
  const [disputing, setDisputing] = useState<Figure | null>(null);
  const data = useQuery({ queryKey: ['figures', id], queryFn: () => get<CandidateFigures>(`/api/candidates/${id}/figures`) });
  const show = (f: Figure) => (f.value == null ? '–' : f.unit === 'pct' ? formatPercent(f.value, 2, lang) : formatNumber(f.value, lang));
  const d = data.data;
  return (
    <Stack>
      <Anchor component="button" size="sm" onClick={() => router.history.back()}>
        ← {t('common.back')}
      </Anchor>
      <Title order={2}>
        {t('figures.title')}
        {d ? `: ${d.candidate.name}` : ''}
      </Title>
      <ErrorAlert error={data.error} />
      {d ? (
        <Table.ScrollContainer minWidth={520}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('figures.figure')}</Table.Th>
                <Table.Th>{t('figures.value')}</Table.Th>
                <Table.Th>{t('figures.source')}</Table.Th>
                {isSelf ? <Table.Th /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.figures.map((f) => (
                <Table.Tr key={f.key}>
                  <Table.Td>{lang === 'en' ? f.labelEn : f.labelId}</Table.Td>
                  <Table.Td>{show(f)}</Table.Td>
                  <Table.Td>{f.source ? t(`figures.sources.${f.source}`, { version: f.snapshotVersion ?? '?' }) : t('figures.noData')}</Table.Td>
                  {isSelf ? (
                    <Table.Td>
                      <Button size="xs" variant="light" disabled={f.value == null} onClick={() => setDisputing(f)}>
                        {t('figures.dispute')}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {d && d.disputes.length > 0 ? (
        <>
          <Title order={3} size="h4">
            {t('figures.disputes')}
          </Title>
          {d.disputes.map((x) => (
            <Text key={x.id} size="sm">
              <Badge mr="xs" color={x.status === 'open' ? 'yellow' : x.status === 'accepted' ? 'teal' : 'red'}>
                {t(`figures.status.${x.status}`)}
              </Badge>
              {lang === 'en' ? x.labelEn : x.labelId}: {x.reason}
              {x.decisionNote ? ` — ${x.decisionNote}` : ''}
            </Text>
          ))}
        </>
      ) : null}
      {disputing ? <DisputeModal candidateId={id} figure={disputing} onClose={() => setDisputing(null)} /> : null}
    </Stack>
  );
}

function DisputeModal({ candidateId, figure, onClose }: { candidateId: string; figure: Figure; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [claimed, setClaimed] = useState<number | string>('');
  const [reason, setReason] = useState('');
  const [evidence, setEvidence] = useState('');
  const fields = useFieldErrors(['claimedValue', 'reason', 'evidence'], 'dispute');
  const send = useMutation({
    mutationFn: () =>
      api('POST', `/api/candidates/${candidateId}/disputes`, {
        key: figure.key,
        claimedValue: claimed === '' ? null : Number(claimed),
        reason,
        evidence: evidence.trim() || null,
      }),
    onError: fields.refused,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['figures', candidateId] });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('figures.disputeTitle', { figure: i18n.language === 'en' ? figure.labelEn : figure.labelId })}>
      <Stack>
        <ErrorAlert error={send.error} {...fields.alert} />
        <NumberInput label={t('figures.claimed')} value={claimed} error={fields.errors.claimedValue} onChange={setClaimed} data-autofocus />
        <Textarea label={t('figures.reason')} required minRows={3} value={reason} error={fields.errors.reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <TextInput label={t('figures.evidence')} value={evidence} error={fields.errors.evidence} onChange={(e) => setEvidence(e.currentTarget.value)} />
        <Button
          color="teal"
          loading={send.isPending}
          onClick={() => {
            // The reason first, in the user's language, before anything is sent.
            if (fields.check({ reason })) send.mutate();
          }}
        >
          {t('figures.send')}
        </Button>
      </Stack>
    </Modal>
  );
}

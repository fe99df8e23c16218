import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Code, Group, List, Modal, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PressRelease, PublicationStatus } from '../../../shared/contracts/index.ts';
import { formatDateTime, type Lang } from '../../../shared/i18n/format.ts';
import { api, get } from '../../api.ts';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldErrors, type FieldErrors } from '../../field-errors.ts';
import { AwardBadge } from '../public/edition.tsx';
import { CeremonyPreview, HandoverForm } from './handover.tsx';

function stateOf(s: PublicationStatus): 'notFinal' | 'final' | 'published' | 'withdrawn' {
  if (!s.result) return 'notFinal';
  if (s.result.publishedAt) return 'published';
  return s.result.withdrawnAt ? 'withdrawn' : 'final';
}
const stateColors = { notFinal: 'gray', final: 'blue', published: 'teal', withdrawn: 'orange' } as const;

/** A pool's result for the committee: announce or withdraw it, its certificates and press releases. */
export function PoolPublicationPage() {
  const { id } = useParams({ from: '/app/pools/$id/publication' });
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const navigate = useNavigate();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const status = useQuery({ queryKey: ['publication', id], queryFn: () => get<PublicationStatus>(`/api/pools/${id}/publication`) });
  const done = (data: PublicationStatus) => {
    client.setQueryData(['publication', id], data);
    setConfirming(false);
    setWithdrawing(false);
  };
  const publish = useMutation({ mutationFn: () => api<PublicationStatus>('POST', `/api/pools/${id}/publish`), onSuccess: done });
  const withdrawal = useFieldErrors(['reason'], 'withdrawal');
  const withdraw = useMutation({ mutationFn: () => api<PublicationStatus>('POST', `/api/pools/${id}/withdraw`, { reason }), onError: withdrawal.refused, onSuccess: done });
  const draft = useMutation({
    mutationFn: (candidateId: string) => api<PressRelease>('POST', `/api/results/${status.data!.result!.id}/press-releases`, { candidateId }),
    onSuccess: (release) => void navigate({ to: '/press-releases/$id', params: { id: release.id } }),
  });
  const s = status.data;
  if (status.error) return <ErrorAlert error={status.error} />;
  if (!s) return <Text>{t('common.loading')}</Text>;
  const state = stateOf(s);
  return (
    <Stack>
      <AnchorLink to="/editions/$id/publication" params={{ id: s.editionId }} size="sm">
        ← {t('publication.title')}
      </AnchorLink>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('publication.poolTitle')}</Title>
          <Text c="dimmed">{s.title}</Text>
        </div>
        <Badge size="lg" color={stateColors[state]} variant="light">
          {t(`publication.state.${state}`)}
        </Badge>
      </Group>
      <ErrorAlert error={publish.error ?? draft.error} />
      {s.problems.length > 0 ? (
        <Alert color="yellow" title={t('publication.publish')}>
          <List size="sm">
            {s.problems.map((p) => (
              <List.Item key={p}>{t(`publication.problems.${p}`)}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {s.result ? (
        <Paper withBorder p="md">
          <Text fw={600}>{t('publication.result', { version: s.result.version })}</Text>
          <Text size="sm">
            {t('publication.finalisedAt')}: {formatDateTime(s.result.finalisedAt, lang)}
            {s.result.publishedAt ? ` · ${t('publication.publishedAt')}: ${formatDateTime(s.result.publishedAt, lang)}` : ''}
            {s.result.withdrawnAt ? ` · ${t('publication.withdrawnAt')}: ${formatDateTime(s.result.withdrawnAt, lang)}` : ''}
          </Text>
          {s.result.withdrawReason && !s.result.publishedAt ? (
            <Text size="sm">
              {t('publication.reason')}: {s.result.withdrawReason}
            </Text>
          ) : null}
          <Code block mt="xs" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            SHA-256 {s.result.packageSha256}
          </Code>
          <Stack mt="sm" gap="xs">
            <CeremonyPreview status={s} />
          </Stack>
          <Group mt="sm" gap="sm">
            <Button color="teal" disabled={s.problems.length > 0} onClick={() => setConfirming(true)}>
              {s.result.publishedAt ? t('publication.republish') : t('publication.publish')}
            </Button>
            {s.result.publishedAt ? (
              <Button color="orange" variant="light" onClick={() => setWithdrawing(true)}>
                {t('publication.withdraw')}
              </Button>
            ) : null}
            {s.result.publishedAt ? (
              <ButtonLink to="/publik/hasil/$poolId" params={{ poolId: s.poolId }} variant="subtle">
                {t('publication.publicPage')}
              </ButtonLink>
            ) : null}
            <Anchor size="sm" href={`/api/results/${s.result.id}/package`}>
              {t('publication.package')}
            </Anchor>
          </Group>
        </Paper>
      ) : null}
      {s.winners.length > 0 ? (
        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="xs">
            {t('publication.winners')}
          </Title>
          <Table.ScrollContainer minWidth={600}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  <Table.Th>{t('portal.candidate')}</Table.Th>
                  <Table.Th>{t('publication.certificate')}</Table.Th>
                  <Table.Th>{t('publication.pressRelease')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.winners.map((w) => (
                  <Table.Tr key={w.candidateId}>
                    <Table.Td>
                      <AwardBadge award={w.award} />
                    </Table.Td>
                    <Table.Td>{w.name}</Table.Td>
                    <Table.Td>
                      {w.certificate ? (
                        <Group gap="xs">
                          <Anchor size="sm" href={`/api/public/certificates/${w.certificate.code}/pdf`} target="_blank">
                            {w.certificate.code.replace(/^(.{4})(.{4})/, '$1-$2-')}
                          </Anchor>
                          <AnchorLink size="sm" to="/verifikasi/$code" params={{ code: w.certificate.code }}>
                            {t('portal.verifyCertificate')}
                          </AnchorLink>
                        </Group>
                      ) : (
                        '–'
                      )}
                    </Table.Td>
                    <Table.Td>
                      {w.pressRelease ? (
                        <AnchorLink size="sm" to="/press-releases/$id" params={{ id: w.pressRelease.id }}>
                          {t('publication.edit')}
                        </AnchorLink>
                      ) : (
                        <Button size="xs" variant="light" loading={draft.isPending && draft.variables === w.candidateId} onClick={() => draft.mutate(w.candidateId)}>
                          {t('publication.draft')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
      {s.result ? <HandoverForm status={s} /> : null}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('publication.publish')}>
        <Text mb="sm">{t('publication.publishConfirm', { version: s.result?.version ?? '' })}</Text>
        <Stack mb="md">{s.ceremony ? <CeremonyPreview status={s} /> : <Text c="orange.8">{t('ceremony.confirmMissing')}</Text>}</Stack>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </Button>
          <Button color="teal" loading={publish.isPending} onClick={() => publish.mutate()}>
            {t('common.confirm')}
          </Button>
        </Group>
      </Modal>
      <Modal opened={withdrawing} onClose={() => setWithdrawing(false)} title={t('publication.withdraw')}>
        <Stack mb="md">
          <ErrorAlert error={withdraw.error} {...withdrawal.alert} />
          <Textarea
            label={t('publication.withdrawReason')}
            value={reason}
            error={withdrawal.errors.reason}
            required
            onChange={(e) => setReason(e.currentTarget.value)}
            minRows={3}
            // A long reason scrolls inside the field: its rule stays in sight below it.
            maxRows={8}
            autosize
          />
        </Stack>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setWithdrawing(false)}>
            {t('common.cancel')}
          </Button>
          <Button
            color="orange"
            loading={withdraw.isPending}
            onClick={() => {
              // A reason of at least 10 characters, said in the user's language, before anything is sent.
              const short: FieldErrors = reason.trim() !== '' && reason.trim().length < 10 ? { reason: t('fieldErrors.forms.withdrawal.reason') } : {};
              if (withdrawal.check({ reason }, short)) withdraw.mutate();
            }}
          >
            {t('publication.withdraw')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}

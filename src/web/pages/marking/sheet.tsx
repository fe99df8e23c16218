import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Radio, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import type { MarkingSheet } from '../../../shared/contracts/index.ts';
import { formatDate, formatNumber, type Lang } from '../../../shared/i18n/format.ts';
import { api, get } from '../../api.ts';
import { useSession } from '../../auth.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import type { QueueState, RefusedMark } from './mark-queue.ts';
import { useMarkQueue } from './use-mark-queue.ts';

type Entry = { value: number | null; comment: string };

/** Where the juror's marks are: all saved, being sent, or waiting for the connection. */
export function SaveStatus({ state }: { state: QueueState }) {
  const { t } = useTranslation();
  if (state.signedOut) {
    return (
      <Badge color="orange" size="lg" role="status">
        {t('marking.signedOut', { count: state.pending })}
      </Badge>
    );
  }
  if (state.offline) {
    return (
      <Badge color="orange" size="lg" role="status">
        {t('marking.offline', { count: state.pending })}
      </Badge>
    );
  }
  return (
    <Badge color={state.pending > 0 ? 'blue' : 'teal'} size="lg" role="status" variant="light">
      {state.pending > 0 ? t('marking.sending', { count: state.pending }) : t('marking.allSaved')}
    </Badge>
  );
}

/** The marks the server refused one by one (a submitted sheet, a closed stage): not saved, shown until the juror has read them. */
function RefusedMarks({ sheet, refused, onDismiss }: { sheet: MarkingSheet; refused: RefusedMark[]; onDismiss: () => void }) {
  const { t, i18n } = useTranslation();
  if (refused.length === 0) return null;
  const indicators = new Map(sheet.stages.flatMap((s) => s.indicators).map((i) => [i.id, i18n.language === 'id' ? i.labelId : i.labelEn]));
  return (
    <Alert color="red" role="alert" title={t('marking.refusedTitle', { count: refused.length })}>
      <Stack gap={4}>
        {refused.map((r) => (
          <Text key={`${r.indicatorId}-${r.seq}`} size="sm">
            <strong>{indicators.get(r.indicatorId) ?? r.indicatorId}</strong>
            {r.value === null ? '' : ` (${r.value})`}: {t(`marking.refusals.${r.reason}`, { defaultValue: r.message })}
          </Text>
        ))}
        <Group>
          <Button size="xs" variant="light" color="red" onClick={onDismiss}>
            {t('marking.refusedDismiss')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** A juror's marking sheet of one candidate: the candidate's data and evidence beside the rubric. */
export function MarkingSheetPage() {
  const { poolId, candidateId } = useParams({ from: '/app/pools/$poolId/sheets/$candidateId' });
  const { t } = useTranslation();
  const { me } = useSession();
  const sheet = useQuery({ queryKey: ['sheet', poolId, candidateId], queryFn: () => get<MarkingSheet>(`/api/pools/${poolId}/sheets/${candidateId}`) });
  if (sheet.error) return <ErrorAlert error={sheet.error} />;
  if (!sheet.data || !me) return <Text>{t('common.loading')}</Text>;
  return <SheetForm key={`${poolId}-${candidateId}`} sheet={sheet.data} userId={me.user.id} />;
}

function SheetForm({ sheet, userId }: { sheet: MarkingSheet; userId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const client = useQueryClient();
  const { queue, state, put } = useMarkQueue(sheet.poolId, userId);
  const [entries, setEntries] = useState<Record<string, Entry>>(() => {
    queue.know(sheet.candidate.id, sheet.marks);
    const base = Object.fromEntries(sheet.marks.map((m) => [m.indicatorId, { value: m.value, comment: m.comment ?? '' }]));
    for (const w of queue.pendingFor(sheet.candidate.id)) base[w.indicatorId] = { value: w.value, comment: w.comment ?? '' };
    return base;
  });
  const [submitError, setSubmitError] = useState<unknown>(null);
  /** Why a sheet cannot be submitted yet: marks still waiting to be sent. */
  const [submitWaiting, setSubmitWaiting] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState<string | null>(null);
  const commentTimers = useRef<Record<string, ReturnType<typeof setTimeout>>>({});
  useEffect(() => () => Object.values(commentTimers.current).forEach(clearTimeout), []);

  const change = (indicatorId: string, patch: Partial<Entry>, delay = 0) => {
    const next = { value: null, comment: '', ...entries[indicatorId], ...patch };
    setEntries((e) => ({ ...e, [indicatorId]: next }));
    const send = () => put({ candidateId: sheet.candidate.id, indicatorId, value: next.value, comment: next.comment.trim() === '' ? null : next.comment.trim() });
    clearTimeout(commentTimers.current[indicatorId]);
    if (delay === 0) send();
    else commentTimers.current[indicatorId] = setTimeout(send, delay);
  };

  async function submit(stageId: string) {
    setSubmitError(null);
    setSubmitWaiting(null);
    setSubmitting(stageId);
    try {
      await queue.flush();
      if (queue.pendingFor(sheet.candidate.id).length > 0) throw new Error(queue.current.signedOut ? 'signed-out' : 'pending');
      await api('POST', `/api/pools/${sheet.poolId}/sheets/${sheet.candidate.id}/submit`, { stage: stageId });
      await client.invalidateQueries({ queryKey: ['sheet', sheet.poolId, sheet.candidate.id] });
      await client.invalidateQueries({ queryKey: ['my-pools'] });
    } catch (error) {
      const waiting = error instanceof Error ? { pending: t('marking.submitOffline'), 'signed-out': t('marking.signedOutTitle') }[error.message] : undefined;
      if (waiting) setSubmitWaiting(waiting);
      else setSubmitError(error);
    } finally {
      setSubmitting(null);
    }
  }

  const shown = useMemo(() => sheet.stages.filter((s) => s.indicators.length > 0), [sheet.stages]);
  const c = sheet.candidate;
  return (
    <Stack>
      <AnchorLink to="/penilaian" size="sm">
        ← {t('marking.title')}
      </AnchorLink>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{c.name}</Title>
          <Text c="dimmed" size="sm">
            {[c.regencyCode ?? c.npp, c.sizeClass, c.sector].filter(Boolean).join(' · ')}
          </Text>
        </div>
        <SaveStatus state={state} />
      </Group>
      {state.signedOut ? (
        <Alert color="orange" role="alert" title={t('marking.signedOutTitle')}>
          <Text size="sm">{t('marking.signedOutHint', { count: state.pending })}</Text>
          <Anchor href="/login" target="_blank" size="sm" fw={600}>
            {t('marking.signInAgain')}
          </Anchor>
        </Alert>
      ) : null}
      {state.offline ? <Alert color="orange">{t('marking.offlineHint')}</Alert> : null}
      <RefusedMarks sheet={sheet} refused={state.refused.filter((r) => r.candidateId === sheet.candidate.id)} onDismiss={() => queue.dismissRefused(sheet.candidate.id)} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 2, md: 1 }}>
          <Stack>
            {sheet.slot ? (
              <Paper withBorder p="md">
                <Text fw={600}>{t('marking.interview')}</Text>
                <Text size="sm">
                  {formatDate(sheet.slot.heldOn, lang)}, {sheet.slot.startsAt}
                  {sheet.slot.endsAt ? `–${sheet.slot.endsAt}` : ''} WIB
                </Text>
                <Text size="sm">{sheet.slot.place ?? sheet.slot.onlineUrl}</Text>
                {sheet.slot.attendance ? <Text size="sm">{t('marking.attended', { who: t(`attendance.${sheet.slot.attendance}`, { defaultValue: sheet.slot.attendance }) })}</Text> : null}
              </Paper>
            ) : null}
            <Paper withBorder p="md">
              <Text fw={600} mb="xs">
                {t('marking.data')}
              </Text>
              <Table fz="sm" withRowBorders>
                <Table.Tbody>
                  {sheet.values.map((v) => (
                    <Table.Tr key={v.key}>
                      <Table.Td>{lang === 'id' ? v.labelId : v.labelEn}</Table.Td>
                      <Table.Td ta="right" fw={500}>
                        {v.value === null ? <Text span c="dimmed" size="sm">{t('marking.noValue')}</Text> : typeof v.value === 'number' ? formatNumber(v.value, lang, Number.isInteger(v.value) ? 0 : 2) : t(`attendance.${v.value}`, { defaultValue: v.value })}
                        {v.source ? (
                          <Text size="xs" c="dimmed">
                            {t(`marking.sources.${v.source}`, { defaultValue: v.source })}
                          </Text>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
            <Paper withBorder p="md">
              <Text fw={600} mb="xs">
                {t('marking.evidence')}
              </Text>
              {sheet.evidence.length === 0 ? <Text size="sm" c="dimmed">{t('marking.noEvidence')}</Text> : null}
              <Stack gap={4}>
                {sheet.evidence.map((e) => (
                  <Anchor key={e.id} href={`/api/evidence/${e.id}`} target="_blank" rel="noopener" size="sm">
                    {e.originalName} ({e.type.toUpperCase()}, {formatNumber(e.bytes / 1024, lang, 0)} KB)
                  </Anchor>
                ))}
              </Stack>
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 1, md: 2 }}>
          <Stack>
            <ErrorAlert error={submitError} />
            {submitWaiting ? (
              <Alert color="orange" role="alert">
                {submitWaiting}
              </Alert>
            ) : null}
            {shown.map((stage) => {
              const editable = stage.state === 'open' && !stage.submitted;
              const marked = stage.indicators.filter((i) => entries[i.id]?.value != null).length;
              return (
                <Paper key={stage.id} withBorder p="md" aria-label={lang === 'id' ? stage.labelId : stage.labelEn}>
                  <Group justify="space-between" mb="sm">
                    <Title order={3} size="h4">
                      {lang === 'id' ? stage.labelId : stage.labelEn}
                    </Title>
                    <Badge variant="light" color={stage.submitted ? 'teal' : stage.state === 'open' ? 'blue' : 'gray'}>
                      {stage.submitted ? t('marking.submitted') : t(`pool.stageStates.${stage.state}`)}
                    </Badge>
                  </Group>
                  {stage.state === 'pending' ? <Text size="sm" c="dimmed" mb="sm">{t('marking.notOpen')}</Text> : null}
                  <Stack gap="lg">
                    {stage.indicators.map((indicator) => (
                      <Radio.Group
                        key={indicator.id}
                        label={lang === 'id' ? indicator.labelId : indicator.labelEn}
                        description={indicator.id}
                        value={entries[indicator.id]?.value == null ? '' : String(entries[indicator.id]!.value)}
                        onChange={(v) => change(indicator.id, { value: Number(v) })}
                      >
                        <Stack gap={6} mt="xs">
                          {indicator.levels.map((level, i) => {
                            const value = indicator.min + i;
                            return <Radio key={value} value={String(value)} disabled={!editable} label={`${value} — ${lang === 'id' ? level.id : level.en}`} />;
                          })}
                        </Stack>
                        <Textarea
                          mt="xs"
                          size="sm"
                          autosize
                          minRows={1}
                          label={t('marking.comment')}
                          disabled={!editable}
                          value={entries[indicator.id]?.comment ?? ''}
                          onChange={(e) => change(indicator.id, { comment: e.currentTarget.value }, 800)}
                        />
                      </Radio.Group>
                    ))}
                  </Stack>
                  {editable ? (
                    <Group justify="space-between" mt="md">
                      <Text size="sm" c="dimmed">
                        {t('marking.progress', { marked, total: stage.indicators.length })}
                      </Text>
                      <ConfirmButton
                        onConfirm={() => void submit(stage.id)}
                        loading={submitting === stage.id}
                        disabled={marked < stage.indicators.length}
                        title={t('confirm.submitSheet.title')}
                        consequence={t('confirm.submitSheet.text')}
                        confirmLabel={t('confirm.submitSheet.ok')}
                      >
                        {t('marking.submit')}
                      </ConfirmButton>
                    </Group>
                  ) : null}
                  {stage.submitted ? (
                    <Alert color="teal" mt="md">
                      {t('marking.lockedHint')}
                    </Alert>
                  ) : null}
                </Paper>
              );
            })}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

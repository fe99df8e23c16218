import { Alert, Badge, Box, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CandidateFeedback } from '../../../shared/contracts/index.ts';
import { formatDateTime, formatNumber, type Lang } from '../../../shared/i18n/format.ts';
import { ApiError, get } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { itemTitle } from './entry-view.tsx';
import { levelTitle } from '../../components/labels.ts';

type Compared = { own: number; median: number; winners: number[] };
type Labelled = { labelId: string; labelEn: string };

const statusColors: Record<string, string> = { valid: 'teal', revision: 'yellow', rejected: 'red', pending: 'gray' };
const winnerColors = ['yellow.6', 'gray.5', 'orange.7'];

export const useFeedback = (candidateId: string, enabled: boolean) =>
  useQuery({ queryKey: ['feedback', candidateId], queryFn: () => get<CandidateFeedback>(`/api/candidates/${candidateId}/feedback`), retry: false, enabled });

const notYet = (error: unknown) => error instanceof ApiError && error.code === 'RESULT_NOT_PUBLISHED';

/** On the candidate's page once its result is announced: where its feedback is. Nothing before, or for those who may not read it. */
export function FeedbackNotice({ candidateId, enabled }: { candidateId: string; enabled: boolean }) {
  const { t } = useTranslation();
  const feedback = useFeedback(candidateId, enabled);
  const f = feedback.data;
  if (!f) return null;
  return (
    <Alert color="teal" title={t('feedback.cardTitle')} data-testid="feedback-notice">
      <Stack gap="xs">
        <Text size="sm">{t('feedback.cardHint')}</Text>
        <Text size="sm" fw={600}>
          {f.award !== null ? `${t('feedback.award', { award: f.award })} · ` : ''}
          {t('feedback.rank', { rank: f.rank, count: f.candidates })}
        </Text>
        <AnchorLink to="/candidates/$id/feedback" params={{ id: candidateId }} size="sm" fw={600}>
          {t('feedback.open')} →
        </AnchorLink>
      </Stack>
    </Alert>
  );
}

/** One score as a bar of 0–100 with its number: the candidate's, the median's or a winner's. */
function Bar({ label, value, color, lang, strong }: { label: string; value: number; color: string; lang: Lang; strong?: boolean }) {
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <Text size="xs" w={92} style={{ flexShrink: 0 }} fw={strong ? 700 : 400} truncate>
        {label}
      </Text>
      <Box style={{ flex: 1, minWidth: 0, height: 12, background: 'var(--mantine-color-gray-1)', borderRadius: 4 }} aria-hidden>
        <Box bg={color} style={{ width: `${Math.max(0, Math.min(100, value))}%`, height: '100%', borderRadius: 4 }} />
      </Box>
      <Text size="xs" w={44} ta="right" style={{ flexShrink: 0 }} fw={strong ? 700 : 400}>
        {formatNumber(value, lang, 2)}
      </Text>
    </Group>
  );
}

function Bars({ scores, winners, lang }: { scores: Compared; winners: CandidateFeedback['winners']; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Bar label={t('feedback.own')} value={scores.own} color="teal.7" lang={lang} strong />
      <Bar label={t('feedback.median')} value={scores.median} color="blue.4" lang={lang} />
      {winners.map((w, i) => (
        <Bar key={w.award} label={t('feedback.juara', { award: w.award })} value={scores.winners[i]!} color={winnerColors[i] ?? 'gray.5'} lang={lang} />
      ))}
    </Stack>
  );
}

/** A candidate's feedback after the announcement: scores beside the median and the winners', rubric levels, the verifier's comments. */
export function FeedbackPage() {
  const { id } = useParams({ from: '/app/candidates/$id/feedback' });
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const feedback = useFeedback(id, true);
  const f = feedback.data;
  const label = (x: Labelled) => (lang === 'en' ? x.labelEn : x.labelId);
  const num = (v: number) => formatNumber(v, lang, 2);
  return (
    <Stack>
      <AnchorLink to="/candidates/$id" params={{ id }} size="sm">
        ← {t('feedback.back')}
      </AnchorLink>
      <Title order={2}>
        {t('feedback.title')}
        {f ? `: ${f.name}` : ''}
      </Title>
      {notYet(feedback.error) ? (
        <Alert color="gray" data-testid="feedback-not-yet">
          {t('feedback.notYet')}
        </Alert>
      ) : (
        <ErrorAlert error={feedback.error} />
      )}
      {!f && !feedback.error ? <Text>{t('common.loading')}</Text> : null}
      {f ? (
        <>
          <Group justify="space-between" align="flex-start">
            <div>
              <Text size="sm" c="dimmed">
                {[f.edition.label, lang === 'en' ? f.category.nameEn : f.category.nameId, levelTitle(f.level.name, t), f.area?.name].filter(Boolean).join(' · ')}
              </Text>
              <Text size="sm" c="dimmed">
                {t('feedback.published', { date: formatDateTime(f.publishedAt, lang) })}
              </Text>
            </div>
            <Button component="a" href={`/api/candidates/${id}/feedback/document?lang=${lang}`} variant="light" data-testid="feedback-pdf">
              {t('feedback.downloadPdf')}
            </Button>
          </Group>

          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Paper withBorder p="md">
              <Text size="sm" c="dimmed">
                {t('feedback.total')}
              </Text>
              <Text fz={32} fw={700} c="teal.8" data-testid="feedback-total">
                {num(f.total.own)}
              </Text>
              <Text size="sm">{t('feedback.rank', { rank: f.rank, count: f.candidates })}</Text>
              <Group gap="xs" mt={4}>
                <Badge color={f.award !== null ? 'yellow' : 'gray'}>{f.award !== null ? t('feedback.award', { award: f.award }) : t('feedback.noAward')}</Badge>
                {f.advances ? <Badge color="teal">{t('feedback.advances')}</Badge> : null}
              </Group>
            </Paper>
            <Paper withBorder p="md">
              <Text size="sm" c="dimmed">
                {t('feedback.median')}
              </Text>
              <Text fz={32} fw={700} c="blue.7">
                {num(f.total.median)}
              </Text>
            </Paper>
            <Paper withBorder p="md">
              <Text size="sm" c="dimmed" mb={4}>
                {t('feedback.winners')}
              </Text>
              <Stack gap={2}>
                {f.winners.map((w) => (
                  <Text size="sm" key={w.award} style={{ overflowWrap: 'anywhere' }}>
                    <b>{t('feedback.juara', { award: w.award })}</b>: {w.name} — {num(w.score)}
                  </Text>
                ))}
              </Stack>
            </Paper>
          </SimpleGrid>

          {f.stages.map((stage) => (
            <Paper withBorder p="md" key={stage.id} data-stage={stage.id}>
              <Stack gap="sm">
                <Title order={3} size="h4">
                  {t('feedback.stage')}: {label(stage)} <Text span size="sm" c="dimmed">({t('feedback.weight', { weight: stage.weight })})</Text>
                </Title>
                <Bars scores={stage} winners={f.winners} lang={lang} />
                <Text size="sm" c="dimmed">
                  {t('feedback.chart')}
                </Text>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  {stage.aspects.map((aspect) => (
                    <div key={aspect.id} data-aspect={aspect.id}>
                      <Text size="sm" fw={600} mb={4}>
                        {label(aspect)} <Text span size="xs" c="dimmed">({t('feedback.weight', { weight: aspect.weight })})</Text>
                      </Text>
                      <Bars scores={aspect} winners={f.winners} lang={lang} />
                    </div>
                  ))}
                </SimpleGrid>
                <Table.ScrollContainer minWidth={560}>
                  <Table striped verticalSpacing={6} fz="sm">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('feedback.item')}</Table.Th>
                        <Table.Th ta="right">{t('feedback.own')}</Table.Th>
                        <Table.Th ta="right">{t('feedback.median')}</Table.Th>
                        {f.winners.map((w) => (
                          <Table.Th key={w.award} ta="right">
                            {t('feedback.juara', { award: w.award })}
                          </Table.Th>
                        ))}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {stage.aspects.flatMap((aspect) => [
                        <Table.Tr key={aspect.id}>
                          <Table.Td fw={700}>{label(aspect)}</Table.Td>
                          <Table.Td ta="right" fw={700}>
                            {num(aspect.own)}
                          </Table.Td>
                          <Table.Td ta="right">{num(aspect.median)}</Table.Td>
                          {aspect.winners.map((w, i) => (
                            <Table.Td key={i} ta="right">
                              {num(w)}
                            </Table.Td>
                          ))}
                        </Table.Tr>,
                        ...aspect.indicators.map((i) => (
                          <Table.Tr key={i.id} data-indicator={i.id}>
                            <Table.Td pl="lg">
                              <Text size="sm">{label(i)}</Text>
                              <Text size="xs" c="dimmed">
                                {i.source === 'rubric'
                                  ? i.level !== null && i.aggregate !== null
                                    ? `${t('feedback.aggregate', { value: formatNumber(i.aggregate, lang, 2) })} · ${t('feedback.levelLine', { level: i.level, label: lang === 'en' ? i.levelLabelEn : i.levelLabelId })}`
                                    : t('feedback.noMarks')
                                  : i.value !== null
                                    ? `${t('feedback.dataScored')} · ${t('feedback.dataValue', { value: formatNumber(i.value, lang, Number.isInteger(i.value) ? 0 : 2) })}`
                                    : t('feedback.dataScored')}
                              </Text>
                            </Table.Td>
                            <Table.Td ta="right" fw={600}>
                              {num(i.own)}
                            </Table.Td>
                            <Table.Td ta="right">{num(i.median)}</Table.Td>
                            {i.winners.map((w, k) => (
                              <Table.Td key={k} ta="right">
                                {num(w)}
                              </Table.Td>
                            ))}
                          </Table.Tr>
                        )),
                      ])}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Stack>
            </Paper>
          ))}

          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={3} size="h4">
                {t('feedback.comments')}
              </Title>
              {f.comments.length === 0 ? <Text size="sm">{t('feedback.noComments')}</Text> : null}
              {f.comments.map((c) => (
                <div key={c.key} data-comment={c.key}>
                  <Group gap="xs" wrap="wrap">
                    <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {itemTitle(c.section, c.entry, t)}
                    </Text>
                    <Badge size="sm" color={statusColors[c.status]}>
                      {t(`verify.${c.status}`)}
                    </Badge>
                  </Group>
                  <Text size="sm">{c.comment}</Text>
                </div>
              ))}
            </Stack>
          </Paper>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t('feedback.about', { sha: f.packageSha256 })}
          </Text>
        </>
      ) : null}
    </Stack>
  );
}

import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Code, FileInput, Group, List, NumberInput, Paper, Progress, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SnapshotSummary } from '../../../shared/contracts/index.ts';
import { formatDateTime, formatNumber, type Lang } from '../../../shared/i18n/format.ts';
import { get, upload } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldErrors, type FieldName } from '../../field-errors.ts';
import { JobProgress, useJob } from '../../components/job-progress.tsx';

/** A refused file is named by its name (`files.employers.csv`, `files.workforce` when missing): all are shown on the one file field. */
const importField: FieldName = (path) => (path.startsWith('files.') ? 'files' : path);

/** The national admin uploads an extract; the import's progress shows while it runs. */
export function ImportPanel({ editionId, defaultYear }: { editionId: string; defaultYear: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const client = useQueryClient();
  const [files, setFiles] = useState<File[]>([]);
  const [year, setYear] = useState<number | string>(defaultYear);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const fields = useFieldErrors(['files', 'year'], 'coverageImport', importField);
  const job = useJob(jobId);
  const snapshots = useQuery({
    queryKey: ['snapshots', editionId],
    queryFn: () => get<SnapshotSummary[]>(`/api/editions/${editionId}/coverage/snapshots`),
    refetchInterval: (query) => (query.state.data?.some((s) => s.status === 'running') ? 1000 : false),
  });
  const running = snapshots.data?.find((s) => s.status === 'running');
  const jobStatus = job.data?.status;
  useEffect(() => {
    if (jobStatus === 'done' || jobStatus === 'failed') void client.invalidateQueries({ queryKey: ['snapshots', editionId] });
  }, [jobStatus, editionId, client]);
  const latest = snapshots.data?.[0];
  const readyVersion = latest?.status === 'ready' ? latest.version : null;
  useEffect(() => {
    if (readyVersion != null) void client.invalidateQueries({ queryKey: ['coverage', editionId] });
  }, [readyVersion, editionId, client]);

  async function start() {
    setError(null);
    // The year the server takes: a whole year from 2000 to 2100, said at once in the user's language.
    const badYear = year !== '' && !(Number.isInteger(Number(year)) && Number(year) >= 2000 && Number(year) <= 2100);
    if (!fields.check({ files, year }, badYear ? { year: t('fieldErrors.forms.coverageImport.year') } : {})) return;
    setBusy(true);
    try {
      const form = new FormData();
      form.append('year', String(year));
      for (const f of files) form.append('files', f, f.name);
      const accepted = await upload<SnapshotSummary & { jobId: string }>(`/api/editions/${editionId}/coverage/imports`, form);
      setJobId(accepted.jobId);
      setFiles([]);
      await client.invalidateQueries({ queryKey: ['snapshots', editionId] });
    } catch (e) {
      setError(e);
      fields.refused(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md">
      <Stack>
        <Text fw={600}>{t('coverage.upload')}</Text>
        <Text size="sm" c="dimmed">
          {t('coverage.uploadHint')}
        </Text>
        <ErrorAlert error={error} {...fields.alert} />
        <Group align="flex-end" grow>
          <FileInput label={t('coverage.files')} multiple clearable value={files} error={fields.errors.files} onChange={setFiles} accept=".csv,.gz,.parquet" />
          <NumberInput label={t('coverage.year')} required min={2000} max={2100} allowDecimal={false} thousandSeparator={false} value={year} error={fields.errors.year} onChange={setYear} maw={160} />
        </Group>
        <Button color="teal" w="fit-content" loading={busy} disabled={files.length === 0 || running != null} onClick={() => void start()}>
          {t('coverage.start')}
        </Button>
        {running ? (
          <Stack gap={4} role="status">
            <Text size="sm">
              {t('coverage.running', {
                stage: running.progress?.message ?? running.progress?.stage ?? '…',
                rows: formatNumber(running.progress?.rowsRead ?? 0, lang),
                seconds: Math.round((running.progress?.elapsedMs ?? 0) / 1000),
              })}
            </Text>
            {job.data?.status === 'running' && job.data.progress.total > 0 ? null : <Progress value={100} animated striped />}
          </Stack>
        ) : null}
        {running ? <JobProgress job={job.data} error={job.error} /> : null}
        {latest?.status === 'failed' ? (
          <Alert color="red" title={t('coverage.failed')} role="alert">
            <List size="sm">
              {(latest.problems ?? []).map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        {snapshots.data && snapshots.data.length > 0 ? (
          <Table.ScrollContainer minWidth={600}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('coverage.version')}</Table.Th>
                  <Table.Th>{t('coverage.year')}</Table.Th>
                  <Table.Th>{t('coverage.status')}</Table.Th>
                  <Table.Th>{t('coverage.files')}</Table.Th>
                  <Table.Th>{t('audit.at')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {snapshots.data.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>v{s.version}</Table.Td>
                    <Table.Td>{s.year}</Table.Td>
                    <Table.Td>
                      <Badge color={s.status === 'ready' ? 'teal' : s.status === 'failed' ? 'red' : 'blue'} variant="light">
                        {t(`coverage.snapshotStatus.${s.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {s.inputFiles.map((f) => (
                        <div key={f.name}>
                          {f.name} <Code title={f.sha256}>{f.sha256.slice(0, 12)}</Code>
                        </div>
                      ))}
                    </Table.Td>
                    <Table.Td>{formatDateTime(s.createdAt, lang)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
    </Paper>
  );
}

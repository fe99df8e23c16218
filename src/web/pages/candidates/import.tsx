import { useEffect, useState } from 'react';
import { Alert, Anchor, Button, FileInput, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../shared/i18n/format.ts';
import { upload } from '../../api.ts';
import { useSession } from '../../auth.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldErrors } from '../../field-errors.ts';
import { AnchorLink } from '../../components/links.tsx';
import { JobProgress, useJob } from '../../components/job-progress.tsx';
import { useProvinces } from '../edition/use-edition.ts';
import { sheetProblems } from './sheet-problems.ts';

/** Bulk import of a province's candidates from the XLSX/CSV template: all rows or none. */
export function ImportPage() {
  const { id } = useParams({ from: '/app/editions/$id/candidates/import' });
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const client = useQueryClient();
  const provinces = useProvinces();
  // Where the server says the user runs the committee.
  const own = me?.committee.provinces ?? [];
  const national = me?.committee.national ?? false;
  const [province, setProvince] = useState<string | null>(own.length === 1 && !national ? own[0]! : null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);
  const created = job.data?.status === 'done' ? Number(job.data.result?.created ?? 0) : null;
  // The rows refused, each said in the page's language; the template as downloaded (column names only) by its reason code.
  const sheet = sheetProblems(error, t, i18n.language as Lang);
  const { noRows } = sheet;
  const problems = sheet.rows;
  // The sheet's rows are listed in the table below; the form's own fields are marked on them.
  const fields = useFieldErrors(['province', 'file'], 'sheetImport');
  useEffect(() => {
    if (created != null) void client.invalidateQueries({ queryKey: ['candidates', id] });
  }, [created, client, id]);

  async function send() {
    setError(null);
    // Required fields first, in the user's language, before anything is sent.
    if (!fields.check({ province, file }) || !file || !province) return;
    setBusy(true);
    setJobId(null);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      // The server checks every row before it answers, then saves them in the background.
      const accepted = await upload<{ jobId: string }>(`/api/editions/${id}/candidates/import?province=${province}`, form);
      setJobId(accepted.jobId);
      setFile(null);
    } catch (e) {
      setError(e);
      if (sheetProblems(e, t, i18n.language as Lang).rows.length === 0) fields.refused(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack maw={900}>
      <AnchorLink to="/editions/$id/candidates" params={{ id }} size="sm">
        ← {t('candidates.title')}
      </AnchorLink>
      <Title order={2}>{t('importer.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('importer.hint')}
      </Text>
      <Paper withBorder p="md">
        <Stack>
          <Group gap="md">
            <Text size="sm" fw={600}>
              {t('importer.template')}:
            </Text>
            <Anchor href={`/api/editions/${id}/candidates/template?format=xlsx`} download>
              XLSX
            </Anchor>
            <Anchor href={`/api/editions/${id}/candidates/template?format=csv`} download>
              CSV
            </Anchor>
          </Group>
          <Text size="sm">{t('importer.templateHint')}</Text>
          <Select
            label={t('setup.province')}
            required
            searchable
            disabled={!national && own.length === 1}
            data={(provinces.data ?? []).filter((p) => national || own.includes(p.code)).map((p) => ({ value: p.code, label: p.name }))}
            value={province}
            error={fields.errors.province}
            onChange={setProvince}
          />
          <FileInput label={t('importer.file')} placeholder={t('importer.pick')} accept=".xlsx,.csv,text/csv" required value={file} error={fields.errors.file ? (sheet.file ?? fields.errors.file) : undefined} onChange={setFile} clearable />
          <Button
            color="teal"
            w="fit-content"
            disabled={job.data?.status === 'queued' || job.data?.status === 'running'}
            loading={busy}
            onClick={() => void send()}
          >
            {t('importer.start')}
          </Button>
          {jobId != null && job.data?.status !== 'done' && job.data?.status !== 'failed' ? (
            <Text size="sm" c="dimmed">
              {t('importer.queued')}
            </Text>
          ) : null}
          {job.data?.status === 'failed' ? (
            <Alert color="red" role="alert">
              {t('importer.jobFailed')}
            </Alert>
          ) : null}
          <JobProgress job={job.data} error={job.error} />
          {created != null ? (
            <Alert color="teal" role="status">
              {t('importer.done', { created })}
            </Alert>
          ) : null}
          {noRows ? (
            <Alert color="red" role="alert" title={t('importer.noRowsTitle')}>
              {t('importer.noRows')}
            </Alert>
          ) : null}
          {problems.length > 0 ? (
            <Alert color="red" role="alert" title={t('importer.failed')} style={{ minWidth: 0 }}>
              <Table withTableBorder fz="sm" bg="white" layout="fixed">
                  <colgroup>
                    <col style={{ width: '4.5rem' }} />
                    <col style={{ width: '32%' }} />
                    <col />
                  </colgroup>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('importer.row')}</Table.Th>
                      <Table.Th>{t('importer.column')}</Table.Th>
                      <Table.Th>{t('importer.reason')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {problems.map((p, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>{p.row}</Table.Td>
                        <Table.Td style={{ overflowWrap: 'anywhere' }}>
                          <code>{p.column}</code>
                        </Table.Td>
                        <Table.Td>{p.reason}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
              </Table>
            </Alert>
          ) : noRows ? null : (
            <ErrorAlert error={error} {...fields.alert} />
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}

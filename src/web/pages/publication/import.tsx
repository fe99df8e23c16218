import { useState } from 'react';
import { Alert, Button, Checkbox, Code, FileInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ArchiveImportResult, ArchiveInspection } from '../../../shared/contracts/index.ts';
import { formatDateTime, formatNumber, type Lang } from '../../../shared/i18n/format.ts';
import { upload } from '../../api.ts';
import { AnchorLink } from '../../components/links.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldErrors } from '../../field-errors.ts';

const formOf = (file: File): FormData => {
  const form = new FormData();
  form.append('file', file);
  return form;
};

/**
 * The national admin restores an edition from another installation's
 * archive in two steps: the archive is checked and its signer shown (the
 * installation and its key's fingerprint), then imported only once the
 * admin confirms that fingerprint.
 */
export function ImportEditionPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [file, setFile] = useState<File | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const fields = useFieldErrors(['file'], 'archiveImport');
  const inspect = useMutation({ mutationFn: (f: File) => upload<ArchiveInspection>('/api/editions/import/inspect', formOf(f)), onError: fields.refused });
  const run = useMutation({
    mutationFn: ({ f, fingerprint }: { f: File; fingerprint: string }) => upload<ArchiveImportResult>(`/api/editions/import?trust=${encodeURIComponent(fingerprint)}`, formOf(f)),
  });
  const choose = (f: File | null) => {
    setFile(f);
    setConfirmed(false);
    fields.clear();
    inspect.reset();
    run.reset();
  };
  const seen = inspect.data;
  const r = run.data;
  return (
    <Stack maw={720}>
      <Title order={2}>{t('publication.navImport')}</Title>
      <Text size="sm">{t('publication.importHint')}</Text>
      <Paper withBorder p="md">
        <Stack>
          <FileInput label={t('publication.importFile')} value={file} onChange={choose} accept=".gz,.tgz,application/gzip" error={fields.errors.file} required clearable />
          <Button w="fit-content" loading={inspect.isPending} onClick={() => fields.check({ file }) && file && inspect.mutate(file)}>
            {t('publication.importInspect')}
          </Button>
        </Stack>
      </Paper>
      <ErrorAlert error={inspect.error} {...fields.alert} />
      {seen && file && !r ? (
        <Paper withBorder p="md" data-testid="archive-signer">
          <Stack>
            <Table variant="vertical" withTableBorder>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w={220}>{t('publication.importSigner')}</Table.Th>
                  <Table.Td>{seen.signer.installation}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('publication.importFingerprint')}</Table.Th>
                  <Table.Td>
                    <Code>{seen.signer.fingerprint}</Code>
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <Text size="sm">
              {t('publication.importSummary', {
                label: seen.edition.label,
                exportedAt: formatDateTime(seen.exportedAt, lang),
                rows: formatNumber(
                  Object.values(seen.tables).reduce((a, b) => a + b, 0),
                  lang,
                ),
                tables: Object.keys(seen.tables).length,
                files: formatNumber(seen.files, lang),
                users: formatNumber(seen.users, lang),
              })}
            </Text>
            {seen.withheldPools > 0 ? <Text size="sm">{t('publication.importWithheld', { count: seen.withheldPools })}</Text> : null}
            {seen.alreadyHere ? <Alert color="yellow">{t('publication.importAlreadyHere')}</Alert> : null}
            <Text size="sm" c="dimmed">
              {t('publication.importConfirmHint')}
            </Text>
            <Checkbox label={t('publication.importConfirm')} checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
            <Button
              color="teal"
              w="fit-content"
              disabled={!confirmed || seen.alreadyHere}
              loading={run.isPending}
              onClick={() => run.mutate({ f: file, fingerprint: seen.signer.fingerprint })}
            >
              {t('publication.importStart')}
            </Button>
          </Stack>
        </Paper>
      ) : null}
      <ErrorAlert error={run.error} />
      {r ? (
        <Alert color="green">
          {t('publication.imported', { label: r.label, rows: Object.values(r.tables).reduce((a, b) => a + b, 0), files: r.files, created: r.users.created })}{' '}
          <AnchorLink to="/editions/$id" params={{ id: r.editionId }}>
            {r.label}
          </AnchorLink>
        </Alert>
      ) : null}
    </Stack>
  );
}

import { useState } from 'react';
import { Alert, Button, FileInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ArchiveImportResult } from '../../../shared/contracts/index.ts';
import { upload } from '../../api.ts';
import { AnchorLink } from '../../components/links.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';

/** The national admin restores an edition from another installation's archive. */
export function ImportEditionPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.append('file', file!);
      return upload<ArchiveImportResult>('/api/editions/import', form);
    },
  });
  const r = run.data;
  return (
    <Stack maw={640}>
      <Title order={2}>{t('publication.navImport')}</Title>
      <Text size="sm">{t('publication.importHint')}</Text>
      <Paper withBorder p="md">
        <Stack>
          <FileInput label={t('publication.importFile')} value={file} onChange={setFile} accept=".gz,.tgz,application/gzip" clearable />
          <Button color="teal" w="fit-content" disabled={!file} loading={run.isPending} onClick={() => run.mutate()}>
            {t('publication.importStart')}
          </Button>
        </Stack>
      </Paper>
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

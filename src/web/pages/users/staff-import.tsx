import { useState } from 'react';
import { Alert, Anchor, Button, FileInput, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EditionSummary, PanelDetail, Province } from '../../../shared/contracts/index.ts';
import { get, upload } from '../../api.ts';
import { useSession } from '../../auth.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldErrors } from '../../field-errors.ts';
import type { Lang } from '../../../shared/i18n/format.ts';
import { sheetProblems } from '../candidates/sheet-problems.ts';

/**
 * Bulk invitation of a province's verifiers or jurors from the XLSX/CSV
 * template, all rows or none; jurors may be seated on one of the province's
 * panels at once. Bad rows are listed with their column and reason.
 */
export function StaffImport() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const client = useQueryClient();
  const national = me?.committee.national ?? false;
  const own = me?.committee.provinces ?? [];
  const provinces = useQuery({ queryKey: ['provinces'], queryFn: () => get<Province[]>('/api/regions/provinces'), staleTime: Infinity });
  const editions = useQuery({ queryKey: ['editions'], queryFn: () => get<EditionSummary[]>('/api/editions') });
  const [province, setProvince] = useState<string | null>(!national && own.length === 1 ? own[0]! : null);
  const [role, setRole] = useState<'verifier' | 'juror'>('verifier');
  const [edition, setEdition] = useState<string | null>(null);
  const [panel, setPanel] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<{ invited: number; seated: number } | null>(null);
  const panels = useQuery({
    queryKey: ['panels', edition],
    queryFn: () => get<PanelDetail[]>(`/api/editions/${edition}/panels`),
    enabled: edition !== null && role === 'juror',
  });
  const panelChoices = (panels.data ?? []).filter((p) => p.area === province).map((p) => ({ value: p.id, label: p.name }));
  const sheet = sheetProblems(error, t, i18n.language as Lang);
  const problems = sheet.rows;
  // The sheet's rows are listed in the table below; the form's own fields are marked on them.
  const fields = useFieldErrors(['file', 'province', 'role', 'panelId'], 'sheetImport');

  async function send() {
    setError(null);
    // Required fields first, in the user's language, before anything is sent.
    if (!fields.check({ province, file }) || !file || !province) return;
    setBusy(true);
    setResult(null);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const query = new URLSearchParams({ province, role, ...(role === 'juror' && panel ? { panelId: panel } : {}) });
      setResult(await upload<{ invited: number; seated: number }>(`/api/users/import?${query.toString()}`, form));
      setFile(null);
      await client.invalidateQueries({ queryKey: ['users'] });
      await client.invalidateQueries({ queryKey: ['staff-invitations'] });
      await client.invalidateQueries({ queryKey: ['panels'] });
    } catch (e) {
      setError(e);
      if (sheetProblems(e, t, i18n.language as Lang).rows.length === 0) fields.refused(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack maw={900}>
      <Title order={3}>{t('staff.bulk.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('staff.bulk.hint')}
      </Text>
      <Paper withBorder p="md">
        <Stack>
          <Group gap="md">
            <Text size="sm" fw={600}>
              {t('staff.bulk.template')}:
            </Text>
            <Anchor href="/api/users/template?format=xlsx" download>
              XLSX
            </Anchor>
            <Anchor href="/api/users/template?format=csv" download>
              CSV
            </Anchor>
          </Group>
          <Select
            label={t('users.province')}
            required
            searchable
            disabled={!national && own.length === 1}
            data={(provinces.data ?? []).filter((p) => national || own.includes(p.code)).map((p) => ({ value: p.code, label: p.name }))}
            value={province}
            error={fields.errors.province}
            onChange={(v) => {
              setProvince(v);
              setPanel(null);
            }}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('staff.bulk.role')}
            </Text>
            <SegmentedControl
              w="fit-content"
              value={role}
              onChange={(v) => setRole(v)}
              data={[
                { value: 'verifier', label: t('roles.verifier') },
                { value: 'juror', label: t('roles.juror') },
              ]}
            />
          </Stack>
          {role === 'juror' ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('staff.bulk.edition')}
                data={(editions.data ?? []).map((e) => ({ value: e.id, label: e.label }))}
                value={edition}
                onChange={(v) => {
                  setEdition(v);
                  setPanel(null);
                }}
              />
              <Select label={t('staff.bulk.panel')} description={t('staff.bulk.panelHint')} clearable data={panelChoices} value={panel} error={fields.errors.panelId} onChange={setPanel} disabled={edition === null} />
            </SimpleGrid>
          ) : null}
          <FileInput label={t('importer.file')} placeholder={t('importer.pick')} accept=".xlsx,.csv,text/csv" required value={file} error={fields.errors.file ? (sheet.file ?? fields.errors.file) : undefined} onChange={setFile} clearable />
          <Button color="teal" w="fit-content" loading={busy} onClick={() => void send()}>
            {t('staff.bulk.start')}
          </Button>
          {result ? (
            <Alert color="teal" role="status">
              {t('staff.bulk.done', result)}
            </Alert>
          ) : null}
          {problems.length > 0 ? (
            <Alert color="red" role="alert" title={t('staff.bulk.failed')} style={{ minWidth: 0 }}>
              <Table withTableBorder fz="sm" bg="white" layout="fixed">
                <colgroup>
                  <col style={{ width: '4.5rem' }} />
                  <col style={{ width: '28%' }} />
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
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{p.reason}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Alert>
          ) : (
            <ErrorAlert error={error} {...fields.alert} />
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}

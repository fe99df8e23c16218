import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CertificateVerification } from '../../../shared/contracts/index.ts';
import { formatDate, formatDateTime, formatNumber, type Lang } from '../../../shared/i18n/format.ts';
import { get } from '../../api.ts';
import { ButtonLink } from '../../components/links.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { levelTitle } from '../../components/labels.ts';

const colors: Record<CertificateVerification['status'], string> = { valid: 'green', replaced: 'yellow', withdrawn: 'yellow', superseded: 'yellow', 'not-genuine': 'red' };

/** "XXXX-XXXX-XXXX" when the code can be read as one. */
const printed = (code: string) => (/^[0-9A-Z]{12}$/.test(code) ? `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}` : code);

function CodeForm({ initial }: { initial: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim()) void navigate({ to: '/verifikasi/$code', params: { code: code.trim() } });
  };
  return (
    <form onSubmit={submit}>
      <Group align="flex-end" gap="xs">
        <TextInput label={t('certificate.code')} placeholder="XXXX-XXXX-XXXX" value={code} onChange={(e) => setCode(e.currentTarget.value)} style={{ flex: 1, minWidth: 200 }} autoCapitalize="characters" spellCheck={false} />
        <Button type="submit">{t('certificate.check')}</Button>
      </Group>
    </form>
  );
}

/** The form to check a certificate by its code. */
export function VerifyFormPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={560}>
      <Title order={1} size="h2">
        {t('certificate.title')}
      </Title>
      <Text>{t('certificate.hint')}</Text>
      <CodeForm initial="" />
    </Stack>
  );
}

/** Whether a certificate is genuine and valid, and exactly what it certifies. */
export function VerifyPage() {
  const { code } = useParams({ from: '/public/verifikasi/$code' });
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const check = useQuery({ queryKey: ['public', 'certificate', code], queryFn: () => get<CertificateVerification>(`/api/public/certificates/${encodeURIComponent(code)}`) });
  const v = check.data;
  const c = v?.certificate;
  const rows: [string, string][] = c
    ? [
        [t('certificate.recipient'), c.candidate.displayName],
        [t('certificate.award'), t('portal.award', { award: c.award })],
        [t('certificate.category'), c.category.name],
        [t('certificate.level'), [levelTitle(c.level.name, t), c.area?.name].filter(Boolean).join(' · ')],
        [t('certificate.edition'), c.edition.label],
        ...(c.ceremony ? [[t('certificate.ceremony'), `${formatDate(c.ceremony.date, lang)}${c.ceremony.place ? `, ${c.ceremony.place}` : ''}`] as [string, string]] : []),
        [t('certificate.signatories'), c.signatories.map((s) => `${s.name} (${s.title})`).join('; ')],
        [t('certificate.score'), formatNumber(c.score, lang, 2)],
        [t('certificate.result'), t('certificate.resultVersion', { version: c.result.version, sha: c.result.packageSha256.slice(0, 16) })],
        [t('certificate.issued'), formatDateTime(c.issuedAt, lang)],
      ]
    : [];
  return (
    <Stack maw={760}>
      <Title order={1} size="h2">
        {t('certificate.title')}
      </Title>
      <ErrorAlert error={check.error} />
      {check.isPending ? <Text>{t('common.loading')}</Text> : null}
      {v ? (
        <Alert color={colors[v.status]} variant="filled" title={t(`certificate.status.${v.status}`)} role="status" data-status={v.status}>
          <Text size="sm" fw={600}>
            {printed(v.code)}
          </Text>
          <Text size="sm">{t(`certificate.explain.${v.reason ?? v.status}`)}</Text>
        </Alert>
      ) : null}
      {c ? (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t('certificate.certifies')}
          </Title>
          <Table>
            <Table.Tbody>
              {rows.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th w="35%" fz="sm" style={{ verticalAlign: 'top' }}>
                    {label}
                  </Table.Th>
                  <Table.Td fz="sm">{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {v?.signature ? (
            <Text size="xs" c="dimmed" mt="xs" style={{ wordBreak: 'break-all' }}>
              {t('certificate.signature', { key: v.signature.keyId })}
            </Text>
          ) : null}
          {v?.status === 'valid' ? (
            <Group mt="md" gap="xs">
              {v.poolId ? (
                <ButtonLink to="/publik/hasil/$poolId" params={{ poolId: v.poolId }} variant="light" size="sm">
                  {t('certificate.viewResult')}
                </ButtonLink>
              ) : null}
              <Button component="a" href={`/api/public/certificates/${v.code}/pdf`} target="_blank" variant="subtle" size="sm">
                {t('certificate.download')}
              </Button>
            </Group>
          ) : null}
        </Paper>
      ) : null}
      <Paper withBorder p="md">
        <CodeForm key={code} initial={v?.status === 'not-genuine' ? code : ''} />
      </Paper>
    </Stack>
  );
}

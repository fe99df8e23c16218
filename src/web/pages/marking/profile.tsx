import { useEffect, useState } from 'react';
import { Alert, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { JurorProfile } from '../../../shared/contracts/index.ts';
import { api, get } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { fieldMessage, useFieldErrors, type FieldErrors } from '../../field-errors.ts';
import { AnchorLink } from '../../components/links.tsx';

type Tie = JurorProfile['ties'][number];

/** A juror records their institution and whom they are tied to; conflicts follow from it. */
export function JurorProfilePage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const profile = useQuery({ queryKey: ['juror-profile'], queryFn: () => get<JurorProfile>('/api/juror/profile') });
  const [institution, setInstitution] = useState('');
  const [ties, setTies] = useState<Tie[]>([]);
  useEffect(() => {
    if (!profile.data) return;
    setInstitution(profile.data.institution ?? '');
    setTies(profile.data.ties);
  }, [profile.data]);
  const fields = useFieldErrors(['institution', 'ties', ...ties.flatMap((_, i) => [`ties.${i}.kind`, `ties.${i}.code`, `ties.${i}.note`])], 'juror.errors');
  const save = useMutation({
    mutationFn: () => api<JurorProfile>('PUT', '/api/juror/profile', { institution: institution.trim() || null, ties: ties.map((x) => ({ ...x, code: x.code.trim(), note: x.note?.trim() || null })) }),
    onSuccess: (data) => {
      fields.clear();
      client.setQueryData(['juror-profile'], data);
    },
    onError: fields.refused,
  });
  const send = () => {
    // Every tie names its region or employer by a code of 2 characters or more, checked before anything is sent.
    const required = Object.fromEntries(ties.map((x, i) => [`ties.${i}.code`, x.code]));
    const own: FieldErrors = Object.fromEntries(ties.flatMap((x, i) => (x.code.trim().length === 1 ? [[`ties.${i}.code`, fieldMessage(`ties.${i}.code`, t, 'juror.errors')]] : [])));
    if (fields.check(required, own)) save.mutate();
  };
  const patch = (i: number, p: Partial<Tie>) => setTies((list) => list.map((x, j) => (j === i ? { ...x, ...p } : x)));
  return (
    <Stack maw={760}>
      <AnchorLink to="/penilaian" size="sm">
        ← {t('marking.title')}
      </AnchorLink>
      <Title order={2}>{t('juror.profileTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('juror.profileIntro')}
      </Text>
      <ErrorAlert error={profile.error ?? save.error} {...fields.alert} />
      {save.isSuccess ? <Alert color="teal">{t('common.saved')}</Alert> : null}
      <TextInput label={t('juror.institution')} value={institution} error={fields.errors.institution} onChange={(e) => setInstitution(e.currentTarget.value)} />
      <Title order={3} size="h4">
        {t('juror.ties')}
      </Title>
      {ties.length === 0 ? <Text c="dimmed" size="sm">{t('juror.noTies')}</Text> : null}
      {ties.map((tie, i) => (
        <Paper key={i} withBorder p="sm">
          <Group align="flex-end" wrap="wrap">
            <Select
              label={t('juror.tieKind')}
              w={200}
              value={tie.kind}
              allowDeselect={false}
              error={fields.errors[`ties.${i}.kind`]}
              onChange={(v) => patch(i, { kind: (v ?? 'regency') })}
              data={[
                { value: 'regency', label: t('juror.kinds.regency') },
                { value: 'employer', label: t('juror.kinds.employer') },
              ]}
            />
            <TextInput label={tie.kind === 'regency' ? t('juror.regencyCode') : t('juror.npp')} w={160} required value={tie.code} error={fields.errors[`ties.${i}.code`]} onChange={(e) => patch(i, { code: e.currentTarget.value })} placeholder={tie.kind === 'regency' ? '52.03' : 'NPP'} />
            <TextInput label={t('juror.note')} style={{ flex: 1, minWidth: 180 }} value={tie.note ?? ''} error={fields.errors[`ties.${i}.note`]} onChange={(e) => patch(i, { note: e.currentTarget.value })} />
            <Button variant="subtle" color="red" onClick={() => setTies((list) => list.filter((_, j) => j !== i))}>
              {t('common.delete')}
            </Button>
          </Group>
        </Paper>
      ))}
      <Group>
        <Button variant="light" onClick={() => setTies((list) => [...list, { kind: 'regency', code: '', note: null }])}>
          {t('juror.addTie')}
        </Button>
        <Button onClick={send} loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}

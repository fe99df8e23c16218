import { useEffect, useState } from 'react';
import { Alert, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { JurorProfile } from '../../../shared/contracts/index.ts';
import { api, get } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
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
  const save = useMutation({
    mutationFn: () => api<JurorProfile>('PUT', '/api/juror/profile', { institution: institution.trim() || null, ties: ties.map((x) => ({ ...x, code: x.code.trim(), note: x.note?.trim() || null })) }),
    onSuccess: (data) => client.setQueryData(['juror-profile'], data),
  });
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
      <ErrorAlert error={profile.error ?? save.error} />
      {save.isSuccess ? <Alert color="teal">{t('common.saved')}</Alert> : null}
      <TextInput label={t('juror.institution')} value={institution} onChange={(e) => setInstitution(e.currentTarget.value)} />
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
              onChange={(v) => patch(i, { kind: (v ?? 'regency') })}
              data={[
                { value: 'regency', label: t('juror.kinds.regency') },
                { value: 'employer', label: t('juror.kinds.employer') },
              ]}
            />
            <TextInput label={tie.kind === 'regency' ? t('juror.regencyCode') : t('juror.npp')} w={160} value={tie.code} onChange={(e) => patch(i, { code: e.currentTarget.value })} placeholder={tie.kind === 'regency' ? '52.03' : 'NPP'} />
            <TextInput label={t('juror.note')} style={{ flex: 1, minWidth: 180 }} value={tie.note ?? ''} onChange={(e) => patch(i, { note: e.currentTarget.value })} />
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
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}

import { useState } from 'react';
import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MembersInput, PanelDetail, SeatableJuror, UnsurOption } from '../../../shared/contracts/index.ts';
import type { Lang } from '../../../shared/i18n/format.ts';
import { api, get } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldErrors } from '../../field-errors.ts';
import { seatProblems } from './seats.ts';

type Member = MembersInput['members'][number];
type Juror = SeatableJuror;

export const useUnsur = () => useQuery({ queryKey: ['unsur'], queryFn: () => get<UnsurOption[]>('/api/catalogue/unsur'), staleTime: Infinity });

/** Seats jurors on a panel with their unsur and role (one chair, at most one secretary). */
export function MembersEditor({ panel, onDone }: { panel: PanelDetail; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const client = useQueryClient();
  const unsur = useUnsur();
  const jurors = useQuery({ queryKey: ['jurors'], queryFn: () => get<Juror[]>('/api/jurors') });
  const [members, setMembers] = useState<Member[]>(panel.members.map(({ userId, unsur: u, role, title }) => ({ userId, unsur: u, role, title })));
  const fields = useFieldErrors(
    members.flatMap((_, i) => ['unsur', 'role', 'title'].map((f) => `members.${i}.${f}`)),
    'members',
  );
  const save = useMutation({
    mutationFn: () => api('PUT', `/api/panels/${panel.id}/members`, { members }),
    onError: fields.refused,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['panels', panel.editionId] });
      onDone();
    },
  });
  const nameOf = (userId: string | undefined) => jurors.data?.find((j) => j.id === userId)?.name ?? panel.members.find((x) => x.userId === userId)?.name ?? '';
  // A refusal of a member no field shows (not a juror, listed twice) names the member.
  const place = (field: string) => nameOf(members[Number(field.split('.')[1])]?.userId) || t('panels.member');
  const patch = (i: number, p: Partial<Member>) => setMembers((list) => list.map((m, j) => (j === i ? { ...m, ...p } : m)));
  const free = (jurors.data ?? []).filter((j) => !members.some((m) => m.userId === j.id));
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('panels.membersHint')}
      </Text>
      <ErrorAlert error={save.error ?? jurors.error} {...fields.alert} place={place} />
      {jurors.data?.length === 0 ? <Text c="dimmed">{t('panels.noJurors')}</Text> : null}
      {members.map((m, i) => {
        const juror = jurors.data?.find((j) => j.id === m.userId);
        return (
          <Group key={m.userId} align="center" wrap="wrap" gap="xs">
            <div style={{ minWidth: 150, flex: 1 }}>
              <Text size="sm" fw={500}>
                {juror?.name ?? panel.members.find((x) => x.userId === m.userId)?.name}
              </Text>
              <Text size="xs" c="dimmed">
                {juror?.institution ?? juror?.email}
              </Text>
            </div>
            <Select
              aria-label={t('panels.unsur')}
              w={190}
              data={(unsur.data ?? []).map((u) => ({ value: u.code, label: u[lang] }))}
              value={m.unsur}
              error={fields.errors[`members.${i}.unsur`]}
              allowDeselect={false}
              onChange={(v) => patch(i, { unsur: v ?? m.unsur })}
            />
            <Select
              aria-label={t('panels.role')}
              w={120}
              data={(['chair', 'secretary', 'member'] as const).map((r) => ({ value: r, label: t(`panels.roles.${r}`) }))}
              value={m.role}
              error={fields.errors[`members.${i}.role`]}
              allowDeselect={false}
              onChange={(v) => patch(i, { role: (v ?? 'member') })}
            />
            <TextInput
              aria-label={t('panels.memberTitle')}
              placeholder={t('panels.memberTitle')}
              w={150}
              value={m.title ?? ''}
              error={fields.errors[`members.${i}.title`]}
              onChange={(e) => patch(i, { title: e.currentTarget.value || null })}
            />
            <Button
              variant="subtle"
              color="red"
              onClick={() => {
                // The rows below move up: their marks, named by row, would land on the wrong member.
                fields.clear();
                setMembers((list) => list.filter((_, j) => j !== i));
              }}
            >
              {t('common.delete')}
            </Button>
          </Group>
        );
      })}
      <Select
        label={t('panels.addMember')}
        placeholder={t('panels.pickJuror')}
        searchable
        value={null}
        data={free.map((j) => ({ value: j.id, label: `${j.name}${j.institution ? ` — ${j.institution}` : ''}` }))}
        onChange={(v) => v && setMembers((list) => [...list, { userId: v, unsur: 'akademisi', role: list.length === 0 ? 'chair' : 'member', title: null }])}
      />
      <Group justify="flex-end">
        <Button
          onClick={() => {
            // The seats first (one chair, at most one secretary), in the user's language, before anything is sent.
            const rule = t('fieldErrors.forms.members.role');
            if (fields.check({}, Object.fromEntries(seatProblems(members).map((f) => [f, rule])))) save.mutate();
          }}
          loading={save.isPending}
        >
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}

import { useState } from 'react';
import { Button, Checkbox, Group, Modal, MultiSelect, PasswordInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { observerOrganisations, roles, type Province, type Regency, type RoleGrant, type RoleName, type UserSummary } from '../../../shared/contracts/index.ts';
import { api, get } from '../../api.ts';
import { useSession } from '../../auth.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldErrors, type FieldErrors } from '../../field-errors.ts';
import { provinceRequired, requiredRoleFields, roleFieldName, type ObserverChoice } from './role-fields.ts';

/** The roles and provinces the signed-in user may give: everything nationally; a province's verifiers and jurors for its admin. */
function useGrantable() {
  const { me } = useSession();
  const national = me?.committee.national ?? false;
  const own = me?.committee.provinces ?? [];
  const provinces = useQuery({ queryKey: ['provinces'], queryFn: () => get<Province[]>('/api/regions/provinces'), staleTime: Infinity });
  const roleChoices: RoleName[] = national ? roles.filter((r) => r !== 'candidate') : ['verifier', 'juror'];
  const provinceChoices = (provinces.data ?? []).filter((p) => national || own.includes(p.code)).map((p) => ({ value: p.code, label: p.name }));
  return { national, own, roleChoices, provinceChoices };
}

type RoleFieldsProps = {
  role: RoleName;
  province: string | null;
  regencies: string[];
  onRole: (r: RoleName) => void;
  onProvince: (p: string | null) => void;
  onRegencies: (codes: string[]) => void;
  /** The form's marked fields (`role`, `province`, `regencies`). */
  errors: FieldErrors;
};

function RoleFields({ role, province, regencies, onRole, onProvince, onRegencies, errors }: RoleFieldsProps) {
  const { t } = useTranslation();
  const { national, roleChoices, provinceChoices } = useGrantable();
  const regencyList = useQuery({
    queryKey: ['province', province],
    queryFn: () => get<Province & { regencies: Regency[] }>(`/api/regions/provinces/${province}`),
    enabled: role === 'verifier' && province !== null,
    staleTime: Infinity,
  });
  const scoped = provinceRequired(role, national);
  // A juror may belong to a province: its admin then sees and seats them (a provincial admin's jurors always do).
  const provincial = scoped || role === 'juror';
  return (
    <>
      <Select label={t('users.role')} data={roleChoices.map((r) => ({ value: r, label: t(`roles.${r}`) }))} value={role} error={errors.role} onChange={(v) => onRole((v) ?? roleChoices[0]!)} allowDeselect={false} />
      {provincial ? (
        <Select
          label={t('users.province')}
          clearable={!scoped}
          description={scoped ? undefined : t('users.jurorProvince')}
          searchable
          data={provinceChoices}
          value={province}
          required={scoped}
          error={errors.province}
          onChange={(p) => {
            onProvince(p);
            onRegencies([]);
          }}
        />
      ) : null}
      {role === 'verifier' && province !== null ? (
        <MultiSelect
          label={t('staff.scope')}
          description={t('staff.scopeHint')}
          searchable
          clearable
          data={(regencyList.data?.regencies ?? []).map((r) => ({ value: r.code, label: r.name }))}
          value={regencies}
          error={errors.regencies}
          onChange={onRegencies}
        />
      ) : null}
    </>
  );
}

function ObserverFields({ value, onChange, errors }: { value: ObserverChoice; onChange: (v: ObserverChoice) => void; errors: FieldErrors }) {
  const { t } = useTranslation();
  const { provinceChoices } = useGrantable();
  return (
    <>
      <Select
        label={t('observers.organisation')}
        data={observerOrganisations.map((o) => ({ value: o, label: t(`observers.organisations.${o}`) }))}
        value={value.organisation}
        required
        error={errors.organisation}
        onChange={(o) => onChange({ ...value, organisation: o })}
      />
      <MultiSelect
        label={t('observers.provinces')}
        description={t('observers.provincesHint')}
        placeholder={value.provinces.length === 0 ? t('observers.allProvinces') : undefined}
        searchable
        clearable
        data={provinceChoices}
        value={value.provinces}
        error={errors.observerProvinces}
        onChange={(provinces) => onChange({ ...value, provinces })}
      />
    </>
  );
}

/** The fields of a role, as the user forms name them (see `roleFieldName`). */
const roleFields = ['role', 'province', 'regencies', 'organisation', 'observerProvinces'];

const grantOf = (role: RoleName, province: string | null, national: boolean, regencies: string[], observer: ObserverChoice): RoleGrant[] => {
  // An observer: one grant per province it watches, or one without a province for the nation.
  if (role === 'observer') {
    const organisation = observer.organisation;
    return observer.provinces.length === 0
      ? [{ role, provinceCode: null, candidateId: null, organisation }]
      : observer.provinces.map((provinceCode) => ({ role, provinceCode, candidateId: null, organisation }));
  }
  const provincial = role === 'provincial_admin' || role === 'verifier' || role === 'juror' || !national;
  // A verifier with regencies is limited to them (a branch office); without, it covers the province.
  return [{ role, provinceCode: provincial ? province : null, candidateId: null, regencyCodes: role === 'verifier' && regencies.length > 0 ? regencies : null }];
};

export function CreateUserModal({ onClose, onCreated }: { onClose: () => void; onCreated: (u: UserSummary) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { national, own, roleChoices } = useGrantable();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [invite, setInvite] = useState(true);
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<RoleName>(roleChoices[0]!);
  const [province, setProvince] = useState<string | null>(!national && own.length === 1 ? own[0]! : null);
  const [regencies, setRegencies] = useState<string[]>([]);
  const [observer, setObserver] = useState<ObserverChoice>({ organisation: null, provinces: [] });
  const fields = useFieldErrors(['name', 'email', 'password', ...roleFields], 'user', roleFieldName(role));
  const create = useMutation({
    mutationFn: () =>
      api<UserSummary>('POST', '/api/users', { name, email, ...(invite ? { invite: true } : { password }), locale: 'id', roles: grantOf(role, province, national, regencies, observer) }),
    onError: fields.refused,
    onSuccess: async (user) => {
      await client.invalidateQueries({ queryKey: ['users'] });
      await client.invalidateQueries({ queryKey: ['staff-invitations'] });
      onCreated(user);
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('users.create')}>
      <Stack>
        <ErrorAlert error={create.error} {...fields.alert} />
        <TextInput label={t('users.name')} required value={name} error={fields.errors.name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
        <TextInput label={t('users.email')} required type="email" value={email} error={fields.errors.email} onChange={(e) => setEmail(e.currentTarget.value)} />
        <Checkbox label={t('staff.invite')} checked={invite} onChange={(e) => setInvite(e.currentTarget.checked)} />
        {invite ? null : (
          <PasswordInput label={t('users.password')} description={t('account.passwordHint')} autoComplete="new-password" required value={password} error={fields.errors.password} aria-invalid={fields.errors.password ? true : undefined} onChange={(e) => setPassword(e.currentTarget.value)} />
        )}
        <RoleFields role={role} province={province} regencies={regencies} onRole={setRole} onProvince={setProvince} onRegencies={setRegencies} errors={fields.errors} />
        {role === 'observer' ? <ObserverFields value={observer} onChange={setObserver} errors={fields.errors} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="teal"
            loading={create.isPending}
            onClick={() => {
              // Required fields first, in the user's language, before anything is sent.
              if (fields.check({ name, email, ...(invite ? {} : { password }), ...requiredRoleFields(role, national, province, observer) })) create.mutate();
            }}
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Changes an account's role, within what the signed-in user may give (the server refuses the rest). */
export function EditRolesModal({ user, onClose }: { user: UserSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { national, roleChoices } = useGrantable();
  const first = user.roles[0];
  const [role, setRole] = useState<RoleName>(first && roleChoices.includes(first.role) ? first.role : roleChoices[0]!);
  const [province, setProvince] = useState<string | null>(first?.provinceCode ?? null);
  const [regencies, setRegencies] = useState<string[]>(first?.regencyCodes ?? []);
  const observerGrants = user.roles.filter((r) => r.role === 'observer');
  const [observer, setObserver] = useState<ObserverChoice>({
    organisation: observerGrants[0]?.organisation ?? null,
    provinces: observerGrants.flatMap((r) => (r.provinceCode ? [r.provinceCode] : [])),
  });
  const fields = useFieldErrors(roleFields, 'user', roleFieldName(role));
  const save = useMutation({
    mutationFn: () => api('PATCH', `/api/users/${user.id}`, { roles: grantOf(role, province, national, regencies, observer) }),
    onError: fields.refused,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={`${t('staff.editRoles')}: ${user.name}`}>
      <Stack>
        <ErrorAlert error={save.error} {...fields.alert} />
        <RoleFields role={role} province={province} regencies={regencies} onRole={setRole} onProvince={setProvince} onRegencies={setRegencies} errors={fields.errors} />
        {role === 'observer' ? <ObserverFields value={observer} onChange={setObserver} errors={fields.errors} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="teal"
            loading={save.isPending}
            onClick={() => {
              if (fields.check(requiredRoleFields(role, national, province, observer))) save.mutate();
            }}
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * Switches off another account's two-step verification (its owner lost the
 * app and the recovery codes), with a reason: the server ends the account's
 * sessions, e-mails the owner and audits it.
 */
export function ResetTwoFactorModal({ user, onClose, onDone }: { user: UserSummary; onClose: () => void; onDone: (u: UserSummary) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const fields = useFieldErrors(['reason'], 'staff.resetTwoFactor.errors');
  const reset = useMutation({
    mutationFn: () => api<UserSummary>('POST', `/api/users/${user.id}/two-factor/reset`, { reason }),
    onError: fields.refused,
    onSuccess: async (done) => {
      await client.invalidateQueries({ queryKey: ['users'] });
      onDone(done);
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('staff.resetTwoFactor.title', { name: user.name })}>
      <Stack>
        <Text size="sm">{t('staff.resetTwoFactor.hint')}</Text>
        <ErrorAlert error={reset.error} {...fields.alert} />
        <Textarea
          label={t('staff.resetTwoFactor.reason')}
          description={t('staff.resetTwoFactor.reasonHint')}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          error={fields.errors.reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={reset.isPending}
            onClick={() => {
              if (fields.check({ reason })) reset.mutate();
            }}
          >
            {t('staff.resetTwoFactor.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

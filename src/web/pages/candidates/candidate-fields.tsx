import { useState } from 'react';
import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { sizeClassValues, type Contact, type Province, type RegistrationEdition, type Regency, type Village } from '../../../shared/contracts/index.ts';
import type { Lang } from '../../../shared/i18n/format.ts';
import { get } from '../../api.ts';
import { within, type FieldErrors } from '../../field-errors.ts';

/** The fields CandidateFields marks (`candidate`, a duplicate, on the regency or the NPP). */
export const candidateFieldNames = ['categoryId', 'provinceCode', 'regencyCode', 'candidate', 'npp', 'name', 'sizeClass', 'sector', 'address'];

type CategoryOption = RegistrationEdition['categories'][number];

/** What a nomination or a self-registration says about the candidate. */
export type CandidateDraft = {
  categoryId: string | null;
  provinceCode: string | null;
  regencyCode: string | null;
  villageCode: string | null;
  npp: string;
  name: string;
  sizeClass: string | null;
  sector: string;
  address: string;
};
export const emptyDraft = (provinceCode: string | null): CandidateDraft => ({
  categoryId: null,
  provinceCode,
  regencyCode: null,
  villageCode: null,
  npp: '',
  name: '',
  sizeClass: null,
  sector: '',
  address: '',
});

export const isPemda = (family: string | undefined) => family === 'pemda' || family === 'desa';

/**
 * What identifies a candidate of the category (the server's rule,
 * src/domain/candidates/rules.ts): its province, regency/city, village or NPP.
 */
export function unitOf(category: { code: string; family: string } | undefined): 'provinsi' | 'kabupaten-kota' | 'desa' | 'npp' | null {
  if (!category) return null;
  if (category.family === 'desa') return 'desa';
  if (category.family === 'pemda') return category.code === 'pemprov' ? 'provinsi' : 'kabupaten-kota';
  return 'npp';
}

/** The body the API takes for the candidate part of a draft. */
export function draftBody(draft: CandidateDraft, category: { code: string; family: string } | undefined) {
  const unit = unitOf(category);
  const pemda = unit !== 'npp';
  const text = (v: string) => (v.trim() === '' ? null : v.trim());
  return {
    categoryId: draft.categoryId,
    provinceCode: draft.provinceCode,
    regencyCode: unit === 'kabupaten-kota' ? draft.regencyCode : null,
    ...(unit === 'desa' ? { villageCode: draft.villageCode } : {}),
    npp: pemda ? null : text(draft.npp),
    // A regency takes its Kemendagri name; a provincial government and a village keep the name given.
    name: unit === 'kabupaten-kota' ? null : text(draft.name),
    sizeClass: pemda ? null : draft.sizeClass,
    sector: pemda ? null : text(draft.sector),
    address: text(draft.address),
  };
}

/** A village of the chosen regency, searched by village or district name on the server. */
function VillagePicker({ draft, onChange, regencies }: { draft: CandidateDraft; onChange: (patch: Partial<CandidateDraft>) => void; regencies: Regency[] }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const villages = useQuery({
    queryKey: ['villages', draft.regencyCode, q],
    queryFn: () => get<Village[]>(`/api/regions/villages?regency=${draft.regencyCode}&q=${encodeURIComponent(q)}`),
    enabled: draft.regencyCode != null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
  const picked = (villages.data ?? []).find((v) => v.code === draft.villageCode);
  const [chosen, setChosen] = useState<Village | null>(null);
  const shown = picked ?? (chosen?.code === draft.villageCode ? chosen : null);
  const options = [...(shown && !(villages.data ?? []).some((v) => v.code === shown.code) ? [shown] : []), ...(villages.data ?? [])];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Select
        label={t('units.villageRegency')}
        required
        searchable
        data={regencies.map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))}
        value={draft.regencyCode}
        onChange={(v) => onChange({ regencyCode: v, villageCode: null })}
      />
      <Select
        label={t('units.village')}
        description={draft.regencyCode ? t('units.villageHint') : t('units.pickRegencyFirst')}
        required
        searchable
        disabled={draft.regencyCode == null}
        filter={({ options: all }) => all}
        searchValue={search}
        onSearchChange={setSearch}
        nothingFoundMessage={villages.isFetching ? '…' : t('units.noVillages')}
        data={options.map((v) => ({ value: v.code, label: `${v.name} · ${t('units.districtOf', { district: v.districtName })} (${v.code})` }))}
        value={draft.villageCode}
        onChange={(v) => {
          setChosen(options.find((x) => x.code === v) ?? null);
          onChange({ villageCode: v });
        }}
      />
      <TextInput
        label={t('units.villageName')}
        description={t('units.villageNameHint', { village: shown?.name ?? '…' })}
        value={draft.name}
        onChange={(e) => onChange({ name: e.currentTarget.value })}
      />
    </SimpleGrid>
  );
}

/**
 * Category, province and identity: a regional government is picked from the
 * province's regencies/cities; a company is named by NPP with its size class.
 */
export function CandidateFields({
  draft,
  onChange,
  categories,
  provinces,
  lockProvince,
  errors = {},
}: {
  draft: CandidateDraft;
  onChange: (draft: CandidateDraft) => void;
  categories: CategoryOption[];
  provinces: Province[];
  lockProvince: boolean;
  /** Problems by field name, in the user's language (see field-errors.ts). */
  errors?: FieldErrors;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const category = categories.find((c) => c.id === draft.categoryId);
  const regencies = useQuery({
    queryKey: ['regencies', draft.provinceCode],
    queryFn: () => get<Regency[]>(`/api/regions/regencies?province=${draft.provinceCode}`),
    enabled: draft.provinceCode != null,
    staleTime: Infinity,
  });
  const set = (patch: Partial<CandidateDraft>) => onChange({ ...draft, ...patch });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('shortlist.category')}
          required
          data={categories.map((c) => ({ value: c.id, label: lang === 'en' ? c.nameEn : c.nameId }))}
          value={draft.categoryId}
          error={errors.categoryId}
          onChange={(v) => set({ categoryId: v })}
        />
        <Select
          label={t('setup.province')}
          required
          searchable
          disabled={lockProvince}
          data={provinces.map((p) => ({ value: p.code, label: p.name }))}
          value={draft.provinceCode}
          error={errors.provinceCode}
          onChange={(v) => set({ provinceCode: v, regencyCode: null, villageCode: null })}
        />
      </SimpleGrid>
      {!category ? (
        <Text size="sm" c="dimmed">
          {t('nominate.pickCategory')}
        </Text>
      ) : unitOf(category) === 'provinsi' ? (
        <TextInput
          label={t('units.governmentName')}
          description={t('units.provinceGovernmentHint', { province: provinces.find((p) => p.code === draft.provinceCode)?.name ?? '…' })}
          value={draft.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
        />
      ) : unitOf(category) === 'desa' ? (
        <VillagePicker draft={draft} onChange={set} regencies={regencies.data ?? []} />
      ) : isPemda(category.family) ? (
        <Select
          label={t('nominate.regency')}
          description={t('nominate.regencyHint')}
          required
          searchable
          data={(regencies.data ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))}
          value={draft.regencyCode}
          error={errors.regencyCode ?? errors.candidate}
          onChange={(v) => set({ regencyCode: v })}
        />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('nominate.npp')} description={t('nominate.nppHint')} required value={draft.npp} error={errors.npp ?? errors.candidate} onChange={(e) => set({ npp: e.currentTarget.value })} />
          <TextInput label={t('nominate.companyName')} required value={draft.name} error={errors.name} onChange={(e) => set({ name: e.currentTarget.value })} />
          <Select
            label={t('nominate.sizeClass')}
            data={sizeClassValues.map((s) => ({ value: s, label: t(`sizeClasses.${s}`) }))}
            value={draft.sizeClass}
            error={errors.sizeClass}
            onChange={(v) => set({ sizeClass: v })}
          />
          <TextInput label={t('nominate.sector')} value={draft.sector} error={errors.sector} onChange={(e) => set({ sector: e.currentTarget.value })} />
        </SimpleGrid>
      )}
      {category ? <Textarea label={t('nominate.address')} autosize minRows={1} value={draft.address} error={errors.address} onChange={(e) => set({ address: e.currentTarget.value })} /> : null}
    </Stack>
  );
}

export const emptyContact = (): Contact => ({ name: '', position: null, phone: null, email: null });

/** One contact person's fields. */
export function ContactFields({ contact, onChange, requireEmail = false, errors = {} }: { contact: Contact; onChange: (c: Contact) => void; requireEmail?: boolean; errors?: FieldErrors }) {
  const { t } = useTranslation();
  const orNull = (v: string) => (v === '' ? null : v);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <TextInput label={t('nominate.contactName')} required value={contact.name} error={errors.name} onChange={(e) => onChange({ ...contact, name: e.currentTarget.value })} />
      <TextInput label={t('nominate.contactPosition')} value={contact.position ?? ''} error={errors.position} onChange={(e) => onChange({ ...contact, position: orNull(e.currentTarget.value) })} />
      <TextInput label={t('nominate.contactPhone')} type="tel" value={contact.phone ?? ''} error={errors.phone} onChange={(e) => onChange({ ...contact, phone: orNull(e.currentTarget.value) })} />
      <TextInput
        label={t('nominate.contactEmail')}
        type="email"
        required={requireEmail}
        value={contact.email ?? ''}
        error={errors.email}
        onChange={(e) => onChange({ ...contact, email: orNull(e.currentTarget.value) })}
      />
    </SimpleGrid>
  );
}

/** A list of contact persons to add to and remove from. */
export function ContactList({ contacts, onChange, errors = {} }: { contacts: Contact[]; onChange: (c: Contact[]) => void; errors?: FieldErrors }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('nominate.contacts')}</Text>
      {contacts.map((c, i) => (
        <Paper key={i} withBorder p="sm">
          <ContactFields contact={c} errors={within(errors, `contacts.${i}`)} onChange={(next) => onChange(contacts.map((x, j) => (j === i ? next : x)))} />
          <Button size="xs" variant="subtle" color="red" mt="xs" onClick={() => onChange(contacts.filter((_, j) => j !== i))}>
            {t('nominate.removeContact')}
          </Button>
        </Paper>
      ))}
      <Group>
        <Button size="xs" variant="light" onClick={() => onChange([...contacts, emptyContact()])}>
          {t('nominate.addContact')}
        </Button>
      </Group>
    </Stack>
  );
}

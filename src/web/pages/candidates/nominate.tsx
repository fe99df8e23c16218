import { useState } from 'react';
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CandidateDetail, Contact } from '../../../shared/contracts/index.ts';
import { api } from '../../api.ts';
import { useSession } from '../../auth.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { useEdition, useProvinces } from '../edition/use-edition.ts';
import { fieldErrorsOf, requiredErrors, type FieldErrors } from '../../field-errors.ts';
import { CandidateFields, ContactList, candidateFieldNames, draftBody, emptyContact, emptyDraft, unitOf } from './candidate-fields.tsx';

/** The provincial admin nominates one candidate of its province. */
export function NominatePage() {
  const { id } = useParams({ from: '/app/editions/$id/candidates/new' });
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const edition = useEdition(id);
  const provinces = useProvinces();
  // Where the server says the user runs the committee.
  const own = me?.committee.provinces ?? [];
  const national = me?.committee.national ?? false;
  const [draft, setDraft] = useState(() => emptyDraft(own.length === 1 && !national ? own[0]! : null));
  const [contacts, setContacts] = useState<Contact[]>([emptyContact()]);
  const category = edition.data?.categories.find((c) => c.id === draft.categoryId);
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: () =>
      api<CandidateDetail>('POST', `/api/editions/${id}/candidates`, {
        ...draftBody(draft, category),
        contacts: contacts.filter((c) => c.name.trim() !== '' || c.email || c.phone),
      }),
    onError: (e) => setErrors(fieldErrorsOf(e, t, { fields: candidateFieldNames })),
    onSuccess: async (created) => {
      await client.invalidateQueries({ queryKey: ['candidates', id] });
      await navigate({ to: '/candidates/$id', params: { id: created.id } });
    },
  });
  const provinceOptions = (provinces.data ?? []).filter((p) => national || own.includes(p.code));
  return (
    <Stack maw={820}>
      <AnchorLink to="/editions/$id/candidates" params={{ id }} size="sm">
        ← {t('candidates.title')}
      </AnchorLink>
      <Title order={2}>{t('nominate.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('nominate.hint')}
      </Text>
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            // Required fields first, in the user's language, before anything is sent.
            const unit = unitOf(category);
            const identity = unit === 'kabupaten-kota' ? { regencyCode: draft.regencyCode } : unit === 'npp' ? { npp: draft.npp, name: draft.name } : {};
            const missing = requiredErrors({ categoryId: draft.categoryId, provinceCode: draft.provinceCode, ...identity }, t);
            setErrors(missing);
            if (Object.keys(missing).length === 0) save.mutate();
          }}
          noValidate
        >
          <Stack>
            <CandidateFields draft={draft} onChange={setDraft} categories={(edition.data?.categories ?? []).filter((c) => c.family !== 'khusus')} provinces={provinceOptions} lockProvince={!national && own.length === 1} errors={errors} />
            <ContactList contacts={contacts} onChange={setContacts} />
            <ErrorAlert error={save.error} marked={errors} />
            <Button type="submit" color="teal" w="fit-content" loading={save.isPending}>
              {t('nominate.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}

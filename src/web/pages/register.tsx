import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Loader, Select, Stack, Text } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Contact, Province, RegistrationEdition } from '../../shared/contracts/index.ts';
import { api, get } from '../api.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { fieldErrorsOf, requiredErrors, within, type FieldErrors } from '../field-errors.ts';
import { CandidateFields, ContactFields, candidateFieldNames, draftBody, emptyContact, emptyDraft, unitOf } from './candidates/candidate-fields.tsx';
import { PublicFrame } from './public-frame.tsx';

/** The fields the form marks itself; a refusal of any other is listed above the button. */
const shown = [...candidateFieldNames, 'contact.name', 'contact.position', 'contact.phone', 'contact.email'];

type OpenEdition = RegistrationEdition;

/** Self-registration, open to anyone: once its contact confirms the e-mailed link, the application waits for the provincial committee. */
export function RegisterPage() {
  const { t } = useTranslation();
  const editions = useQuery({ queryKey: ['registration-editions'], queryFn: () => get<OpenEdition[]>('/api/registration/editions') });
  const provinces = useQuery({ queryKey: ['provinces'], queryFn: () => get<Province[]>('/api/regions/provinces'), staleTime: Infinity });
  const [editionId, setEditionId] = useState<string | null>(null);
  const [draft, setDraft] = useState(() => emptyDraft(null));
  const [contact, setContact] = useState<Contact>(emptyContact());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState<{ name: string; email: string } | null>(null);
  const edition = editions.data?.find((e) => e.id === (editionId ?? editions.data[0]?.id));
  const category = edition?.categories.find((c) => c.id === draft.categoryId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    // Required fields first, in the user's language, before anything is sent.
    const unit = unitOf(category);
    const identity = unit === 'kabupaten-kota' ? { regencyCode: draft.regencyCode } : unit === 'npp' ? { npp: draft.npp, name: draft.name } : {};
    const missing = requiredErrors({ categoryId: draft.categoryId, provinceCode: draft.provinceCode, ...identity, 'contact.name': contact.name, 'contact.email': contact.email }, t);
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      const receipt = await api<{ name: string }>('POST', '/api/registrations', { editionId: edition?.id, ...draftBody(draft, category), contact });
      setDone({ name: receipt.name, email: contact.email ?? '' });
    } catch (e) {
      setError(e);
      setErrors(fieldErrorsOf(e, t, { fields: shown }));
    } finally {
      setBusy(false);
    }
  }

  const back = (
    <Anchor component={Link} to="/login" size="sm">
      ← {t('register.toLogin')}
    </Anchor>
  );
  if (done) {
    return (
      <PublicFrame title={t('register.title')} width={720}>
        <Alert color="teal" role="status">
          {t('register.done', done)}
        </Alert>
        {back}
      </PublicFrame>
    );
  }
  return (
    <PublicFrame title={t('register.title')} width={720}>
      <Text size="sm">{t('register.hint')}</Text>
      <ErrorAlert error={editions.error} />
      {editions.data?.length === 0 ? <Alert color="gray">{t('register.noEditions')}</Alert> : null}
      {edition ? (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack>
            {editions.data!.length > 1 ? (
              <Select label={t('register.edition')} data={editions.data!.map((e) => ({ value: e.id, label: e.label }))} value={edition.id} onChange={setEditionId} />
            ) : (
              <Text fw={600}>{edition.label}</Text>
            )}
            <CandidateFields draft={draft} onChange={setDraft} categories={edition.categories} provinces={provinces.data ?? []} lockProvince={false} errors={errors} />
            <Text fw={600}>{t('register.contact')}</Text>
            <ContactFields contact={contact} onChange={setContact} requireEmail errors={within(errors, 'contact')} />
            <ErrorAlert error={error} marked={errors} />
            <Button type="submit" color="teal" loading={busy} w="fit-content">
              {t('register.submit')}
            </Button>
          </Stack>
        </form>
      ) : null}
      {back}
    </PublicFrame>
  );
}

/** The link e-mailed to an applicant: confirms the address, after which the committee sees the application. */
export function RegisterConfirmPage() {
  const { token } = useParams({ from: '/daftar/konfirmasi/$token' });
  const { t } = useTranslation();
  const [result, setResult] = useState<{ name: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  // The link works once: confirm once, even when React runs the effect twice in development.
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    api<{ name: string }>('POST', '/api/registrations/confirm', { token }).then(setResult, setError);
  }, [token]);
  return (
    <PublicFrame title={t('register.confirmTitle')} width={720}>
      {result ? (
        <Alert color="teal" role="status">
          {t('register.confirmed', result)}
        </Alert>
      ) : error ? (
        <ErrorAlert error={error} />
      ) : (
        <Text size="sm" role="status">
          <Loader size="xs" mr="xs" />
          {t('register.confirming')}
        </Text>
      )}
      <Anchor component={Link} to="/login" size="sm">
        ← {t('register.toLogin')}
      </Anchor>
    </PublicFrame>
  );
}

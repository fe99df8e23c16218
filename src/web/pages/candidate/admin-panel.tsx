import { useState } from 'react';
import { Alert, Button, Group, Modal, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CandidateDetail, Contact, InvitationSummary, SelfAssessment } from '../../../shared/contracts/index.ts';
import { formatDateShort, type Lang } from '../../../shared/i18n/format.ts';
import { api, get } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldErrors, type FieldErrors } from '../../field-errors.ts';
import { ContactList, emptyContact } from '../candidates/candidate-fields.tsx';
import { contactFieldNames, contactsSent, sentContactName } from './contacts.ts';

type Invitation = InvitationSummary;

/** The provincial committee's actions on a self-registration: approve, or reject with a reason. */
export function RegistrationDecision({ candidate }: { candidate: CandidateDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const fields = useFieldErrors(['reason'], 'registration.errors');
  const decide = useMutation({
    mutationFn: (approve: boolean) => api('POST', `/api/candidates/${candidate.id}/registration`, { approve, reason: approve ? null : reason.trim() || null }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['candidate', candidate.id] });
      await client.invalidateQueries({ queryKey: ['history', candidate.id] });
      await client.invalidateQueries({ queryKey: ['candidates'] });
    },
    onError: fields.refused,
  });
  const reject = () => {
    // A rejection says why (5 characters or more), checked before anything is sent.
    const own: FieldErrors = reason.trim() !== '' && reason.trim().length < 5 ? { reason: t('registration.errors.reason') } : {};
    if (fields.check({ reason }, own)) decide.mutate(false);
  };
  return (
    <Alert color="violet" title={t('registration.pending')}>
      <Stack gap="xs">
        <Text size="sm">{t('registration.approveHint')}</Text>
        <ErrorAlert error={decide.error} {...fields.alert} />
        <Textarea label={t('registration.reason')} autosize minRows={2} value={reason} error={fields.errors.reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Group>
          <Button
            color="teal"
            onClick={() => {
              fields.clear();
              decide.mutate(true);
            }}
            loading={decide.isPending}
          >
            {t('registration.approve')}
          </Button>
          <Button color="red" variant="light" onClick={reject} loading={decide.isPending}>
            {t('registration.reject')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** Invite a person to act for the candidate; lists the invitations sent. */
export function InvitePanel({ candidate }: { candidate: CandidateDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const client = useQueryClient();
  const invitations = useQuery({ queryKey: ['invitations', candidate.id], queryFn: () => get<Invitation[]>(`/api/candidates/${candidate.id}/invitations`) });
  const [email, setEmail] = useState(candidate.contacts.find((c) => c.email)?.email ?? '');
  const fields = useFieldErrors(['email'], 'invite.errors');
  const invite = useMutation({
    mutationFn: () => api<Invitation>('POST', `/api/candidates/${candidate.id}/invitations`, { email }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['invitations', candidate.id] });
      await client.invalidateQueries({ queryKey: ['history', candidate.id] });
    },
    onError: fields.refused,
  });
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('invite.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('invite.hint')}
        </Text>
        <ErrorAlert error={invite.error} {...fields.alert} />
        {invite.data ? (
          <Alert color="teal" role="status">
            {t('invite.sent', { email: invite.data.email })}
          </Alert>
        ) : null}
        <Group align="flex-end">
          <TextInput label={t('invite.email')} type="email" required value={email} error={fields.errors.email} onChange={(e) => setEmail(e.currentTarget.value)} style={{ flex: '1 1 220px' }} />
          <Button
            onClick={() => {
              if (fields.check({ email })) invite.mutate();
            }}
            loading={invite.isPending}
          >
            {t('invite.send')}
          </Button>
        </Group>
        {(invitations.data ?? []).length > 0 ? (
          <>
            <Text size="sm" fw={600}>
              {t('invite.list')}
            </Text>
            {invitations.data!.map((i) => (
              <Text key={i.id} size="sm">
                {i.email} ·{' '}
                {i.acceptedAt ? t('invite.accepted', { date: formatDateShort(i.acceptedAt, lang) }) : `${t('invite.waiting')}, ${t('invite.expires', { date: formatDateShort(i.expiresAt, lang) })}`}
              </Text>
            ))}
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** The committee reopens a submitted self-assessment, with a reason (audited). */
export function ReopenPanel({ candidateId, assessment }: { candidateId: string; assessment: SelfAssessment }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const fields = useFieldErrors(['reason'], 'reopen.errors');
  const reopen = useMutation({
    mutationFn: () => api('POST', `/api/candidates/${candidateId}/self-assessment/reopen`, { reason }),
    onSuccess: async () => {
      setReason('');
      await client.invalidateQueries({ queryKey: ['self-assessment', candidateId] });
      await client.invalidateQueries({ queryKey: ['verification', candidateId] });
      await client.invalidateQueries({ queryKey: ['history', candidateId] });
    },
    onError: fields.refused,
  });
  if (assessment.status !== 'submitted') return null;
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('reopen.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('reopen.hint')}
        </Text>
        <ErrorAlert error={reopen.error} {...fields.alert} />
        <Textarea label={t('reopen.reason')} required autosize minRows={2} value={reason} error={fields.errors.reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Button
          variant="light"
          color="orange"
          w="fit-content"
          onClick={() => {
            if (fields.check({ reason })) reopen.mutate();
          }}
          loading={reopen.isPending}
        >
          {t('reopen.submit')}
        </Button>
      </Stack>
    </Paper>
  );
}

/** Change the contact persons (the committee, or the candidate itself). */
export function ContactsEditor({ candidate, onClose }: { candidate: CandidateDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [contacts, setContacts] = useState<Contact[]>(candidate.contacts.length > 0 ? candidate.contacts : [emptyContact()]);
  // The server numbers the contacts sent (the blank ones are left out): its paths are said by the contact shown.
  const fields = useFieldErrors(contactFieldNames(contacts.length), 'nominate.contactErrors', sentContactName(contacts));
  const save = useMutation({
    mutationFn: () => api('PATCH', `/api/candidates/${candidate.id}`, { contacts: contactsSent(contacts) }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['candidate', candidate.id] });
      await client.invalidateQueries({ queryKey: ['history', candidate.id] });
      onClose();
    },
    onError: fields.refused,
  });
  const send = () => {
    // A contact with a phone or an e-mail has a name, checked before anything is sent.
    const required = Object.fromEntries(contacts.flatMap((c, i) => (contactsSent([c]).length > 0 ? [[`contacts.${i}.name`, c.name]] : [])));
    if (fields.check(required)) save.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={t('nominate.contacts')} size="lg">
      <Stack>
        <ContactList contacts={contacts} onChange={setContacts} errors={fields.errors} />
        <ErrorAlert error={save.error} {...fields.alert} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="teal" onClick={send} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

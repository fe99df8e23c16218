import { useState } from 'react';
import { Alert, Button, Group, Modal, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CandidateDetail, Contact, InvitationSummary, SelfAssessment } from '../../../shared/contracts/index.ts';
import { formatDateShort, type Lang } from '../../../shared/i18n/format.ts';
import { api, get } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ContactList, emptyContact } from '../candidates/candidate-fields.tsx';

type Invitation = InvitationSummary;

/** The provincial committee's actions on a self-registration: approve, or reject with a reason. */
export function RegistrationDecision({ candidate }: { candidate: CandidateDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: (approve: boolean) => api('POST', `/api/candidates/${candidate.id}/registration`, { approve, reason: approve ? null : reason.trim() || null }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['candidate', candidate.id] });
      await client.invalidateQueries({ queryKey: ['history', candidate.id] });
      await client.invalidateQueries({ queryKey: ['candidates'] });
    },
  });
  return (
    <Alert color="violet" title={t('registration.pending')}>
      <Stack gap="xs">
        <Text size="sm">{t('registration.approveHint')}</Text>
        <ErrorAlert error={decide.error} />
        <Textarea label={t('registration.reason')} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Group>
          <Button color="teal" onClick={() => decide.mutate(true)} loading={decide.isPending}>
            {t('registration.approve')}
          </Button>
          <Button color="red" variant="light" onClick={() => decide.mutate(false)} loading={decide.isPending}>
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
  const invite = useMutation({
    mutationFn: () => api<Invitation>('POST', `/api/candidates/${candidate.id}/invitations`, { email }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['invitations', candidate.id] });
      await client.invalidateQueries({ queryKey: ['history', candidate.id] });
    },
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
        <ErrorAlert error={invite.error} />
        {invite.data ? (
          <Alert color="teal" role="status">
            {t('invite.sent', { email: invite.data.email })}
          </Alert>
        ) : null}
        <Group align="flex-end">
          <TextInput label={t('invite.email')} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} style={{ flex: '1 1 220px' }} />
          <Button onClick={() => invite.mutate()} loading={invite.isPending}>
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
  const reopen = useMutation({
    mutationFn: () => api('POST', `/api/candidates/${candidateId}/self-assessment/reopen`, { reason }),
    onSuccess: async () => {
      setReason('');
      await client.invalidateQueries({ queryKey: ['self-assessment', candidateId] });
      await client.invalidateQueries({ queryKey: ['verification', candidateId] });
      await client.invalidateQueries({ queryKey: ['history', candidateId] });
    },
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
        <ErrorAlert error={reopen.error} />
        <Textarea label={t('reopen.reason')} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Button variant="light" color="orange" w="fit-content" onClick={() => reopen.mutate()} loading={reopen.isPending}>
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
  const save = useMutation({
    mutationFn: () => api('PATCH', `/api/candidates/${candidate.id}`, { contacts: contacts.filter((c) => c.name.trim() !== '' || c.email || c.phone) }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['candidate', candidate.id] });
      await client.invalidateQueries({ queryKey: ['history', candidate.id] });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('nominate.contacts')} size="lg">
      <Stack>
        <ContactList contacts={contacts} onChange={setContacts} />
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="teal" onClick={() => save.mutate()} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

import { useState } from 'react';
import { Alert, Anchor, Button, Group, Modal, SimpleGrid, Stack, Tabs, Text, Textarea, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import type { CandidateDetail, SelfAssessment } from '../../../shared/contracts/index.ts';
import type { Lang } from '../../../shared/i18n/format.ts';
import { api, get } from '../../api.ts';
import { useSession } from '../../auth.tsx';
import { CandidateStatusBadge } from '../../components/candidate-status.tsx';
import { EditionPhase } from '../../components/edition-phase.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldErrors, type FieldErrors } from '../../field-errors.ts';
import { categoryName } from '../../components/labels.ts';
import { AnchorLink } from '../../components/links.tsx';
import { useEdition, useProvinces } from '../edition/use-edition.ts';
import { ContactsEditor, InvitePanel, RegistrationDecision, ReopenPanel } from './admin-panel.tsx';
import { DeadlineNotice, ExtensionPanel } from './deadline-panel.tsx';
import { EvidencePanel, useEvidence } from './evidence-panel.tsx';
import { HistoryPanel } from './history.tsx';
import { RevisionContext } from './registry.tsx';
import { SelfAssessmentForm } from './self-assessment-form.tsx';
import { CarryForwardPanel } from './carry-forward-panel.tsx';
import { TodoList, useVerification, VerificationPanel } from './verification-panel.tsx';
import { EarlierDecisions } from './earlier-decisions.tsx';
import { InterviewNotice } from './interview-panel.tsx';
import { FeedbackNotice } from './feedback.tsx';

/** One candidate: its nomination, self-assessment with evidence, verification and history. */
export function CandidatePage() {
  const { id } = useParams({ from: '/app/candidates/$id' });
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { me } = useSession();
  const client = useQueryClient();
  const [tab, setTab] = useState<string | null>('self');
  // Whether this is the user's own candidacy: only where the page leads back to (what may be done comes from `abilities`).
  const isSelf = me?.user.roles.some((r) => r.role === 'candidate' && r.candidateId === id) ?? false;
  const candidate = useQuery({ queryKey: ['candidate', id], queryFn: () => get<CandidateDetail>(`/api/candidates/${id}`) });
  const assessment = useQuery({ queryKey: ['self-assessment', id], queryFn: () => get<SelfAssessment>(`/api/candidates/${id}/self-assessment`) });
  const verification = useVerification(id, assessment.data != null && assessment.data.status !== 'draft');
  const edition = useEdition(candidate.data?.editionId ?? '');
  const provinces = useProvinces();
  const evidence = useEvidence(id);
  const c = candidate.data;
  // What the server says the user may do with this candidacy (a national-level one is the national committee's).
  const can = c?.abilities;
  const [declining, setDeclining] = useState(false);
  const [editingContacts, setEditingContacts] = useState(false);
  const [reason, setReason] = useState('');
  const declineFields = useFieldErrors(['note'], 'candidate.declineErrors');
  const respond = useMutation({
    mutationFn: (accept: boolean) => api('POST', `/api/candidates/${id}/response`, { accept, note: accept ? null : reason }),
    onSuccess: async () => {
      setDeclining(false);
      await client.invalidateQueries({ queryKey: ['candidate', id] });
    },
    onError: declineFields.refused,
  });
  const revisions = new Map((verification.data?.items ?? []).filter((i) => i.status === 'revision').map((i) => [i.key, { comment: i.comment, deadline: i.deadline }]));
  if (candidate.error) return <ErrorAlert error={candidate.error} />;
  if (!c) return <Text>{t('common.loading')}</Text>;
  const province = provinces.data?.find((p) => p.code === c.provinceCode)?.name ?? c.provinceCode;
  return (
    <Stack>
      {!isSelf ? (
        <AnchorLink to="/editions/$id/candidates" params={{ id: c.editionId }} size="sm">
          ← {t('candidates.title')}
        </AnchorLink>
      ) : null}
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{c.name}</Title>
          <Text c="dimmed" size="sm">
            {categoryName(edition.data?.categories, c.categoryCode, lang)} · {province} · {c.kind === 'pemda' ? (c.villageCode ?? c.regencyCode ?? c.provinceCode) : `NPP ${c.npp ?? '–'}`}
          </Text>
          {edition.data ? <EditionPhase phase={edition.data.phase} prefix={edition.data.label} /> : null}
        </div>
        <Group gap="sm">
          <AnchorLink to="/organisasi/$key" params={{ key: c.organisationKey }} size="sm">
            {t('organisation.link')}
          </AnchorLink>
          <AnchorLink to="/candidates/$id/figures" params={{ id }} size="sm">
            {t('candidate.figures')}
          </AnchorLink>
          <CandidateStatusBadge status={c.status} size="lg" />
        </Group>
      </Group>
      {c.kind === 'badan-usaha' ? (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <Text size="sm">
            {t('nominate.sizeClass')}: {c.sizeClass ? t(`sizeClasses.${c.sizeClass}`) : '–'}
          </Text>
          <Text size="sm">
            {t('nominate.sector')}: {c.sector ?? '–'}
          </Text>
          <Text size="sm">
            {t('nominate.address')}: {c.address ?? '–'}
          </Text>
        </SimpleGrid>
      ) : null}
      <Text size="sm">
        {t('nominate.contacts')}: {c.contacts.length > 0 ? c.contacts.map((p) => [p.name, p.position, p.phone, p.email].filter(Boolean).join(', ')).join(' · ') : '–'}{' '}
        {can?.edit ? (
          <Anchor component="button" size="sm" onClick={() => setEditingContacts(true)}>
            {t('common.edit')}
          </Anchor>
        ) : null}
      </Text>
      {editingContacts ? <ContactsEditor candidate={c} onClose={() => setEditingContacts(false)} /> : null}
      {c.status === 'rejected' && c.responseNote ? <Alert color="red">{t('registration.rejected', { reason: c.responseNote })}</Alert> : null}
      {c.status === 'declined' && c.responseNote ? <Alert color="gray">{t('registration.declined', { reason: c.responseNote })}</Alert> : null}
      {can?.decideRegistration && c.status === 'registered' ? <RegistrationDecision candidate={c} /> : null}
      {declining ? null : <ErrorAlert error={respond.error} />}
      <InterviewNotice candidateId={id} />
      {/* Asked only by those who may read it: the candidate itself and the committees (the server refuses others anyway). */}
      <FeedbackNotice candidateId={id} enabled={isSelf || (me?.user.roles.some((r) => r.role === 'national_admin' || r.role === 'provincial_admin') ?? false)} />
      {can?.respond && c.status === 'nominated' ? (
        <Group>
          <ConfirmButton
            color="teal"
            onConfirm={() => respond.mutate(true)}
            loading={respond.isPending}
            title={t('confirm.accept.title')}
            consequence={t('confirm.accept.text')}
            confirmLabel={t('confirm.accept.ok')}
          >
            {t('candidate.accept')}
          </ConfirmButton>
          <Button variant="default" onClick={() => setDeclining(true)}>
            {t('candidate.decline')}
          </Button>
        </Group>
      ) : null}
      {can?.fillSelfAssessment && verification.data ? <TodoList view={verification.data} onFix={() => setTab('self')} /> : null}
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="self">{t('candidate.selfAssessment')}</Tabs.Tab>
          <Tabs.Tab value="evidence">{t('candidate.evidence')}</Tabs.Tab>
          <Tabs.Tab value="verification">{t('candidate.verification')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('history.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="self" pt="md">
          <ErrorAlert error={assessment.error} />
          <Stack>
            {assessment.data ? <DeadlineNotice assessment={assessment.data} /> : null}
            {assessment.data && c.kind === 'pemda' && assessment.data.status !== 'submitted' ? <CarryForwardPanel candidateId={id} version={assessment.data.version} /> : null}
            <RevisionContext.Provider value={revisions}>
              {assessment.data ? <SelfAssessmentForm key={`${assessment.data.status}-${assessment.data.version}-${assessment.data.deadline ?? ''}`} candidateId={id} initial={assessment.data} evidence={evidence.data ?? []} canEdit={can?.fillSelfAssessment ?? false} /> : null}
            </RevisionContext.Provider>
            {can?.reopenSelfAssessment && assessment.data ? <ReopenPanel candidateId={id} assessment={assessment.data} /> : null}
            {can?.reopenSelfAssessment && assessment.data ? <ExtensionPanel candidateId={id} assessment={assessment.data} /> : null}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="evidence" pt="md">
          <EvidencePanel candidateId={id} canUpload={can?.uploadEvidence ?? false} closed={assessment.data?.status === 'submitted'} />
        </Tabs.Panel>
        <Tabs.Panel value="verification" pt="md">
          <Stack>
            {c.level !== 'provinsi' ? <EarlierDecisions candidateId={id} view={verification.data} canDecide={can?.verify ?? false} /> : null}
            {assessment.data && assessment.data.status !== 'draft' ? <VerificationPanel candidateId={id} canDecide={can?.verify ?? false} showTodo={!(can?.fillSelfAssessment ?? false)} /> : <Text c="dimmed">{t('verify.empty')}</Text>}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryPanel candidateId={id} />
        </Tabs.Panel>
      </Tabs>
      {can?.invite && c.status !== 'registered' && c.status !== 'rejected' ? <InvitePanel candidate={c} /> : null}
      <Modal opened={declining} onClose={() => setDeclining(false)} title={t('candidate.decline')}>
        <Stack>
          <ErrorAlert error={respond.error} {...declineFields.alert} />
          <Textarea label={t('candidate.declineReason')} required value={reason} error={declineFields.errors.note} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
          <Button
            color="red"
            onClick={() => {
              // Declining says why (3 characters or more), checked before anything is sent.
              const own: FieldErrors = reason.trim() !== '' && reason.trim().length < 3 ? { note: t('candidate.declineErrors.note') } : {};
              if (declineFields.check({ note: reason }, own)) respond.mutate(false);
            }}
            loading={respond.isPending}
          >
            {t('candidate.decline')}
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}

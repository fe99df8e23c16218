import { useState } from 'react';
import { Badge, Button, Group, Modal, Stack, Tabs, Text, Textarea, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CandidateDetail, SelfAssessment } from '../../../shared/contracts/index.ts';
import { api, get } from '../../api.ts';
import { hasRole, useSession } from '../../auth.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { EvidencePanel, useEvidence } from './evidence-panel.tsx';
import { SelfAssessmentForm } from './self-assessment-form.tsx';
import { VerificationPanel } from './verification-panel.tsx';
import { InterviewNotice } from './interview-panel.tsx';

/** One candidate: its nomination, self-assessment with evidence, and verification. */
export function CandidatePage() {
  const { id } = useParams({ from: '/app/candidates/$id' });
  const { t } = useTranslation();
  const { me } = useSession();
  const client = useQueryClient();
  const isSelf = me?.user.roles.some((r) => r.role === 'candidate' && r.candidateId === id) ?? false;
  const candidate = useQuery({ queryKey: ['candidate', id], queryFn: () => get<CandidateDetail>(`/api/candidates/${id}`) });
  const assessment = useQuery({ queryKey: ['self-assessment', id], queryFn: () => get<SelfAssessment>(`/api/candidates/${id}/self-assessment`) });
  const evidence = useEvidence(id);
  const canDecide = hasRole(me, 'verifier') || hasRole(me, 'national_admin');
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const respond = useMutation({
    mutationFn: (accept: boolean) => api('POST', `/api/candidates/${id}/response`, { accept, note: accept ? null : reason }),
    onSuccess: async () => {
      setDeclining(false);
      await client.invalidateQueries({ queryKey: ['candidate', id] });
    },
  });
  if (candidate.error) return <ErrorAlert error={candidate.error} />;
  const c = candidate.data;
  if (!c) return <Text>{t('common.loading')}</Text>;
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{c.name}</Title>
          <Text c="dimmed" size="sm">
            {c.categoryCode} · {c.regencyCode ?? c.npp ?? ''} · {c.provinceCode}
          </Text>
        </div>
        <Group>
          <AnchorLink to="/candidates/$id/figures" params={{ id }}>
            {t('candidate.figures')}
          </AnchorLink>
          <Badge size="lg">{t(`candidate.statuses.${c.status}`, { defaultValue: c.status })}</Badge>
        </Group>
      </Group>
      <ErrorAlert error={respond.error} />
      <InterviewNotice candidateId={id} />
      {isSelf && c.status === 'nominated' ? (
        <Group>
          <Button color="teal" onClick={() => respond.mutate(true)} loading={respond.isPending}>
            {t('candidate.accept')}
          </Button>
          <Button variant="default" onClick={() => setDeclining(true)}>
            {t('candidate.decline')}
          </Button>
        </Group>
      ) : null}
      <Tabs defaultValue="self">
        <Tabs.List>
          <Tabs.Tab value="self">{t('candidate.selfAssessment')}</Tabs.Tab>
          <Tabs.Tab value="evidence">{t('candidate.evidence')}</Tabs.Tab>
          <Tabs.Tab value="verification">{t('candidate.verification')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="self" pt="md">
          <ErrorAlert error={assessment.error} />
          {assessment.data ? <SelfAssessmentForm key={assessment.data.status} candidateId={id} initial={assessment.data} evidence={evidence.data ?? []} canEdit={isSelf} /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="evidence" pt="md">
          <EvidencePanel candidateId={id} canUpload={isSelf || hasRole(me, 'provincial_admin') || hasRole(me, 'national_admin')} />
        </Tabs.Panel>
        <Tabs.Panel value="verification" pt="md">
          {assessment.data && assessment.data.status !== 'draft' ? <VerificationPanel candidateId={id} canDecide={canDecide} /> : <Text c="dimmed">{t('verify.empty')}</Text>}
        </Tabs.Panel>
      </Tabs>
      <Modal opened={declining} onClose={() => setDeclining(false)} title={t('candidate.decline')}>
        <Stack>
          <Textarea label={t('candidate.declineReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
          <Button color="red" onClick={() => respond.mutate(false)} loading={respond.isPending}>
            {t('candidate.decline')}
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}

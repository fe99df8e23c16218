import { useEffect, useRef, useState } from 'react';
import { Alert, Badge, Group, List, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import {
  agreementTypes,
  fundingSources,
  programCodes,
  regulationTypes,
  workerSegments,
  type Answers,
  type EvidenceSummary,
  type SelfAssessment,
} from '../../../shared/contracts/index.ts';
import { formatDate, formatDateTime, type Lang } from '../../../shared/i18n/format.ts';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { missingLabel } from '../../components/labels.ts';
import { newId, Registry, RevisionNote } from './registry.tsx';

type Pemda = Extract<Answers, { kind: 'pemda' }>;
type Company = Extract<Answers, { kind: 'badan-usaha' }>;
const num = (v: number | string) => (v === '' ? null : Number(v));
const grid = { base: 1, sm: 2, lg: 4 };

/** Evidence files to attach to a section that is not a registry. */
function Attach({ evidence, value, readOnly, onChange }: { evidence: EvidenceSummary[]; value: string[]; readOnly: boolean; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  return <MultiSelect label={t('candidate.attach')} data={evidence.map((e) => ({ value: e.id, label: e.originalName }))} value={value} onChange={onChange} disabled={readOnly} />;
}

/** The self-assessment form: saves itself a moment after each change (with the version last read). */
export function SelfAssessmentForm({ candidateId, initial, evidence, canEdit }: { candidateId: string; initial: SelfAssessment; evidence: EvidenceSummary[]; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const client = useQueryClient();
  const [answers, setAnswers] = useState<Answers>(initial.answers);
  const [state, setState] = useState(initial);
  const [error, setError] = useState<unknown>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const dirty = useRef(false);
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const late = state.status !== 'reopened' && state.deadline != null && today > state.deadline;
  const readOnly = !canEdit || state.status === 'submitted' || late;

  useEffect(() => {
    if (!dirty.current || readOnly) return;
    const timer = setTimeout(() => {
      dirty.current = false;
      api<SelfAssessment>('PUT', `/api/candidates/${candidateId}/self-assessment`, { version: state.version, answers })
        .then((next) => {
          setState(next);
          setSavedAt(new Date().toISOString());
          setError(null);
        })
        .catch(setError);
    }, 1200);
    return () => clearTimeout(timer);
  }, [answers, candidateId, readOnly, state.version]);

  const change = (next: Answers) => {
    dirty.current = true;
    setAnswers(next);
  };
  async function submit() {
    try {
      const next = await api<SelfAssessment>('POST', `/api/candidates/${candidateId}/self-assessment/submit`);
      setState(next);
      await client.invalidateQueries({ queryKey: ['self-assessment', candidateId] });
    } catch (e) {
      setError(e);
    }
  }

  return (
    <Stack>
      <Group gap="xs">
        {state.deadline ? <Badge variant="outline">{t('candidate.deadline', { date: formatDate(state.deadline, lang) })}</Badge> : null}
        {savedAt ? (
          <Text size="xs" c="dimmed" role="status">
            {t('candidate.autosaved', { time: formatDateTime(savedAt, lang) })}
          </Text>
        ) : null}
      </Group>
      {late && state.status !== 'submitted' ? <Alert color="orange">{t('errors.DEADLINE_PASSED')}</Alert> : null}
      {state.status === 'submitted' ? <Alert color="teal">{t('candidate.submitted')}</Alert> : null}
      {state.status === 'reopened' ? <Alert color="yellow">{t('candidate.reopened')}</Alert> : null}
      {!state.eligibility.eligible ? (
        <Alert color="red" title={t('candidate.ineligible')}>
          {state.eligibility.failures.map((f) => (lang === 'en' ? f.reasonEn : f.reasonId)).join('; ')}
        </Alert>
      ) : null}
      <ErrorAlert error={error} />
      {answers.kind === 'pemda' ? <PemdaForm answers={answers} evidence={evidence} readOnly={readOnly} onChange={change} /> : <CompanyForm answers={answers} evidence={evidence} readOnly={readOnly} onChange={change} />}
      <Text fw={600}>{t('candidate.innovation')}</Text>
      <RevisionNote itemKey="innovation" />
      <Textarea label={t('candidate.narrative')} minRows={4} autosize value={answers.innovation.narrative} readOnly={readOnly} onChange={(e) => change({ ...answers, innovation: { ...answers.innovation, narrative: e.currentTarget.value } })} />
      <Attach evidence={evidence} value={answers.innovation.evidenceIds} readOnly={readOnly} onChange={(evidenceIds) => change({ ...answers, innovation: { ...answers.innovation, evidenceIds } })} />
      {state.missing.length > 0 && !readOnly ? (
        <Alert color="gray" title={t('candidate.missing')}>
          <List size="sm">
            {state.missing.map((m) => (
              <List.Item key={m}>{missingLabel(m, t)}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {!readOnly ? (
        <ConfirmButton
          color="teal"
          w="fit-content"
          disabled={state.missing.length > 0 || !state.eligibility.eligible}
          onConfirm={() => void submit()}
          title={t('confirm.submitSelfAssessment.title')}
          consequence={t('confirm.submitSelfAssessment.text')}
          confirmLabel={t('confirm.submitSelfAssessment.ok')}
        >
          {t('candidate.submit')}
        </ConfirmButton>
      ) : null}
    </Stack>
  );
}

function PemdaForm({ answers, evidence, readOnly, onChange }: { answers: Pemda; evidence: EvidenceSummary[]; readOnly: boolean; onChange: (a: Answers) => void }) {
  const { t } = useTranslation();
  const options = (list: readonly string[], prefix: string) => list.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
  return (
    <Stack>
      <Registry
        section="regulations"
        title={t('candidate.regulations')}
        entries={answers.regulations}
        readOnly={readOnly}
        evidence={evidence}
        make={() => ({ id: newId(), type: 'perkada' as const, number: '', date: null, title: '', evidenceIds: [] })}
        onChange={(regulations) => onChange({ ...answers, regulations })}
        render={(r, update) => (
          <SimpleGrid cols={grid} spacing="sm">
            <Select label={t('candidate.type')} data={options(regulationTypes, 'sa.regulationTypes')} value={r.type} onChange={(v) => update({ type: (v ?? 'perkada') as typeof r.type })} disabled={readOnly} />
            <TextInput label={t('candidate.number')} value={r.number} onChange={(e) => update({ number: e.currentTarget.value })} readOnly={readOnly} />
            <TextInput type="date" label={t('candidate.date')} value={r.date ?? ''} onChange={(e) => update({ date: e.currentTarget.value || null })} readOnly={readOnly} />
            <TextInput label={t('candidate.titleField')} value={r.title} onChange={(e) => update({ title: e.currentTarget.value })} readOnly={readOnly} />
          </SimpleGrid>
        )}
      />
      <Registry
        section="agreements"
        title={t('candidate.agreements')}
        entries={answers.agreements}
        readOnly={readOnly}
        evidence={evidence}
        make={() => ({ id: newId(), type: 'mou' as const, parties: '', number: '', date: null, evidenceIds: [] })}
        onChange={(agreements) => onChange({ ...answers, agreements })}
        render={(a, update) => (
          <SimpleGrid cols={grid} spacing="sm">
            <Select label={t('candidate.type')} data={options(agreementTypes, 'sa.agreementTypes')} value={a.type} onChange={(v) => update({ type: (v ?? 'mou') as typeof a.type })} disabled={readOnly} />
            <TextInput label={t('candidate.parties')} value={a.parties} onChange={(e) => update({ parties: e.currentTarget.value })} readOnly={readOnly} />
            <TextInput label={t('candidate.number')} value={a.number} onChange={(e) => update({ number: e.currentTarget.value })} readOnly={readOnly} />
            <TextInput type="date" label={t('candidate.date')} value={a.date ?? ''} onChange={(e) => update({ date: e.currentTarget.value || null })} readOnly={readOnly} />
          </SimpleGrid>
        )}
      />
      <Registry
        section="programs"
        title={t('candidate.programs')}
        entries={answers.programs}
        readOnly={readOnly}
        evidence={evidence}
        make={() => ({ id: newId(), segment: 'non-asn' as const, peopleProtected: null, budgetRupiah: null, fundingSource: 'apbd' as const, periodStart: null, periodEnd: null, evidenceIds: [] })}
        onChange={(programs) => onChange({ ...answers, programs })}
        render={(p, update) => (
          <SimpleGrid cols={grid} spacing="sm">
            <Select label={t('candidate.segment')} data={options(workerSegments, 'sa.segments')} value={p.segment} onChange={(v) => update({ segment: (v ?? 'non-asn') as typeof p.segment })} disabled={readOnly} />
            <NumberInput label={t('candidate.people')} thousandSeparator="." decimalSeparator="," min={0} value={p.peopleProtected ?? ''} onChange={(v) => update({ peopleProtected: num(v) })} readOnly={readOnly} />
            <NumberInput label={t('candidate.budget')} thousandSeparator="." decimalSeparator="," min={0} value={p.budgetRupiah ?? ''} onChange={(v) => update({ budgetRupiah: num(v) })} readOnly={readOnly} />
            <Select label={t('candidate.funding')} data={options(fundingSources, 'sa.funding')} value={p.fundingSource} onChange={(v) => update({ fundingSource: (v ?? 'apbd') as typeof p.fundingSource })} disabled={readOnly} />
            <TextInput type="date" label={t('candidate.periodStart')} value={p.periodStart ?? ''} onChange={(e) => update({ periodStart: e.currentTarget.value || null })} readOnly={readOnly} />
            <TextInput type="date" label={t('candidate.periodEnd')} value={p.periodEnd ?? ''} onChange={(e) => update({ periodEnd: e.currentTarget.value || null })} readOnly={readOnly} />
          </SimpleGrid>
        )}
      />
      <Text fw={600}>{t('sa.sections.coverage')}</Text>
      <RevisionNote itemKey="coverage" />
      <Textarea label={t('candidate.coverageNote')} autosize minRows={2} value={answers.coverage.note} readOnly={readOnly} onChange={(e) => onChange({ ...answers, coverage: { ...answers.coverage, note: e.currentTarget.value } })} />
      <Attach evidence={evidence} value={answers.coverage.evidenceIds} readOnly={readOnly} onChange={(evidenceIds) => onChange({ ...answers, coverage: { ...answers.coverage, evidenceIds } })} />
    </Stack>
  );
}

function CompanyForm({ answers, evidence, readOnly, onChange }: { answers: Company; evidence: EvidenceSummary[]; readOnly: boolean; onChange: (a: Answers) => void }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <RevisionNote itemKey="workers" />
      <RevisionNote itemKey="programs" />
      <SimpleGrid cols={grid} spacing="sm">
        <NumberInput label={t('candidate.workers')} thousandSeparator="." decimalSeparator="," min={0} value={answers.workers ?? ''} onChange={(v) => onChange({ ...answers, workers: num(v) })} readOnly={readOnly} />
        <MultiSelect label={t('candidate.companyPrograms')} data={[...programCodes]} value={answers.programs} onChange={(v) => onChange({ ...answers, programs: v })} disabled={readOnly} />
      </SimpleGrid>
      <Text fw={600}>{t('sa.sections.supplyChain')}</Text>
      <RevisionNote itemKey="supplyChain" />
      <SimpleGrid cols={grid} spacing="sm">
        <NumberInput label={t('candidate.vendorsTotal')} min={0} value={answers.supplyChain.vendorsTotal ?? ''} onChange={(v) => onChange({ ...answers, supplyChain: { ...answers.supplyChain, vendorsTotal: num(v) } })} readOnly={readOnly} />
        <NumberInput label={t('candidate.vendorsProtected')} min={0} value={answers.supplyChain.vendorsProtected ?? ''} onChange={(v) => onChange({ ...answers, supplyChain: { ...answers.supplyChain, vendorsProtected: num(v) } })} readOnly={readOnly} />
      </SimpleGrid>
      <Attach evidence={evidence} value={answers.supplyChain.evidenceIds} readOnly={readOnly} onChange={(evidenceIds) => onChange({ ...answers, supplyChain: { ...answers.supplyChain, evidenceIds } })} />
      <Text fw={600}>{t('sa.sections.csr')}</Text>
      <RevisionNote itemKey="csr" />
      <SimpleGrid cols={grid} spacing="sm">
        <NumberInput label={t('candidate.csrWorkers')} min={0} thousandSeparator="." decimalSeparator="," value={answers.csr.vulnerableWorkersProtected ?? ''} onChange={(v) => onChange({ ...answers, csr: { ...answers.csr, vulnerableWorkersProtected: num(v) } })} readOnly={readOnly} />
        <NumberInput label={t('candidate.csrBudget')} min={0} thousandSeparator="." decimalSeparator="," value={answers.csr.budgetRupiah ?? ''} onChange={(v) => onChange({ ...answers, csr: { ...answers.csr, budgetRupiah: num(v) } })} readOnly={readOnly} />
      </SimpleGrid>
      <Attach evidence={evidence} value={answers.csr.evidenceIds} readOnly={readOnly} onChange={(evidenceIds) => onChange({ ...answers, csr: { ...answers.csr, evidenceIds } })} />
    </Stack>
  );
}

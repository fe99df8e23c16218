import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Badge, Group, List, MultiSelect, NumberInput, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import {
  programCodes,
  type Answers,
  type EvidenceSummary,
  type SelfAssessment,
} from '../../../shared/contracts/index.ts';
import { formatDate, formatDateTime, type Lang } from '../../../shared/i18n/format.ts';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { missingLabel } from '../../components/labels.ts';
import { useFieldErrors, type FieldErrors } from '../../field-errors.ts';
import { entryFields, missingEntryMarks } from './entry-fields.ts';
import { Attach, RevisionNote } from './registry.tsx';
import { PemdaForm } from './pemda-form.tsx';

type Company = Extract<Answers, { kind: 'badan-usaha' }>;
const num = (v: number | string) => (v === '' ? null : Number(v));
const grid = { base: 1, sm: 2, lg: 4 };
/**
 * The fields this form marks itself, besides every input of every entry of a
 * list (`regulations.0.title`); what no field shows (the kind of the answers)
 * is named in the alert by its place ("Regulasi #1: judul").
 */
const shown = [
  'innovation.narrative',
  'workers',
  'programs',
  'supplyChain.vendorsTotal',
  'supplyChain.vendorsProtected',
  'csr.vulnerableWorkersProtected',
  'csr.budgetRupiah',
  'coverage.targetPct',
  'coverage.achievedPct',
  'coverage.nationalTargetPct',
  'coverage.note',
];
const answerPath = (path: string) => path.replace(/^answers\./, '');

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
  const fields = useFieldErrors([...shown, ...entryFields(answers)], 'selfAssessment', answerPath);
  const { refused, clear } = fields;
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const late = state.status !== 'reopened' && state.deadline != null && today > state.deadline;
  const readOnly = !canEdit || state.status === 'submitted' || late;
  // What an entry still lacks before the form can be submitted (the server's check at the last save) is marked on
  // that entry's own input; the submit button stays disabled until nothing is missing, so nothing incomplete is sent.
  // A refusal of the last save is marked over it.
  const marks = useMemo(
    () => ({ ...(readOnly ? {} : missingEntryMarks(state.missing, (field) => t(`sa.missingMarks.${field}`, { defaultValue: '' }) || undefined, t('fieldErrors.required'))), ...fields.errors }),
    [readOnly, state.missing, t, fields.errors],
  );

  useEffect(() => {
    if (!dirty.current || readOnly) return;
    const timer = setTimeout(() => {
      dirty.current = false;
      api<SelfAssessment>('PUT', `/api/candidates/${candidateId}/self-assessment`, { version: state.version, answers })
        .then((next) => {
          setState(next);
          setSavedAt(new Date().toISOString());
          setError(null);
          clear();
        })
        .catch((e: unknown) => {
          setError(e);
          refused(e);
        });
    }, 1200);
    return () => clearTimeout(timer);
  }, [answers, candidateId, readOnly, state.version, refused, clear]);

  const change = (next: Answers) => {
    dirty.current = true;
    setAnswers(next);
  };
  async function submit() {
    try {
      const next = await api<SelfAssessment>('POST', `/api/candidates/${candidateId}/self-assessment/submit`);
      setState(next);
      // Sending it answers the revision requests (the server sets them back to pending): the to-do list, the
      // candidate's status and its history change with it.
      await Promise.all(['self-assessment', 'verification', 'candidate', 'history'].map((key) => client.invalidateQueries({ queryKey: [key, candidateId] })));
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
        // Before the first submission a rule not met means its data is not there yet: neutral, not an alarm.
        <Alert color={state.submittedAt ? 'red' : 'gray'} title={state.submittedAt ? t('candidate.ineligible') : t('landing.eligibilityOpenTitle')} data-eligibility={state.submittedAt ? 'failed' : 'open'}>
          {state.eligibility.failures.map((f) => (lang === 'en' ? f.reasonEn : f.reasonId)).join('; ')}
        </Alert>
      ) : null}
      <ErrorAlert error={error} {...fields.alert} place={(field) => missingLabel(field, t)} />
      {answers.kind === 'pemda' ? (
        <PemdaForm answers={answers} evidence={evidence} readOnly={readOnly} onChange={change} errors={marks} />
      ) : (
        <CompanyForm answers={answers} evidence={evidence} readOnly={readOnly} onChange={change} errors={fields.errors} />
      )}
      <Text fw={600}>{t('candidate.innovation')}</Text>
      <RevisionNote itemKey="innovation" />
      <Textarea label={t('candidate.narrative')} minRows={4} autosize value={answers.innovation.narrative} error={fields.errors['innovation.narrative']} readOnly={readOnly} onChange={(e) => change({ ...answers, innovation: { ...answers.innovation, narrative: e.currentTarget.value } })} />
      <Attach evidence={evidence} value={answers.innovation} readOnly={readOnly} onChange={(patch) => change({ ...answers, innovation: { ...answers.innovation, ...patch } })} />
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

function CompanyForm({ answers, evidence, readOnly, onChange, errors }: { answers: Company; evidence: EvidenceSummary[]; readOnly: boolean; onChange: (a: Answers) => void; errors: FieldErrors }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <RevisionNote itemKey="workers" />
      <RevisionNote itemKey="programs" />
      <SimpleGrid cols={grid} spacing="sm">
        <NumberInput label={t('candidate.workers')} min={0} value={answers.workers ?? ''} error={errors.workers} onChange={(v) => onChange({ ...answers, workers: num(v) })} readOnly={readOnly} />
        <MultiSelect label={t('candidate.companyPrograms')} data={[...programCodes]} value={answers.programs} error={errors.programs} onChange={(v) => onChange({ ...answers, programs: v })} disabled={readOnly} />
      </SimpleGrid>
      <Text fw={600}>{t('sa.sections.supplyChain')}</Text>
      <RevisionNote itemKey="supplyChain" />
      <SimpleGrid cols={grid} spacing="sm">
        <NumberInput label={t('candidate.vendorsTotal')} min={0} value={answers.supplyChain.vendorsTotal ?? ''} error={errors['supplyChain.vendorsTotal']} onChange={(v) => onChange({ ...answers, supplyChain: { ...answers.supplyChain, vendorsTotal: num(v) } })} readOnly={readOnly} />
        <NumberInput label={t('candidate.vendorsProtected')} min={0} value={answers.supplyChain.vendorsProtected ?? ''} error={errors['supplyChain.vendorsProtected']} onChange={(v) => onChange({ ...answers, supplyChain: { ...answers.supplyChain, vendorsProtected: num(v) } })} readOnly={readOnly} />
      </SimpleGrid>
      <Attach evidence={evidence} value={answers.supplyChain} readOnly={readOnly} onChange={(patch) => onChange({ ...answers, supplyChain: { ...answers.supplyChain, ...patch } })} />
      <Text fw={600}>{t('sa.sections.csr')}</Text>
      <RevisionNote itemKey="csr" />
      <SimpleGrid cols={grid} spacing="sm">
        <NumberInput label={t('candidate.csrWorkers')} min={0} value={answers.csr.vulnerableWorkersProtected ?? ''} error={errors['csr.vulnerableWorkersProtected']} onChange={(v) => onChange({ ...answers, csr: { ...answers.csr, vulnerableWorkersProtected: num(v) } })} readOnly={readOnly} />
        <NumberInput label={t('candidate.csrBudget')} min={0} value={answers.csr.budgetRupiah ?? ''} error={errors['csr.budgetRupiah']} onChange={(v) => onChange({ ...answers, csr: { ...answers.csr, budgetRupiah: num(v) } })} readOnly={readOnly} />
      </SimpleGrid>
      <Attach evidence={evidence} value={answers.csr} readOnly={readOnly} onChange={(patch) => onChange({ ...answers, csr: { ...answers.csr, ...patch } })} />
    </Stack>
  );
}

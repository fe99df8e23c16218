import { DateField } from '../../components/date-field.tsx';
import { Checkbox, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  agreementParties,
  agreementTypes,
  enforcementTypes,
  fundingSources,
  memberships,
  paidPrograms,
  programStatuses,
  regulationTypes,
  workerSegments,
  type Answers,
  type EvidenceSummary,
} from '../../../shared/contracts/index.ts';
import { within, type FieldErrors } from '../../field-errors.ts';
import { Attach, newId, Registry, RevisionNote } from './registry.tsx';
import { CarriedBadge } from './entry-view.tsx';

type Pemda = Extract<Answers, { kind: 'pemda' }>;
const num = (v: number | string) => (v === '' ? null : Number(v));
const grid = { base: 1, sm: 2, lg: 4 };
const money = { min: 0 } as const;

/** The self-assessment of a regional government: its registries, its enforcement and outreach, and its coverage targets. */
export function PemdaForm({ answers, evidence, readOnly, onChange, errors = {} }: { answers: Pemda; evidence: EvidenceSummary[]; readOnly: boolean; onChange: (a: Answers) => void; errors?: FieldErrors }) {
  const { t } = useTranslation();
  const options = (list: readonly string[], prefix: string) => list.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
  const date = (value: string | null, label: string, set: (v: string | null) => void, error?: string, required = false) => (
    <DateField label={label} required={required} value={value ?? ''} error={error} onChange={(v) => set(v || null)} readOnly={readOnly} />
  );
  const coverage = answers.coverage;
  return (
    <Stack>
      <Registry
        section="regulations"
        title={t('candidate.regulations')}
        entries={answers.regulations}
        readOnly={readOnly}
        evidence={evidence}
        make={() => ({ id: newId(), type: 'perkada' as const, number: '', date: null, title: '', validUntil: null, carriedForward: null, evidenceIds: [], links: [] })}
        onChange={(regulations) => onChange({ ...answers, regulations })}
        errors={within(errors, 'regulations')}
        render={(r, update, err) => (
          <Stack gap="xs">
            <CarriedBadge mark={r.carriedForward} />
            <SimpleGrid cols={grid} spacing="sm">
              <Select label={t('candidate.type')} data={options(regulationTypes, 'sa.regulationTypes')} value={r.type} error={err.type} onChange={(v) => update({ type: (v ?? 'perkada') as typeof r.type })} disabled={readOnly} />
              <TextInput label={t('candidate.number')} required value={r.number} error={err.number} onChange={(e) => update({ number: e.currentTarget.value })} readOnly={readOnly} />
              {date(r.date, t('candidate.date'), (d) => update({ date: d }), err.date, true)}
              <TextInput label={t('candidate.titleField')} required value={r.title} error={err.title} onChange={(e) => update({ title: e.currentTarget.value })} readOnly={readOnly} />
              {date(r.validUntil, t('organisation.regulationValidUntil'), (d) => update({ validUntil: d }), err.validUntil)}
            </SimpleGrid>
          </Stack>
        )}
      />
      <Registry
        section="agreements"
        title={t('candidate.agreements')}
        entries={answers.agreements}
        readOnly={readOnly}
        evidence={evidence}
        make={() => ({ id: newId(), type: 'mou' as const, parties: '', partyList: [], number: '', date: null, validFrom: null, validUntil: null, carriedForward: null, evidenceIds: [], links: [] })}
        onChange={(agreements) => onChange({ ...answers, agreements })}
        errors={within(errors, 'agreements')}
        render={(a, update, err) => (
          <Stack gap="xs">
            <CarriedBadge mark={a.carriedForward} />
            <SimpleGrid cols={grid} spacing="sm">
              <Select label={t('candidate.type')} data={options(agreementTypes, 'sa.agreementTypes')} value={a.type} error={err.type} onChange={(v) => update({ type: (v ?? 'mou') as typeof a.type })} disabled={readOnly} />
              <MultiSelect label={t('facts.partyList')} data={options(agreementParties, 'facts.parties')} value={a.partyList} error={err.partyList} onChange={(v) => update({ partyList: v as typeof a.partyList })} disabled={readOnly} />
              <TextInput label={t('facts.partyOther')} value={a.parties} error={err.parties} onChange={(e) => update({ parties: e.currentTarget.value })} readOnly={readOnly} />
              <TextInput label={t('candidate.number')} value={a.number} error={err.number} onChange={(e) => update({ number: e.currentTarget.value })} readOnly={readOnly} />
              {date(a.date, t('candidate.date'), (d) => update({ date: d }), err.date)}
              {date(a.validFrom, t('facts.validFrom'), (d) => update({ validFrom: d }), err.validFrom)}
              {date(a.validUntil, t('facts.validUntil'), (d) => update({ validUntil: d }), err.validUntil)}
            </SimpleGrid>
          </Stack>
        )}
      />
      <Registry
        section="programs"
        title={t('candidate.programs')}
        entries={answers.programs}
        readOnly={readOnly}
        evidence={evidence}
        make={() => ({
          id: newId(),
          segment: 'non-asn' as const,
          status: 'berjalan' as const,
          membership: 'bpu' as const,
          governmentPaid: true,
          paidPrograms: ['JKK' as const, 'JKM' as const],
          peopleTargeted: null,
          peopleProtected: null,
          budgetRupiah: null,
          budgetRealisedRupiah: null,
          fundingSource: 'apbd' as const,
          periodStart: null,
          periodEnd: null,
          evidenceIds: [],
          links: [],
        })}
        onChange={(programs) => onChange({ ...answers, programs })}
        errors={within(errors, 'programs')}
        render={(p, update, err) => (
          <SimpleGrid cols={grid} spacing="sm">
            <Select label={t('candidate.segment')} data={options(workerSegments, 'sa.segments')} value={p.segment} error={err.segment} onChange={(v) => update({ segment: (v ?? 'non-asn') as typeof p.segment })} disabled={readOnly} />
            <Select label={t('facts.status')} data={options(programStatuses, 'facts.statuses')} value={p.status} error={err.status} onChange={(v) => update({ status: (v ?? 'berjalan') as typeof p.status })} disabled={readOnly} allowDeselect={false} />
            <Select label={t('facts.membership')} data={options(memberships, 'facts.memberships')} value={p.membership} error={err.membership} onChange={(v) => update({ membership: v as typeof p.membership })} disabled={readOnly} />
            <MultiSelect label={t('facts.paidPrograms')} data={[...paidPrograms]} value={p.paidPrograms} error={err.paidPrograms} onChange={(v) => update({ paidPrograms: v })} disabled={readOnly} />
            <NumberInput label={t('facts.peopleTargeted')} {...money} value={p.peopleTargeted ?? ''} error={err.peopleTargeted} onChange={(v) => update({ peopleTargeted: num(v) })} readOnly={readOnly} />
            <NumberInput label={t('candidate.people')} {...money} value={p.peopleProtected ?? ''} error={err.peopleProtected} onChange={(v) => update({ peopleProtected: num(v) })} readOnly={readOnly} />
            <NumberInput label={t('facts.budgetPlanned')} {...money} value={p.budgetRupiah ?? ''} error={err.budgetRupiah} onChange={(v) => update({ budgetRupiah: num(v) })} readOnly={readOnly} />
            <NumberInput label={t('facts.budgetRealised')} {...money} value={p.budgetRealisedRupiah ?? ''} error={err.budgetRealisedRupiah} onChange={(v) => update({ budgetRealisedRupiah: num(v) })} readOnly={readOnly} />
            <Select label={t('candidate.funding')} data={options(fundingSources, 'sa.funding')} value={p.fundingSource} error={err.fundingSource} onChange={(v) => update({ fundingSource: (v ?? 'apbd') as typeof p.fundingSource })} disabled={readOnly} />
            {date(p.periodStart, t('candidate.periodStart'), (d) => update({ periodStart: d }), err.periodStart)}
            {date(p.periodEnd, t('candidate.periodEnd'), (d) => update({ periodEnd: d }), err.periodEnd)}
            <Checkbox mt="lg" label={t('facts.governmentPaid')} checked={p.governmentPaid === true} error={err.governmentPaid} onChange={(e) => update({ governmentPaid: e.currentTarget.checked })} disabled={readOnly} />
          </SimpleGrid>
        )}
      />
      <Registry
        section="enforcement"
        title={t('facts.enforcement')}
        entries={answers.enforcement}
        readOnly={readOnly}
        evidence={evidence}
        make={() => ({ id: newId(), type: 'syarat-perizinan' as const, description: '', evidenceIds: [], links: [] })}
        onChange={(enforcement) => onChange({ ...answers, enforcement })}
        errors={within(errors, 'enforcement')}
        render={(e, update, err) => (
          <Stack gap="xs">
              <Select label={t('candidate.type')} data={options(enforcementTypes, 'facts.enforcementTypes')} value={e.type} error={err.type} onChange={(v) => update({ type: (v ?? 'lainnya') as typeof e.type })} disabled={readOnly} allowDeselect={false} />
              <Textarea label={t('facts.description')} autosize minRows={2} required value={e.description} error={err.description} onChange={(ev) => update({ description: ev.currentTarget.value })} readOnly={readOnly} />
          </Stack>
        )}
      />
      <Text size="xs" c="dimmed" mt={-8}>
        {t('facts.enforcementHint')}
      </Text>
      <Text fw={600}>{t('sa.sections.coverage')}</Text>
      <RevisionNote itemKey="coverage" />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <NumberInput label={t('facts.targetPct')} min={0} max={100} decimalScale={2} value={coverage.targetPct ?? ''} error={errors['coverage.targetPct']} onChange={(v) => onChange({ ...answers, coverage: { ...coverage, targetPct: num(v) } })} readOnly={readOnly} />
        <NumberInput label={t('facts.achievedPct')} min={0} max={100} decimalScale={2} value={coverage.achievedPct ?? ''} error={errors['coverage.achievedPct']} onChange={(v) => onChange({ ...answers, coverage: { ...coverage, achievedPct: num(v) } })} readOnly={readOnly} />
        <NumberInput label={t('facts.nationalTargetPct')} min={0} max={100} decimalScale={2} value={coverage.nationalTargetPct ?? ''} error={errors['coverage.nationalTargetPct']} onChange={(v) => onChange({ ...answers, coverage: { ...coverage, nationalTargetPct: num(v) } })} readOnly={readOnly} />
      </SimpleGrid>
      <Textarea label={t('candidate.coverageNote')} autosize minRows={2} value={coverage.note} error={errors['coverage.note']} readOnly={readOnly} onChange={(e) => onChange({ ...answers, coverage: { ...coverage, note: e.currentTarget.value } })} />
      <Attach evidence={evidence} value={coverage} readOnly={readOnly} onChange={(patch) => onChange({ ...answers, coverage: { ...coverage, ...patch } })} />
    </Stack>
  );
}

import type { ReactNode } from 'react';
import { Anchor, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Answers, CarriedForward, EvidenceSummary } from '../../../shared/contracts/index.ts';
import { formatDate, formatNumber, formatPercent, formatPeriod, formatRupiah, type Lang } from '../../../shared/i18n/format.ts';

type Pemda = Extract<Answers, { kind: 'pemda' }>;
type Company = Extract<Answers, { kind: 'badan-usaha' }>;
type Regulation = Pemda['regulations'][number];
type Agreement = Pemda['agreements'][number];
type Program = Pemda['programs'][number];
type Enforcement = Pemda['enforcement'][number];

export { itemTitle } from '../../../shared/i18n/item-title.ts';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** Links to official sources an entry gives, opened in a new tab for the verifier to check. */
export function SourceLinks({ links }: { links: string[] }) {
  const { t } = useTranslation();
  if (links.length === 0) return null;
  return (
    <Group gap="xs">
      <Text size="xs" c="dimmed">
        {t('facts.linksTitle')}:
      </Text>
      {links.map((href) => (
        <Anchor key={href} size="sm" href={href} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
          {href}
        </Anchor>
      ))}
    </Group>
  );
}

/** Links to the evidence an entry refers to, opened in the browser for those allowed. */
export function EvidenceLinks({ ids, evidence, hasLinks = false }: { ids: string[]; evidence: EvidenceSummary[]; hasLinks?: boolean }) {
  const { t } = useTranslation();
  if (ids.length === 0 && hasLinks) return null;
  if (ids.length === 0) {
    return (
      <Text size="sm" c="orange.8">
        {t('sa.noEvidence')}
      </Text>
    );
  }
  return (
    <Group gap="xs">
      <Text size="xs" c="dimmed">
        {t('sa.evidence')}:
      </Text>
      {ids.map((id) => (
        <Anchor key={id} size="sm" href={`/api/evidence/${id}`} target="_blank" rel="noopener">
          {evidence.find((e) => e.id === id)?.originalName ?? id.slice(0, 8)}
        </Anchor>
      ))}
    </Group>
  );
}

/** The mark of an entry brought forward from the organisation's candidacy in an earlier edition. */
export function CarriedBadge({ mark }: { mark: CarriedForward | null | undefined }) {
  const { t } = useTranslation();
  if (!mark) return null;
  return (
    <Badge color="grape" variant="light" tt="none" h="auto" py={4} maw="100%" w="fit-content" styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }} data-testid="carried-forward">
      {t('organisation.carriedFrom', { edition: mark.editionLabel })}
    </Badge>
  );
}

/** One entry of the self-assessment in human form (what the verifier checks). */
export function EntryView({ section, entry, evidence }: { section: string; entry: unknown; evidence: EvidenceSummary[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const dash = '–';
  const date = (d: string | null | undefined) => (d ? formatDate(d, lang) : dash);
  const num = (n: number | null | undefined) => (n == null ? dash : formatNumber(n, lang));
  const money = (n: number | null | undefined) => (n == null ? dash : formatRupiah(n, lang));
  const evidenceIds = (entry as { evidenceIds?: string[] } | null)?.evidenceIds;
  const links = (entry as { links?: string[] } | null)?.links ?? [];
  const yesNo = (v: boolean | null | undefined) => (v == null ? dash : v ? t('facts.yes') : t('facts.no'));
  let fields: ReactNode = null;
  if (section === 'regulations') {
    const r = entry as Regulation;
    fields = (
      <>
        <Field label={t('candidate.type')}>{t(`sa.regulationTypes.${r.type}`)}</Field>
        <Field label={t('candidate.number')}>{r.number || dash}</Field>
        <Field label={t('candidate.date')}>{date(r.date)}</Field>
        <Field label={t('candidate.titleField')}>{r.title || dash}</Field>
        <Field label={t('facts.validUntil')}>{r.validUntil ? date(r.validUntil) : t('organisation.noEnd')}</Field>
      </>
    );
  } else if (section === 'agreements') {
    const a = entry as Agreement;
    fields = (
      <>
        <Field label={t('candidate.type')}>{t(`sa.agreementTypes.${a.type}`)}</Field>
        <Field label={t('facts.partyList')}>{(a.partyList ?? []).map((p) => t(`facts.parties.${p}`)).join(', ') || dash}</Field>
        <Field label={t('candidate.parties')}>{a.parties || dash}</Field>
        <Field label={t('candidate.number')}>{a.number || dash}</Field>
        <Field label={t('candidate.date')}>{date(a.date)}</Field>
        <Field label={t('facts.validity')}>{a.validFrom || a.validUntil ? `${date(a.validFrom)} – ${date(a.validUntil)}` : dash}</Field>
      </>
    );
  } else if (section === 'programs' && entry && typeof entry === 'object' && 'segment' in entry) {
    const p = entry as Program;
    fields = (
      <>
        <Field label={t('candidate.segment')}>{t(`sa.segments.${p.segment}`)}</Field>
        <Field label={t('facts.status')}>{t(`facts.statuses.${p.status ?? 'berjalan'}`)}</Field>
        <Field label={t('facts.membership')}>{p.membership ? t(`facts.memberships.${p.membership}`) : dash}</Field>
        <Field label={t('facts.governmentPaid')}>{yesNo(p.governmentPaid)}</Field>
        <Field label={t('facts.paidPrograms')}>{(p.paidPrograms ?? []).join(', ') || dash}</Field>
        <Field label={t('facts.peopleTargeted')}>{num(p.peopleTargeted)}</Field>
        <Field label={t('candidate.people')}>{num(p.peopleProtected)}</Field>
        <Field label={t('facts.budgetPlanned')}>{money(p.budgetRupiah)}</Field>
        <Field label={t('facts.budgetRealised')}>{money(p.budgetRealisedRupiah)}</Field>
        <Field label={t('candidate.funding')}>{t(`sa.funding.${p.fundingSource}`)}</Field>
        <Field label={t('sa.period')}>{p.periodStart ? formatPeriod(p.periodStart, p.periodEnd, lang) : dash}</Field>
      </>
    );
  } else if (section === 'programs') {
    const list = entry as Company['programs'];
    fields = <Field label={t('candidate.companyPrograms')}>{list.length > 0 ? list.join(', ') : dash}</Field>;
  } else if (section === 'enforcement') {
    const e = entry as Enforcement;
    fields = (
      <>
        <Field label={t('candidate.type')}>{t(`facts.enforcementTypes.${e.type}`)}</Field>
        <Field label={t('facts.description')}>{e.description || dash}</Field>
      </>
    );
  } else if (section === 'coverage') {
    const c = entry as Pemda['coverage'];
    const pct = (n: number | null | undefined) => (n == null ? dash : formatPercent(n, 2, lang));
    fields = (
      <>
        <Field label={t('sa.sections.coverage')}>{t('facts.targetLine', { target: pct(c.targetPct), achieved: pct(c.achievedPct), national: pct(c.nationalTargetPct) })}</Field>
        <Field label={t('candidate.coverageNote')}>{c.note || t('sa.empty')}</Field>
      </>
    );
  } else if (section === 'innovation') {
    fields = <Field label={t('candidate.innovation')}>{(entry as Pemda['innovation']).narrative || t('sa.empty')}</Field>;
  } else if (section === 'workers') {
    fields = <Field label={t('candidate.workers')}>{num(entry as number | null)}</Field>;
  } else if (section === 'supplyChain') {
    const s = entry as Company['supplyChain'];
    const pct = s.vendorsTotal ? formatPercent(((s.vendorsProtected ?? 0) / s.vendorsTotal) * 100, 1, lang) : dash;
    fields = <Field label={t('sa.sections.supplyChain')}>{`${t('sa.vendors', { protected: num(s.vendorsProtected), total: num(s.vendorsTotal) })} (${pct})`}</Field>;
  } else if (section === 'csr') {
    const c = entry as Company['csr'];
    fields = <Field label={t('sa.sections.csr')}>{t('sa.csrLine', { workers: num(c.vulnerableWorkersProtected), budget: money(c.budgetRupiah) })}</Field>;
  }
  const registry = section === 'regulations' || section === 'agreements' || section === 'enforcement' || (section === 'programs' && entry != null && typeof entry === 'object' && 'segment' in entry);
  const mark = (entry as { carriedForward?: CarriedForward | null } | null)?.carriedForward;
  return (
    <Stack gap={6}>
      {mark ? <CarriedBadge mark={mark} /> : null}
      {registry ? (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs" verticalSpacing={6}>
          {fields}
        </SimpleGrid>
      ) : (
        fields
      )}
      {evidenceIds ? <EvidenceLinks ids={evidenceIds} evidence={evidence} hasLinks={links.length > 0} /> : null}
      <SourceLinks links={links} />
    </Stack>
  );
}

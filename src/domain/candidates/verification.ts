import type { AnswersShape } from './self-assessment.ts';

/**
 * Verification of a self-assessment, item by item: each registry entry and
 * each section is one item. A verifier marks it valid, needs revision (with a
 * comment and a deadline) or rejected; only valid items count.
 */
export type ItemStatus = 'pending' | 'valid' | 'revision' | 'rejected';
export type VerificationItem = { key: string; section: string };

type RegistryEntry = { id: string };

export function verificationItems(answers: AnswersShape): VerificationItem[] {
  if (answers.kind === 'pemda') {
    const entries = (section: string, list: RegistryEntry[]) => list.map((e) => ({ key: `${section}:${e.id}`, section }));
    return [
      ...entries('regulations', answers.regulations as unknown as RegistryEntry[]),
      ...entries('agreements', answers.agreements as unknown as RegistryEntry[]),
      ...entries('programs', answers.programs as unknown as RegistryEntry[]),
      ...entries('enforcement', (answers.enforcement ?? []) as unknown as RegistryEntry[]),
      { key: 'coverage', section: 'coverage' },
      { key: 'innovation', section: 'innovation' },
    ];
  }
  return ['workers', 'programs', 'supplyChain', 'csr', 'innovation'].map((key) => ({ key, section: key }));
}

/** The evidence each item of the answers refers to (items without evidence are left out; stored answers may lack a section). */
export function itemEvidence(answers: AnswersShape): { key: string; evidenceIds: string[] }[] {
  type Evidenced = { id?: string; evidenceIds?: string[] } | undefined;
  const loose = answers as unknown as Record<string, Evidenced | Evidenced[] | undefined>;
  const listOf = (section: string) => (loose[section] as Evidenced[] | undefined) ?? [];
  const idsOf = (e: Evidenced) => e?.evidenceIds ?? [];
  const pairs =
    answers.kind === 'pemda'
      ? [
          ...['regulations', 'agreements', 'programs', 'enforcement'].flatMap((section) => listOf(section).map((e) => ({ key: `${section}:${e?.id}`, evidenceIds: idsOf(e) }))),
          ...['coverage', 'innovation'].map((key) => ({ key, evidenceIds: idsOf(loose[key] as Evidenced) })),
        ]
      : ['supplyChain', 'csr', 'innovation'].map((key) => ({ key, evidenceIds: idsOf(loose[key] as Evidenced) }));
  return pairs.filter((p) => p.evidenceIds.length > 0);
}

/**
 * The evidence a juror may see: the files attached to items the verifier
 * found valid, uploaded no later than that decision. Evidence added or
 * attached after verification never reaches the panel.
 */
export function verifiedEvidence(
  answers: AnswersShape,
  decisions: { key: string; status: ItemStatus; decidedAt: Date }[],
  files: { id: string; createdAt: Date }[],
): string[] {
  const valid = new Map(decisions.filter((d) => d.status === 'valid').map((d) => [d.key, d.decidedAt]));
  const until = new Map<string, number>();
  for (const item of itemEvidence(answers)) {
    const decidedAt = valid.get(item.key);
    if (!decidedAt) continue;
    for (const id of item.evidenceIds) until.set(id, Math.max(until.get(id) ?? 0, decidedAt.getTime()));
  }
  return files.filter((f) => until.has(f.id) && f.createdAt.getTime() <= until.get(f.id)!).map((f) => f.id);
}

/** The state of the whole verification from its items' statuses. */
export function verificationState(statuses: ItemStatus[]): 'pending' | 'revision' | 'verified' {
  if (statuses.some((s) => s === 'revision')) return 'revision';
  if (statuses.length === 0 || statuses.some((s) => s === 'pending')) return 'pending';
  return 'verified';
}

/**
 * The strongest kind of regulation first: a Perda binds more than a head of
 * region's regulation (Perkada), which binds more than his decree (SK
 * Keputusan), an instruction or a circular.
 */
export const regulationStrength = ['perda', 'perkada', 'keputusan', 'instruksi', 'surat-edaran'] as const;

type PemdaDetail = {
  regulations: { id: string; type: string }[];
  agreements: { id: string; partyList?: string[] }[];
  programs: {
    id: string;
    segment: string;
    peopleProtected: number | null;
    budgetRupiah: number | null;
    status?: string;
    peopleTargeted?: number | null;
    budgetRealisedRupiah?: number | null;
  }[];
  enforcement?: { id: string; type: string }[];
  coverage?: { targetPct?: number | null; achievedPct?: number | null };
};

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
type CompanyDetail = {
  workers: number | null;
  programs: string[];
  supplyChain: { vendorsTotal: number | null; vendorsProtected: number | null };
  csr: { vulnerableWorkersProtected: number | null; budgetRupiah: number | null };
};

/**
 * The data values confirmed by verification, from valid items only. These
 * feed the data indicators of the candidate's scoring package.
 */
export function confirmedValues(answers: AnswersShape, status: (key: string) => ItemStatus): Record<string, number | string> {
  if (answers.kind === 'pemda') {
    const a = answers as unknown as PemdaDetail;
    const regulations = a.regulations.filter((r) => status(`regulations:${r.id}`) === 'valid');
    const programs = a.programs.filter((p) => status(`programs:${p.id}`) === 'valid');
    const strongest = regulationStrength.find((t) => regulations.some((r) => r.type === t)) ?? 'none';
    const agreements = a.agreements.filter((g) => status(`agreements:${g.id}`) === 'valid');
    // Only a running program protects anyone yet; a budgeted one counts toward the target.
    const running = programs.filter((p) => (p.status ?? 'berjalan') === 'berjalan');
    const targeted = programs.filter((p) => (p.peopleTargeted ?? 0) > 0);
    const values: Record<string, number | string> = {
      regulation_type: strongest,
      regulations_count: regulations.length,
      agreements_count: agreements.length,
      agreement_parties_count: new Set(agreements.flatMap((g) => g.partyList ?? [])).size,
      people_protected: running.reduce((s, p) => s + (p.peopleProtected ?? 0), 0),
      budget_rupiah: programs.reduce((s, p) => s + (p.budgetRupiah ?? 0), 0),
      budget_realised_rupiah: running.reduce((s, p) => s + (p.budgetRealisedRupiah ?? 0), 0),
      segments_count: new Set(running.map((p) => p.segment)).size,
      enforcement_measures: new Set((a.enforcement ?? []).filter((e) => status(`enforcement:${e.id}`) === 'valid' && e.type !== 'lainnya').map((e) => e.type)).size,
    };
    if (targeted.length > 0) {
      const target = targeted.reduce((s, p) => s + (p.peopleTargeted ?? 0), 0);
      const reached = targeted.filter((p) => (p.status ?? 'berjalan') === 'berjalan').reduce((s, p) => s + (p.peopleProtected ?? 0), 0);
      values.people_targeted = target;
      values.target_achieved_pct = round4((reached / target) * 100);
    }
    const coverage = a.coverage;
    if (status('coverage') === 'valid' && coverage?.targetPct && coverage.achievedPct != null) {
      values.region_target_achieved_pct = round4((coverage.achievedPct / coverage.targetPct) * 100);
    }
    return values;
  }
  const c = answers as unknown as CompanyDetail;
  const values: Record<string, number | string> = {};
  if (status('workers') === 'valid' && c.workers != null) values.workers_reported = c.workers;
  if (status('programs') === 'valid') values.programs_count = c.programs.length;
  if (status('supplyChain') === 'valid' && c.supplyChain.vendorsTotal) {
    values.supply_chain_pct = Math.round(((c.supplyChain.vendorsProtected ?? 0) / c.supplyChain.vendorsTotal) * 100 * 10_000) / 10_000;
  }
  if (status('csr') === 'valid') {
    values.csr_workers = c.csr.vulnerableWorkersProtected ?? 0;
    values.csr_budget_rupiah = c.csr.budgetRupiah ?? 0;
  }
  return values;
}

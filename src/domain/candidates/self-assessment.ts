/**
 * Rules of the self-assessment: what a fresh form holds, what must be there
 * before it can be submitted (our rule), and the deadline.
 */
type Evidenced = { evidenceIds: string[]; links: string[] };
type PemdaAnswers = {
  kind: 'pemda';
  regulations: ({ number: string; title: string; date: string | null; validUntil?: string | null } & Evidenced)[];
  agreements: ({ parties: string; partyList: string[]; number: string; validFrom: string | null; validUntil: string | null } & Evidenced)[];
  programs: ({ peopleProtected: number | null; peopleTargeted: number | null; status: string } & Evidenced)[];
  enforcement: ({ type: string; description: string } & Evidenced)[];
  coverage: { note: string; targetPct: number | null; achievedPct: number | null; nationalTargetPct: number | null } & Evidenced;
  innovation: { narrative: string } & Evidenced;
};
type CompanyAnswers = {
  kind: 'badan-usaha';
  workers: number | null;
  programs: string[];
  supplyChain: { vendorsTotal: number | null; vendorsProtected: number | null } & Evidenced;
  csr: { vulnerableWorkersProtected: number | null; budgetRupiah: number | null } & Evidenced;
  innovation: { narrative: string } & Evidenced;
};
export type AnswersShape = PemdaAnswers | CompanyAnswers;

export function emptyAnswers(kind: 'pemda' | 'badan-usaha'): AnswersShape {
  return kind === 'pemda'
    ? {
        kind,
        regulations: [],
        agreements: [],
        programs: [],
        enforcement: [],
        coverage: { note: '', targetPct: null, achievedPct: null, nationalTargetPct: null, evidenceIds: [], links: [] },
        innovation: { narrative: '', evidenceIds: [], links: [] },
      }
    : {
        kind,
        workers: null,
        programs: [],
        supplyChain: { vendorsTotal: null, vendorsProtected: null, evidenceIds: [], links: [] },
        csr: { vulnerableWorkersProtected: null, budgetRupiah: null, evidenceIds: [], links: [] },
        innovation: { narrative: '', evidenceIds: [], links: [] },
      };
}

type Loose = Record<string, unknown>;
const withDefaults = (value: unknown, defaults: Loose): Loose => ({ ...defaults, ...((value ?? {}) as Loose) });
const listOf = (value: unknown, defaults: Loose): Loose[] => (Array.isArray(value) ? value.map((e) => withDefaults(e, defaults)) : []);

/**
 * Answers as saved by any version of the form, in today's shape: fields the
 * form gained later (links, program status and targets, agreement parties and
 * validity, the enforcement section, the coverage targets) take the values a
 * new entry starts with, so old self-assessments still load and verify.
 */
export function upgradeAnswers(stored: unknown): AnswersShape {
  const raw = (stored ?? {}) as Loose;
  const linked = { evidenceIds: [], links: [] };
  if (raw.kind === 'badan-usaha') {
    return {
      ...raw,
      supplyChain: withDefaults(raw.supplyChain, { vendorsTotal: null, vendorsProtected: null, ...linked }),
      csr: withDefaults(raw.csr, { vulnerableWorkersProtected: null, budgetRupiah: null, ...linked }),
      innovation: withDefaults(raw.innovation, { narrative: '', ...linked }),
    } as unknown as AnswersShape;
  }
  return {
    ...raw,
    kind: 'pemda',
    regulations: listOf(raw.regulations, { validUntil: null, carriedForward: null, ...linked }),
    agreements: listOf(raw.agreements, { partyList: [], validFrom: null, validUntil: null, carriedForward: null, ...linked }),
    programs: listOf(raw.programs, { status: 'berjalan', membership: null, governmentPaid: null, paidPrograms: [], peopleTargeted: null, budgetRealisedRupiah: null, ...linked }),
    enforcement: listOf(raw.enforcement, linked),
    coverage: withDefaults(raw.coverage, { note: '', targetPct: null, achievedPct: null, nationalTargetPct: null, ...linked }),
    innovation: withDefaults(raw.innovation, { narrative: '', ...linked }),
  } as unknown as AnswersShape;
}

/** An entry is backed by evidence when it has an uploaded file or a link to an official source. */
const backed = (e: Evidenced) => e.evidenceIds.length > 0 || e.links.length > 0;

export const minNarrative = 50;

/** Paths of what is still missing; empty when the form may be submitted. */
export function missingItems(answers: AnswersShape): string[] {
  const missing: string[] = [];
  if (answers.innovation.narrative.trim().length < minNarrative) missing.push('innovation.narrative');
  if (answers.kind === 'pemda') {
    if (answers.regulations.length === 0) missing.push('regulations');
    answers.regulations.forEach((r, i) => {
      if (r.number.trim() === '') missing.push(`regulations.${i}.number`);
      if (r.title.trim() === '') missing.push(`regulations.${i}.title`);
      if (r.date == null) missing.push(`regulations.${i}.date`);
      if (!backed(r)) missing.push(`regulations.${i}.evidenceIds`);
    });
    answers.agreements.forEach((a, i) => {
      if (a.parties.trim() === '' && a.partyList.length === 0) missing.push(`agreements.${i}.parties`);
      if (a.validFrom && a.validUntil && a.validUntil < a.validFrom) missing.push(`agreements.${i}.validUntil`);
      if (!backed(a)) missing.push(`agreements.${i}.evidenceIds`);
    });
    answers.programs.forEach((p, i) => {
      // A running program reports the people it protects; one still being budgeted reports its target.
      if (p.status === 'berjalan' && p.peopleProtected == null) missing.push(`programs.${i}.peopleProtected`);
      if (p.status !== 'berjalan' && p.peopleTargeted == null) missing.push(`programs.${i}.peopleTargeted`);
      if (!backed(p)) missing.push(`programs.${i}.evidenceIds`);
    });
    answers.enforcement.forEach((e, i) => {
      if (e.description.trim() === '') missing.push(`enforcement.${i}.description`);
      if (!backed(e)) missing.push(`enforcement.${i}.evidenceIds`);
    });
  } else {
    if (answers.workers == null) missing.push('workers');
    if (answers.programs.length === 0) missing.push('programs');
    const { vendorsTotal, vendorsProtected } = answers.supplyChain;
    if (vendorsTotal != null && vendorsProtected != null && vendorsProtected > vendorsTotal) missing.push('supplyChain.vendorsProtected');
  }
  return missing;
}

/** Evidence ids the answers refer to, once each. */
export function referencedEvidence(answers: AnswersShape): string[] {
  const lists: string[][] =
    answers.kind === 'pemda'
      ? [...answers.regulations, ...answers.agreements, ...answers.programs, ...answers.enforcement, answers.coverage, answers.innovation].map((e) => e.evidenceIds)
      : [answers.supplyChain.evidenceIds, answers.csr.evidenceIds, answers.innovation.evidenceIds];
  return [...new Set(lists.flat())];
}

/**
 * Submissions close at the end of the deadline day in Western Indonesia
 * Time (UTC+7), the committee's clock.
 */
export function deadlinePassed({ deadline, now }: { deadline: string | null; now: Date }): boolean {
  if (!deadline) return false;
  const wibDate = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  return wibDate > deadline;
}

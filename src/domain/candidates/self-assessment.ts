/**
 * Rules of the self-assessment: what a fresh form holds, what must be there
 * before it can be submitted (our rule), and the deadline.
 */
type Evidenced = { evidenceIds: string[] };
type PemdaAnswers = {
  kind: 'pemda';
  regulations: ({ number: string; title: string; date: string | null } & Evidenced)[];
  agreements: ({ parties: string; number: string } & Evidenced)[];
  programs: ({ peopleProtected: number | null } & Evidenced)[];
  coverage: { note: string } & Evidenced;
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
    ? { kind, regulations: [], agreements: [], programs: [], coverage: { note: '', evidenceIds: [] }, innovation: { narrative: '', evidenceIds: [] } }
    : {
        kind,
        workers: null,
        programs: [],
        supplyChain: { vendorsTotal: null, vendorsProtected: null, evidenceIds: [] },
        csr: { vulnerableWorkersProtected: null, budgetRupiah: null, evidenceIds: [] },
        innovation: { narrative: '', evidenceIds: [] },
      };
}

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
      if (r.evidenceIds.length === 0) missing.push(`regulations.${i}.evidenceIds`);
    });
    answers.agreements.forEach((a, i) => {
      if (a.parties.trim() === '') missing.push(`agreements.${i}.parties`);
      if (a.evidenceIds.length === 0) missing.push(`agreements.${i}.evidenceIds`);
    });
    answers.programs.forEach((p, i) => {
      if (p.peopleProtected == null) missing.push(`programs.${i}.peopleProtected`);
      if (p.evidenceIds.length === 0) missing.push(`programs.${i}.evidenceIds`);
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
      ? [...answers.regulations, ...answers.agreements, ...answers.programs, answers.coverage, answers.innovation].map((e) => e.evidenceIds)
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

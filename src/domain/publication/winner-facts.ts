/**
 * What the system holds about a winner, and nothing else: the result, the
 * edition's milestones and signatories, the confirmed data values and the
 * entries of the self-assessment a verifier found valid. Press releases and
 * the public portal are written from this; a fact that is null or empty is
 * simply not stated.
 */
import type { ItemStatus } from '../candidates/verification.ts';

export type RegulationFact = { type: 'perda' | 'perkada' | 'instruksi' | 'surat-edaran' | 'keputusan'; number: string; title: string; date: string | null };
export type AgreementFact = { type: 'mou' | 'pks'; parties: string; number: string; date: string | null };
export type ProgramFact = { segment: string; people: number | null; budgetRupiah: number | null; fundingSource: string };
export type SignatoryFact = { name: string; title: string; handsOver: boolean };

/**
 * How the award was actually handed over: a presenter who is not a
 * signatory, another event (an MoU signing) instead of the ceremony, and who
 * received on the winner's behalf ("Sekda hadir mewakili Bupati").
 */
export type HandoverFacts = {
  presenter: { name: string; title: string } | null;
  occasion: { name: string; date: string; place: string | null } | null;
  representative: { name: string; title: string; onBehalfOf: string | null } | null;
};

export type WinnerFacts = {
  candidate: { name: string; kind: 'pemda' | 'badan-usaha' };
  edition: { label: string };
  /** The level of the pool; `areaName` is the province of a provincial pool. */
  level: { kind: 'provinsi' | 'zona' | 'nasional'; name: string; areaName: string | null };
  category: { name: string };
  award: number;
  rank: number;
  score: number;
  /** Stage scores with the stage's label (e.g. "Penilaian dokumen", "Wawancara"). */
  stages: { label: string; score: number }[];
  /** The name of the level the winner goes on to, when it advances. */
  advancesTo: { kind: 'provinsi' | 'zona' | 'nasional'; name: string } | null;
  /** The pool's own ceremony (a provincial pool's province's, never another's); null when none is recorded. */
  ceremony: { date: string; place: string | null } | null;
  signatories: SignatoryFact[];
  /** The hand-over as it happened, when the committee recorded it. */
  handover: HandoverFacts;
  /** Confirmed data values (coverage snapshot, verification or a decided dispute). */
  values: {
    coveragePct: number | null;
    govFunded: number | null;
    workers: number | null;
    supplyChainPct: number | null;
  };
  /** Entries of the self-assessment that a verifier marked valid. */
  verified: {
    regulations: RegulationFact[];
    agreements: AgreementFact[];
    programs: ProgramFact[];
    innovation: string | null;
    programCodes: string[];
    csr: { workers: number | null; budgetRupiah: number | null } | null;
  };
};

type PemdaAnswers = {
  kind: 'pemda';
  regulations: ({ id: string } & RegulationFact)[];
  agreements: ({ id: string } & AgreementFact)[];
  programs: { id: string; segment: string; peopleProtected: number | null; budgetRupiah: number | null; fundingSource: string }[];
  innovation: { narrative: string };
};
type CompanyAnswers = {
  kind: 'badan-usaha';
  programs: string[];
  csr: { vulnerableWorkersProtected: number | null; budgetRupiah: number | null };
  innovation: { narrative: string };
};

const blankToNull = (text: string | null | undefined): string | null => (text && text.trim() !== '' ? text.trim() : null);

/** The entries of a self-assessment that a verifier found valid, as facts. */
export function verifiedFacts(answers: unknown, status: (key: string) => ItemStatus): WinnerFacts['verified'] {
  const none: WinnerFacts['verified'] = { regulations: [], agreements: [], programs: [], innovation: null, programCodes: [], csr: null };
  if (!answers || typeof answers !== 'object') return none;
  const innovation = status('innovation') === 'valid' ? blankToNull((answers as { innovation?: { narrative?: string } }).innovation?.narrative) : null;
  if ((answers as { kind?: string }).kind === 'pemda') {
    const a = answers as PemdaAnswers;
    return {
      ...none,
      regulations: a.regulations
        .filter((r) => status(`regulations:${r.id}`) === 'valid')
        .map((r) => ({ type: r.type, number: r.number.trim(), title: r.title.trim(), date: r.date })),
      agreements: a.agreements
        .filter((g) => status(`agreements:${g.id}`) === 'valid')
        .map((g) => ({ type: g.type, parties: g.parties.trim(), number: g.number.trim(), date: g.date })),
      programs: a.programs
        .filter((p) => status(`programs:${p.id}`) === 'valid')
        .map((p) => ({ segment: p.segment, people: p.peopleProtected, budgetRupiah: p.budgetRupiah, fundingSource: p.fundingSource })),
      innovation,
    };
  }
  const c = answers as CompanyAnswers;
  return {
    ...none,
    innovation,
    programCodes: status('programs') === 'valid' ? [...c.programs] : [],
    csr: status('csr') === 'valid' ? { workers: c.csr.vulnerableWorkersProtected, budgetRupiah: c.csr.budgetRupiah } : null,
  };
}

/** Total people and budget of the verified programs, counting only what is known. */
export function programTotals(programs: readonly ProgramFact[]): { people: number | null; budgetRupiah: number | null } {
  const people = programs.filter((p) => p.people != null);
  const budget = programs.filter((p) => p.budgetRupiah != null);
  return {
    people: people.length > 0 ? people.reduce((s, p) => s + p.people!, 0) : null,
    budgetRupiah: budget.length > 0 ? budget.reduce((s, p) => s + p.budgetRupiah!, 0) : null,
  };
}

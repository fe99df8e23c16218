import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { effectiveWeights } from '../../src/shared/instrument-weights.ts';
import { confirmedValues } from '../../src/domain/candidates/verification.ts';
import { upgradeAnswers } from '../../src/domain/candidates/self-assessment.ts';
import { badanUsahaV2, buildScoringPackage, defaultInstruments, pemdaV1, pemdaV2, ukmV2, type Instrument } from '../../src/domain/instruments/index.ts';
import { copiedScoring, defaultScoringFor, scoringSetup } from '../../src/domain/panels/scoring-setup.ts';
import { scorePackage } from '../../src/domain/scoring/index.ts';
import {
  agreementParties,
  agreementTypes,
  answers as answersContract,
  enforcementTypes,
  fundingSources,
  memberships,
  paidPrograms,
  programCodes,
  programStatuses,
  regulationTypes,
  workerSegments,
} from '../../src/shared/contracts/self-assessment.ts';

const e = '6f1c0c52-3c1b-4c37-9a55-2f1f0b1f5e01';
const pool = { edition: '2026', level: 'provinsi', area: '52', category: 'pemkab-kota' };
const indicators = (i: Instrument) => i.stages.flatMap((s) => s.aspects.flatMap((a) => a.indicators));

type Entry = Record<string, unknown>;
type Form = { kind: string; regulations: Entry[]; agreements: Entry[]; programs: Entry[]; enforcement: Entry[]; coverage: Entry; innovation: Entry };

/** A regency reporting the facts the award's reports praise (seeds 000–004), every entry with evidence. */
function regency(): Form {
  return {
    kind: 'pemda',
    regulations: [{ id: 'r1', type: 'perda', number: '4 Tahun 2023', date: '2023-03-01', title: 'Perlindungan Jaminan Sosial Ketenagakerjaan', evidenceIds: [], links: ['https://jdih.example.go.id/perda/4-2023'] }],
    agreements: [
      { id: 'a1', type: 'pks', parties: '', partyList: ['disnaker', 'dpmptsp', 'bpjs-ketenagakerjaan'], number: 'PKS/01/2024', date: '2024-01-10', validFrom: '2024-01-10', validUntil: '2026-12-31', evidenceIds: [e] },
    ],
    programs: [
      { id: 'p1', segment: 'non-asn', status: 'berjalan', membership: 'pu', governmentPaid: true, paidPrograms: ['JKK', 'JKM'], peopleTargeted: 5000, peopleProtected: 4871, budgetRupiah: 700_000_000, budgetRealisedRupiah: 600_100_000, fundingSource: 'apbd', periodStart: null, periodEnd: null, evidenceIds: [e] },
      { id: 'p2', segment: 'nelayan', status: 'berjalan', membership: 'bpu', governmentPaid: true, paidPrograms: ['JKK', 'JKM'], peopleTargeted: 400, peopleProtected: 376, budgetRupiah: 69_400_000, budgetRealisedRupiah: 69_400_000, fundingSource: 'alokasi-dana-desa', periodStart: null, periodEnd: null, evidenceIds: [e] },
      { id: 'p3', segment: 'tenaga-pendidik-swasta', status: 'proses-penganggaran', membership: 'bpu', governmentPaid: true, paidPrograms: ['JKK', 'JKM'], peopleTargeted: 1000, peopleProtected: null, budgetRupiah: null, budgetRealisedRupiah: null, fundingSource: 'apbd-p', periodStart: null, periodEnd: null, evidenceIds: [e] },
    ],
    enforcement: [
      { id: 'x1', type: 'syarat-perizinan', description: 'Kepesertaan BPJS syarat izin usaha', evidenceIds: [e] },
      { id: 'x2', type: 'syarat-kontrak-konstruksi', description: 'Kepesertaan BPJS syarat kontrak proyek konstruksi', evidenceIds: [e] },
      { id: 'x3', type: 'sosialisasi', description: 'Sosialisasi ke pemberi kerja', evidenceIds: [e] },
    ],
    coverage: { note: 'Melampaui target kepesertaan', targetPct: 30, achievedPct: 32, nationalTargetPct: 52.15, evidenceIds: [e] },
    innovation: { narrative: 'x'.repeat(60), evidenceIds: [] },
  };
}
const snapshot = { working_population: 600_000, employer_compliance_pct: 70, coverage_pct: 32, bpu_coverage_pct: 10, growth_pct: 5 };

/** The final v2 score of one regency alone in its pool, every item verified valid, no juror marks yet. */
function scoreOf(answers: Form, coverage: Record<string, number> = snapshot, instrument: Instrument = pemdaV2): number {
  const parsed = answersContract.parse(answers);
  const values = { ...confirmedValues(upgradeAnswers(parsed), () => 'valid'), ...coverage, head_attendance: 'kepala-daerah' };
  const pkg = buildScoringPackage({ instrument, pool, candidates: [{ id: '52.03' }], values: { '52.03': values }, jurors: [], marks: [] });
  return scorePackage(pkg).results[0]!.score;
}
const edit = (change: (a: Form) => void): Form => {
  const a = regency();
  change(a);
  return a;
};

describe('instruments v2', () => {
  it('use absolute scales only: a lone candidate does not score 100 by being alone', () => {
    for (const instrument of [pemdaV2, badanUsahaV2, ukmV2]) {
      expect(indicators(instrument).filter((i) => i.scale.type === 'relative').map((i) => i.id), instrument.id).toEqual([]);
    }
    expect(indicators(pemdaV1).some((i) => i.scale.type === 'relative')).toBe(true);
    const alone = scoreOf(regency());
    expect(alone).toBeGreaterThan(0);
    expect(alone).toBeLessThan(100);
    // The same regency scores the same beside a far larger one: nothing is pool-relative.
    const parsed = upgradeAnswers(answersContract.parse(regency()));
    const values = { ...confirmedValues(parsed, () => 'valid'), ...snapshot, head_attendance: 'kepala-daerah' };
    const big = { ...values, people_protected: 90_000, budget_realised_rupiah: 20_000_000_000, growth_pct: 40 };
    const pkg = buildScoringPackage({ instrument: pemdaV2, pool, candidates: [{ id: '52.03' }, { id: '64.74' }], values: { '52.03': values, '64.74': big }, jurors: [], marks: [] });
    expect(scorePackage(pkg).results.find((r) => r.candidate === '52.03')!.score).toBe(alone);
  });

  it('raise the score for each verified fact the seeds praise, and lower it when the fact is missing', () => {
    const base = scoreOf(regency());
    const lower: [string, number][] = [
      // Seed 002: BPJS membership as a condition of construction contracts.
      ['no construction-contract condition', scoreOf(edit((a) => (a.enforcement = a.enforcement.filter((x) => x.id !== 'x2'))))],
      // Seed 003: MoU/PKS with Disnaker, DPMPTSP and BPJS.
      ['no agreement', scoreOf(edit((a) => (a.agreements = [])))],
      // Seed 003: Rp600,1 juta for honorary staff (a smaller realised budget scores less).
      ['less budget realised', scoreOf(edit((a) => (a.programs[0]!.budgetRealisedRupiah = 100_000_000)))],
      // Seed 000: people protected against the target (fewer protected scores less).
      ['fewer people protected', scoreOf(edit((a) => (a.programs[0]!.peopleProtected = 2000)))],
      // Seed 003: a program still being budgeted protects no one yet.
      ['program only budgeted', scoreOf(edit((a) => (a.programs[1]!.status = 'dianggarkan')))],
      // Seed 002: "melampaui target kepesertaan" (falling short of it scores less).
      ['regional target missed', scoreOf(edit((a) => (a.coverage.achievedPct = 20)))],
      // The regency's employers under-reporting (PDS) more often.
      ['lower employer compliance', scoreOf(regency(), { ...snapshot, employer_compliance_pct: 55 })],
    ];
    for (const [what, score] of lower) expect(score, what).toBeLessThan(base);
    const higher: [string, number][] = [
      // Seed 004: outreach and easier registration (a fourth kind of measure).
      ['registration services', scoreOf(edit((a) => a.enforcement.push({ id: 'x4', type: 'layanan-pendaftaran', description: 'Kemudahan pendaftaran', evidenceIds: [e] })))],
      // Seed 002: kader and satuan keamanan desa as segments of their own.
      ['another segment', scoreOf(edit((a) => a.programs.push({ ...a.programs[1]!, id: 'p4', segment: 'satuan-keamanan-desa' })))],
      ['more employers compliant', scoreOf(regency(), { ...snapshot, employer_compliance_pct: 95 })],
    ];
    for (const [what, score] of higher) expect(score, what).toBeGreaterThan(base);
  });

  it('build a valid scoring package from every option of every field a regency reports', () => {
    const options: [string, readonly string[], (a: Form, v: string) => void][] = [
      ['regulation type', regulationTypes, (a, v) => (a.regulations[0]!.type = v)],
      ['agreement type', agreementTypes, (a, v) => (a.agreements[0]!.type = v)],
      ['agreement party', agreementParties, (a, v) => (a.agreements[0]!.partyList = [v])],
      ['segment', workerSegments, (a, v) => (a.programs[0]!.segment = v)],
      ['funding source', fundingSources, (a, v) => (a.programs[0]!.fundingSource = v)],
      ['membership', memberships, (a, v) => (a.programs[0]!.membership = v)],
      ['program paid', paidPrograms, (a, v) => (a.programs[0]!.paidPrograms = [v])],
      ['program status', programStatuses, (a, v) => (a.programs[0]!.status = v)],
      ['enforcement type', enforcementTypes, (a, v) => (a.enforcement[0]!.type = v)],
    ];
    for (const [field, list, set] of options) {
      for (const value of list) {
        for (const instrument of [pemdaV1, pemdaV2]) {
          const score = scoreOf(edit((a) => set(a, value)), snapshot, instrument);
          expect(score, `${field} ${value} on ${instrument.id}`).toBeGreaterThanOrEqual(0);
        }
      }
    }
    for (const program of programCodes) {
      const company = { kind: 'badan-usaha', workers: 120, programs: [program], supplyChain: { vendorsTotal: 10, vendorsProtected: 7, evidenceIds: [e] }, csr: { vulnerableWorkersProtected: 300, budgetRupiah: 50_000_000, evidenceIds: [e] }, innovation: { narrative: 'x'.repeat(60), evidenceIds: [] } };
      const values = { ...confirmedValues(upgradeAnswers(answersContract.parse(company)), () => 'valid'), declared_coverage_pct: 90, growth_pct: 4, leader_attendance: 'direktur-utama' };
      const instrument = badanUsahaV2;
      const attendance = indicators(instrument).find((i) => i.source === 'data' && i.origin === 'interview');
      if (attendance?.scale.type === 'choice') values.leader_attendance = Object.keys(attendance.scale.options)[0]!;
      const pkg = buildScoringPackage({ instrument, pool: { ...pool, category: 'usaha-besar' }, candidates: [{ id: 'npp1' }], values: { npp1: values }, jurors: [], marks: [] });
      const result = scorePackage(pkg).results[0]!;
      expect(result.indicators['rp.cakupan'], program).toBe(70);
      expect(result.indicators['ino.csr'], program).toBe(60);
    }
  });

  it('are the default of editions assessing 2025 on; earlier editions and categories set up before keep v1', () => {
    const category = (scoring: unknown, family = 'pemda') => ({ family, awards: 3, advance: 1, scoring });
    expect(scoringSetup(category(defaultScoringFor('pemda', '2025-01-01'))).instrument.id).toBe('pemda.v2');
    expect(scoringSetup(category(defaultScoringFor('pemda', '2024-01-01'))).instrument.id).toBe('pemda.v1');
    expect(scoringSetup(category(defaultScoringFor('badan-usaha', '2025-01-01'), 'badan-usaha')).instrument.id).toBe('badan-usaha.v2');
    // A category of another family never takes an instrument of the wrong one.
    expect(scoringSetup(category({ instrumentId: 'pemda.v2' }, 'ukm')).instrument.id).toBe('ukm.v1');
    expect(scoringSetup(category(null)).instrument.id).toBe('pemda.v1');
    // A copy for a later year moves to the new default, unless the committee edited the instrument.
    expect(copiedScoring({ instrumentId: 'pemda.v1' }, 'pemda', '2025-01-01')).toEqual({ instrumentId: 'pemda.v2' });
    const edited = { instrument: { ...pemdaV1, label: { id: 'Diubah', en: 'Edited' } } };
    expect(copiedScoring(edited, 'pemda', '2025-01-01')).toBe(edited);
    expect(defaultInstruments.map((i) => i.id)).toEqual(expect.arrayContaining(['pemda.v2', 'badan-usaha.v2', 'ukm.v2']));
  });

  it('are documented indicator by indicator with the weights and effective weights they have', () => {
    const doc = readFileSync(new URL('../../docs/instruments-v2.md', import.meta.url), 'utf8');
    for (const instrument of [pemdaV2, badanUsahaV2, ukmV2]) {
      const section = doc.split(`### ${instrument.id}`)[1]!.split('###')[0]!;
      const effective = effectiveWeights(instrument);
      for (const indicator of indicators(instrument)) {
        const row = section.split('\n').find((line) => line.includes(`\`${indicator.id}\``));
        expect(row, `${instrument.id} ${indicator.id}`).toBeDefined();
        const cells = row!.split('|').map((c) => c.trim());
        expect(Number(cells[6]), indicator.id).toBe(indicator.weight);
        expect(Math.abs(Number(cells[7]!.replace('%', '')) - effective[indicator.id]!), indicator.id).toBeLessThanOrEqual(0.005 + 1e-9);
      }
    }
  });
});

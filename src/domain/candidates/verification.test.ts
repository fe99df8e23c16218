import { describe, expect, it } from 'vitest';
import { confirmedValues, verificationItems, verificationState, verifiedEvidence } from './verification.ts';
import { upgradeAnswers, type AnswersShape } from './self-assessment.ts';

const pemda = {
  kind: 'pemda',
  regulations: [
    { id: 'r1', type: 'surat-edaran', number: '1', title: 'SE', date: '2024-01-01', evidenceIds: ['e'] },
    { id: 'r2', type: 'perkada', number: '2', title: 'Perbup', date: '2024-02-01', evidenceIds: ['e'] },
  ],
  agreements: [{ id: 'a1', type: 'mou', parties: 'Pemkab, BPJS', number: '3', date: null, evidenceIds: ['e'] }],
  programs: [
    { id: 'p1', segment: 'non-asn', peopleProtected: 4871, budgetRupiah: 600_100_000, fundingSource: 'apbd', periodStart: null, periodEnd: null, evidenceIds: ['e'] },
    { id: 'p2', segment: 'nelayan', peopleProtected: 376, budgetRupiah: 69_400_000, fundingSource: 'apbd', periodStart: null, periodEnd: null, evidenceIds: ['e'] },
  ],
  coverage: { note: '', evidenceIds: [] },
  innovation: { narrative: 'x', evidenceIds: [] },
} as unknown as AnswersShape;

describe('verification', () => {
  it('makes one item per registry entry and per section', () => {
    expect(verificationItems(pemda).map((i) => i.key)).toEqual(['regulations:r1', 'regulations:r2', 'agreements:a1', 'programs:p1', 'programs:p2', 'coverage', 'innovation']);
  });
  it('is verified only when every item is decided and none awaits revision', () => {
    expect(verificationState(['valid', 'rejected'])).toBe('verified');
    expect(verificationState(['valid', 'pending'])).toBe('pending');
    expect(verificationState(['valid', 'revision', 'pending'])).toBe('revision');
    expect(verificationState([])).toBe('pending');
  });
  it('confirms values from valid items only', () => {
    // r2 (perkada) is rejected, so the strongest valid regulation is the circular (r1);
    // p2 is valid: 376 people and Rp69.4 million; p1 awaits revision and does not count.
    const status = (key: string) => (({ 'regulations:r1': 'valid', 'regulations:r2': 'rejected', 'agreements:a1': 'valid', 'programs:p1': 'revision', 'programs:p2': 'valid' }) as const)[key as 'agreements:a1'] ?? 'pending';
    expect(confirmedValues(pemda, status)).toEqual({
      regulation_type: 'surat-edaran',
      regulations_count: 1,
      agreements_count: 1,
      agreement_parties_count: 0,
      people_protected: 376,
      budget_rupiah: 69_400_000,
      budget_realised_rupiah: 0,
      segments_count: 1,
      enforcement_measures: 0,
    });
  });
  it('makes an item of every enforcement measure and confirms targets, realised budgets, parties and measures', () => {
    const answers = upgradeAnswers({
      ...pemda,
      agreements: [{ id: 'a1', type: 'pks', parties: '', partyList: ['disnaker', 'dpmptsp', 'bpjs-ketenagakerjaan'], number: '3', date: null, validFrom: '2024-01-01', validUntil: '2026-12-31', evidenceIds: ['e'] }],
      programs: [
        // Seed 000: 9.360 protected of a 50 ribu target; seed 003: a program still being budgeted.
        { id: 'p1', segment: 'non-asn', status: 'berjalan', peopleTargeted: 50_000, peopleProtected: 9360, budgetRupiah: 2_000_000_000, budgetRealisedRupiah: 1_887_000_000, fundingSource: 'apbd', periodStart: null, periodEnd: null, evidenceIds: ['e'] },
        { id: 'p2', segment: 'nelayan', status: 'proses-penganggaran', peopleTargeted: 1000, peopleProtected: null, budgetRupiah: 200_000_000, fundingSource: 'apbd', periodStart: null, periodEnd: null, evidenceIds: ['e'] },
      ],
      enforcement: [
        { id: 'x1', type: 'syarat-perizinan', description: 'Syarat izin usaha', evidenceIds: ['e'] },
        { id: 'x2', type: 'syarat-kontrak-konstruksi', description: 'Syarat kontrak', evidenceIds: ['e'] },
        { id: 'x3', type: 'sosialisasi', description: 'Sosialisasi', evidenceIds: ['e'] },
      ],
      coverage: { note: 'Melampaui target', targetPct: 40, achievedPct: 44, nationalTargetPct: 52.15, evidenceIds: ['e'] },
    });
    expect(verificationItems(answers).map((i) => i.key)).toContain('enforcement:x3');
    const valid = new Set(['agreements:a1', 'programs:p1', 'programs:p2', 'enforcement:x1', 'enforcement:x2', 'coverage']);
    const values = confirmedValues(answers, (key) => (valid.has(key) ? 'valid' : 'rejected'));
    expect(values).toMatchObject({
      agreements_count: 1,
      agreement_parties_count: 3,
      // The program being budgeted protects no one yet, but its target counts.
      people_protected: 9360,
      people_targeted: 51_000,
      target_achieved_pct: 18.3529,
      budget_rupiah: 2_200_000_000,
      budget_realised_rupiah: 1_887_000_000,
      segments_count: 1,
      // The outreach measure x3 was rejected.
      enforcement_measures: 2,
      region_target_achieved_pct: 110,
    });
  });
  it('shows jurors only the evidence of valid items, uploaded no later than the decision', () => {
    const answers = {
      ...pemda,
      regulations: [
        { id: 'r1', type: 'perda', number: '1', title: 'Perda', date: '2024-01-01', evidenceIds: ['perda', 'late'] },
        { id: 'r2', type: 'perkada', number: '2', title: 'Perbup', date: '2024-02-01', evidenceIds: ['perbup'] },
      ],
      coverage: { note: '', evidenceIds: ['cakupan'] },
    } as unknown as AnswersShape;
    const at = (day: number) => new Date(Date.UTC(2025, 5, day));
    const decisions = [
      { key: 'regulations:r1', status: 'valid' as const, decidedAt: at(10) },
      { key: 'regulations:r2', status: 'rejected' as const, decidedAt: at(10) },
      { key: 'coverage', status: 'pending' as const, decidedAt: at(10) },
    ];
    const files = [
      { id: 'perda', createdAt: at(1) },
      { id: 'late', createdAt: at(11) },
      { id: 'perbup', createdAt: at(1) },
      { id: 'cakupan', createdAt: at(1) },
      { id: 'unattached', createdAt: at(1) },
    ];
    expect(verifiedEvidence(answers, decisions, files)).toEqual(['perda']);
    expect(verifiedEvidence(answers, [], files)).toEqual([]);
  });
});

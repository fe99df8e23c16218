import { describe, expect, it } from 'vitest';
import { confirmedValues, verificationItems, verificationState, verifiedEvidence } from './verification.ts';
import type { AnswersShape } from './self-assessment.ts';

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
      people_protected: 376,
      budget_rupiah: 69_400_000,
      segments_count: 1,
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

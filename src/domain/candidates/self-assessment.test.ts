import { describe, expect, it } from 'vitest';
import { deadlinePassed, emptyAnswers, missingItems, referencedEvidence, upgradeAnswers } from './self-assessment.ts';

describe('self-assessment rules', () => {
  it('lists what a fresh form lacks', () => {
    expect(missingItems(emptyAnswers('pemda'))).toEqual(['innovation.narrative', 'regulations']);
    expect(missingItems(emptyAnswers('badan-usaha'))).toEqual(['innovation.narrative', 'workers', 'programs']);
  });
  it('asks every regulation for its number, title, date and evidence', () => {
    const answers = emptyAnswers('pemda');
    if (answers.kind !== 'pemda') throw new Error('kind');
    answers.innovation.narrative = 'x'.repeat(50);
    answers.regulations.push({ number: 'B.02/INST/30/082021', title: '', date: null, evidenceIds: [], links: [] });
    expect(missingItems(answers)).toEqual(['regulations.0.title', 'regulations.0.date', 'regulations.0.evidenceIds']);
    answers.regulations[0] = { number: 'B.02/INST/30/082021', title: 'Optimalisasi', date: '2021-08-02', evidenceIds: ['e1'], links: [] };
    answers.programs.push({ peopleProtected: 376, peopleTargeted: null, status: 'berjalan', evidenceIds: ['e1', 'e2'], links: [] });
    expect(missingItems(answers)).toEqual([]);
    expect(referencedEvidence(answers)).toEqual(['e1', 'e2']);
  });
  it('loads answers saved before the second form, with the new fields at their defaults', () => {
    const e1 = '6f1c0c52-3c1b-4c37-9a55-2f1f0b1f5e01';
    const old = {
      kind: 'pemda',
      regulations: [{ id: 'r1', type: 'perda', number: '4', title: 'Perda', date: '2021-01-01', evidenceIds: [e1] }],
      agreements: [{ id: 'a1', type: 'mou', parties: 'BPJS', number: '1', date: null, evidenceIds: [e1] }],
      programs: [{ id: 'p1', segment: 'nelayan', peopleProtected: 376, budgetRupiah: 1, fundingSource: 'apbd', periodStart: null, periodEnd: null, evidenceIds: [e1] }],
      coverage: { note: '', evidenceIds: [] },
      innovation: { narrative: 'x'.repeat(50), evidenceIds: [] },
    };
    const upgraded = upgradeAnswers(old);
    expect(upgraded).toMatchObject({ enforcement: [], coverage: { targetPct: null, links: [] }, programs: [{ status: 'berjalan', paidPrograms: [], links: [] }] });
    expect(missingItems(upgraded)).toEqual([]);
  });
  it('accepts a link to an official source as evidence, and asks budgeted programs and enforcement measures for what they lack', () => {
    const answers = upgradeAnswers({
      kind: 'pemda',
      regulations: [{ id: 'r1', type: 'perda', number: '4', title: 'Perda', date: '2021-01-01', evidenceIds: [], links: ['https://jdih.example.go.id/perda-4-2021'] }],
      agreements: [{ id: 'a1', type: 'pks', parties: '', partyList: [], number: '', date: null, validFrom: '2025-01-01', validUntil: '2024-01-01', evidenceIds: ['e'] }],
      programs: [{ id: 'p1', segment: 'jasa-konstruksi', status: 'proses-penganggaran', peopleProtected: null, peopleTargeted: null, budgetRupiah: null, fundingSource: 'dana-desa', periodStart: null, periodEnd: null, evidenceIds: ['e'] }],
      enforcement: [{ id: 'x1', type: 'sanksi', description: '', evidenceIds: [], links: [] }],
      coverage: { note: '', evidenceIds: [] },
      innovation: { narrative: 'x'.repeat(50), evidenceIds: [] },
    });
    expect(missingItems(answers)).toEqual(['agreements.0.parties', 'agreements.0.validUntil', 'programs.0.peopleTargeted', 'enforcement.0.description', 'enforcement.0.evidenceIds']);
  });
  it('closes at the end of the deadline day in WIB (UTC+7)', () => {
    // 16:59 UTC on the 31st is 23:59 WIB: still open. 17:00 UTC is 00:00 WIB on the 1st: closed.
    expect(deadlinePassed({ deadline: '2025-05-31', now: new Date('2025-05-31T16:59:00Z') })).toBe(false);
    expect(deadlinePassed({ deadline: '2025-05-31', now: new Date('2025-05-31T17:00:00Z') })).toBe(true);
    expect(deadlinePassed({ deadline: null, now: new Date() })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { deadlinePassed, emptyAnswers, missingItems, referencedEvidence } from './self-assessment.ts';

describe('self-assessment rules', () => {
  it('lists what a fresh form lacks', () => {
    expect(missingItems(emptyAnswers('pemda'))).toEqual(['innovation.narrative', 'regulations']);
    expect(missingItems(emptyAnswers('badan-usaha'))).toEqual(['innovation.narrative', 'workers', 'programs']);
  });
  it('asks every regulation for its number, title, date and evidence', () => {
    const answers = emptyAnswers('pemda');
    if (answers.kind !== 'pemda') throw new Error('kind');
    answers.innovation.narrative = 'x'.repeat(50);
    answers.regulations.push({ number: 'B.02/INST/30/082021', title: '', date: null, evidenceIds: [] });
    expect(missingItems(answers)).toEqual(['regulations.0.title', 'regulations.0.date', 'regulations.0.evidenceIds']);
    answers.regulations[0] = { number: 'B.02/INST/30/082021', title: 'Optimalisasi', date: '2021-08-02', evidenceIds: ['e1'] };
    answers.programs.push({ peopleProtected: 376, evidenceIds: ['e1', 'e2'] });
    expect(missingItems(answers)).toEqual([]);
    expect(referencedEvidence(answers)).toEqual(['e1', 'e2']);
  });
  it('closes at the end of the deadline day in WIB (UTC+7)', () => {
    // 16:59 UTC on the 31st is 23:59 WIB: still open. 17:00 UTC is 00:00 WIB on the 1st: closed.
    expect(deadlinePassed({ deadline: '2025-05-31', now: new Date('2025-05-31T16:59:00Z') })).toBe(false);
    expect(deadlinePassed({ deadline: '2025-05-31', now: new Date('2025-05-31T17:00:00Z') })).toBe(true);
    expect(deadlinePassed({ deadline: null, now: new Date() })).toBe(false);
  });
});

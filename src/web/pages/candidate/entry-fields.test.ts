import { describe, expect, it } from 'vitest';
import type { Answers } from '../../../shared/contracts/index.ts';
import { entryFields, missingEntryMarks } from './entry-fields.ts';

const pemda = {
  kind: 'pemda',
  regulations: [{ id: 'r1', type: 'perda', number: '', date: null, title: '', validUntil: null, carriedForward: null, evidenceIds: [], links: [] }],
  agreements: [],
  programs: [],
  enforcement: [{ id: 'e1', type: 'sanksi', description: '', evidenceIds: [], links: [] }],
  coverage: { note: '', targetPct: null, achievedPct: null, nationalTargetPct: null, evidenceIds: [], links: [] },
  innovation: { narrative: '', evidenceIds: [], links: [] },
} as unknown as Answers;

describe('entries of the self-assessment', () => {
  it('names every input of every entry, not its id nor its carried-forward mark', () => {
    expect(entryFields(pemda)).toEqual([
      'regulations.0.type',
      'regulations.0.number',
      'regulations.0.date',
      'regulations.0.title',
      'regulations.0.validUntil',
      'regulations.0.evidenceIds',
      'regulations.0.links',
      'enforcement.0.type',
      'enforcement.0.description',
      'enforcement.0.evidenceIds',
      'enforcement.0.links',
    ]);
  });
  it('has no entries for a company', () => {
    expect(entryFields({ kind: 'badan-usaha' } as unknown as Answers)).toEqual([]);
  });
  it('marks the missing inputs of entries with their own words or as required, and leaves whole lists to the list', () => {
    const said = (field: string) => (field === 'evidenceIds' ? 'attach evidence' : undefined);
    expect(missingEntryMarks(['regulations', 'innovation.narrative', 'regulations.0.number', 'regulations.0.evidenceIds', 'workers', 'coverage.note'], said, 'required')).toEqual({
      'regulations.0.number': 'required',
      'regulations.0.evidenceIds': 'attach evidence',
    });
  });
});

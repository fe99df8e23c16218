import { describe, expect, it } from 'vitest';
import { seatProblems } from './seats.ts';

describe('seatProblems', () => {
  it('accepts no members, or one chair and at most one secretary', () => {
    expect(seatProblems([])).toEqual([]);
    expect(seatProblems([{ role: 'chair' }, { role: 'secretary' }, { role: 'member' }])).toEqual([]);
  });
  it('marks every role when there is no chair or more than one', () => {
    expect(seatProblems([{ role: 'member' }, { role: 'secretary' }])).toEqual(['members.0.role', 'members.1.role']);
    expect(seatProblems([{ role: 'chair' }, { role: 'member' }, { role: 'chair' }])).toEqual(['members.0.role', 'members.1.role', 'members.2.role']);
  });
  it('marks only the secretaries when there are two or more', () => {
    expect(seatProblems([{ role: 'secretary' }, { role: 'chair' }, { role: 'secretary' }, { role: 'member' }])).toEqual(['members.0.role', 'members.2.role']);
  });
});

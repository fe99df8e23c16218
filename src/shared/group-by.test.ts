import { describe, expect, it } from 'vitest';
import { groupBy } from './group-by.ts';

describe('groupBy', () => {
  it('groups items by key in one pass, keeping their order', () => {
    const rows = [
      { candidateId: 'a', key: 'workers' },
      { candidateId: 'b', key: 'workers' },
      { candidateId: 'a', key: 'coverage' },
    ];
    const groups = groupBy(rows, (r) => r.candidateId);
    expect([...groups.keys()]).toEqual(['a', 'b']);
    expect(groups.get('a')!.map((r) => r.key)).toEqual(['workers', 'coverage']);
    expect(groups.get('c')).toBeUndefined();
  });
});

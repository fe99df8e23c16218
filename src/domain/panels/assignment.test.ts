import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignAll, assignAuto, shortfalls } from './assignment.ts';
import { conflictsFromTies, pairKey } from './conflicts.ts';

describe('assignment', () => {
  it('gives the whole panel the whole pool, except conflicted pairs', () => {
    const pairs = assignAll({ candidates: ['c1', 'c2'], jurors: ['j1', 'j2'], conflicted: new Set([pairKey('j2', 'c1')]) });
    expect(pairs).toEqual([
      { userId: 'j1', candidateId: 'c1' },
      { userId: 'j1', candidateId: 'c2' },
      { userId: 'j2', candidateId: 'c2' },
    ]);
  });

  it('assigns K jurors to every candidate, balanced within one, never a conflicted pair', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.tuple(fc.nat(11), fc.nat(39)), { maxLength: 30 }),
        (nc, nj, k, holes) => {
          const candidates = Array.from({ length: nc }, (_, i) => `c${String(i).padStart(2, '0')}`);
          const jurors = Array.from({ length: nj }, (_, i) => `j${String(i).padStart(2, '0')}`);
          const conflicted = new Set(holes.filter(([j, c]) => j < nj && c < nc).map(([j, c]) => pairKey(jurors[j]!, candidates[c]!)));
          const pairs = assignAuto({ candidates, jurors, conflicted, k });
          for (const p of pairs) expect(conflicted.has(pairKey(p.userId, p.candidateId))).toBe(false);
          expect(new Set(pairs.map((p) => pairKey(p.userId, p.candidateId))).size).toBe(pairs.length);
          for (const c of candidates) {
            const eligible = jurors.filter((j) => !conflicted.has(pairKey(j, c))).length;
            expect(pairs.filter((p) => p.candidateId === c).length).toBe(Math.min(k, eligible));
          }
          if (conflicted.size === 0) {
            const loads = jurors.map((j) => pairs.filter((p) => p.userId === j).length);
            expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });

  it('splits 34 UKM candidates among 9 jurors with 5 each: loads of 18 or 19', () => {
    const candidates = Array.from({ length: 34 }, (_, i) => `u${i}`);
    const jurors = Array.from({ length: 9 }, (_, i) => `j${i}`);
    const pairs = assignAuto({ candidates, jurors, conflicted: new Set(), k: 5 });
    // 34 × 5 = 170 marks over 9 jurors: 170 = 9 × 18 + 8 → eight jurors with 19 and one with 18.
    const loads = jurors.map((j) => pairs.filter((p) => p.userId === j).length).sort();
    expect(loads).toEqual([18, 19, 19, 19, 19, 19, 19, 19, 19]);
  });

  it('names the candidates with fewer than K jurors who may mark them', () => {
    const conflicted = new Set([pairKey('j1', 'c2')]);
    const pairs = assignAll({ candidates: ['c1', 'c2'], jurors: ['j1', 'j2', 'j3'], conflicted });
    expect(shortfalls({ candidates: ['c1', 'c2'], pairs, conflicted, k: 3 })).toEqual([{ candidateId: 'c2', jurors: 2 }]);
    expect(shortfalls({ candidates: ['c1', 'c2'], pairs, conflicted, k: 2 })).toEqual([]);
  });
});

describe('conflicts from ties', () => {
  it('finds a juror tied to a regional government or an employer', () => {
    const found = conflictsFromTies({
      jurors: [
        { userId: 'j1', ties: [{ kind: 'regency', code: '52.03', note: 'pegawai Disnaker' }] },
        { userId: 'j2', ties: [{ kind: 'employer', code: 'ab 12345', note: null }] },
      ],
      candidates: [
        { id: 'lotim', regencyCode: '52.03', npp: null },
        { id: 'bank', regencyCode: null, npp: 'AB12345' },
        { id: 'other', regencyCode: '52.01', npp: null },
      ],
    });
    expect(found).toEqual([
      { userId: 'j1', candidateId: 'lotim', reason: 'Terkait dengan pemerintah daerah 52.03 (pegawai Disnaker)' },
      { userId: 'j2', candidateId: 'bank', reason: 'Terkait dengan pemberi kerja NPP ab 12345' },
    ]);
  });
});

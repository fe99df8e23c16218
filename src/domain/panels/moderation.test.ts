import { describe, expect, it } from 'vitest';
import { averageRanks, completeBlock, indicatorAgreement, jurorModeration, kendallW } from './moderation.ts';

describe('Kendall’s W', () => {
  it('is 1 when the jurors rank alike and 0 when their ranks cancel out', () => {
    expect(kendallW([[1, 2, 3], [2, 3, 4], [1, 3, 5]])).toBe(1);
    // Rank sums 6, 6, 6 → S = 0.
    expect(kendallW([[1, 2, 3], [2, 3, 1], [3, 1, 2]])).toBe(0);
  });

  it('matches the worked example without ties', () => {
    // Ranks: J1 1 2 3 4, J2 2 1 3 4, J3 1 2 4 3 → rank sums 4, 5, 10, 11; mean 3·5/2 = 7.5;
    // S = 3.5² + 2.5² + 2.5² + 3.5² = 37; W = 12·37 / (3²·(4³ − 4)) = 444 / 540 = 0.8222.
    expect(kendallW([[1, 2, 3, 4], [2, 1, 3, 4], [1, 2, 4, 3]])).toBe(0.8222);
  });

  it('corrects for ties', () => {
    // J1 marks 1 1 2 → ranks 1.5 1.5 3 (one tie of 2: T = 2³ − 2 = 6); J2 1 2 3 → ranks 1 2 3.
    // Rank sums 2.5, 3.5, 6; mean 2·4/2 = 4; S = 2.25 + 0.25 + 4 = 6.5;
    // W = 12·6.5 / (2²·(27 − 3) − 2·6) = 78 / 84 = 0.9286.
    expect(kendallW([[1, 1, 2], [1, 2, 3]])).toBe(0.9286);
    expect(averageRanks([4, 4, 1, 4])).toEqual([3, 3, 1, 3]);
  });

  it('is null with fewer than two jurors or candidates, or when every mark is the same', () => {
    expect(kendallW([[1, 2, 3]])).toBeNull();
    expect(kendallW([[1], [2]])).toBeNull();
    expect(kendallW([[3, 3], [3, 3]])).toBeNull();
  });
});

describe('the complete block of a table with holes', () => {
  it('drops rows and columns with holes, keeping the larger block', () => {
    const marks = [
      ...['a', 'b', 'c'].flatMap((juror) => ['x', 'y', 'z'].map((candidate) => ({ juror, candidate, indicator: 'i', value: 3 }))),
      ...['x', 'y', 'z', 'w'].map((candidate) => ({ juror: 'd', candidate, indicator: 'i', value: 4 })),
    ].filter((m) => !(m.juror === 'a' && m.candidate === 'z'));
    // Candidate w is marked by d only (3 of 4 missing) and goes first. Then juror a lacks z
    // (1 of 3 missing) and z lacks a (1 of 4): dropping a keeps 3 × 3 = 9 marks, dropping z 4 × 2 = 8.
    const block = completeBlock(marks);
    expect(block.candidates).toEqual(['x', 'y', 'z']);
    expect(block.jurors).toEqual(['b', 'c', 'd']);
    expect(block.table).toEqual([[3, 3, 3], [3, 3, 3], [4, 4, 4]]);
  });
});

describe('juror moderation', () => {
  const ranges = new Map([['i', { min: 1, max: 5 }]]);
  it('gives each juror’s mean and spread on 0–100 and flags the juror far from the panel’s median', () => {
    const marks = [
      { juror: 'A', candidate: 'c1', indicator: 'i', value: 5 },
      { juror: 'A', candidate: 'c2', indicator: 'i', value: 5 },
      { juror: 'B', candidate: 'c1', indicator: 'i', value: 3 },
      { juror: 'B', candidate: 'c2', indicator: 'i', value: 2 },
      { juror: 'C', candidate: 'c1', indicator: 'i', value: 3 },
      { juror: 'C', candidate: 'c2', indicator: 'i', value: 3 },
    ];
    // On 0–100: A 100, 100; B 50, 25; C 50, 50. Medians: c1 50, c2 50.
    // A: deviations 50, 50 → 50 (flagged). B: 0, −25 → −12.5. C: 0, 0 → 0.
    // B's spread: sample SD of 50 and 25 = √((12.5² + 12.5²) / 1) = 17.68.
    expect(jurorModeration(marks, ranges)).toEqual([
      { juror: 'A', marks: 2, mean: 100, spread: 0, deviation: 50, flagged: true },
      { juror: 'B', marks: 2, mean: 37.5, spread: 17.68, deviation: -12.5, flagged: false },
      { juror: 'C', marks: 2, mean: 50, spread: 0, deviation: 0, flagged: false },
    ]);
  });

  it('reports agreement per indicator over the complete block', () => {
    const marks = [
      { juror: 'A', candidate: 'c1', indicator: 'i', value: 1 },
      { juror: 'A', candidate: 'c2', indicator: 'i', value: 2 },
      { juror: 'B', candidate: 'c1', indicator: 'i', value: 2 },
      { juror: 'B', candidate: 'c2', indicator: 'i', value: 4 },
    ];
    expect(indicatorAgreement(marks, ['i', 'j'])).toEqual([
      { indicator: 'i', kendallW: 1, jurors: 2, candidates: 2 },
      { indicator: 'j', kendallW: null, jurors: 0, candidates: 0 },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { scorePackage, type ScoringPackage } from '../scoring/index.ts';
import { feedbackOf, medianOf, rubricLevel } from './feedback.ts';

describe('feedback', () => {
  it('takes the middle score, or the mean of the two middle ones rounded like a published score', () => {
    expect(medianOf([70.1, 50, 90.25], 2)).toBe(70.1);
    expect(medianOf([80, 61.19, 43.24, 61.2], 2)).toBe(61.2); // (61.19 + 61.2) / 2 = 61.195, half away from zero
    expect(medianOf([1, 2], 0)).toBe(2);
    expect(() => medianOf([], 2)).toThrow(RangeError);
  });

  it('reads the rubric level nearest to the panel’s mark, a half rounded up, within the scale', () => {
    expect([4.6667, 3.5, 3.4999, 2.6667, 1, 0.2, 5.4].map((m) => rubricLevel(m, { min: 1, max: 5 }))).toEqual([5, 4, 3, 3, 1, 1, 5]);
  });

  it('compares a candidate with the median of the pool and its winners, at every level of the tree', () => {
    const pkg: ScoringPackage = {
      format: 'paritrana.scoring/v1',
      pool: { edition: 'E', level: 'provinsi', category: 'pemkab-kota' },
      method: { awards: 2 },
      stages: [
        {
          id: 'desk',
          weight: 1,
          aspects: [
            {
              id: 'a',
              weight: 1,
              indicators: [
                { id: 'data', weight: 1, scale: { type: 'linear', floor: 0, target: 100 } },
                { id: 'mark', weight: 1, scale: { type: 'rubric', min: 1, max: 5 } },
              ],
            },
          ],
        },
      ],
      candidates: [{ id: 'A' }, { id: 'B' }, { id: 'C' }, { id: 'D' }],
      values: { A: { data: 90 }, B: { data: 60 }, C: { data: 30 }, D: { data: 10 } },
      jurors: [{ id: 'j1' }, { id: 'j2' }],
      marks: [
        ...['A', 'B', 'C', 'D'].flatMap((c, i) => [
          { juror: 'j1', candidate: c, indicator: 'mark', value: 5 - i },
          { juror: 'j2', candidate: c, indicator: 'mark', value: 4 - i > 0 ? 4 - i : 1 },
        ]),
      ],
    };
    const fb = feedbackOf(pkg, 'C');
    const published = scorePackage(pkg).results;
    expect(published.map((r) => [r.candidate, r.score, r.award])).toEqual([
      ['A', 88.75, 1],
      ['B', 61.25, 2],
      ['C', 33.75, null],
      ['D', 11.25, null],
    ]);
    expect(fb).toMatchObject({ candidate: 'C', rank: 3, candidates: 4, award: null, advances: false });
    // Aspect = mean of (90, 87.5), (60, 62.5), (30, 37.5), (10, 12.5); the median is (61.25 + 33.75) / 2.
    expect(fb.total).toEqual({ own: 33.75, median: 47.5, winners: [88.75, 61.25] });
    expect(fb.winners).toEqual([
      { candidate: 'A', award: 1, rank: 1, score: 88.75 },
      { candidate: 'B', award: 2, rank: 2, score: 61.25 },
    ]);
    const [data, mark] = fb.stages[0]!.aspects[0]!.indicators;
    expect(data).toEqual({ id: 'data', source: 'data', own: 30, median: 45, winners: [90, 60], value: 30, aggregate: null, level: null });
    // Marks 3 and 2: a mean of 2.5 reaches level 3.
    expect(mark).toEqual({ id: 'mark', source: 'rubric', own: 37.5, median: 50, winners: [87.5, 62.5], value: null, aggregate: 2.5, level: 3 });
    expect(() => feedbackOf(pkg, 'Z')).toThrow(RangeError);
  });
});

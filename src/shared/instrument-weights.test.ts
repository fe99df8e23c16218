import { describe, expect, it } from 'vitest';
import { effectiveWeights } from './instrument-weights.ts';

describe('effectiveWeights', () => {
  it('gives each indicator its share of the final score, summing to 100', () => {
    // The example of spec/scoring.md: desk 60 (regulasi 30, kinerja 70), wawancara 40.
    const weights = effectiveWeights({
      stages: [
        { id: 'desk', weight: 60, aspects: [{ id: 'regulasi', weight: 30, indicators: [{ id: 'reg.jenis', weight: 100 }] }, { id: 'kinerja', weight: 70, indicators: [{ id: 'kin.coverage', weight: 60 }, { id: 'kin.tumbuh', weight: 40 }] }] },
        { id: 'wawancara', weight: 40, aspects: [{ id: 'paparan', weight: 100, indicators: [{ id: 'ww.komitmen', weight: 50 }, { id: 'ww.hadir', weight: 50 }] }] },
      ],
    });
    expect(weights['reg.jenis']).toBeCloseTo(18, 10);
    expect(weights['kin.coverage']).toBeCloseTo(25.2, 10);
    expect(weights['kin.tumbuh']).toBeCloseTo(16.8, 10);
    expect(weights['ww.hadir']).toBeCloseTo(20, 10);
    expect(Object.values(weights).reduce((s, w) => s + w, 0)).toBeCloseTo(100, 10);
  });
  it('gives nothing to a list whose weights are all zero', () => {
    expect(effectiveWeights({ stages: [{ id: 's', weight: 0, aspects: [{ id: 'a', weight: 1, indicators: [{ id: 'i', weight: 1 }] }] }] })).toEqual({ i: 0 });
  });
});

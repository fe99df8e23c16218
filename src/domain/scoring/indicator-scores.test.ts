import { describe, expect, it } from 'vitest';
import { scorePackage } from './score.ts';
import { singleIndicator } from './package-factory.ts';
import type { BandsScale, ScoringPackage } from './types.ts';

/** Indicator x's published score and the flags, by candidate id. */
function scoresOf(pkg: ScoringPackage): Record<string, { x: number; flags: string[] }> {
  return Object.fromEntries(scorePackage(pkg).results.map((r) => [r.candidate, { x: r.indicators.x!, flags: r.flags }]));
}
const x = (pkg: ScoringPackage, candidate = 'c1'): number => scoresOf(pkg)[candidate]!.x;

const jurors = (...ids: string[]) => ids.map((id) => ({ id }));
const marks = (candidate: string, values: number[]) => values.map((value, i) => ({ juror: `j${i + 1}`, candidate, value }));

describe('rubric', () => {
  it('scores (agg − min) / (max − min) × 100', () => {
    // (4 − 1) / (5 − 1) × 100 = 75
    expect(x(singleIndicator({ type: 'rubric', min: 1, max: 5 }, { jurors: jurors('j1'), marks: marks('c1', [4]) }))).toBe(75);
    // 0..10, marks 7 and 8: mean 7.5 → 7.5 / 10 × 100 = 75
    expect(x(singleIndicator({ type: 'rubric', min: 0, max: 10 }, { jurors: jurors('j1', 'j2'), marks: marks('c1', [7, 8]) }))).toBe(75);
    // min mark → 0, max mark → 100
    expect(x(singleIndicator({ type: 'rubric', min: 1, max: 5 }, { jurors: jurors('j1'), marks: marks('c1', [1]) }))).toBe(0);
    expect(x(singleIndicator({ type: 'rubric', min: 1, max: 5 }, { jurors: jurors('j1'), marks: marks('c1', [5]) }))).toBe(100);
  });

  it('scores 0 and flags unmarked:<indicator> when no valid mark exists', () => {
    const pkg = singleIndicator({ type: 'rubric', min: 1, max: 5 }, { candidates: [{ id: 'c1' }], jurors: jurors('j1') });
    expect(scoresOf(pkg)).toEqual({ c1: { x: 0, flags: ['unmarked:x'] } });
  });

  it('ignores the marks of a juror conflicted with the candidate', () => {
    // j1 is conflicted with c1: only j2's 1 counts → (1 − 1) / 4 × 100 = 0; c2 keeps both: mean(5, 1) = 3 → 50
    const pkg = singleIndicator(
      { type: 'rubric', min: 1, max: 5 },
      {
        candidates: [{ id: 'c1' }, { id: 'c2' }],
        jurors: [{ id: 'j1', conflicts: ['c1'] }, { id: 'j2' }],
        marks: [...marks('c1', [5, 1]), ...marks('c2', [5, 1])],
      },
    );
    expect(scoresOf(pkg)).toEqual({ c1: { x: 0, flags: [] }, c2: { x: 50, flags: [] } });
  });

  it('flags unmarked when the only marks are those of conflicted jurors', () => {
    const pkg = singleIndicator({ type: 'rubric', min: 1, max: 5 }, { jurors: [{ id: 'j1', conflicts: ['c1'] }], marks: marks('c1', [5]) });
    expect(scoresOf(pkg)).toEqual({ c1: { x: 0, flags: ['unmarked:x'] } });
  });
});

describe('juror aggregates', () => {
  const rubric = { type: 'rubric', min: 1, max: 5 } as const;
  const score = (how: 'mean' | 'median' | 'trimmed-mean', values: number[]): number =>
    x(singleIndicator(rubric, { jurors: jurors(...values.map((_, i) => `j${i + 1}`)), marks: marks('c1', values), method: { jurorAggregate: how } }));

  it('mean', () => {
    // mean(1, 2, 5) = 8/3; (8/3 − 1) / 4 × 100 = 41.666… → 41.67
    expect(score('mean', [1, 2, 5])).toBe(41.67);
  });

  it('median of an odd count is the middle mark', () => {
    // median(5, 1, 2) = 2 → (2 − 1) / 4 × 100 = 25
    expect(score('median', [5, 1, 2])).toBe(25);
  });

  it('median of an even count is the mean of the two middle marks', () => {
    // median(1, 2, 4, 5) = (2 + 4) / 2 = 3 → 50; median(1, 2, 3, 5) = 2.5 → 37.5
    expect(score('median', [5, 1, 4, 2])).toBe(50);
    expect(score('median', [1, 2, 3, 5])).toBe(37.5);
  });

  it('trimmed-mean drops one highest and one lowest mark from 5 or more', () => {
    // (1, 1, 1, 1, 5) → drop one 1 and the 5 → mean(1, 1, 1) = 1 → 0 (the plain mean 1.8 would give 20)
    expect(score('trimmed-mean', [1, 1, 5, 1, 1])).toBe(0);
    expect(score('mean', [1, 1, 5, 1, 1])).toBe(20);
    // (1, 2, 4, 4, 5, 5) → mean(2, 4, 4, 5) = 3.75 → (3.75 − 1) / 4 × 100 = 68.75
    expect(score('trimmed-mean', [5, 1, 4, 2, 5, 4])).toBe(68.75);
  });

  it('trimmed-mean of fewer than 5 marks is the plain mean', () => {
    // mean(1, 1, 5, 5) = 3 → 50; mean(1, 2, 5, 5) = 3.25 → 56.25
    expect(score('trimmed-mean', [1, 1, 5, 5])).toBe(50);
    expect(score('trimmed-mean', [1, 2, 5, 5])).toBe(56.25);
  });

  it('defaults to the mean', () => {
    // mean(1, 2) = 1.5 → 12.5 (the median would be the same, so use 3 marks: mean(1, 1, 4) = 2 → 25, median 1 → 0)
    const pkg = singleIndicator(rubric, { jurors: jurors('j1', 'j2', 'j3'), marks: marks('c1', [1, 1, 4]) });
    delete pkg.method;
    expect(x(pkg)).toBe(25);
  });
});

describe('linear', () => {
  const linear = (floor: number, target: number, v: number): number => x(singleIndicator({ type: 'linear', floor, target }, { values: { c1: v } }));

  it('scores clamp((v − floor) / (target − floor), 0, 1) × 100', () => {
    expect(linear(0, 60, 31.5)).toBe(52.5); // 31.5 / 60 = 0.525
    expect(linear(20, 60, 50)).toBe(75); // 30 / 40 = 0.75
    expect(linear(0, 60, 90)).toBe(100); // 1.5 → clamped to 1
    expect(linear(10, 60, 5)).toBe(0); // −0.1 → clamped to 0
    expect(linear(0, 3, 1)).toBe(33.33); // 1/3 → 33.333…
  });

  it('with the target below the floor, lower is better', () => {
    // floor 10, target 2 (months in arrears): v 4 → (4 − 10) / (2 − 10) = 0.75 → 75
    expect(linear(10, 2, 4)).toBe(75);
    expect(linear(10, 2, 12)).toBe(0); // −0.25 → 0
    expect(linear(10, 2, 1)).toBe(100); // 1.125 → 1
    expect(linear(10, 2, 10)).toBe(0);
  });
});

describe('bands', () => {
  const scale: BandsScale = { type: 'bands', bands: [{ min: 50, score: 100 }, { min: 25, score: 60 }, { min: 0, score: 20 }], else: 5 };
  const bands = (v: number, s: BandsScale = scale): number =>
    x(singleIndicator(s, { values: { c1: v } }));

  it('takes the first band in listed order whose min ≤ v, else `else`', () => {
    expect(bands(50)).toBe(100);
    expect(bands(49.99)).toBe(60);
    expect(bands(25)).toBe(60);
    expect(bands(0)).toBe(20);
    expect(bands(-1)).toBe(5);
  });

  it('follows the listed order, not the order of the minimums', () => {
    // bands listed low first: 70 matches min 0 first → 20
    expect(bands(70, { type: 'bands', bands: [{ min: 0, score: 20 }, { min: 50, score: 100 }], else: 0 })).toBe(20);
  });
});

describe('choice and check', () => {
  it('choice takes the option score', () => {
    const scale = { type: 'choice', options: { perda: 100, perkada: 80, none: 0 } } as const;
    expect(x(singleIndicator(scale, { values: { c1: 'perkada' } }))).toBe(80);
    expect(x(singleIndicator(scale, { values: { c1: 'none' } }))).toBe(0);
  });

  it('check: true → 100, false → 0', () => {
    expect(scoresOf(singleIndicator({ type: 'check' }, { values: { c1: true, c2: false } }))).toEqual({
      c1: { x: 100, flags: [] },
      c2: { x: 0, flags: [] },
    });
  });
});

describe('relative', () => {
  it('scores (v − min) / (max − min) × 100 over the candidates that have a value', () => {
    // values 10, 20, 40 (c4 has none): min 10, max 40 → 0, 10/30 = 33.33, 100; c4 → 0 and flagged
    const pkg = singleIndicator({ type: 'relative' }, { candidates: [{ id: 'c1' }, { id: 'c2' }, { id: 'c3' }, { id: 'c4' }], values: { c1: 10, c2: 20, c3: 40 } });
    expect(scoresOf(pkg)).toEqual({
      c1: { x: 0, flags: [] },
      c2: { x: 33.33, flags: [] },
      c3: { x: 100, flags: [] },
      c4: { x: 0, flags: ['missing:x'] },
    });
  });

  it('gives 100 to every candidate when all values are equal', () => {
    const pkg = singleIndicator({ type: 'relative' }, { candidates: [{ id: 'c1' }, { id: 'c2' }, { id: 'c3' }], values: { c1: 4.2, c2: 4.2, c3: null } });
    expect(scoresOf(pkg)).toEqual({ c1: { x: 100, flags: [] }, c2: { x: 100, flags: [] }, c3: { x: 0, flags: ['missing:x'] } });
  });

  it('gives 100 to a single candidate with a value', () => {
    expect(x(singleIndicator({ type: 'relative' }, { values: { c1: -3 } }))).toBe(100);
  });
});

describe('missing data values', () => {
  it('score 0 and flag missing:<indicator>, whether the key is absent or null', () => {
    const pkg = singleIndicator({ type: 'linear', floor: 0, target: 60 }, { candidates: [{ id: 'c1' }, { id: 'c2' }], values: { c2: null } });
    expect(scoresOf(pkg)).toEqual({ c1: { x: 0, flags: ['missing:x'] }, c2: { x: 0, flags: ['missing:x'] } });
  });
});

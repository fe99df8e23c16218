import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mulberry32, runSensitivity } from './sensitivity.ts';
import { makePackage } from './package-factory.ts';
import type { ScoringPackage, Stage } from './types.ts';

/** Stages desk and wawancara with the given weights; each holds one linear 0..100 indicator, so a value v scores v. */
function twoStages(desk: number, wawancara: number, candidates: Record<string, [number, number]>, awards = 1): ScoringPackage {
  const stage = (id: string, weight: number): Stage => ({
    id,
    weight,
    aspects: [{ id: `${id}.a`, weight: 1, indicators: [{ id: `${id}.x`, weight: 1, scale: { type: 'linear', floor: 0, target: 100 } }] }],
  });
  return makePackage({
    method: { awards, advance: 1 },
    stages: [stage('desk', desk), stage('wawancara', wawancara)],
    candidates: Object.keys(candidates).map((id) => ({ id })),
    values: Object.fromEntries(Object.entries(candidates).map(([id, [d, w]]) => [id, { 'desk.x': d, 'wawancara.x': w }])),
  });
}

describe('mulberry32', () => {
  it('gives the reference sequence for seed 1', () => {
    const random = mulberry32(1);
    expect([random(), random(), random()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
  });
});

describe('runSensitivity', () => {
  it('with spread 0 every run reproduces the published ranking', () => {
    const pkg = twoStages(60, 40, { p: [100, 0], q: [0, 100], r: [50, 50] });
    expect(runSensitivity(pkg, { runs: 50, spread: 0, seed: 3 })).toEqual({
      format: 'paritrana.sensitivity/v1',
      pool: pkg.pool,
      runs: 50,
      spread: 0,
      seed: 3,
      winnersChange: 0,
      candidates: [
        { candidate: 'p', rank: 1, keepsRank: 1, minRank: 1, maxRank: 1, award: 1 },
        { candidate: 'r', rank: 2, keepsRank: 1, minRank: 2, maxRank: 2, award: 0 },
        { candidate: 'q', rank: 3, keepsRank: 1, minRank: 3, maxRank: 3, award: 0 },
      ],
    });
  });

  it('perturbs each weight by at most ±spread %', () => {
    // p scores 60 (desk weight 60 × 100), q 40. q overtakes only if 40(1 + u) > 60(1 − u'), which needs u, u' near 0.2:
    // impossible with ±10 % (44 < 54), possible with ±25 % (50 > 45).
    const pkg = twoStages(60, 40, { p: [100, 0], q: [0, 100] });
    const narrow = runSensitivity(pkg, { runs: 2000, spread: 10, seed: 1 });
    expect(narrow.candidates.map((c) => [c.candidate, c.keepsRank, c.minRank, c.maxRank])).toEqual([['p', 1, 1, 1], ['q', 1, 2, 2]]);
    expect(narrow.winnersChange).toBe(0);
    const wide = runSensitivity(pkg, { runs: 2000, spread: 25, seed: 1 });
    expect(wide.candidates.map((c) => [c.candidate, c.minRank, c.maxRank])).toEqual([['p', 1, 2], ['q', 1, 2]]);
    expect(wide.candidates[0]!.keepsRank).toBeLessThan(1);
    expect(wide.winnersChange).toBeGreaterThan(0);
  });

  it('keeps a candidate that is best on every indicator first whatever the weights', () => {
    const pkg = twoStages(1, 1, { a: [90, 80], b: [70, 60], c: [10, 75] }, 1);
    const report = runSensitivity(pkg, { runs: 1000, spread: 50, seed: 9 });
    expect(report.candidates[0]).toEqual({ candidate: 'a', rank: 1, keepsRank: 1, minRank: 1, maxRank: 1, award: 1 });
    expect(report.winnersChange).toBe(0);
  });

  it('counts a tie broken either way as a change of the award winners', () => {
    // p and q tie at 50 with equal stage weights and share Juara 1; a perturbed run almost always separates them
    const report = runSensitivity(twoStages(1, 1, { p: [100, 0], q: [0, 100] }), { runs: 1000, spread: 20, seed: 5 });
    expect(report.candidates.map((c) => [c.candidate, c.rank, c.minRank, c.maxRank])).toEqual([['p', 1, 1, 2], ['q', 1, 1, 2]]);
    expect(report.winnersChange).toBeGreaterThan(0.99);
    expect(report.candidates[0]!.keepsRank + report.candidates[1]!.keepsRank).toBeGreaterThanOrEqual(1);
  });

  it('is deterministic for a seed', () => {
    const pkg = twoStages(1, 1, { p: [100, 0], q: [0, 100], r: [52, 49] }, 2);
    expect(runSensitivity(pkg, { runs: 500, seed: 42 })).toEqual(runSensitivity(pkg, { runs: 500, seed: 42 }));
  });

  it('uses 10 000 runs, ±20 % and seed 1 by default', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../test/fixtures/scoring/spec-example.json', import.meta.url), 'utf8')) as ScoringPackage;
    expect(runSensitivity(pkg)).toMatchObject({ runs: 10_000, spread: 20, seed: 1, winnersChange: 0 });
  });

  it('refuses impossible options', () => {
    const pkg = twoStages(1, 1, { p: [1, 1] });
    expect(() => runSensitivity(pkg, { runs: 0 })).toThrow('runs must be a positive integer, not 0');
    expect(() => runSensitivity(pkg, { spread: 100 })).toThrow('spread must be at least 0 and below 100 (percent), not 100');
    expect(() => runSensitivity(pkg, { seed: 1.5 })).toThrow('seed must be an integer, not 1.5');
  });
});

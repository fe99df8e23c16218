import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scorePackage } from './score.ts';
import { InvalidPackageError } from './validate.ts';
import { makePackage, singleIndicator, testPool } from './package-factory.ts';
import type { CandidateResult, ScoringPackage, Stage } from './types.ts';

const specExample = JSON.parse(readFileSync(new URL('../../../test/fixtures/scoring/spec-example.json', import.meta.url), 'utf8')) as ScoringPackage;

describe('the example of the scoring contract (docs/scoring.md)', () => {
  it('gives exactly the spec’s result', () => {
    // regulasi: perkada → 80. kinerja: coverage 31.5 / 60 = 52.5; tumbuh relative, one value → 100;
    //   (60 × 52.5 + 40 × 100) / 100 = 71.5. desk: (30 × 80 + 70 × 71.5) / 100 = 74.05.
    // paparan: komitmen (4 − 1) / 4 = 75, hadir 100 → 87.5 = wawancara.
    // final: (60 × 74.05 + 40 × 87.5) / 100 = 44.43 + 35 = 79.43.
    expect(scorePackage(specExample)).toEqual({
      format: 'paritrana.result/v1',
      pool: { edition: '2025', level: 'provinsi', area: '18', category: 'pemkab-kota' },
      results: [
        {
          candidate: '18.02',
          rank: 1,
          score: 79.43,
          award: 1,
          advances: true,
          stages: { desk: 74.05, wawancara: 87.5 },
          aspects: { regulasi: 80, kinerja: 71.5, paparan: 87.5 },
          indicators: { 'reg.jenis': 80, 'kin.coverage': 52.5, 'kin.tumbuh': 100, 'ww.komitmen': 75, 'ww.hadir': 100 },
          flags: [],
        },
      ],
    });
  });
});

/** Two stages (desk, wawancara), each with one aspect holding one linear 0..100 indicator: a value v scores v. */
function twoStages(desk: number, wawancara: number, candidates: Record<string, [number, number]>, method: ScoringPackage['method'] = {}): ScoringPackage {
  const stage = (id: string, weight: number): Stage => ({
    id,
    weight,
    aspects: [{ id: `${id}.a`, weight: 1, indicators: [{ id: `${id}.x`, weight: 1, scale: { type: 'linear', floor: 0, target: 100 } }] }],
  });
  return makePackage({
    method,
    stages: [stage('desk', desk), stage('wawancara', wawancara)],
    candidates: Object.keys(candidates).map((id) => ({ id })),
    values: Object.fromEntries(Object.entries(candidates).map(([id, [d, w]]) => [id, { 'desk.x': d, 'wawancara.x': w }])),
  });
}

const summary = (results: CandidateResult[]) => results.map((r) => [r.candidate, r.rank, r.score, r.award, r.advances]);

describe('aggregation up the tree', () => {
  it('weights each list by its own sum', () => {
    // aspect: indicators scoring 80 (weight 1) and 40 (weight 3) → (80 + 120) / 4 = 50
    const pkg = makePackage({
      stages: [{ id: 's', weight: 7, aspects: [{ id: 'a', weight: 2, indicators: [
        { id: 'p', weight: 1, scale: { type: 'linear', floor: 0, target: 100 } },
        { id: 'q', weight: 3, scale: { type: 'linear', floor: 0, target: 100 } },
      ] }] }],
      values: { c1: { p: 80, q: 40 } },
    });
    expect(scorePackage(pkg).results[0]).toMatchObject({ score: 50, aspects: { a: 50 }, stages: { s: 50 } });
  });

  it('weights need not sum to 100, and a zero weight drops its item', () => {
    // stages 3 : 1 → (3 × 80 + 1 × 40) / 4 = 70; with weights 0 : 1 only wawancara counts → 40
    expect(scorePackage(twoStages(3, 1, { c1: [80, 40] })).results[0]!.score).toBe(70);
    expect(scorePackage(twoStages(0, 1, { c1: [80, 40] })).results[0]!.score).toBe(40);
  });

  it('rounds every published score half away from zero, without binary artefacts', () => {
    // a linear 0..100 indicator publishes its value: 72.345 → 72.35, 1.005 → 1.01 (in binary 1.00499…)
    const pkg = singleIndicator({ type: 'linear', floor: 0, target: 100 }, { values: { c1: 72.345, c2: 1.005 } });
    expect(scorePackage(pkg).results.map((r) => [r.candidate, r.score, r.indicators.x])).toEqual([['c1', 72.35, 72.35], ['c2', 1.01, 1.01]]);
  });

  it('computes in full precision before rounding once', () => {
    // stage a (weight 3): one aspect with three equal indicators scoring 100, 0, 0 → 100/3 = 33.333…
    // stage b (weight 97): 0.5. Final = (3 × 100/3 + 97 × 0.5) / 100 = (100 + 48.5) / 100 = 1.485 → 1.49.
    // (With 100/3 cut to any finite number of digits the final falls just below 1.485 and rounds to 1.48.)
    const linear = { type: 'linear', floor: 0, target: 100 } as const;
    const pkg = makePackage({
      stages: [
        { id: 'a', weight: 3, aspects: [{ id: 'a1', weight: 1, indicators: ['p', 'q', 'r'].map((id) => ({ id, weight: 1, scale: linear })) }] },
        { id: 'b', weight: 97, aspects: [{ id: 'b1', weight: 1, indicators: [{ id: 's', weight: 1, scale: linear }] }] },
      ],
      values: { c1: { p: 100, q: 0, r: 0, s: 0.5 } },
    });
    expect(scorePackage(pkg).results[0]).toMatchObject({ score: 1.49, stages: { a: 33.33, b: 0.5 }, aspects: { a1: 33.33, b1: 0.5 } });
  });

  it('publishes with method.decimals places', () => {
    // 200/3 = 66.666… → 67 at 0 places, 66.667 at 3
    const pkg = (decimals: number) => singleIndicator({ type: 'linear', floor: 0, target: 3 }, { values: { c1: 2 }, method: { decimals } });
    expect(scorePackage(pkg(0)).results[0]!.score).toBe(67);
    expect(scorePackage(pkg(3)).results[0]!.score).toBe(66.667);
  });
});

describe('ranking', () => {
  it('uses standard competition ranking and lists tied candidates by id', () => {
    // finals (desk = wawancara = v): d 90, c 80, b 80, a 70 → d 1, b 2, c 2, a 4
    const pkg = twoStages(1, 1, { d: [90, 90], c: [80, 80], b: [80, 80], a: [70, 70] });
    expect(summary(scorePackage(pkg).results)).toEqual([
      ['d', 1, 90, 1, true],
      ['b', 2, 80, 2, false],
      ['c', 2, 80, 2, false],
      ['a', 4, 70, null, false],
    ]);
  });

  it('ranks by the rounded final score', () => {
    // 80.004 and 80.001 both publish 80 → tied, listed by id
    const pkg = singleIndicator({ type: 'linear', floor: 0, target: 100 }, { values: { y: 80.004, x: 80.001 } });
    expect(summary(scorePackage(pkg).results)).toEqual([['x', 1, 80, 1, true], ['y', 1, 80, 1, true]]);
  });

  it('breaks ties by the stages or aspects named in method.tieBreak, in order', () => {
    // p: desk 70, wawancara 90 → 80; q: desk 90, wawancara 70 → 80
    const tie = { p: [70, 90], q: [90, 70] } as Record<string, [number, number]>;
    expect(summary(scorePackage(twoStages(1, 1, tie)).results)).toEqual([['p', 1, 80, 1, true], ['q', 1, 80, 1, true]]);
    expect(summary(scorePackage(twoStages(1, 1, tie, { tieBreak: ['wawancara'] })).results)).toEqual([['p', 1, 80, 1, true], ['q', 2, 80, 2, false]]);
    expect(summary(scorePackage(twoStages(1, 1, tie, { tieBreak: ['desk.a'] })).results)).toEqual([['q', 1, 80, 1, true], ['p', 2, 80, 2, false]]);
    // the first named that differs decides: desk ties (both 80), wawancara.a decides
    const second = { p: [80, 79], q: [80, 81] } as Record<string, [number, number]>;
    expect(summary(scorePackage(twoStages(0, 1, second, { tieBreak: ['desk', 'wawancara.a'] })).results).map((r) => r[0])).toEqual(['q', 'p']);
  });

  it('compares tie-break scores rounded', () => {
    // finals (69.998 + 90.002) / 2 = 80 and (69.996 + 90.004) / 2 = 80; wawancara 90.002 and 90.004 both round to 90 → still tied
    const tie = { p: [69.998, 90.002], q: [69.996, 90.004] } as Record<string, [number, number]>;
    const results = scorePackage(twoStages(1, 1, tie, { tieBreak: ['wawancara'] })).results;
    expect(results.map((r) => [r.candidate, r.rank, r.score, r.stages.wawancara])).toEqual([['p', 1, 80, 90], ['q', 1, 80, 90]]);
  });
});

describe('awards and advancement', () => {
  const five = { a: [90, 90], b: [80, 80], c: [70, 70], d: [60, 60], e: [50, 50] } as Record<string, [number, number]>;

  it('awards ranks up to method.awards and advances ranks up to method.advance', () => {
    expect(summary(scorePackage(twoStages(1, 1, five, { awards: 2, advance: 3 })).results)).toEqual([
      ['a', 1, 90, 1, true],
      ['b', 2, 80, 2, true],
      ['c', 3, 70, null, true],
      ['d', 4, 60, null, false],
      ['e', 5, 50, null, false],
    ]);
  });

  it('gives no award and no advancement below method.minScore', () => {
    // minScore 75: only a and b reach it; c keeps rank 3 but no award
    expect(summary(scorePackage(twoStages(1, 1, five, { awards: 3, advance: 3, minScore: 75 })).results)).toEqual([
      ['a', 1, 90, 1, true],
      ['b', 2, 80, 2, true],
      ['c', 3, 70, null, false],
      ['d', 4, 60, null, false],
      ['e', 5, 50, null, false],
    ]);
  });

  it('compares the published (rounded) final score with minScore', () => {
    // 74.996 publishes 75.00, which reaches minScore 75
    const pkg = singleIndicator({ type: 'linear', floor: 0, target: 100 }, { values: { c1: 74.996 }, method: { minScore: 75 } });
    expect(summary(scorePackage(pkg).results)).toEqual([['c1', 1, 75, 1, true]]);
  });

  it('defaults: 3 awards, Juara 1 advances, minScore 0, 2 decimals', () => {
    const pkg = twoStages(1, 1, five);
    delete pkg.method;
    expect(summary(scorePackage(pkg).results)).toEqual([
      ['a', 1, 90, 1, true],
      ['b', 2, 80, 2, false],
      ['c', 3, 70, 3, false],
      ['d', 4, 60, null, false],
      ['e', 5, 50, null, false],
    ]);
  });

  it('gives every candidate tied at an award rank that award', () => {
    // ranks 1, 2, 3, 3 with awards 3 → Juara 1, 2, 3, 3
    const pkg = twoStages(1, 1, { a: [90, 90], b: [80, 80], c: [70, 70], d: [70, 70] });
    expect(scorePackage(pkg).results.map((r) => r.award)).toEqual([1, 2, 3, 3]);
  });
});

describe('output', () => {
  it('has the format, the pool as given, results in rank order, and flags in instrument order', () => {
    const pkg = makePackage({
      pool: { ...testPool, note: 'kept' },
      stages: [{ id: 's', weight: 1, aspects: [{ id: 'a', weight: 1, indicators: [
        { id: 'r', weight: 1, scale: { type: 'rubric', min: 1, max: 5 } },
        { id: 'v', weight: 1, scale: { type: 'check' } },
      ] }] }],
      candidates: [{ id: 'low' }, { id: 'high' }],
      values: { high: { v: true } },
      jurors: [{ id: 'j1' }],
      marks: [{ juror: 'j1', candidate: 'high', indicator: 'r', value: 5 }],
    });
    expect(scorePackage(pkg)).toEqual({
      format: 'paritrana.result/v1',
      pool: { ...testPool, note: 'kept' },
      results: [
        { candidate: 'high', rank: 1, score: 100, award: 1, advances: true, stages: { s: 100 }, aspects: { a: 100 }, indicators: { r: 100, v: 100 }, flags: [] },
        { candidate: 'low', rank: 2, score: 0, award: 2, advances: false, stages: { s: 0 }, aspects: { a: 0 }, indicators: { r: 0, v: 0 }, flags: ['unmarked:r', 'missing:v'] },
      ],
    });
  });

  it('refuses an invalid package with every problem', () => {
    const pkg = singleIndicator({ type: 'choice', options: { a: 1 } }, { values: { c1: 'b' } });
    expect(() => scorePackage(pkg)).toThrow(InvalidPackageError);
    expect(() => scorePackage(pkg)).toThrow('values.c1.x: "b" is not among the options of x (a)');
  });
});

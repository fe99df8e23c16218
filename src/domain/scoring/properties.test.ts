import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scorePackage } from './score.ts';
import { mulberry32 } from './sensitivity.ts';
import { validatePackage } from './validate.ts';
import type { DataValue, JurorAggregate, Mark, Scale, ScoringPackage, Stage } from './types.ts';
import { packageFormat } from './types.ts';

// ---- random valid packages ----

const decimal = fc.integer({ min: -2_000, max: 12_000 }).map((n) => n / 100);
const scaleArb: fc.Arbitrary<Scale> = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 9 })).map(([min, span]): Scale => ({ type: 'rubric', min, max: min + span })),
  fc.tuple(decimal, decimal).filter(([a, b]) => a !== b).map(([floor, target]): Scale => ({ type: 'linear', floor, target })),
  fc
    .tuple(fc.array(fc.record({ min: decimal, score: fc.integer({ min: 0, max: 100 }) }), { maxLength: 3 }), fc.integer({ min: 0, max: 100 }))
    .map(([bands, otherwise]): Scale => ({ type: 'bands', bands, else: otherwise })),
  fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })).map(([a, b, c]): Scale => ({ type: 'choice', options: { a, b, c } })),
  fc.constant<Scale>({ type: 'check' }),
  fc.constant<Scale>({ type: 'relative' }),
);
const weight = fc.integer({ min: 1, max: 100 });
const shapeArb = fc.array(
  fc.record({ weight, aspects: fc.array(fc.record({ weight, indicators: fc.array(fc.record({ weight, scale: scaleArb }), { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 2 }) }),
  { minLength: 1, maxLength: 2 },
);

function valueArb(scale: Scale): fc.Arbitrary<DataValue> {
  switch (scale.type) {
    case 'check':
      return fc.boolean();
    case 'choice':
      return fc.constantFrom('a', 'b', 'c');
    default:
      return decimal;
  }
}

const packageArb: fc.Arbitrary<ScoringPackage> = fc
  .record({
    shape: shapeArb,
    candidates: fc.integer({ min: 1, max: 6 }),
    jurors: fc.integer({ min: 1, max: 4 }),
    jurorAggregate: fc.constantFrom<JurorAggregate>('mean', 'median', 'trimmed-mean'),
    tieBreak: fc.boolean(),
  })
  .chain(({ shape, candidates, jurors, jurorAggregate, tieBreak }) => {
    let n = 0;
    const stages: Stage[] = shape.map((s, si) => ({
      id: `s${si}`,
      weight: s.weight,
      aspects: s.aspects.map((a, ai) => ({ id: `s${si}a${ai}`, weight: a.weight, indicators: a.indicators.map((i) => ({ id: `i${n++}`, weight: i.weight, scale: i.scale })) })),
    }));
    const indicators = stages.flatMap((s) => s.aspects.flatMap((a) => a.indicators));
    const data = indicators.filter((i) => i.scale.type !== 'rubric');
    const rubric = indicators.filter((i) => i.scale.type === 'rubric');
    const candidateIds = Array.from({ length: candidates }, (_, i) => `c${i}`);
    const jurorIds = Array.from({ length: jurors }, (_, i) => `j${i}`);
    const slots = jurorIds.flatMap((juror) => candidateIds.flatMap((candidate) => rubric.map((i) => ({ juror, candidate, indicator: i }))));
    return fc
      .record({
        values: fc.tuple(...candidateIds.map(() => fc.tuple(...data.map((i) => fc.option(valueArb(i.scale), { nil: null, freq: 4 }))))),
        conflicts: fc.tuple(...jurorIds.map(() => fc.subarray(candidateIds, { maxLength: Math.min(2, candidateIds.length) }))),
        marks: fc.tuple(
          ...slots.map(({ indicator }) => {
            const s = indicator.scale as Extract<Scale, { type: 'rubric' }>;
            return fc.option(fc.integer({ min: s.min, max: s.max }), { nil: null, freq: 4 });
          }),
        ),
      })
      .map(({ values, conflicts, marks }): ScoringPackage => ({
        format: packageFormat,
        pool: { edition: '2025', level: 'provinsi', area: '18', category: 'pemkab-kota' },
        method: { jurorAggregate, tieBreak: tieBreak ? [stages[stages.length - 1]!.id, stages[0]!.aspects[0]!.id] : [], awards: 3, advance: 1 },
        stages,
        candidates: candidateIds.map((id) => ({ id })),
        values: Object.fromEntries(candidateIds.map((c, ci) => [c, Object.fromEntries(data.map((i, k) => [i.id, values[ci]![k]!]).filter(([, v]) => v !== null))])),
        jurors: jurorIds.map((id, ji) => ({ id, conflicts: conflicts[ji]! })),
        marks: slots.flatMap(({ juror, candidate, indicator }, k): Mark[] => (marks[k] == null ? [] : [{ juror, candidate, indicator: indicator.id, value: marks[k] }])),
      }));
  });

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const random = mulberry32(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const scoreOf = (pkg: ScoringPackage, candidate: string): number => scorePackage(pkg).results.find((r) => r.candidate === candidate)!.score;

describe('properties of the engine', () => {
  it('random packages are valid', () => {
    fc.assert(
      fc.property(packageArb, (pkg) => {
        expect(validatePackage(pkg)).toEqual([]);
      }),
    );
  });

  it('reordering candidates, jurors, conflicts, values and marks changes nothing', () => {
    fc.assert(
      fc.property(packageArb, fc.integer(), (pkg, seed) => {
        const reordered: ScoringPackage = {
          ...pkg,
          candidates: shuffle(pkg.candidates, seed),
          jurors: shuffle(pkg.jurors ?? [], seed + 1).map((j) => ({ ...j, conflicts: shuffle(j.conflicts ?? [], seed + 2) })),
          marks: shuffle(pkg.marks ?? [], seed + 3),
          values: Object.fromEntries(shuffle(Object.entries(pkg.values ?? {}), seed + 4).map(([c, row]) => [c, Object.fromEntries(shuffle(Object.entries(row), seed + 5))])),
        };
        expect(scorePackage(reordered)).toEqual(scorePackage(pkg));
      }),
    );
  });

  it('multiplying all weights of one list by a constant changes nothing', () => {
    fc.assert(
      fc.property(packageArb, fc.nat(), fc.integer({ min: 2, max: 1000 }), (pkg, pick, k) => {
        const copy = structuredClone(pkg);
        const lists = [copy.stages, ...copy.stages.map((s) => s.aspects), ...copy.stages.flatMap((s) => s.aspects.map((a) => a.indicators))];
        for (const item of lists[pick % lists.length]!) item.weight *= k;
        expect(scorePackage(copy)).toEqual(scorePackage(pkg));
      }),
    );
  });

  it('adding the marks of a conflicted juror changes nothing', () => {
    fc.assert(
      fc.property(packageArb, fc.nat(), fc.nat(), (pkg, pick, markSeed) => {
        const rubric = pkg.stages.flatMap((s) => s.aspects.flatMap((a) => a.indicators)).filter((i) => i.scale.type === 'rubric');
        const candidate = pkg.candidates[pick % pkg.candidates.length]!.id;
        const random = mulberry32(markSeed);
        const extra: Mark[] = rubric.map((i) => {
          const s = i.scale as Extract<Scale, { type: 'rubric' }>;
          return { juror: 'jx', candidate, indicator: i.id, value: s.min + Math.floor(random() * (s.max - s.min + 1)) };
        });
        const withConflicted: ScoringPackage = {
          ...pkg,
          jurors: [...(pkg.jurors ?? []), { id: 'jx', conflicts: [candidate] }],
          marks: [...(pkg.marks ?? []), ...extra],
        };
        expect(scorePackage(withConflicted)).toEqual(scorePackage(pkg));
      }),
    );
  });

  it('raising one mark never lowers that candidate’s score', () => {
    fc.assert(
      fc.property(packageArb, fc.nat(), fc.nat(), (pkg, pick, raise) => {
        const marks = pkg.marks ?? [];
        fc.pre(marks.length > 0);
        const index = pick % marks.length;
        const mark = marks[index]!;
        const scale = pkg.stages.flatMap((s) => s.aspects.flatMap((a) => a.indicators)).find((i) => i.id === mark.indicator)!.scale as Extract<Scale, { type: 'rubric' }>;
        fc.pre(mark.value < scale.max);
        const raised = { ...pkg, marks: marks.map((m, i) => (i === index ? { ...m, value: m.value + 1 + (raise % (scale.max - m.value)) } : m)) };
        expect(scoreOf(raised, mark.candidate)).toBeGreaterThanOrEqual(scoreOf(pkg, mark.candidate));
      }),
    );
  });

  it('the example of the spec gives the spec’s numbers', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../test/fixtures/scoring/spec-example.json', import.meta.url), 'utf8')) as ScoringPackage;
    const [result] = scorePackage(pkg).results;
    expect(result).toMatchObject({ candidate: '18.02', rank: 1, score: 79.43, award: 1, advances: true, stages: { desk: 74.05, wawancara: 87.5 } });
  });
});

/**
 * Indicator scores (0–100) of every candidate, with the flags and the inputs
 * that produced them. They do not depend on any weight, so the sensitivity
 * analysis computes them once.
 */
import type { Exact } from './exact.ts';
import { HUNDRED, ZERO, clamp, cmp, div, exact, fromInt, mul, sub, sum } from './exact.ts';
import type { DataScale, DataValue, Indicator, JurorAggregate, RubricScale, ScoringPackage } from './types.ts';
import { defaultMethod } from './types.ts';

export type MarkUsed = { juror: string; value: number };

export type IndicatorEvaluation =
  | {
      indicator: string;
      source: 'data';
      /** The value given, or null when missing. */
      value: DataValue;
      /** For a `relative` scale: the lowest and highest value among the candidates that have one. */
      range?: { min: number; max: number };
      score: Exact;
      flag: string | null;
    }
  | {
      indicator: string;
      source: 'rubric';
      /** Marks of listed jurors not conflicted with the candidate, by juror id. */
      marks: MarkUsed[];
      /** Marks present but ignored because the juror is conflicted with the candidate. */
      ignored: MarkUsed[];
      /** The juror aggregate of the valid marks; null when there is none. */
      aggregate: Exact | null;
      score: Exact;
      flag: string | null;
    };

/** Each indicator of the package in tree order, with the stage and aspect it sits in. */
export type PlacedIndicator = Indicator & { stage: string; aspect: string };

export function indicatorsInOrder(pkg: ScoringPackage): PlacedIndicator[] {
  return pkg.stages.flatMap((stage) =>
    stage.aspects.flatMap((aspect) => aspect.indicators.map((indicator) => ({ ...indicator, stage: stage.id, aspect: aspect.id }))),
  );
}

const byNumber = (a: Exact, b: Exact): number => cmp(a, b);
const mean = (xs: readonly Exact[]): Exact => div(sum(xs), fromInt(xs.length));

/** The juror aggregate of a non-empty list of marks (spec: mean, median, trimmed-mean). */
export function aggregateMarks(values: readonly number[], how: JurorAggregate): Exact {
  if (values.length === 0) throw new RangeError('no marks to aggregate');
  const sorted = values.map(exact).sort(byNumber);
  switch (how) {
    case 'mean':
      return mean(sorted);
    case 'median': {
      const mid = Math.floor(sorted.length / 2);
      return sorted.length % 2 === 1 ? sorted[mid]! : mean([sorted[mid - 1]!, sorted[mid]!]);
    }
    case 'trimmed-mean':
      return mean(sorted.length >= 5 ? sorted.slice(1, -1) : sorted);
  }
}

/** The score of a rubric aggregate: (agg − min) / (max − min) × 100. */
export const rubricScore = (aggregate: Exact, scale: RubricScale): Exact =>
  mul(div(sub(aggregate, exact(scale.min)), sub(exact(scale.max), exact(scale.min))), HUNDRED);

/**
 * The score of a present data value. `range` is the lowest and highest value
 * of a `relative` indicator over the candidates that have one.
 */
export function dataScore(scale: DataScale, value: Exclude<DataValue, null>, range?: { min: Exact; max: Exact }): Exact {
  switch (scale.type) {
    case 'linear': {
      // (v − floor) / (target − floor) also covers a target below the floor: lower is better.
      const ratio = div(sub(exact(value as number), exact(scale.floor)), sub(exact(scale.target), exact(scale.floor)));
      return mul(clamp(ratio, ZERO, fromInt(1)), HUNDRED);
    }
    case 'bands': {
      const v = exact(value as number);
      const band = scale.bands.find((b) => cmp(exact(b.min), v) <= 0);
      return exact(band ? band.score : scale.else);
    }
    case 'choice': {
      const score = scale.options[value as string];
      if (score === undefined) throw new RangeError(`"${String(value)}" is not an option`);
      return exact(score);
    }
    case 'check':
      return value === true ? HUNDRED : ZERO;
    case 'relative': {
      if (!range) throw new RangeError('a relative scale needs the range of values');
      if (cmp(range.min, range.max) === 0) return HUNDRED;
      return mul(div(sub(exact(value as number), range.min), sub(range.max, range.min)), HUNDRED);
    }
  }
}

/** Indicator evaluations by candidate id, then by indicator id. */
export type Evaluations = Map<string, Map<string, IndicatorEvaluation>>;

export function evaluateIndicators(pkg: ScoringPackage): Evaluations {
  const how = pkg.method?.jurorAggregate ?? defaultMethod.jurorAggregate;
  const indicators = indicatorsInOrder(pkg);
  const values = pkg.values ?? {};
  const valueOf = (candidate: string, indicator: string): DataValue => values[candidate]?.[indicator] ?? null;

  // Valid and ignored marks by candidate and indicator.
  const listed = new Map((pkg.jurors ?? []).map((j) => [j.id, new Set(j.conflicts ?? [])]));
  const marksBy = new Map<string, { marks: MarkUsed[]; ignored: MarkUsed[] }>();
  for (const mark of pkg.marks ?? []) {
    const conflicts = listed.get(mark.juror);
    if (!conflicts) continue; // an unlisted juror: the validator rejects such a package
    const key = JSON.stringify([mark.candidate, mark.indicator]);
    const slot = marksBy.get(key) ?? { marks: [], ignored: [] };
    marksBy.set(key, slot);
    (conflicts.has(mark.candidate) ? slot.ignored : slot.marks).push({ juror: mark.juror, value: mark.value });
  }
  const byJuror = (a: MarkUsed, b: MarkUsed): number => (a.juror < b.juror ? -1 : a.juror > b.juror ? 1 : 0);

  // The range of each relative indicator over the candidates that have a value.
  const ranges = new Map<string, { min: number; max: number }>();
  for (const indicator of indicators) {
    if (indicator.scale.type !== 'relative') continue;
    const present = pkg.candidates.map((c) => valueOf(c.id, indicator.id)).filter((v): v is number => typeof v === 'number');
    if (present.length === 0) continue;
    ranges.set(indicator.id, { min: Math.min(...present), max: Math.max(...present) });
  }

  const out: Evaluations = new Map();
  for (const candidate of pkg.candidates) {
    const row = new Map<string, IndicatorEvaluation>();
    for (const indicator of indicators) {
      const scale = indicator.scale;
      if (scale.type === 'rubric') {
        const slot = marksBy.get(JSON.stringify([candidate.id, indicator.id])) ?? { marks: [], ignored: [] };
        const marks = [...slot.marks].sort(byJuror);
        const aggregate = marks.length > 0 ? aggregateMarks(marks.map((m) => m.value), how) : null;
        row.set(indicator.id, {
          indicator: indicator.id,
          source: 'rubric',
          marks,
          ignored: [...slot.ignored].sort(byJuror),
          aggregate,
          score: aggregate ? rubricScore(aggregate, scale) : ZERO,
          flag: aggregate ? null : `unmarked:${indicator.id}`,
        });
      } else {
        const value = valueOf(candidate.id, indicator.id);
        const range = ranges.get(indicator.id);
        row.set(indicator.id, {
          indicator: indicator.id,
          source: 'data',
          value,
          ...(range ? { range } : {}),
          score: value === null ? ZERO : dataScore(scale, value, range && { min: exact(range.min), max: exact(range.max) }),
          flag: value === null ? `missing:${indicator.id}` : null,
        });
      }
    }
    out.set(candidate.id, row);
  }
  return out;
}


/**
 * Turns an instrument and a pool's data into a scoring package
 * (`paritrana.scoring/v1`, docs/scoring.md): the form the scoring engine, the
 * export and `paritrana score` all read.
 */
import type { Candidate, DataValue, Juror, Mark, MethodInput, Pool, ScoringPackage, Stage } from '../scoring/index.ts';
import { assertValidPackage, packageFormat } from '../scoring/index.ts';
import { derivedValues } from './derived.ts';
import type { Instrument } from './types.ts';

export type BuildScoringPackage = {
  instrument: Instrument;
  pool: Pool;
  method?: MethodInput;
  candidates: Candidate[];
  /**
   * Data values by candidate id, then by the instrument's data key
   * (`coverage_pct`, `regulation_type`…). Keys the instrument does not use are
   * left out; a key it uses but that is absent makes the value missing.
   * Values derived from two others (src/domain/instruments/derived.ts) are
   * computed here.
   */
  values: Record<string, Record<string, DataValue | undefined>>;
  jurors: Juror[];
  marks: Mark[];
};

/** The instrument's tree as the package's `stages`, without labels and level descriptors. */
export function instrumentStages(instrument: Instrument): Stage[] {
  return instrument.stages.map((stage) => ({
    id: stage.id,
    weight: stage.weight,
    aspects: stage.aspects.map((aspect) => ({
      id: aspect.id,
      weight: aspect.weight,
      indicators: aspect.indicators.map((indicator) => ({ id: indicator.id, weight: indicator.weight, scale: indicator.scale })),
    })),
  }));
}

/** A valid scoring package; throws InvalidPackageError listing every problem otherwise (e.g. a mark out of range). */
export function buildScoringPackage({ instrument, pool, method, candidates, values, jurors, marks }: BuildScoringPackage): ScoringPackage {
  const dataIndicators = instrument.stages.flatMap((s) => s.aspects.flatMap((a) => a.indicators)).filter((i) => i.source === 'data');
  const packageValues: Record<string, Record<string, DataValue>> = {};
  for (const candidate of candidates) {
    const row: Record<string, DataValue> = {};
    const given = derivedValues(values[candidate.id] ?? {});
    for (const indicator of dataIndicators) {
      const value = given[indicator.key];
      if (value !== undefined && value !== null) row[indicator.id] = value;
    }
    packageValues[candidate.id] = row;
  }
  return assertValidPackage({
    format: packageFormat,
    pool,
    method: method ?? {},
    stages: instrumentStages(instrument),
    candidates: candidates.map((c) => (c.name === undefined ? { id: c.id } : { id: c.id, name: c.name })),
    values: packageValues,
    jurors: jurors.map((j) => ({ id: j.id, conflicts: [...(j.conflicts ?? [])] })),
    marks: marks.map((m) => ({ juror: m.juror, candidate: m.candidate, indicator: m.indicator, value: m.value })),
  } satisfies ScoringPackage);
}

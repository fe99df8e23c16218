/**
 * How a category of an edition is scored: the edition's copy of an
 * instrument (the default of its family until the committee edits it) and the
 * scoring method. The number of awards and of winners who advance come from
 * the category itself.
 */
import { defaultInstrumentFor, firstInstrumentFor, instrumentById, instrumentStages, type DataIndicator, type Instrument, type InstrumentFamily, type RubricIndicator } from '../instruments/index.ts';
import { validatePackage, type JurorAggregate, type MethodInput, type ScoringError } from '../scoring/index.ts';

/** What `edition_categories.scoring` holds; every field may be left out. */
export type CategoryScoring = {
  instrument?: Instrument;
  /**
   * The default instrument chosen when the category was set up
   * (`defaultScoringFor`); categories set up before a second version existed
   * hold none and keep the first.
   */
  instrumentId?: string;
  jurorAggregate?: JurorAggregate;
  decimals?: number;
  minScore?: number;
  tieBreak?: string[];
};

/** The instrument family that scores a category family. */
export function instrumentFamilyOf(categoryFamily: string): InstrumentFamily {
  if (categoryFamily === 'pemda' || categoryFamily === 'desa' || categoryFamily === 'ukm' || categoryFamily === 'pelayanan-publik' || categoryFamily === 'khusus') return categoryFamily;
  return 'badan-usaha';
}

export type ScoringSetup = { instrument: Instrument; method: Required<MethodInput> };

/**
 * The instrument and the full method of a category. Our rule: without a
 * tie-break of its own, ties are broken by the later stages first (the
 * interview before the desk), or by the aspects when there is one stage.
 */
export function scoringSetup(category: { family: string; awards: number; advance: number; scoring: unknown }): ScoringSetup {
  const own = (category.scoring ?? {}) as CategoryScoring;
  const family = instrumentFamilyOf(category.family);
  const chosen = own.instrumentId ? instrumentById(own.instrumentId) : undefined;
  const instrument = own.instrument ?? (chosen?.family === family ? chosen : firstInstrumentFor(family));
  const stages = instrument.stages.map((s) => s.id);
  const tieBreak = own.tieBreak ?? (stages.length > 1 ? [...stages].reverse() : (instrument.stages[0]?.aspects.map((a) => a.id) ?? []));
  return {
    instrument,
    method: {
      jurorAggregate: own.jurorAggregate ?? 'mean',
      decimals: own.decimals ?? 2,
      awards: category.awards,
      advance: category.advance,
      minScore: own.minScore ?? 0,
      tieBreak,
    },
  };
}

/** What a new category of an edition starts with: the default instrument in force for its assessment period. */
export function defaultScoringFor(categoryFamily: string, periodStart: string): CategoryScoring {
  return { instrumentId: defaultInstrumentFor(instrumentFamilyOf(categoryFamily), periodStart).id };
}

/** A copied category keeps an instrument the committee edited; otherwise it takes the default of the copy's period. */
export function copiedScoring(scoring: unknown, categoryFamily: string, periodStart: string): CategoryScoring {
  const own = (scoring ?? {}) as CategoryScoring;
  return own.instrument ? own : { ...own, ...defaultScoringFor(categoryFamily, periodStart) };
}

export function rubricIndicators(instrument: Instrument, stageId?: string): RubricIndicator[] {
  return instrument.stages
    .filter((s) => stageId === undefined || s.id === stageId)
    .flatMap((s) => s.aspects.flatMap((a) => a.indicators))
    .filter((i): i is RubricIndicator => i.source === 'rubric');
}

/** The data indicator whose value is recorded at the interview (attendance of the head of region or the chief executive). */
export function attendanceIndicator(instrument: Instrument): DataIndicator | null {
  return (
    instrument.stages
      .flatMap((s) => s.aspects.flatMap((a) => a.indicators))
      .find((i): i is DataIndicator => i.source === 'data' && i.origin === 'interview') ?? null
  );
}

/** Problems of an edited instrument and method, as JSON paths; empty when it can score a pool. */
export function checkScoring(scoring: CategoryScoring): ScoringError[] {
  const problems: ScoringError[] = [];
  if (!scoring.instrument) return problems;
  const instrument = scoring.instrument;
  const method = Object.fromEntries(
    Object.entries({ jurorAggregate: scoring.jurorAggregate, decimals: scoring.decimals, minScore: scoring.minScore, tieBreak: scoring.tieBreak }).filter(([, v]) => v !== undefined),
  );
  const errors = validatePackage({
    format: 'paritrana.scoring/v1',
    pool: { edition: 'check', level: 'check', category: 'check' },
    method,
    stages: instrumentStages(instrument),
    // An instrument alone: no candidate yet, so nothing marked and no value given.
    candidates: [],
    values: {},
    jurors: [],
    marks: [],
  });
  problems.push(...errors.map((e) => ({ path: e.path.replace(/^stages/, 'instrument.stages').replace(/^method\./, ''), message: e.message })));
  instrument.stages.forEach((s, si) =>
    s.aspects.forEach((a, ai) =>
      a.indicators.forEach((i, ii) => {
        if (i.source === 'rubric' && i.levels.length !== i.scale.max - i.scale.min + 1) {
          problems.push({ path: `instrument.stages[${si}].aspects[${ai}].indicators[${ii}].levels`, message: 'one descriptor is needed for every level of the rubric' });
        }
      }),
    ),
  );
  return problems;
}

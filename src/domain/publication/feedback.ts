/**
 * Feedback to one candidate of a published pool, computed from the frozen
 * scoring package alone so that anyone holding the package gets the same
 * numbers (docs/feedback.md): its own score at every level of the tree
 * (final, stage, aspect, indicator), the pool's median of the same scores
 * (anonymous: a number, never a name), the scores of the published winners
 * (Juara 1–3), its rank, and for each rubric indicator the panel's aggregate
 * mark and the rubric level it reaches.
 */
import { add, div, exact, publish } from '../scoring/exact.ts';
import { explainCandidate, methodOf, scorePackage, type CandidateResult, type DataValue, type ScoringPackage } from '../scoring/index.ts';

/** One score of the candidate beside the pool's median and each winner's (in the order of `winners`). */
export type Compared = { own: number; median: number; winners: number[] };

export type IndicatorFeedback = Compared & {
  id: string;
  source: 'data' | 'rubric';
  /** A data indicator's value as scored (null when missing). */
  value: DataValue | null;
  /** A rubric indicator: the aggregate of the panel's marks and the level of the rubric it reaches (null without marks). */
  aggregate: number | null;
  level: number | null;
};
export type AspectFeedback = Compared & { id: string; indicators: IndicatorFeedback[] };
export type StageFeedback = Compared & { id: string; aspects: AspectFeedback[] };

export type Feedback = {
  candidate: string;
  rank: number;
  /** Candidates in the pool. */
  candidates: number;
  award: number | null;
  advances: boolean;
  total: Compared;
  /** The published winners, Juara 1 first. */
  winners: { candidate: string; award: number; rank: number; score: number }[];
  stages: StageFeedback[];
};

/**
 * The median of published scores, itself published with the same decimals:
 * the middle one, or the exact mean of the two middle ones (halves away
 * from zero, like every published number).
 */
export function medianOf(values: readonly number[], decimals: number): number {
  if (values.length === 0) throw new RangeError('no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid]!;
  return publish(div(add(exact(sorted[mid - 1]!), exact(sorted[mid]!)), exact(2)), decimals);
}

/**
 * The rubric level an aggregate mark reaches: the nearest level, a half
 * rounded up (a mean of 3.5 reaches level 4), within the scale.
 */
export function rubricLevel(aggregate: number, scale: { min: number; max: number }): number {
  return Math.min(scale.max, Math.max(scale.min, Math.floor(aggregate + 0.5)));
}

/** The feedback of `candidate` (its id in the package); throws RangeError for a candidate not in it. */
export function feedbackOf(pkg: ScoringPackage, candidate: string): Feedback {
  const result = scorePackage(pkg);
  const explanation = explainCandidate(pkg, candidate);
  const decimals = methodOf(pkg).decimals;
  const rows = result.results;
  const winners = rows.filter((r) => r.award !== null).sort((a, b) => a.award! - b.award! || a.rank - b.rank);
  const own = rows.find((r) => r.candidate === candidate)!;
  const compare = (pick: (r: CandidateResult) => number): Compared => ({
    own: pick(own),
    median: medianOf(rows.map(pick), decimals),
    winners: winners.map(pick),
  });
  return {
    candidate,
    rank: own.rank,
    candidates: rows.length,
    award: own.award,
    advances: own.advances,
    total: compare((r) => r.score),
    winners: winners.map((w) => ({ candidate: w.candidate, award: w.award!, rank: w.rank, score: w.score })),
    stages: explanation.stages.map((stage) => ({
      id: stage.id,
      ...compare((r) => r.stages[stage.id]!),
      aspects: stage.aspects.map((aspect) => ({
        id: aspect.id,
        ...compare((r) => r.aspects[aspect.id]!),
        indicators: aspect.indicators.map((i): IndicatorFeedback => {
          const aggregate = i.source === 'rubric' ? (i.aggregate ?? null) : null;
          return {
            id: i.id,
            source: i.source,
            ...compare((r) => r.indicators[i.id]!),
            value: i.source === 'data' ? (i.value ?? null) : null,
            aggregate,
            level: aggregate !== null && i.scale.type === 'rubric' ? rubricLevel(aggregate, i.scale) : null,
          };
        }),
      })),
    })),
  };
}

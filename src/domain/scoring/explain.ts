/**
 * The full derivation of one candidate's result: for every indicator the value
 * or the marks, the juror aggregate, the score and its weighted contribution,
 * then every aspect, stage and the final score, rank and award. Numbers are
 * computed in full precision; scores are shown rounded as published, and
 * contributions with two more decimals.
 */
import type { Exact } from './exact.ts';
import { div, exact, mul, publish, sum } from './exact.ts';
import type { MarkUsed } from './indicator-scores.ts';
import { evaluateIndicators } from './indicator-scores.ts';
import { candidateScores, methodOf, scorePackage } from './score.ts';
import type { DataValue, Method, Pool, Scale, ScoringPackage } from './types.ts';

export type IndicatorExplanation = {
  id: string;
  scale: Scale;
  weight: number;
  /** weight ÷ Σ weights of the aspect's indicators. */
  share: number;
  source: 'data' | 'rubric';
  /** Data indicators: the value given (null when missing). */
  value?: DataValue;
  /** Relative scale: the lowest and highest value among the candidates that have one. */
  range?: { min: number; max: number };
  /** Rubric indicators: the valid marks by juror, the marks ignored for a conflict, and their aggregate. */
  marks?: MarkUsed[];
  ignored?: MarkUsed[];
  aggregate?: number | null;
  score: number;
  /** share × score: what the indicator adds to its aspect's score. */
  contribution: number;
  /** What the indicator adds to the final score (all shares along its path × score). */
  toFinal: number;
  flag: string | null;
};

export type AspectExplanation = { id: string; weight: number; share: number; score: number; contribution: number; indicators: IndicatorExplanation[] };
export type StageExplanation = { id: string; weight: number; share: number; score: number; contribution: number; aspects: AspectExplanation[] };

export type Explanation = {
  candidate: string;
  name: string | null;
  pool: Pool;
  method: Method;
  stages: StageExplanation[];
  score: number;
  rank: number;
  award: number | null;
  advances: boolean;
  flags: string[];
  candidates: number;
};

/** The derivation of `candidate`'s result; throws InvalidPackageError for an invalid package, RangeError for an unknown candidate. */
export function explainCandidate(pkg: ScoringPackage, candidate: string): Explanation {
  const result = scorePackage(pkg); // validates
  const own = result.results.find((r) => r.candidate === candidate);
  if (!own) throw new RangeError(`unknown candidate ${candidate}`);
  const method = methodOf(pkg);
  const d = method.decimals;
  const evaluations = evaluateIndicators(pkg);
  const scores = candidateScores(pkg, evaluations, candidate);
  const row = evaluations.get(candidate)!;
  const shareOf = (weight: number, all: readonly { weight: number }[]): Exact => div(exact(weight), sum(all.map((x) => exact(x.weight))));

  const stages = pkg.stages.map((stage): StageExplanation => {
    const stageShare = shareOf(stage.weight, pkg.stages);
    const stageScore = scores.stages.get(stage.id)!;
    return {
      id: stage.id,
      weight: stage.weight,
      share: publish(stageShare, 6),
      score: publish(stageScore, d),
      contribution: publish(mul(stageShare, stageScore), d + 2),
      aspects: stage.aspects.map((aspect): AspectExplanation => {
        const aspectShare = shareOf(aspect.weight, stage.aspects);
        const aspectScore = scores.aspects.get(aspect.id)!;
        return {
          id: aspect.id,
          weight: aspect.weight,
          share: publish(aspectShare, 6),
          score: publish(aspectScore, d),
          contribution: publish(mul(aspectShare, aspectScore), d + 2),
          indicators: aspect.indicators.map((indicator): IndicatorExplanation => {
            const share = shareOf(indicator.weight, aspect.indicators);
            const e = row.get(indicator.id)!;
            const common = {
              id: indicator.id,
              scale: indicator.scale,
              weight: indicator.weight,
              share: publish(share, 6),
              score: publish(e.score, d),
              contribution: publish(mul(share, e.score), d + 2),
              toFinal: publish(mul(mul(stageShare, aspectShare), mul(share, e.score)), d + 2),
              flag: e.flag,
            };
            return e.source === 'data'
              ? { ...common, source: 'data', value: e.value, ...(e.range ? { range: e.range } : {}) }
              : { ...common, source: 'rubric', marks: e.marks, ignored: e.ignored, aggregate: e.aggregate ? publish(e.aggregate, d + 2) : null };
          }),
        };
      }),
    };
  });

  return {
    candidate,
    name: pkg.candidates.find((c) => c.id === candidate)?.name ?? null,
    pool: pkg.pool,
    method,
    stages,
    score: own.score,
    rank: own.rank,
    award: own.award,
    advances: own.advances,
    flags: own.flags,
    candidates: result.results.length,
  };
}

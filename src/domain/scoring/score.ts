/**
 * The scoring engine: a package in, its result out (docs/scoring.md). Pure:
 * the web application, the `paritrana score` command and the tests all call
 * `scorePackage`, so a published result and its recomputation cannot differ.
 */
import type { Exact } from './exact.ts';
import { add, cmp, div, exact, mul, publish, round, sum } from './exact.ts';
import type { Evaluations } from './indicator-scores.ts';
import { evaluateIndicators, indicatorsInOrder } from './indicator-scores.ts';
import { advancesFor, awardFor, rankEntries } from './ranking.ts';
import type { CandidateResult, Method, ScoringPackage, ScoringResult } from './types.ts';
import { defaultMethod, resultFormat } from './types.ts';
import { assertValidPackage } from './validate.ts';

/** `method` with every default filled in. */
export const methodOf = (pkg: ScoringPackage): Method => ({ ...defaultMethod, ...pkg.method });

/** Σ(weight × score) / Σ weights; the validator guarantees Σ weights > 0. */
export function weightedMean(items: readonly { weight: number; score: Exact }[]): Exact {
  const total = sum(items.map((i) => exact(i.weight)));
  return div(items.reduce((acc, i) => add(acc, mul(exact(i.weight), i.score)), { n: 0n, d: 1n }), total);
}

/** The full-precision scores of one candidate at every level of the tree. */
export type CandidateScores = {
  candidate: string;
  indicators: Map<string, Exact>;
  aspects: Map<string, Exact>;
  stages: Map<string, Exact>;
  final: Exact;
  flags: string[];
};

export function candidateScores(pkg: ScoringPackage, evaluations: Evaluations, candidate: string): CandidateScores {
  const row = evaluations.get(candidate);
  if (!row) throw new RangeError(`unknown candidate ${candidate}`);
  const indicators = new Map<string, Exact>();
  const aspects = new Map<string, Exact>();
  const stages = new Map<string, Exact>();
  const flags: string[] = [];
  for (const indicator of indicatorsInOrder(pkg)) {
    const evaluation = row.get(indicator.id)!;
    indicators.set(indicator.id, evaluation.score);
    if (evaluation.flag) flags.push(evaluation.flag);
  }
  const stageItems = pkg.stages.map((stage) => {
    const aspectItems = stage.aspects.map((aspect) => {
      const score = weightedMean(aspect.indicators.map((i) => ({ weight: i.weight, score: indicators.get(i.id)! })));
      aspects.set(aspect.id, score);
      return { weight: aspect.weight, score };
    });
    const score = weightedMean(aspectItems);
    stages.set(stage.id, score);
    return { weight: stage.weight, score };
  });
  return { candidate, indicators, aspects, stages, final: weightedMean(stageItems), flags };
}

const published = (scores: Map<string, Exact>, decimals: number): Record<string, number> =>
  Object.fromEntries([...scores].map(([id, score]) => [id, publish(score, decimals)]));

/** Scores, ranks and awards a valid package; throws InvalidPackageError listing the problems of an invalid one. */
export function scorePackage(input: ScoringPackage): ScoringResult {
  const pkg = assertValidPackage(input);
  const method = methodOf(pkg);
  const evaluations = evaluateIndicators(pkg);
  const all = pkg.candidates.map((c) => candidateScores(pkg, evaluations, c.id));
  const byId = new Map(all.map((s) => [s.candidate, s]));
  const minScore = exact(method.minScore);

  const tieScore = (s: CandidateScores, name: string): Exact => s.stages.get(name) ?? s.aspects.get(name)!;
  const ranked = rankEntries(
    all.map((s) => ({
      id: s.candidate,
      keys: [s.final, ...method.tieBreak.map((name) => tieScore(s, name))].map((x) => round(x, method.decimals)),
    })),
    cmp,
  );

  const results: CandidateResult[] = ranked.map(({ id, rank, keys }) => {
    const s = byId.get(id)!;
    const reachesMin = cmp(keys[0]!, minScore) >= 0;
    return {
      candidate: id,
      rank,
      score: publish(s.final, method.decimals),
      award: awardFor(rank, reachesMin, method.awards),
      advances: advancesFor(rank, reachesMin, method.advance),
      stages: published(s.stages, method.decimals),
      aspects: published(s.aspects, method.decimals),
      indicators: published(s.indicators, method.decimals),
      flags: s.flags,
    };
  });
  return { format: resultFormat, pool: pkg.pool, results };
}

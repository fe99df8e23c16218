/**
 * Sensitivity analysis: how much does the ranking depend on the exact
 * weights? Every weight (stage, aspect, indicator) is perturbed independently
 * by up to ±spread % in each run, and the ranking is recomputed. Indicator
 * scores do not depend on weights, so they are computed once; each run only
 * re-aggregates with plain floats and rounds at the end as the spec does.
 * Deterministic for a seed.
 */
import { toFloat } from './exact.ts';
import { evaluateIndicators, indicatorsInOrder } from './indicator-scores.ts';
import { methodOf, scorePackage } from './score.ts';
import type { Pool, ScoringPackage } from './types.ts';

export const sensitivityFormat = 'paritrana.sensitivity/v1';

export type SensitivityOptions = { runs?: number; spread?: number; seed?: number };

export type CandidateSensitivity = {
  candidate: string;
  /** Rank in the published (unperturbed) result. */
  rank: number;
  /** Share of runs (0–1) in which the candidate keeps that rank. */
  keepsRank: number;
  minRank: number;
  maxRank: number;
  /** Share of runs (0–1) in which the candidate wins an award. */
  award: number;
};

export type SensitivityReport = {
  format: typeof sensitivityFormat;
  pool: Pool;
  runs: number;
  /** Largest perturbation of a weight, in percent. */
  spread: number;
  seed: number;
  /** Share of runs (0–1) in which the set of award winners differs from the published one. */
  winnersChange: number;
  candidates: CandidateSensitivity[];
};

export const defaultSensitivity = { runs: 10_000, spread: 20, seed: 1 } as const;

/** mulberry32: a small, fast 32-bit PRNG; the same seed gives the same sequence everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rounds half away from zero and returns the value × 10^decimals as an integer (the tolerance absorbs float noise). */
const scaled = (x: number, factor: number): number => {
  const y = Math.abs(x) * factor;
  const k = Math.floor(y + 0.5 + 1e-9 * Math.max(1, y));
  return x < 0 ? -k : k;
};

const share = (count: number, runs: number): number => Math.round((count / runs) * 10_000) / 10_000;

export function runSensitivity(pkg: ScoringPackage, options: SensitivityOptions = {}): SensitivityReport {
  const runs = options.runs ?? defaultSensitivity.runs;
  const spread = options.spread ?? defaultSensitivity.spread;
  const seed = options.seed ?? defaultSensitivity.seed;
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`runs must be a positive integer, not ${runs}`);
  if (!Number.isFinite(spread) || spread < 0 || spread >= 100) throw new RangeError(`spread must be at least 0 and below 100 (percent), not ${spread}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, not ${seed}`);

  const base = scorePackage(pkg); // validates
  const method = methodOf(pkg);
  const factor = 10 ** method.decimals;
  const minScore = method.minScore * factor;

  // The tree as flat arrays: indicator i belongs to aspect aspectOf[i], aspect a to stage stageOf[a].
  const indicators = indicatorsInOrder(pkg);
  const aspects = pkg.stages.flatMap((s, si) => s.aspects.map((a) => ({ ...a, stageIndex: si })));
  const aspectIndex = new Map(aspects.map((a, i) => [a.id, i]));
  const stageIndex = new Map(pkg.stages.map((s, i) => [s.id, i]));
  const aspectOf = Int32Array.from(indicators, (ind) => aspectIndex.get(ind.aspect)!);
  const stageOf = Int32Array.from(aspects, (a) => a.stageIndex);
  const baseIndicatorW = Float64Array.from(indicators, (i) => i.weight);
  const baseAspectW = Float64Array.from(aspects, (a) => a.weight);
  const baseStageW = Float64Array.from(pkg.stages, (s) => s.weight);
  const tieBreak = method.tieBreak.map((name) =>
    stageIndex.has(name) ? { stage: true, index: stageIndex.get(name)! } : { stage: false, index: aspectIndex.get(name)! },
  );

  // Indicator scores, once: row c holds candidate c's scores in tree order.
  const evaluations = evaluateIndicators(pkg);
  const ids = pkg.candidates.map((c) => c.id);
  const nC = ids.length;
  const nI = indicators.length;
  const nA = aspects.length;
  const nS = pkg.stages.length;
  const scores = new Float64Array(nC * nI);
  ids.forEach((id, c) => {
    const row = evaluations.get(id)!;
    indicators.forEach((ind, i) => (scores[c * nI + i] = toFloat(row.get(ind.id)!.score)));
  });

  const baseRank = new Map(base.results.map((r) => [r.candidate, r.rank]));
  const baseRanks = Int32Array.from(ids, (id) => baseRank.get(id)!);
  const baseWinners = new Uint8Array(nC);
  for (const r of base.results) if (r.award !== null) baseWinners[ids.indexOf(r.candidate)] = 1;

  const kept = new Int32Array(nC);
  const awarded = new Int32Array(nC);
  const minRank = new Int32Array(nC).fill(nC + 1);
  const maxRank = new Int32Array(nC);
  let winnersChanged = 0;

  const random = mulberry32(seed);
  const p = spread / 100;
  const wI = new Float64Array(nI);
  const wA = new Float64Array(nA);
  const wS = new Float64Array(nS);
  const sumI = new Float64Array(nA);
  const sumA = new Float64Array(nS);
  const aspectScore = new Float64Array(nA);
  const stageScore = new Float64Array(nS);
  const nK = 1 + tieBreak.length;
  const keys = new Float64Array(nC * nK);
  const order = Array.from({ length: nC }, (_, c) => c);
  const rank = new Int32Array(nC);
  const compare = (a: number, b: number): number => {
    for (let k = 0; k < nK; k++) {
      const d = keys[b * nK + k]! - keys[a * nK + k]!;
      if (d !== 0) return d;
    }
    return 0;
  };

  for (let run = 0; run < runs; run++) {
    sumI.fill(0);
    sumA.fill(0);
    let sumS = 0;
    for (let i = 0; i < nI; i++) {
      wI[i] = baseIndicatorW[i]! * (1 + p * (2 * random() - 1));
      sumI[aspectOf[i]!]! += wI[i]!;
    }
    for (let a = 0; a < nA; a++) {
      wA[a] = baseAspectW[a]! * (1 + p * (2 * random() - 1));
      sumA[stageOf[a]!]! += wA[a]!;
    }
    for (let s = 0; s < nS; s++) {
      wS[s] = baseStageW[s]! * (1 + p * (2 * random() - 1));
      sumS += wS[s]!;
    }

    for (let c = 0; c < nC; c++) {
      aspectScore.fill(0);
      stageScore.fill(0);
      const row = c * nI;
      for (let i = 0; i < nI; i++) aspectScore[aspectOf[i]!]! += wI[i]! * scores[row + i]!;
      for (let a = 0; a < nA; a++) {
        aspectScore[a] = aspectScore[a]! / sumI[a]!;
        stageScore[stageOf[a]!]! += wA[a]! * aspectScore[a]!;
      }
      let final = 0;
      for (let s = 0; s < nS; s++) {
        stageScore[s] = stageScore[s]! / sumA[s]!;
        final += wS[s]! * stageScore[s]!;
      }
      keys[c * nK] = scaled(final / sumS, factor);
      for (let k = 0; k < tieBreak.length; k++) {
        const t = tieBreak[k]!;
        keys[c * nK + 1 + k] = scaled(t.stage ? stageScore[t.index]! : aspectScore[t.index]!, factor);
      }
    }

    order.sort(compare);
    let changed = false;
    for (let pos = 0; pos < nC; pos++) {
      const c = order[pos]!;
      const r = pos > 0 && compare(order[pos - 1]!, c) === 0 ? rank[order[pos - 1]!]! : pos + 1;
      rank[c] = r;
      if (r === baseRanks[c]) kept[c]!++;
      if (r < minRank[c]!) minRank[c] = r;
      if (r > maxRank[c]!) maxRank[c] = r;
      const wins = r <= method.awards && keys[c * nK]! >= minScore - 1e-9 ? 1 : 0;
      awarded[c]! += wins;
      if (wins !== baseWinners[c]) changed = true;
    }
    if (changed) winnersChanged++;
  }

  const indexOf = new Map(ids.map((id, c) => [id, c]));
  return {
    format: sensitivityFormat,
    pool: pkg.pool,
    runs,
    spread,
    seed,
    winnersChange: share(winnersChanged, runs),
    candidates: base.results.map((r) => {
      const c = indexOf.get(r.candidate)!;
      return {
        candidate: r.candidate,
        rank: r.rank,
        keepsRank: share(kept[c]!, runs),
        minRank: minRank[c]!,
        maxRank: maxRank[c]!,
        award: share(awarded[c]!, runs),
      };
    }),
  };
}

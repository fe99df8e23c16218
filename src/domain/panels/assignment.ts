/**
 * Who marks whom. By default the whole panel marks its whole pool; for large
 * pools (UKM) an automatic assignment gives every candidate K jurors, keeps
 * the jurors' loads within one of each other where conflicts allow, and never
 * pairs a juror with a candidate they are in conflict with.
 */
import { pairKey } from './conflicts.ts';

export type Pair = { userId: string; candidateId: string };

type AssignInput = {
  candidates: readonly string[];
  jurors: readonly string[];
  /** Conflicted pairs, as `pairKey(userId, candidateId)`. */
  conflicted: ReadonlySet<string>;
};

/** Every juror with every candidate they are not in conflict with. */
export function assignAll({ candidates, jurors, conflicted }: AssignInput): Pair[] {
  return candidates.flatMap((candidateId) =>
    jurors.filter((userId) => !conflicted.has(pairKey(userId, candidateId))).map((userId) => ({ userId, candidateId })),
  );
}

/**
 * K jurors per candidate, fewest-options candidates first, each time the
 * least-loaded eligible jurors (ties by id, so the result is deterministic).
 * A candidate with fewer than K eligible jurors gets all of them.
 */
export function assignAuto({ candidates, jurors, conflicted, k }: AssignInput & { k: number }): Pair[] {
  const load = new Map(jurors.map((j) => [j, 0]));
  const eligible = new Map(candidates.map((c) => [c, jurors.filter((j) => !conflicted.has(pairKey(j, c)))]));
  const order = [...candidates].sort((a, b) => eligible.get(a)!.length - eligible.get(b)!.length || (a < b ? -1 : a > b ? 1 : 0));
  const pairs: Pair[] = [];
  for (const candidateId of order) {
    const chosen = [...eligible.get(candidateId)!]
      .sort((a, b) => load.get(a)! - load.get(b)! || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, k);
    for (const userId of chosen) {
      load.set(userId, load.get(userId)! + 1);
      pairs.push({ userId, candidateId });
    }
  }
  return pairs;
}

export type CoverageShortfall = { candidateId: string; jurors: number };

/**
 * Candidates with fewer than K jurors who may mark them (assigned and not in
 * conflict): the chair is warned before marking opens.
 */
export function shortfalls({ candidates, pairs, conflicted, k }: { candidates: readonly string[]; pairs: readonly Pair[]; conflicted: ReadonlySet<string>; k: number }): CoverageShortfall[] {
  const counts = new Map(candidates.map((c) => [c, 0]));
  for (const p of pairs) {
    if (counts.has(p.candidateId) && !conflicted.has(pairKey(p.userId, p.candidateId))) counts.set(p.candidateId, counts.get(p.candidateId)! + 1);
  }
  return [...counts].filter(([, n]) => n < k).map(([candidateId, jurors]) => ({ candidateId, jurors }));
}

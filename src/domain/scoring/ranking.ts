/**
 * Ranking (docs/scoring.md, "Ranking and awards"): highest rounded final score
 * first, ties broken by the rounded scores named in `method.tieBreak` in
 * order, candidates still tied share a rank (standard competition ranking:
 * 1, 2, 2, 4) and are listed by id.
 */

export type RankEntry<K> = { id: string; keys: readonly K[] };
export type Ranked<K> = RankEntry<K> & { rank: number };

/** Orders ids by UTF-16 code units, the same in every locale. */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compareKeys<K>(a: readonly K[], b: readonly K[], compare: (x: K, y: K) => number): number {
  for (let i = 0; i < a.length; i++) {
    const c = compare(b[i]!, a[i]!); // highest first
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * Entries in rank order with their ranks. `keys` are the rounded final score
 * followed by the rounded tie-break scores; `compare` orders two keys.
 */
export function rankEntries<K>(entries: readonly RankEntry<K>[], compare: (x: K, y: K) => number): Ranked<K>[] {
  const sorted = [...entries].sort((a, b) => compareKeys(a.keys, b.keys, compare) || compareIds(a.id, b.id));
  const ranked: Ranked<K>[] = [];
  sorted.forEach((entry, i) => {
    const previous = ranked[i - 1];
    const tied = previous !== undefined && compareKeys(previous.keys, entry.keys, compare) === 0;
    ranked.push({ ...entry, rank: tied ? previous.rank : i + 1 });
  });
  return ranked;
}

/** Juara 1–3: the rank when it is within `awards` and the score reaches `minScore`; otherwise null. */
export const awardFor = (rank: number, reachesMin: boolean, awards: number): number | null => (rank <= awards && reachesMin ? rank : null);

/** Whether a candidate goes on to the next level. */
export const advancesFor = (rank: number, reachesMin: boolean, advance: number): boolean => rank <= advance && reachesMin;

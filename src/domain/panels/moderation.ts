/**
 * Moderation after a stage closes: how each juror marks against the rest of
 * the panel, and how much the jurors agree on each indicator (Kendall's W).
 * These are aids for the chair, not scores: the result comes from the scoring
 * engine alone.
 */
export type ModerationMark = { juror: string; candidate: string; indicator: string; value: number };
export type RubricRange = { min: number; max: number };

export type JurorModeration = {
  juror: string;
  marks: number;
  /** Mean and standard deviation of the juror's marks on a 0–100 scale. */
  mean: number;
  spread: number;
  /** Mean of (juror's mark − the panel's median mark on the same candidate and indicator), 0–100 scale. */
  deviation: number | null;
  flagged: boolean;
};

export type IndicatorAgreement = {
  indicator: string;
  /** Kendall's coefficient of concordance W (0 = no agreement, 1 = full), or null when it cannot be computed. */
  kendallW: number | null;
  /** Jurors and candidates of the complete block W was computed on. */
  jurors: number;
  candidates: number;
};

/**
 * Our rule: a juror is flagged when their marks sit on average 20 points or
 * more (on 0–100; 0.8 of a step of a 1–5 rubric) above or below the panel's
 * median on the same candidates and indicators.
 */
export const outlierThreshold = 20;

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: readonly number[]) => {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
};
const r2 = (x: number) => Math.round(x * 100) / 100;
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export function jurorModeration(marks: readonly ModerationMark[], ranges: ReadonlyMap<string, RubricRange>): JurorModeration[] {
  const normal = (m: ModerationMark) => {
    const r = ranges.get(m.indicator)!;
    return ((m.value - r.min) / (r.max - r.min)) * 100;
  };
  const cells = new Map<string, ModerationMark[]>();
  for (const m of marks) {
    const key = `${m.candidate}|${m.indicator}`;
    cells.set(key, [...(cells.get(key) ?? []), m]);
  }
  const jurors = [...new Set(marks.map((m) => m.juror))].sort();
  return jurors.map((juror) => {
    const own = marks.filter((m) => m.juror === juror);
    const values = own.map(normal);
    // The median resists one extreme juror: the others are not dragged along with them.
    const deviations = own.flatMap((m) => {
      const cell = cells.get(`${m.candidate}|${m.indicator}`)!;
      return cell.length < 2 ? [] : [normal(m) - median(cell.map(normal))];
    });
    const deviation = deviations.length === 0 ? null : mean(deviations);
    return {
      juror,
      marks: own.length,
      mean: r2(mean(values)),
      spread: r2(sd(values)),
      deviation: deviation === null ? null : r2(deviation),
      flagged: deviation !== null && Math.abs(deviation) >= outlierThreshold,
    };
  });
}

/** Average ranks (1 = lowest) of values, ties sharing the mean of their positions. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end += 1;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k += 1) ranks[order[k]!.i] = rank;
    start = end + 1;
  }
  return ranks;
}

/**
 * Kendall's W with the correction for ties, over a complete table
 * (`table[juror][candidate]`): W = 12·S / (m²(n³ − n) − m·ΣT), where S is the
 * sum of squared deviations of the candidates' rank sums from their mean and
 * T = Σ(t³ − t) over each juror's groups of tied marks. Null when fewer than 2
 * jurors or candidates, or when every juror gave every candidate the same mark.
 */
export function kendallW(table: readonly (readonly number[])[]): number | null {
  const m = table.length;
  const n = table[0]?.length ?? 0;
  if (m < 2 || n < 2) return null;
  const ranks = table.map(averageRanks);
  const sums = Array.from({ length: n }, (_, c) => ranks.reduce((a, row) => a + row[c]!, 0));
  const meanSum = (m * (n + 1)) / 2;
  const s = sums.reduce((a, r) => a + (r - meanSum) ** 2, 0);
  const ties = table.reduce((acc, row) => {
    const counts = new Map<number, number>();
    for (const v of row) counts.set(v, (counts.get(v) ?? 0) + 1);
    return acc + [...counts.values()].reduce((a, t) => a + t ** 3 - t, 0);
  }, 0);
  const denominator = m * m * (n ** 3 - n) - m * ties;
  if (denominator <= 0) return null;
  return Math.round(((12 * s) / denominator) * 10_000) / 10_000;
}

/**
 * The largest complete juror × candidate block of one indicator's marks,
 * found greedily: while a cell is missing, drop the juror or candidate with
 * the most missing cells (conflicts leave holes in the table).
 */
export function completeBlock(marks: readonly ModerationMark[]): { jurors: string[]; candidates: string[]; table: number[][] } {
  const value = new Map(marks.map((m) => [`${m.juror}|${m.candidate}`, m.value]));
  let jurors = [...new Set(marks.map((m) => m.juror))].sort();
  let candidates = [...new Set(marks.map((m) => m.candidate))].sort();
  for (;;) {
    const missingJ = jurors.map((j) => candidates.filter((c) => !value.has(`${j}|${c}`)).length);
    const missingC = candidates.map((c) => jurors.filter((j) => !value.has(`${j}|${c}`)).length);
    const worstJ = Math.max(0, ...missingJ);
    const worstC = Math.max(0, ...missingC);
    if (worstJ === 0 && worstC === 0) break;
    // Drop whichever loses fewer marks relative to its size: a juror row or a candidate column.
    if (worstJ / Math.max(1, candidates.length) >= worstC / Math.max(1, jurors.length)) {
      jurors = jurors.filter((_, i) => missingJ[i] !== worstJ || missingJ.indexOf(worstJ) !== i);
    } else {
      candidates = candidates.filter((_, i) => missingC[i] !== worstC || missingC.indexOf(worstC) !== i);
    }
  }
  return { jurors, candidates, table: jurors.map((j) => candidates.map((c) => value.get(`${j}|${c}`)!)) };
}

export function indicatorAgreement(marks: readonly ModerationMark[], indicators: readonly string[]): IndicatorAgreement[] {
  return indicators.map((indicator) => {
    const block = completeBlock(marks.filter((m) => m.indicator === indicator));
    return { indicator, kendallW: kendallW(block.table), jurors: block.jurors.length, candidates: block.candidates.length };
  });
}

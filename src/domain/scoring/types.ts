/**
 * Types of a scoring package (`paritrana.scoring/v1`) and of its result
 * (`paritrana.result/v1`), as defined in docs/scoring.md.
 */

export const packageFormat = 'paritrana.scoring/v1';
export const resultFormat = 'paritrana.result/v1';

export type RubricScale = { type: 'rubric'; min: number; max: number };
/** A target below the floor means lower is better. */
export type LinearScale = { type: 'linear'; floor: number; target: number };
export type Band = { min: number; score: number };
export type BandsScale = { type: 'bands'; bands: Band[]; else: number };
export type ChoiceScale = { type: 'choice'; options: Record<string, number> };
export type CheckScale = { type: 'check' };
export type RelativeScale = { type: 'relative' };

export type Scale = RubricScale | LinearScale | BandsScale | ChoiceScale | CheckScale | RelativeScale;
export type ScaleType = Scale['type'];
export type DataScale = Exclude<Scale, RubricScale>;

export const scaleTypes: readonly ScaleType[] = ['rubric', 'linear', 'bands', 'choice', 'check', 'relative'];

export type Indicator = { id: string; weight: number; scale: Scale };
export type Aspect = { id: string; weight: number; indicators: Indicator[] };
export type Stage = { id: string; weight: number; aspects: Aspect[] };

export type JurorAggregate = 'mean' | 'median' | 'trimmed-mean';
export const jurorAggregates: readonly JurorAggregate[] = ['mean', 'median', 'trimmed-mean'];

/** `method` as written in a package: every field may be left out. */
export type MethodInput = {
  jurorAggregate?: JurorAggregate;
  decimals?: number;
  awards?: number;
  advance?: number;
  minScore?: number;
  tieBreak?: string[];
};

/** `method` with its defaults filled in. */
export type Method = Required<MethodInput>;

/**
 * Defaults of `method`. The spec fixes `jurorAggregate` (mean) and `decimals`
 * (2); the others are our rule: Juara 1–3, Juara 1 advances, no minimum
 * score, no tie-break.
 */
export const defaultMethod: Method = {
  jurorAggregate: 'mean',
  decimals: 2,
  awards: 3,
  advance: 1,
  minScore: 0,
  tieBreak: [],
};

export type Pool = {
  edition: string;
  level: string;
  area?: string;
  category: string;
  [key: string]: unknown;
};

export type Candidate = { id: string; name?: string };
export type Juror = { id: string; conflicts?: string[] };
export type Mark = { juror: string; candidate: string; indicator: string; value: number };

/** A data value: a number (linear, bands, relative), a key (choice), a boolean (check); null is missing. */
export type DataValue = number | string | boolean | null;

export type ScoringPackage = {
  format: typeof packageFormat;
  pool: Pool;
  method?: MethodInput;
  stages: Stage[];
  candidates: Candidate[];
  values?: Record<string, Record<string, DataValue>>;
  jurors?: Juror[];
  marks?: Mark[];
};

/** One problem of a package: a JSON path (`marks[3].value`) and what is wrong there. */
export type ScoringError = { path: string; message: string };

export type CandidateResult = {
  candidate: string;
  rank: number;
  score: number;
  award: number | null;
  advances: boolean;
  stages: Record<string, number>;
  aspects: Record<string, number>;
  indicators: Record<string, number>;
  flags: string[];
};

export type ScoringResult = {
  format: typeof resultFormat;
  pool: Pool;
  results: CandidateResult[];
};

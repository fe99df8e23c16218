/**
 * The scoring engine (docs/scoring.md): validate a scoring package, score it,
 * explain one candidate's result, and test how much the ranking depends on the
 * weights. Pure functions, no I/O: the web application, the `paritrana score`
 * command and the tests all use this module.
 */
export type {
  Aspect,
  Band,
  Candidate,
  BandsScale,
  CandidateResult,
  CheckScale,
  ChoiceScale,
  DataScale,
  DataValue,
  Indicator,
  Juror,
  JurorAggregate,
  LinearScale,
  Mark,
  Method,
  MethodInput,
  Pool,
  RelativeScale,
  RubricScale,
  Scale,
  ScaleType,
  ScoringError,
  ScoringPackage,
  ScoringResult,
  Stage,
} from './types.ts';
export { defaultMethod, packageFormat, resultFormat } from './types.ts';
export type { ParsedPackage } from './validate.ts';
export { InvalidPackageError, assertValidPackage, formatError, parsePackage, validatePackage } from './validate.ts';
export { methodOf, scorePackage } from './score.ts';
export type { AspectExplanation, Explanation, IndicatorExplanation, StageExplanation } from './explain.ts';
export { explainCandidate } from './explain.ts';
export type { Lang } from './explain-text.ts';
export { formatExplanation } from './explain-text.ts';
export type { CandidateSensitivity, SensitivityOptions, SensitivityReport } from './sensitivity.ts';
export { defaultSensitivity, mulberry32, runSensitivity, sensitivityFormat } from './sensitivity.ts';

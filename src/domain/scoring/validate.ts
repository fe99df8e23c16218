/**
 * Checks a scoring package against docs/scoring.md. A package that breaks the
 * format is rejected as a whole; every problem is reported with the JSON path
 * where it sits, e.g. `marks[3].value: 7 is outside 1..5 for ww.komitmen`.
 */
import type { Scale, ScoringError, ScoringPackage } from './types.ts';
import { jurorAggregates, packageFormat, scaleTypes } from './types.ts';

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const show = (v: unknown): string => {
  if (v === undefined) return 'nothing';
  const text = JSON.stringify(v);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
};
const typeName = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `${typeof v} ${show(v)}`;

/** `path` extended by an object key, in dot form when the key is a plain name, else `["18.02"]`. */
export const keyPath = (path: string, key: string): string =>
  /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
const at = (path: string, index: number): string => `${path}[${index}]`;

const methodKeys = ['jurorAggregate', 'decimals', 'awards', 'advance', 'minScore', 'tieBreak'];
const scaleKeys: Record<Scale['type'], string[]> = {
  rubric: ['min', 'max'],
  linear: ['floor', 'target'],
  bands: ['bands', 'else'],
  choice: ['options'],
  check: [],
  relative: [],
};

class Checker {
  readonly errors: ScoringError[] = [];

  fail(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  string(o: Obj, key: string, path: string, optional = false): string | undefined {
    const v = o[key];
    if (v === undefined && optional) return undefined;
    if (typeof v !== 'string' || v === '') {
      this.fail(keyPath(path, key), v === undefined ? 'missing (a non-empty string)' : `must be a non-empty string, not ${typeName(v)}`);
      return undefined;
    }
    return v;
  }

  number(o: Obj, key: string, path: string, rule?: { min?: number; max?: number; integer?: boolean }): number | undefined {
    const v = o[key];
    const p = keyPath(path, key);
    if (!isNumber(v)) {
      this.fail(p, v === undefined ? 'missing (a number)' : `must be a number, not ${typeName(v)}`);
      return undefined;
    }
    if (rule?.integer && !Number.isInteger(v)) {
      this.fail(p, `${v} is not an integer`);
      return undefined;
    }
    if ((rule?.min !== undefined && v < rule.min) || (rule?.max !== undefined && v > rule.max)) {
      const range = rule.max === undefined ? `at least ${rule.min}` : rule.min === undefined ? `at most ${rule.max}` : `${rule.min}..${rule.max}`;
      this.fail(p, `${v} is outside ${range}`);
      return undefined;
    }
    return v;
  }

  array(o: Obj, key: string, path: string, optional = false): unknown[] | undefined {
    const v = o[key];
    if (v === undefined && optional) return undefined;
    if (!Array.isArray(v)) {
      this.fail(keyPath(path, key), v === undefined ? 'missing (an array)' : `must be an array, not ${typeName(v)}`);
      return undefined;
    }
    return v as unknown[];
  }

  object(v: unknown, path: string): Obj | undefined {
    if (!isObject(v)) {
      this.fail(path, v === undefined ? 'missing (an object)' : `must be an object, not ${typeName(v)}`);
      return undefined;
    }
    return v;
  }

  unknownKeys(o: Obj, allowed: readonly string[], path: string): void {
    for (const key of Object.keys(o)) {
      if (!allowed.includes(key)) this.fail(keyPath(path, key), `unknown field (expected one of ${allowed.join(', ') || 'none'})`);
    }
  }
}

/** Remembers where each id was first seen, to report duplicates. */
class Ids {
  private readonly seen = new Map<string, string>();
  constructor(private readonly checker: Checker) {}

  add(id: string | undefined, path: string): void {
    if (id === undefined) return;
    const first = this.seen.get(id);
    if (first !== undefined) this.checker.fail(path, `duplicate id "${id}" (first at ${first})`);
    else this.seen.set(id, path);
  }

  has(id: string): boolean {
    return this.seen.has(id);
  }
}

type IndicatorInfo = { scale: Scale | undefined };

function checkScale(c: Checker, raw: unknown, path: string): Scale | undefined {
  const s = c.object(raw, path);
  if (!s) return undefined;
  const type = s.type;
  if (typeof type !== 'string' || !(scaleTypes as readonly string[]).includes(type)) {
    c.fail(keyPath(path, 'type'), `unknown scale type ${show(type)} (expected one of ${scaleTypes.join(', ')})`);
    return undefined;
  }
  const before = c.errors.length;
  const t = type as Scale['type'];
  c.unknownKeys(s, ['type', ...scaleKeys[t]], path);
  const score = { min: 0, max: 100 };
  switch (t) {
    case 'rubric': {
      const min = c.number(s, 'min', path, { integer: true });
      const max = c.number(s, 'max', path, { integer: true });
      if (min !== undefined && max !== undefined && min >= max) c.fail(keyPath(path, 'max'), `${max} must be greater than min ${min}`);
      break;
    }
    case 'linear': {
      const floor = c.number(s, 'floor', path);
      const target = c.number(s, 'target', path);
      if (floor !== undefined && target !== undefined && floor === target) c.fail(keyPath(path, 'target'), `${target} equals the floor; the scale needs two different points`);
      break;
    }
    case 'bands': {
      const bands = c.array(s, 'bands', path);
      bands?.forEach((b, i) => {
        const o = c.object(b, at(keyPath(path, 'bands'), i));
        if (!o) return;
        c.unknownKeys(o, ['min', 'score'], at(keyPath(path, 'bands'), i));
        c.number(o, 'min', at(keyPath(path, 'bands'), i));
        c.number(o, 'score', at(keyPath(path, 'bands'), i), score);
      });
      c.number(s, 'else', path, score);
      break;
    }
    case 'choice': {
      const options = c.object(s.options, keyPath(path, 'options'));
      if (options) {
        if (Object.keys(options).length === 0) c.fail(keyPath(path, 'options'), 'has no options');
        for (const key of Object.keys(options)) c.number(options, key, keyPath(path, 'options'), score);
      }
      break;
    }
    case 'check':
    case 'relative':
      break;
  }
  return c.errors.length === before ? (s as Scale) : undefined;
}

/** Checks the weights of one list: non-negative numbers whose sum is not 0. */
function checkWeights(c: Checker, items: unknown[], listPath: string, what: string): void {
  if (items.length === 0) {
    c.fail(listPath, `has no ${what}`);
    return;
  }
  let total = 0;
  let allValid = true;
  items.forEach((item, i) => {
    if (!isObject(item)) return;
    const w = c.number(item, 'weight', at(listPath, i), { min: 0 });
    if (w === undefined) allValid = false;
    else total += w;
  });
  if (allValid && total === 0) c.fail(listPath, 'weights sum to 0');
}

/** Every problem of the package; an empty list means it is valid. */
export function validatePackage(input: unknown): ScoringError[] {
  const c = new Checker();
  const pkg = c.object(input, '$');
  if (!pkg) return c.errors;
  if (pkg.format !== packageFormat) {
    c.fail('format', `unknown format ${show(pkg.format)} (expected "${packageFormat}")`);
    return c.errors;
  }

  const pool = c.object(pkg.pool, 'pool');
  if (pool) {
    c.string(pool, 'edition', 'pool');
    c.string(pool, 'level', 'pool');
    c.string(pool, 'area', 'pool', true);
    c.string(pool, 'category', 'pool');
  }

  // The instrument: stages → aspects → indicators.
  const groupIds = new Ids(c);
  const indicatorIds = new Ids(c);
  const indicators = new Map<string, IndicatorInfo>();
  const stages = c.array(pkg, 'stages', '$');
  if (stages) {
    checkWeights(c, stages, 'stages', 'stages');
    stages.forEach((rawStage, si) => {
      const sp = at('stages', si);
      const stage = c.object(rawStage, sp);
      if (!stage) return;
      groupIds.add(c.string(stage, 'id', sp), keyPath(sp, 'id'));
      const aspects = c.array(stage, 'aspects', sp);
      if (!aspects) return;
      checkWeights(c, aspects, keyPath(sp, 'aspects'), 'aspects');
      aspects.forEach((rawAspect, ai) => {
        const ap = at(keyPath(sp, 'aspects'), ai);
        const aspect = c.object(rawAspect, ap);
        if (!aspect) return;
        groupIds.add(c.string(aspect, 'id', ap), keyPath(ap, 'id'));
        const list = c.array(aspect, 'indicators', ap);
        if (!list) return;
        checkWeights(c, list, keyPath(ap, 'indicators'), 'indicators');
        list.forEach((rawIndicator, ii) => {
          const ip = at(keyPath(ap, 'indicators'), ii);
          const indicator = c.object(rawIndicator, ip);
          if (!indicator) return;
          const id = c.string(indicator, 'id', ip);
          indicatorIds.add(id, keyPath(ip, 'id'));
          const scale = checkScale(c, indicator.scale, keyPath(ip, 'scale'));
          if (id !== undefined && !indicators.has(id)) indicators.set(id, { scale });
        });
      });
    });
  }

  const method = pkg.method === undefined ? undefined : c.object(pkg.method, 'method');
  if (method) {
    c.unknownKeys(method, methodKeys, 'method');
    const agg = method.jurorAggregate;
    if (agg !== undefined && (typeof agg !== 'string' || !(jurorAggregates as readonly string[]).includes(agg))) {
      c.fail('method.jurorAggregate', `unknown aggregate ${show(agg)} (expected one of ${jurorAggregates.join(', ')})`);
    }
    if (method.decimals !== undefined) c.number(method, 'decimals', 'method', { integer: true, min: 0, max: 10 });
    if (method.awards !== undefined) c.number(method, 'awards', 'method', { integer: true, min: 0 });
    if (method.advance !== undefined) c.number(method, 'advance', 'method', { integer: true, min: 0 });
    if (method.minScore !== undefined) c.number(method, 'minScore', 'method');
    const tieBreak = c.array(method, 'tieBreak', 'method', true);
    tieBreak?.forEach((name, i) => {
      const p = at('method.tieBreak', i);
      if (typeof name !== 'string') c.fail(p, `must be a stage or aspect id, not ${typeName(name)}`);
      else if (stages && !groupIds.has(name)) c.fail(p, `"${name}" is neither a stage nor an aspect`);
    });
  }

  const candidateIds = new Ids(c);
  c.array(pkg, 'candidates', '$')?.forEach((raw, i) => {
    const p = at('candidates', i);
    const cand = c.object(raw, p);
    if (!cand) return;
    candidateIds.add(c.string(cand, 'id', p), keyPath(p, 'id'));
    c.string(cand, 'name', p, true);
  });

  const jurorIds = new Ids(c);
  c.array(pkg, 'jurors', '$', true)?.forEach((raw, i) => {
    const p = at('jurors', i);
    const juror = c.object(raw, p);
    if (!juror) return;
    jurorIds.add(c.string(juror, 'id', p), keyPath(p, 'id'));
    c.array(juror, 'conflicts', p, true)?.forEach((conflict, k) => {
      if (typeof conflict !== 'string') c.fail(at(keyPath(p, 'conflicts'), k), `must be a candidate id, not ${typeName(conflict)}`);
    });
  });

  // A package whose values or marks were dropped would score every candidate 0 on those
  // indicators and print another ranking: the lists are required wherever the instrument needs them.
  const kinds = indicatorKinds(indicators);
  if (pkg.values === undefined && kinds.data) c.fail('values', 'missing (an object of data values by candidate); the instrument has data indicators');
  if (pkg.values !== undefined) {
    const values = c.object(pkg.values, 'values');
    for (const [candidate, rawRow] of Object.entries(values ?? {})) {
      const rp = keyPath('values', candidate);
      if (!candidateIds.has(candidate)) c.fail(rp, `unknown candidate ${candidate}`);
      const row = c.object(rawRow, rp);
      if (!row) continue;
      for (const [indicator, value] of Object.entries(row)) {
        checkValue(c, indicators, indicator, value, keyPath(rp, indicator));
      }
    }
  }

  if (pkg.marks === undefined && kinds.rubric) c.fail('marks', 'missing (an array of marks); the instrument has rubric indicators marked by jurors');
  if (pkg.jurors === undefined && kinds.rubric) c.fail('jurors', 'missing (an array of jurors); the instrument has rubric indicators marked by jurors');
  const marked = new Map<string, string>();
  c.array(pkg, 'marks', '$', true)?.forEach((raw, i) => {
    const p = at('marks', i);
    const mark = c.object(raw, p);
    if (!mark) return;
    const juror = c.string(mark, 'juror', p);
    const candidate = c.string(mark, 'candidate', p);
    const indicator = c.string(mark, 'indicator', p);
    if (juror !== undefined && !jurorIds.has(juror)) c.fail(keyPath(p, 'juror'), `unknown juror ${juror}`);
    if (candidate !== undefined && !candidateIds.has(candidate)) c.fail(keyPath(p, 'candidate'), `unknown candidate ${candidate}`);
    const info = indicator === undefined ? undefined : indicators.get(indicator);
    if (indicator !== undefined && stages && !info) c.fail(keyPath(p, 'indicator'), `unknown indicator ${indicator}`);
    const value = mark.value;
    const vp = keyPath(p, 'value');
    if (!isNumber(value)) {
      c.fail(vp, value === undefined ? 'missing (a number)' : `must be a number, not ${typeName(value)}`);
    } else if (info?.scale && info.scale.type !== 'rubric') {
      c.fail(keyPath(p, 'indicator'), `${indicator} is a data indicator (${info.scale.type}); it takes a value, not marks`);
    } else if (info?.scale?.type === 'rubric') {
      const { min, max } = info.scale;
      if (!Number.isInteger(value)) c.fail(vp, `${value} is not an integer (${min}..${max} for ${indicator})`);
      else if (value < min || value > max) c.fail(vp, `${value} is outside ${min}..${max} for ${indicator}`);
    }
    if (juror !== undefined && candidate !== undefined && indicator !== undefined) {
      const key = JSON.stringify([juror, candidate, indicator]);
      const first = marked.get(key);
      if (first !== undefined) c.fail(p, `a second mark by ${juror} for ${candidate} on ${indicator} (first at ${first})`);
      else marked.set(key, p);
    }
  });

  return c.errors;
}

function indicatorKinds(indicators: Map<string, IndicatorInfo>): { data: boolean; rubric: boolean } {
  const types = [...indicators.values()].map((i) => i.scale?.type);
  return { data: types.some((t) => t !== undefined && t !== 'rubric'), rubric: types.includes('rubric') };
}

function checkValue(c: Checker, indicators: Map<string, IndicatorInfo>, indicator: string, value: unknown, path: string): void {
  const info = indicators.get(indicator);
  if (!info) {
    if (indicators.size > 0) c.fail(path, `unknown indicator ${indicator}`);
    return;
  }
  const scale = info.scale;
  if (!scale || value === null) return;
  switch (scale.type) {
    case 'rubric':
      c.fail(path, `${indicator} is a rubric indicator; it is marked by jurors, not given a value`);
      return;
    case 'linear':
    case 'bands':
    case 'relative':
      if (!isNumber(value)) c.fail(path, `must be a number for ${indicator} (${scale.type}), not ${typeName(value)}`);
      return;
    case 'check':
      if (typeof value !== 'boolean') c.fail(path, `must be true or false for ${indicator} (check), not ${typeName(value)}`);
      return;
    case 'choice':
      if (typeof value !== 'string') c.fail(path, `must be an option key for ${indicator} (choice), not ${typeName(value)}`);
      else if (!Object.hasOwn(scale.options, value)) {
        c.fail(path, `${show(value)} is not among the options of ${indicator} (${Object.keys(scale.options).join(', ')})`);
      }
      return;
  }
}

export type ParsedPackage = { ok: true; package: ScoringPackage } | { ok: false; errors: ScoringError[] };

/** Validates and, when valid, returns the input typed as a package. */
export function parsePackage(input: unknown): ParsedPackage {
  const errors = validatePackage(input);
  return errors.length === 0 ? { ok: true, package: input as ScoringPackage } : { ok: false, errors };
}

/** One line per problem, as the command prints them. */
export const formatError = (error: ScoringError): string => `${error.path}: ${error.message}`;

/** Thrown when a package that breaks the format is scored. */
export class InvalidPackageError extends Error {
  constructor(readonly errors: ScoringError[]) {
    super(`invalid scoring package:\n${errors.map(formatError).join('\n')}`);
    this.name = 'InvalidPackageError';
  }
}

/** The package, or an InvalidPackageError listing every problem. */
export function assertValidPackage(input: unknown): ScoringPackage {
  const parsed = parsePackage(input);
  if (!parsed.ok) throw new InvalidPackageError(parsed.errors);
  return parsed.package;
}

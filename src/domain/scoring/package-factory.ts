/**
 * Builds small scoring packages for tests and examples: every part can be
 * overridden, the rest is a minimal valid package.
 */
import type { Candidate, DataValue, Juror, Mark, MethodInput, Scale, ScoringPackage, Stage } from './types.ts';
import { packageFormat } from './types.ts';

export const testPool = { edition: '2025', level: 'provinsi', area: '18', category: 'pemkab-kota' };

export function makePackage(overrides: Partial<ScoringPackage> = {}): ScoringPackage {
  return {
    format: packageFormat,
    pool: testPool,
    method: {},
    stages: [{ id: 'desk', weight: 1, aspects: [{ id: 'a', weight: 1, indicators: [{ id: 'x', weight: 1, scale: { type: 'check' } }] }] }],
    candidates: [{ id: 'c1' }],
    values: {},
    jurors: [],
    marks: [],
    ...overrides,
  };
}

/** A package with one stage, one aspect and one indicator `x` on `scale`. */
export function singleIndicator(
  scale: Scale,
  parts: {
    candidates?: Candidate[];
    values?: Record<string, DataValue>;
    jurors?: Juror[];
    marks?: Omit<Mark, 'indicator'>[];
    method?: MethodInput;
  } = {},
): ScoringPackage {
  const stages: Stage[] = [{ id: 'desk', weight: 1, aspects: [{ id: 'a', weight: 1, indicators: [{ id: 'x', weight: 1, scale }] }] }];
  const candidates = parts.candidates ?? Object.keys(parts.values ?? {}).map((id) => ({ id }));
  return makePackage({
    stages,
    candidates: candidates.length > 0 ? candidates : [{ id: 'c1' }],
    values: Object.fromEntries(Object.entries(parts.values ?? {}).map(([id, v]) => [id, { x: v }])),
    jurors: parts.jurors ?? [],
    marks: (parts.marks ?? []).map((m) => ({ ...m, indicator: 'x' })),
    method: parts.method ?? {},
  });
}

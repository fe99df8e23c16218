/**
 * How the shortlist is scored (docs/coverage-data.md, Shortlist). An edition
 * may set its own weights and size; these are the defaults (our proposal),
 * documented in the README (paritrana screen).
 */
export type ScreeningConfig = {
  /** Candidates shortlisted per province and category. */
  topN: number;
  /** Weights of the regency score (each term is a percentage, 0–100). */
  regency: { coverage: number; bpuCoverage: number; growth: number };
  /** Weights of the employer score; only employers with active workers are ranked. */
  employer: { programComplete: number; onTime: number; declaredCoverage: number; wageCompliance: number };
};

export const defaultScreeningConfig: ScreeningConfig = {
  topN: 10,
  regency: { coverage: 0.6, bpuCoverage: 0.2, growth: 0.2 },
  employer: { programComplete: 0.4, onTime: 0.3, declaredCoverage: 0.2, wageCompliance: 0.1 },
};

function weights<T extends Record<string, number>>(value: unknown, defaults: T, path: string, problems: string[]): T {
  if (value === undefined) return defaults;
  if (typeof value !== 'object' || value === null) {
    problems.push(`${path}: must be an object of weights`);
    return defaults;
  }
  const out = { ...defaults };
  for (const [key, v] of Object.entries(value)) {
    if (!(key in defaults)) problems.push(`${path}.${key}: unknown weight (known: ${Object.keys(defaults).join(', ')})`);
    else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) problems.push(`${path}.${key}: must be a number ≥ 0`);
    else (out as Record<string, number>)[key] = v;
  }
  return out;
}

/** Reads a config (any field may be left out); problems name the JSON path. */
export function parseScreeningConfig(value: unknown): { config: ScreeningConfig; problems: string[] } {
  const problems: string[] = [];
  if (value == null) return { config: defaultScreeningConfig, problems };
  if (typeof value !== 'object') return { config: defaultScreeningConfig, problems: ['config: must be a JSON object'] };
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v)) if (!['topN', 'regency', 'employer'].includes(key)) problems.push(`${key}: unknown setting`);
  const topN = v.topN ?? defaultScreeningConfig.topN;
  if (typeof topN !== 'number' || !Number.isInteger(topN) || topN < 1 || topN > 1000) problems.push('topN: must be an integer from 1 to 1000');
  return {
    config: {
      topN: typeof topN === 'number' && Number.isInteger(topN) ? topN : defaultScreeningConfig.topN,
      regency: weights(v.regency, defaultScreeningConfig.regency, 'regency', problems),
      employer: weights(v.employer, defaultScreeningConfig.employer, 'employer', problems),
    },
    problems,
  };
}

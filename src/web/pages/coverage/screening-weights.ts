import type { ScreeningSettings } from '../../../shared/contracts/index.ts';

/** The groups whose weights add up to 0 (the server refuses them too): at least one weight of each must count. */
export function emptyWeightGroups(settings: ScreeningSettings): ('regency' | 'employer')[] {
  const sum = (weights: Record<string, number>) => Object.values(weights).reduce((a, b) => a + b, 0);
  return (['regency', 'employer'] as const).filter((group) => sum(settings[group]) <= 0);
}

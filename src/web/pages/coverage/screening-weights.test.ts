import { describe, expect, it } from 'vitest';
import { emptyWeightGroups } from './screening-weights.ts';

const settings = {
  topN: 10,
  regency: { coverage: 0.5, bpuCoverage: 0.3, growth: 0.2 },
  employer: { programComplete: 0.4, onTime: 0.3, declaredCoverage: 0.2, wageCompliance: 0.1 },
};

describe('the screening weights', () => {
  it('find no group to mark while each has a weight above 0', () => {
    expect(emptyWeightGroups(settings)).toEqual([]);
    expect(emptyWeightGroups({ ...settings, regency: { coverage: 0, bpuCoverage: 0, growth: 0.01 } })).toEqual([]);
  });
  it('mark each group whose weights all are 0', () => {
    expect(emptyWeightGroups({ ...settings, regency: { coverage: 0, bpuCoverage: 0, growth: 0 } })).toEqual(['regency']);
    expect(
      emptyWeightGroups({ ...settings, regency: { coverage: 0, bpuCoverage: 0, growth: 0 }, employer: { programComplete: 0, onTime: 0, declaredCoverage: 0, wageCompliance: 0 } }),
    ).toEqual(['regency', 'employer']);
  });
});

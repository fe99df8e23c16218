import { describe, expect, it } from 'vitest';
import { categoryLevelProblems, levelProblems, nextLevelOf, type LevelDef } from './levels.ts';

const levels: LevelDef[] = [
  { code: 'provinsi', kind: 'provinsi', provinceCodes: [] },
  { code: 'zona-sumatera', kind: 'zona', provinceCodes: ['16', '17', '18'] },
  { code: 'zona-nusra', kind: 'zona', provinceCodes: ['51', '52', '53'] },
  { code: 'nasional', kind: 'nasional', provinceCodes: [] },
];
const viaZones = ['provinsi', 'zona-sumatera', 'zona-nusra', 'nasional'];

describe('nextLevelOf', () => {
  it('sends a province to the zone that holds it, whatever the order of the zones', () => {
    expect(nextLevelOf(levels, viaZones, 'provinsi', '18')).toBe('zona-sumatera');
    expect(nextLevelOf(levels, viaZones, 'provinsi', '52')).toBe('zona-nusra');
  });
  it('sends a zone to the nation, past the other zones', () => {
    expect(nextLevelOf(levels, viaZones, 'zona-sumatera', '')).toBe('nasional');
  });
  it('sends a province in no zone, or a category without zones, to the nation', () => {
    expect(nextLevelOf(levels, viaZones, 'provinsi', '31')).toBe('nasional');
    expect(nextLevelOf(levels, ['provinsi', 'nasional'], 'provinsi', '18')).toBe('nasional');
  });
  it('ends at the last level', () => {
    expect(nextLevelOf(levels, viaZones, 'nasional', '')).toBeNull();
    expect(nextLevelOf(levels, ['provinsi'], 'provinsi', '52')).toBeNull();
  });
});

describe('levelProblems and categoryLevelProblems', () => {
  it('refuses a province in two zones, an empty zone, a second national level', () => {
    const others = levels.filter((l) => l.code !== 'zona-nusra');
    expect(levelProblems({ code: 'zona-x', kind: 'zona', provinceCodes: ['18'] }, others)).toEqual([
      { path: 'provinceCodes.0', message: 'Province 18 is already in zone zona-sumatera; a province belongs to one zone' },
    ]);
    expect(levelProblems({ code: 'zona-x', kind: 'zona', provinceCodes: [] }, others)[0]!.message).toBe('A zone groups at least one province');
    expect(levelProblems({ code: 'n2', kind: 'nasional', provinceCodes: [] }, others)[0]!.message).toBe('The edition already has a national level');
    expect(levelProblems({ code: 'zona-nusra', kind: 'zona', provinceCodes: ['52'] }, others)).toEqual([]);
  });
  it('refuses levels out of order, repeated or unknown', () => {
    expect(categoryLevelProblems(levels, viaZones)).toEqual([]);
    expect(categoryLevelProblems(levels, ['nasional', 'provinsi']).map((p) => p.path)).toEqual(['levels.1']);
    expect(categoryLevelProblems(levels, ['provinsi', 'provinsi']).map((p) => p.message)).toEqual(['Level provinsi is listed twice']);
    expect(categoryLevelProblems(levels, ['provinsi', 'zona-jawa']).map((p) => p.message)).toEqual(['No level zona-jawa in this edition']);
  });
});

import { describe, expect, it } from 'vitest';
import { clashingEntrants, entrantsByRule, specialAwardProblems, specialAwardsEditable, type Candidacy } from './special-awards.ts';

const categories = [
  { code: 'pemkab-kota', family: 'pemda', levels: ['provinsi', 'nasional'] },
  { code: 'usaha-besar', family: 'badan-usaha', levels: ['provinsi', 'nasional'] },
  { code: 'pemprov', family: 'pemda', levels: ['nasional'] },
  { code: 'terbaik-inovasi', family: 'khusus', levels: ['nasional'] },
];

describe('special awards', () => {
  it('name what is wrong with a definition, field by field', () => {
    expect(specialAwardProblems({ level: 'nasional', sourceCategoryCodes: ['pemkab-kota', 'usaha-besar'] }, ['provinsi', 'nasional'], categories)).toEqual([]);
    expect(specialAwardProblems({ level: 'provinsi', sourceCategoryCodes: ['pemprov', 'terbaik-inovasi', 'desa', 'pemkab-kota', 'pemkab-kota'] }, ['provinsi', 'nasional'], categories)).toEqual([
      { path: 'sourceCategoryCodes.0', message: 'Category pemprov does not run at level provinsi' },
      { path: 'sourceCategoryCodes.1', message: 'terbaik-inovasi is a special award: entrants come from ordinary categories' },
      { path: 'sourceCategoryCodes.2', message: 'No category desa in this edition' },
      { path: 'sourceCategoryCodes.4', message: 'Category pemkab-kota is listed twice' },
    ]);
    expect(specialAwardProblems({ level: 'zona-jawa', sourceCategoryCodes: [] }, ['provinsi'], categories)).toEqual([{ path: 'level', message: 'No level zona-jawa in this edition' }]);
  });

  it('enter by their rule: every verified candidacy of the sources at the level, or only the finalists, or none', () => {
    const c = (id: string, categoryCode: string, level: string, status: string, finalist: boolean): Candidacy => ({ id, categoryCode, level, status, finalist });
    const all = [
      c('a', 'pemkab-kota', 'nasional', 'verified', true),
      c('b', 'pemkab-kota', 'nasional', 'verified', false),
      c('c', 'usaha-besar', 'nasional', 'submitted', true),
      c('d', 'usaha-besar', 'provinsi', 'verified', true),
      c('e', 'pemprov', 'nasional', 'verified', true),
    ];
    const award = { level: 'nasional', sourceCategoryCodes: ['pemkab-kota', 'usaha-besar'] };
    expect(entrantsByRule({ ...award, entryRule: 'verified' }, all)).toEqual(['a', 'b']);
    expect(entrantsByRule({ ...award, entryRule: 'finalists' }, all)).toEqual(['a']);
    expect(entrantsByRule({ ...award, entryRule: 'manual' }, all)).toEqual([]);
  });

  it('name the second entrant that would share an id in the scoring package', () => {
    expect(clashingEntrants([{ id: '1', packageId: '52.03' }, { id: '2', packageId: '520010103' }, { id: '3', packageId: '52.03' }])).toEqual([{ id: '3', packageId: '52.03' }]);
  });

  it('change until the edition is published', () => {
    expect((['draft', 'open', 'assessing', 'published', 'archived'] as const).map(specialAwardsEditable)).toEqual([true, true, true, false, false]);
  });
});

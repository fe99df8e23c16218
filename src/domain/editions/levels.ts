/**
 * How an edition's levels fit together: a province's round, optional zones
 * (each grouping provinces, e.g. "Regional Sumatera"), the nation. A category
 * lists the levels it runs at, in order; its winners go on to the next one
 * that applies to their province: the zone holding the province when the
 * category runs zones, otherwise the level after.
 */
export type LevelKind = 'provinsi' | 'zona' | 'nasional';
export type LevelDef = { code: string; kind: LevelKind; provinceCodes: readonly string[] };
export type LevelProblem = { path: string; message: string };

const rank: Record<LevelKind, number> = { provinsi: 0, zona: 1, nasional: 2 };

/**
 * The level a candidacy of `provinceCode` at `level` goes on to in a
 * category running `categoryLevels`, or null when `level` is its last.
 * Zones that do not hold the province are passed over, and so are the other
 * zones once the candidacy is at a zone: province → zone → nation, or
 * province → nation when no zone of the category holds the province.
 */
export function nextLevelOf(levels: readonly LevelDef[], categoryLevels: readonly string[], level: string, provinceCode: string): string | null {
  const byCode = new Map(levels.map((l) => [l.code, l]));
  const i = categoryLevels.indexOf(level);
  if (i < 0) return null;
  const currentKind = byCode.get(level)?.kind ?? 'provinsi';
  for (const code of categoryLevels.slice(i + 1)) {
    const next = byCode.get(code);
    if (!next) continue;
    if (next.kind === 'zona' && (currentKind === 'zona' || !next.provinceCodes.includes(provinceCode))) continue;
    return code;
  }
  return null;
}

/** The zone of `levels` that holds a province, if any. */
export function zoneOf(levels: readonly LevelDef[], provinceCode: string): LevelDef | null {
  return levels.find((l) => l.kind === 'zona' && l.provinceCodes.includes(provinceCode)) ?? null;
}

/**
 * What is wrong with a level about to be stored among the edition's others
 * (`others` excludes the level itself): a zone without provinces, a province
 * listed twice or already in another zone, provinces on a level that is not a
 * zone, a second provincial or national level.
 */
export function levelProblems(level: LevelDef, others: readonly LevelDef[]): LevelProblem[] {
  const problems: LevelProblem[] = [];
  if (level.kind === 'zona' && level.provinceCodes.length === 0) problems.push({ path: 'provinceCodes', message: 'A zone groups at least one province' });
  if (level.kind !== 'zona' && level.provinceCodes.length > 0) problems.push({ path: 'provinceCodes', message: 'Only a zone lists provinces' });
  if (level.kind !== 'zona' && others.some((o) => o.kind === level.kind)) {
    problems.push({ path: 'kind', message: `The edition already has a ${level.kind === 'provinsi' ? 'provincial' : 'national'} level` });
  }
  level.provinceCodes.forEach((code, i) => {
    if (level.provinceCodes.indexOf(code) !== i) problems.push({ path: `provinceCodes.${i}`, message: `Province ${code} is listed twice` });
    const other = level.kind === 'zona' ? zoneOf(others, code) : null;
    if (other) problems.push({ path: `provinceCodes.${i}`, message: `Province ${code} is already in zone ${other.code}; a province belongs to one zone` });
  });
  return problems;
}

/**
 * What is wrong with a category's list of levels: an unknown or repeated
 * level, levels out of order (province, then zones, then nation), more than
 * one provincial or national level.
 */
export function categoryLevelProblems(levels: readonly LevelDef[], categoryLevels: readonly string[]): LevelProblem[] {
  const byCode = new Map(levels.map((l) => [l.code, l]));
  const problems: LevelProblem[] = [];
  let last = -1;
  categoryLevels.forEach((code, i) => {
    const path = `levels.${i}`;
    const level = byCode.get(code);
    if (!level) return problems.push({ path, message: `No level ${code} in this edition` });
    if (categoryLevels.indexOf(code) !== i) return problems.push({ path, message: `Level ${code} is listed twice` });
    if (rank[level.kind] < last || (rank[level.kind] === last && level.kind !== 'zona')) {
      return problems.push({ path, message: `Level ${code} is out of order: a category runs at its province, then zones, then the nation` });
    }
    last = rank[level.kind];
    return undefined;
  });
  return problems;
}

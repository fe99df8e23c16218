/**
 * Special awards (*kategori khusus*, e.g. "Terbaik Inovasi"): an award an
 * edition gives across categories. It runs at one level; its entrants are
 * candidacies of the source categories at that level, chosen by its rule.
 * Everything after the entry (pool, panel, marking, ranking, publication)
 * is that of any category (docs/special-awards.md).
 */
import type { EditionStatus } from './status.ts';

export type EntryRule = 'verified' | 'finalists' | 'manual';
export const entryRules: readonly EntryRule[] = ['verified', 'finalists', 'manual'];

/** The category family of a special award's own category. */
export const specialFamily = 'khusus';

export type SpecialProblem = { path: string; message: string };

type CategoryRef = { code: string; family: string; levels: readonly string[] };

/**
 * What is wrong with a special award's definition: a level the edition does
 * not have, a source category that is unknown, is itself a special award or
 * does not run at the award's level.
 */
export function specialAwardProblems(input: { level: string; sourceCategoryCodes: readonly string[] }, levels: readonly string[], categories: readonly CategoryRef[]): SpecialProblem[] {
  const problems: SpecialProblem[] = [];
  if (!levels.includes(input.level)) problems.push({ path: 'level', message: `No level ${input.level} in this edition` });
  input.sourceCategoryCodes.forEach((code, i) => {
    const path = `sourceCategoryCodes.${i}`;
    const category = categories.find((c) => c.code === code);
    if (input.sourceCategoryCodes.indexOf(code) !== i) problems.push({ path, message: `Category ${code} is listed twice` });
    else if (!category) problems.push({ path, message: `No category ${code} in this edition` });
    else if (category.family === specialFamily) problems.push({ path, message: `${code} is a special award: entrants come from ordinary categories` });
    else if (!category.levels.includes(input.level)) problems.push({ path, message: `Category ${code} does not run at level ${input.level}` });
  });
  return problems;
}

/** A special award is defined and filled until the edition is published. */
export function specialAwardsEditable(status: EditionStatus): boolean {
  return status === 'draft' || status === 'open' || status === 'assessing';
}

/** A candidacy that might enter: its category, level, status and whether a final result of its pool gives it an award. */
export type Candidacy = { id: string; categoryCode: string; level: string; status: string; finalist: boolean };

/** Whether a candidacy may enter a special award at all: of a source category, at the award's level, verified. */
export function mayEnter(award: { level: string; sourceCategoryCodes: readonly string[] }, c: Candidacy): boolean {
  return c.level === award.level && award.sourceCategoryCodes.includes(c.categoryCode) && c.status === 'verified';
}

/** The candidacies the award's rule enters: every one that may enter, or only the finalists; none for a hand-picked award. */
export function entrantsByRule(award: { level: string; sourceCategoryCodes: readonly string[]; entryRule: EntryRule }, candidacies: readonly Candidacy[]): string[] {
  if (award.entryRule === 'manual') return [];
  return candidacies.filter((c) => mayEnter(award, c) && (award.entryRule === 'verified' || c.finalist)).map((c) => c.id);
}

/**
 * Entrants that would share an id in the scoring package (the same regency
 * or NPP entered from two categories): the package needs one id per
 * candidate, so the second of each is named.
 */
export function clashingEntrants(entrants: readonly { id: string; packageId: string }[]): { id: string; packageId: string }[] {
  const seen = new Set<string>();
  return entrants.filter((e) => {
    if (seen.has(e.packageId)) return true;
    seen.add(e.packageId);
    return false;
  });
}

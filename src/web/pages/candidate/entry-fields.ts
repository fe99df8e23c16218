import type { Answers } from '../../../shared/contracts/index.ts';
import type { FieldErrors } from '../../field-errors.ts';

/** The lists of entries a regional government's self-assessment holds, each entry with its own inputs. */
export const entrySections = ['regulations', 'agreements', 'programs', 'enforcement'] as const;

/** What an entry holds that is not an input of its own (the id the client made, the carried-forward mark). */
const notInputs = new Set(['id', 'carriedForward']);

/**
 * The inputs of every entry shown (`regulations.0.title`, `programs.2.budgetRupiah` …):
 * a refusal of one of them is marked on that input of that entry.
 */
export function entryFields(answers: Answers): string[] {
  if (answers.kind !== 'pemda') return [];
  return entrySections.flatMap((section) =>
    (answers[section] as Record<string, unknown>[]).flatMap((entry, i) => Object.keys(entry).filter((key) => !notInputs.has(key)).map((key) => `${section}.${i}.${key}`)),
  );
}

/**
 * The inputs of entries that the completeness check names as missing (the
 * server's `missing`, paths such as `regulations.0.number`), each with what
 * to say on it: `said(field)` for the field's own words, else "required".
 * Whole lists and single figures stay in the list of what is missing.
 */
export function missingEntryMarks(missing: readonly string[], said: (field: string) => string | undefined, required: string): FieldErrors {
  const out: FieldErrors = {};
  for (const path of missing) {
    const [section, index, field] = path.split('.');
    if (!section || !index || !field || !/^\d+$/.test(index) || !(entrySections as readonly string[]).includes(section)) continue;
    out[path] = said(field) ?? required;
  }
  return out;
}

import type { SignatoryInput } from '../../../shared/contracts/index.ts';

type Row = Pick<SignatoryInput, 'level' | 'area' | 'name' | 'title' | 'handsOver'>;

/** Each row's name and title, by field path (`signatories.<i>.name`), for the required check. */
export function requiredOfSignatories(rows: readonly Row[]): Record<string, string> {
  return Object.fromEntries(rows.flatMap((r, i) => [[`signatories.${i}.name`, r.name] as const, [`signatories.${i}.title`, r.title] as const]));
}

/** The "hands over" boxes (`signatories.<i>.handsOver`) ticked by more than one signatory of the same level and province. */
export function handoverClashes(rows: readonly Row[]): string[] {
  const where = (r: Row) => `${r.level}|${r.area}`;
  const count = new Map<string, number>();
  for (const r of rows) if (r.handsOver) count.set(where(r), (count.get(where(r)) ?? 0) + 1);
  return rows.flatMap((r, i) => (r.handsOver && (count.get(where(r)) ?? 0) > 1 ? [`signatories.${i}.handsOver`] : []));
}

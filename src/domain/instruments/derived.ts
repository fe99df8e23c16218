/**
 * Data values computed from two others when a scoring package is built: a
 * verified fact set against the region's working population from the
 * coverage snapshot. Computed at scoring time, so that the order in which
 * verification and the coverage snapshot arrive does not matter.
 */
import type { DataValue } from '../scoring/index.ts';

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** The values with `budget_per_worker` (Rupiah per working person) and `protected_workforce_pct` added where their inputs exist. */
export function derivedValues(values: Record<string, DataValue | undefined>): Record<string, DataValue | undefined> {
  const workforce = values.working_population;
  if (typeof workforce !== 'number' || workforce <= 0) return values;
  const out = { ...values };
  if (typeof values.budget_realised_rupiah === 'number') out.budget_per_worker = round4(values.budget_realised_rupiah / workforce);
  if (typeof values.people_protected === 'number') out.protected_workforce_pct = round4((values.people_protected / workforce) * 100);
  return out;
}

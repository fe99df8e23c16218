/**
 * The items grouped by a key, in their order: one pass, so a page over the
 * whole edition looks up each candidate's rows in its group instead of
 * filtering every row once per candidate.
 */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

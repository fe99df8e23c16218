import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { healthChecks } from '../schema/index.ts';

/** Writes and commits the health row: fails when the database cannot write. */
export async function writeHealthRow(db: Db): Promise<void> {
  await db
    .insert(healthChecks)
    .values({ id: 1, checkedAt: sql`now()` })
    .onConflictDoUpdate({ target: healthChecks.id, set: { checkedAt: sql`excluded.checked_at` } });
}

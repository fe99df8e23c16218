import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { ceremonyHandovers } from '../schema/index.ts';

export type HandoverRow = typeof ceremonyHandovers.$inferSelect;

export async function findHandover(db: Db, poolId: string): Promise<HandoverRow | null> {
  const [row] = await db.select().from(ceremonyHandovers).where(eq(ceremonyHandovers.poolId, poolId));
  return row ?? null;
}

export async function saveHandover(db: Db, row: typeof ceremonyHandovers.$inferInsert): Promise<HandoverRow> {
  const { poolId: _poolId, ...patch } = row;
  const [saved] = await db.insert(ceremonyHandovers).values(row).onConflictDoUpdate({ target: ceremonyHandovers.poolId, set: patch }).returning();
  return saved!;
}

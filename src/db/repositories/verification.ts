import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { verificationItems } from '../schema/index.ts';

export type VerificationRow = typeof verificationItems.$inferSelect;

export async function itemsOf(db: Db, candidateIds: string[]): Promise<VerificationRow[]> {
  if (candidateIds.length === 0) return [];
  return db.select().from(verificationItems).where(inArray(verificationItems.candidateId, candidateIds));
}

export async function upsertItem(db: Db, row: typeof verificationItems.$inferInsert): Promise<VerificationRow> {
  const [saved] = await db
    .insert(verificationItems)
    .values(row)
    .onConflictDoUpdate({
      target: [verificationItems.candidateId, verificationItems.itemKey],
      set: { status: row.status, comment: row.comment, deadline: row.deadline, decidedBy: row.decidedBy, decidedAt: new Date() },
    })
    .returning();
  return saved!;
}

/** After the candidate resubmits, items it was asked to revise await the verifier again. */
export async function revisionsToPending(db: Db, candidateId: string): Promise<void> {
  await db
    .update(verificationItems)
    .set({ status: 'pending' })
    .where(and(eq(verificationItems.candidateId, candidateId), eq(verificationItems.status, 'revision')));
}

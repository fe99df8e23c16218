import { and, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { invitations, outbox } from '../schema/index.ts';

export type OutboxRow = typeof outbox.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;

export async function queueMessage(db: Db, message: { to: string; subject: string; body: string; provinceCode: string | null }): Promise<OutboxRow> {
  const [row] = await db.insert(outbox).values(message).returning();
  return row!;
}

/** Messages newest first: all of them, or those about the given provinces. */
export async function listOutbox(db: Db, scope: { all: true } | { provinceCodes: string[] }, limit = 200): Promise<OutboxRow[]> {
  const where: SQL | undefined = 'all' in scope ? undefined : scope.provinceCodes.length > 0 ? inArray(outbox.provinceCode, scope.provinceCodes) : sql`false`;
  return db.select().from(outbox).where(where).orderBy(desc(outbox.createdAt)).limit(limit);
}

/**
 * Takes up to `limit` unsent messages for one sender for a few minutes, so
 * that several app servers never send the same message twice at once.
 */
export async function claimPending(db: Db, { limit, maxAttempts, claimMinutes }: { limit: number; maxAttempts: number; claimMinutes: number }): Promise<OutboxRow[]> {
  const pending = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(isNull(outbox.sentAt), lt(outbox.attempts, maxAttempts), or(isNull(outbox.claimedUntil), lt(outbox.claimedUntil, sql`now()`))))
    .orderBy(outbox.createdAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(outbox)
    .set({ claimedUntil: sql`now() + make_interval(mins => ${claimMinutes})`, attempts: sql`${outbox.attempts} + 1` })
    .where(inArray(outbox.id, pending))
    .returning();
}

export async function markSent(db: Db, id: string): Promise<OutboxRow> {
  const [row] = await db.update(outbox).set({ sentAt: new Date(), error: null, claimedUntil: null }).where(eq(outbox.id, id)).returning();
  return row!;
}

/** Records a failed attempt; the message is tried again after `retryMinutes`. */
export async function markFailed(db: Db, id: string, error: string, retryMinutes: number): Promise<OutboxRow> {
  const [row] = await db
    .update(outbox)
    .set({ error: error.slice(0, 2000), claimedUntil: sql`now() + make_interval(mins => ${retryMinutes})` })
    .where(eq(outbox.id, id))
    .returning();
  return row!;
}

export async function insertInvitation(db: Db, values: typeof invitations.$inferInsert): Promise<InvitationRow> {
  const [row] = await db.insert(invitations).values(values).returning();
  return row!;
}

export async function findInvitationByHash(db: Db, tokenHash: string): Promise<InvitationRow | null> {
  const [row] = await db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash)).for('update');
  return row ?? null;
}

export async function markInvitationAccepted(db: Db, id: string): Promise<void> {
  await db.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, id));
}

export async function invitationsOf(db: Db, candidateId: string): Promise<InvitationRow[]> {
  return db.select().from(invitations).where(eq(invitations.candidateId, candidateId)).orderBy(desc(invitations.createdAt));
}

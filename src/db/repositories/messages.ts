import { and, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { invitations, outbox } from '../schema/index.ts';

export type OutboxRow = typeof outbox.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;

export type QueuedMessage = {
  to: string;
  subject: string;
  body: string;
  provinceCode: string | null;
  kind?: string | null;
  event?: string | null;
  userId?: string | null;
  link?: string | null;
};

export async function queueMessage(db: Db, message: QueuedMessage): Promise<OutboxRow> {
  const [row] = await db.insert(outbox).values(message).returning();
  return row!;
}

/** Messages newest first: all of them, or those about the given provinces. */
export async function listOutbox(db: Db, scope: { all: true } | { provinceCodes: string[] }, limit = 200): Promise<OutboxRow[]> {
  const where: SQL | undefined = 'all' in scope ? undefined : scope.provinceCodes.length > 0 ? inArray(outbox.provinceCode, scope.provinceCodes) : sql`false`;
  return db.select().from(outbox).where(where).orderBy(desc(outbox.createdAt)).limit(limit);
}

/**
 * Takes the oldest queued message for one sender and moves it to `sending`
 * under that sender's name, before any SMTP conversation: one message at a
 * time, so a claim never waits behind other sends. `skip locked` keeps two
 * servers from taking the same message.
 */
export async function claimNext(db: Db, { instance, leaseSeconds, maxAttempts }: { instance: string; leaseSeconds: number; maxAttempts: number }): Promise<OutboxRow | null> {
  const next = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, 'queued'), lt(outbox.attempts, maxAttempts), or(isNull(outbox.claimedUntil), lt(outbox.claimedUntil, sql`now()`))))
    .orderBy(outbox.createdAt)
    .limit(1)
    .for('update', { skipLocked: true });
  const [row] = await db
    .update(outbox)
    .set({ status: 'sending', claimedBy: instance, claimedUntil: sql`now() + make_interval(secs => ${leaseSeconds})`, attempts: sql`${outbox.attempts} + 1` })
    .where(inArray(outbox.id, next))
    .returning();
  return row ?? null;
}

/** Records delivery; only the sender that sent it may (also after its claim ran out). */
export async function markSent(db: Db, id: string, instance: string): Promise<OutboxRow | null> {
  const [row] = await db
    .update(outbox)
    .set({ status: 'sent', sentAt: new Date(), error: null, claimedUntil: null })
    .where(and(eq(outbox.id, id), eq(outbox.claimedBy, instance), inArray(outbox.status, ['sending', 'uncertain'])))
    .returning();
  return row ?? null;
}

/** SMTP refused it (nothing was delivered): queued again, tried after `retryMinutes`. */
export async function markRefused(db: Db, id: string, instance: string, error: string, retryMinutes: number): Promise<OutboxRow | null> {
  const [row] = await db
    .update(outbox)
    .set({ status: 'queued', error: error.slice(0, 2000), claimedBy: null, claimedUntil: sql`now() + make_interval(mins => ${retryMinutes})` })
    .where(and(eq(outbox.id, id), eq(outbox.claimedBy, instance), eq(outbox.status, 'sending')))
    .returning();
  return row ?? null;
}

/** It may have been delivered but that could not be recorded: never sent again by itself. */
export async function markUncertain(db: Db, id: string, instance: string, error: string): Promise<OutboxRow | null> {
  const [row] = await db
    .update(outbox)
    .set({ status: 'uncertain', error: error.slice(0, 2000) })
    .where(and(eq(outbox.id, id), eq(outbox.claimedBy, instance), eq(outbox.status, 'sending')))
    .returning();
  return row ?? null;
}

/** Messages whose sender stopped mid-send (its claim ran out): uncertain, for an admin to decide. */
export async function expireSending(db: Db, error: string): Promise<OutboxRow[]> {
  return db
    .update(outbox)
    .set({ status: 'uncertain', error })
    .where(and(eq(outbox.status, 'sending'), lt(outbox.claimedUntil, sql`now()`)))
    .returning();
}

export async function findMessage(db: Db, id: string): Promise<OutboxRow | null> {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id)).for('update');
  return row ?? null;
}

/** An admin's decision on an uncertain message: it was delivered, or it is to be sent again. */
export async function decideUncertain(db: Db, id: string, decision: 'sent' | 'resend'): Promise<OutboxRow | null> {
  const [row] = await db
    .update(outbox)
    .set(
      decision === 'sent'
        ? { status: 'sent', sentAt: new Date(), claimedUntil: null }
        : { status: 'queued', attempts: 0, claimedBy: null, claimedUntil: null },
    )
    .where(and(eq(outbox.id, id), eq(outbox.status, 'uncertain')))
    .returning();
  return row ?? null;
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

/** An admin passed a queued message on by hand (no mail server): it leaves the queue. */
export async function markHanded(db: Db, id: string, userId: string): Promise<OutboxRow | null> {
  const [row] = await db
    .update(outbox)
    .set({ status: 'handed', handedAt: new Date(), handedBy: userId, claimedUntil: null })
    .where(and(eq(outbox.id, id), inArray(outbox.status, ['queued', 'uncertain'])))
    .returning();
  return row ?? null;
}

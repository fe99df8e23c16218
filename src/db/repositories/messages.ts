import { desc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { invitations, outbox } from '../schema/index.ts';

export type OutboxRow = typeof outbox.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;

export async function queueMessage(db: Db, message: { to: string; subject: string; body: string }): Promise<OutboxRow> {
  const [row] = await db.insert(outbox).values(message).returning();
  return row!;
}

export async function listOutbox(db: Db, limit = 200): Promise<OutboxRow[]> {
  return db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(limit);
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

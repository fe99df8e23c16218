import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { staffInvitations } from '../schema/index.ts';

export type StaffInvitationRow = typeof staffInvitations.$inferSelect;

export async function insertStaffInvitation(
  db: Db,
  values: { userId: string; tokenHash: string; createdBy: string | null; expiresAt: Date },
): Promise<StaffInvitationRow> {
  const [row] = await db.insert(staffInvitations).values(values).returning();
  return row!;
}

export async function findStaffInvitation(db: Db, id: string): Promise<StaffInvitationRow | null> {
  const [row] = await db.select().from(staffInvitations).where(eq(staffInvitations.id, id));
  return row ?? null;
}

/** An open (neither accepted nor revoked) invitation by its token's hash, locked for the transaction. */
export async function findOpenStaffInvitationByHash(db: Db, tokenHash: string): Promise<StaffInvitationRow | null> {
  const [row] = await db
    .select()
    .from(staffInvitations)
    .where(and(eq(staffInvitations.tokenHash, tokenHash), isNull(staffInvitations.acceptedAt), isNull(staffInvitations.revokedAt)))
    .for('update');
  return row ?? null;
}

/** Revokes every open invitation of a user (a new one replaces them, or the account is set up otherwise). */
export async function revokeOpenStaffInvitationsOf(db: Db, userId: string, at = new Date()): Promise<void> {
  await db
    .update(staffInvitations)
    .set({ revokedAt: at })
    .where(and(eq(staffInvitations.userId, userId), isNull(staffInvitations.acceptedAt), isNull(staffInvitations.revokedAt)));
}

export async function markStaffInvitationAccepted(db: Db, id: string): Promise<void> {
  await db.update(staffInvitations).set({ acceptedAt: new Date() }).where(eq(staffInvitations.id, id));
}

/** The invitations of these users, newest first. */
export async function staffInvitationsOf(db: Db, userIds: string[]): Promise<StaffInvitationRow[]> {
  if (userIds.length === 0) return [];
  return db.select().from(staffInvitations).where(inArray(staffInvitations.userId, userIds)).orderBy(desc(staffInvitations.createdAt));
}

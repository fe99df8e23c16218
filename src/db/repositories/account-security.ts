import { and, desc, eq, gt, isNotNull, isNull, like, lt, notLike, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { recoveryCodes, securitySettings, sessions, users } from '../schema/index.ts';

/** Whether national and provincial admins must use two-factor (false until the national admin says so). */
export async function twoFactorRequiredForAdmins(db: Db): Promise<boolean> {
  const [row] = await db.select({ required: securitySettings.twoFactorRequiredForAdmins }).from(securitySettings).where(eq(securitySettings.id, 1));
  return row?.required ?? false;
}

export async function setTwoFactorRequiredForAdmins(db: Db, required: boolean): Promise<void> {
  await db
    .insert(securitySettings)
    .values({ id: 1, twoFactorRequiredForAdmins: required, updatedAt: new Date() })
    .onConflictDoUpdate({ target: securitySettings.id, set: { twoFactorRequiredForAdmins: required, updatedAt: new Date() } });
}

/**
 * Records that the code of `step` was used, only when no code of that step or
 * a later one was accepted before (one statement: two requests racing with the
 * same code cannot both win). False when it would be a replay.
 */
export async function claimTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length === 1;
}

export async function setPendingTotpSecret(db: Db, userId: string, secret: string | null): Promise<void> {
  await db.update(users).set({ totpPendingSecret: secret }).where(eq(users.id, userId));
}

export async function enableTotp(db: Db, userId: string, secret: string, step: number): Promise<void> {
  await db.update(users).set({ totpSecret: secret, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step }).where(eq(users.id, userId));
}

/** Up to `limit` sealed two-factor secrets (those switched on, newest first, else offered ones) with their users. */
export async function someSealedTotpSecrets(db: Db, limit: number): Promise<{ userId: string; sealed: string }[]> {
  const on = await db
    .select({ userId: users.id, sealed: users.totpSecret })
    .from(users)
    .where(like(users.totpSecret, 'v1:%'))
    .orderBy(desc(users.totpEnabledAt))
    .limit(limit);
  const found = on.flatMap((r) => (r.sealed ? [{ userId: r.userId, sealed: r.sealed }] : []));
  if (found.length > 0) return found;
  const offered = await db.select({ userId: users.id, sealed: users.totpPendingSecret }).from(users).where(like(users.totpPendingSecret, 'v1:%')).limit(limit);
  return offered.flatMap((r) => (r.sealed ? [{ userId: r.userId, sealed: r.sealed }] : []));
}

/** Users with a two-factor secret (on, or offered) stored before secrets were sealed: not starting with `v1:`. */
export async function plainTotpSecrets(db: Db): Promise<{ id: string; totpSecret: string | null; totpPendingSecret: string | null }[]> {
  return db
    .select({ id: users.id, totpSecret: users.totpSecret, totpPendingSecret: users.totpPendingSecret })
    .from(users)
    .where(or(and(isNotNull(users.totpSecret), notLike(users.totpSecret, 'v1:%')), and(isNotNull(users.totpPendingSecret), notLike(users.totpPendingSecret, 'v1:%'))));
}

/** Replaces a user's stored secrets with their sealed form, only if they are still what was read (false when they changed meanwhile). */
export async function replaceTotpSecrets(
  db: Db,
  userId: string,
  read: { totpSecret: string | null; totpPendingSecret: string | null },
  sealed: { totpSecret: string | null; totpPendingSecret: string | null },
): Promise<boolean> {
  const same = (column: typeof users.totpSecret | typeof users.totpPendingSecret, value: string | null) => (value === null ? isNull(column) : eq(column, value));
  const rows = await db
    .update(users)
    .set(sealed)
    .where(and(eq(users.id, userId), same(users.totpSecret, read.totpSecret), same(users.totpPendingSecret, read.totpPendingSecret)))
    .returning({ id: users.id });
  return rows.length === 1;
}

export async function disableTotp(db: Db, userId: string): Promise<void> {
  await db.update(users).set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null }).where(eq(users.id, userId));
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

/** Replaces every recovery code of a user with these (hashed). */
export async function replaceRecoveryCodes(db: Db, userId: string, hashes: string[]): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  if (hashes.length > 0) await db.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
}

/** Marks an unused recovery code used; false when there is none with that hash. */
export async function useRecoveryCode(db: Db, userId: string, codeHash: string): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return rows.length === 1;
}

export async function unusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}

export type SessionRow = typeof sessions.$inferSelect;

/** The user's live sessions (signed in fully), the most recently used first. */
export async function activeSessionsOf(db: Db, userId: string): Promise<SessionRow[]> {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.secondFactorPending, false), gt(sessions.expiresAt, new Date())))
    .orderBy(desc(sessions.lastSeenAt));
}

/** Ends one session of the user; false when the user has no such session. */
export async function deleteSessionOf(db: Db, userId: string, sessionId: string): Promise<boolean> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.id, sessionId)))
    .returning({ id: sessions.id });
  return rows.length === 1;
}

/** Notes that the session was used, at most once a minute. */
export async function touchSession(db: Db, sessionId: string): Promise<void> {
  await db
    .update(sessions)
    .set({ lastSeenAt: new Date() })
    .where(and(eq(sessions.id, sessionId), lt(sessions.lastSeenAt, new Date(Date.now() - 60_000))));
}

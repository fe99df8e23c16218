import { and, asc, eq, gt, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { candidates, passwordResets, sessions, userRoles, users } from '../schema/index.ts';

export type RoleRow = {
  role: 'national_admin' | 'provincial_admin' | 'verifier' | 'national_verifier' | 'juror' | 'candidate' | 'observer';
  provinceCode: string | null;
  candidateId: string | null;
  regencyCodes?: string[] | null | undefined;
  organisation?: 'kemenko_pmk' | 'kemnaker' | 'kemendagri' | 'bpjs_ketenagakerjaan' | 'other' | null | undefined;
};
export type UserRow = typeof users.$inferSelect;
/** A user without its secrets (password hash, two-factor secrets). */
export type PublicUserRow = Omit<UserRow, 'passwordHash' | 'totpSecret' | 'totpPendingSecret'>;
export type UserWithRoles = PublicUserRow & { roles: RoleRow[] };

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row ?? null;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

/** Users by id, without their password hashes. */
export async function usersByIds(db: Db, ids: string[]): Promise<PublicUserRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.select().from(users).where(inArray(users.id, ids));
  return rows.map(withoutHash);
}

export async function rolesOf(db: Db, userIds: string[]): Promise<Map<string, RoleRow[]>> {
  const map = new Map<string, RoleRow[]>();
  if (userIds.length === 0) return map;
  const rows = await db
    .select({ userId: userRoles.userId, role: userRoles.role, provinceCode: userRoles.provinceCode, candidateId: userRoles.candidateId, regencyCodes: userRoles.regencyCodes, organisation: userRoles.organisation })
    .from(userRoles)
    .where(inArray(userRoles.userId, userIds))
    .orderBy(asc(userRoles.role), asc(userRoles.provinceCode));
  for (const { userId, regencyCodes, organisation, ...role } of rows) {
    const list = map.get(userId) ?? [];
    // Only a verifier limited to some regencies carries them, only an observer its organisation; every other grant looks as it always did.
    list.push({ ...role, ...(regencyCodes == null ? {} : { regencyCodes }), ...(organisation == null ? {} : { organisation }) });
    map.set(userId, list);
  }
  return map;
}

function withoutHash({ passwordHash: _, totpSecret: _secret, totpPendingSecret: _pending, ...rest }: UserRow): PublicUserRow {
  return rest;
}

export async function listUsers(db: Db): Promise<UserWithRoles[]> {
  const rows = await db.select().from(users).orderBy(asc(users.email));
  const roles = await rolesOf(
    db,
    rows.map((u) => u.id),
  );
  return rows.map((u) => ({ ...withoutHash(u), roles: roles.get(u.id) ?? [] }));
}

export async function getUserWithRoles(db: Db, id: string): Promise<UserWithRoles | null> {
  const user = await findUserById(db, id);
  if (!user) return null;
  const roles = await rolesOf(db, [id]);
  return { ...withoutHash(user), roles: roles.get(id) ?? [] };
}

export async function insertUser(
  db: Db,
  input: { email: string; name: string; passwordHash: string; locale: 'id' | 'en'; roles: RoleRow[] },
): Promise<string> {
  const [row] = await db
    .insert(users)
    .values({ email: input.email.toLowerCase(), name: input.name, passwordHash: input.passwordHash, locale: input.locale })
    .returning({ id: users.id });
  await replaceRoles(db, row!.id, input.roles);
  return row!.id;
}

export async function replaceRoles(db: Db, userId: string, roles: RoleRow[]): Promise<void> {
  await db.delete(userRoles).where(eq(userRoles.userId, userId));
  if (roles.length > 0) await db.insert(userRoles).values(roles.map((r) => ({ role: r.role, provinceCode: r.provinceCode, candidateId: r.candidateId, regencyCodes: r.regencyCodes ?? null, organisation: r.organisation ?? null, userId })));
}

export async function updateUser(
  db: Db,
  id: string,
  patch: Partial<Pick<UserRow, 'name' | 'active' | 'locale' | 'passwordHash' | 'failedLogins' | 'lockedUntil' | 'lockouts'>>,
): Promise<void> {
  await db.update(users).set(patch).where(eq(users.id, id));
}

/**
 * Counts a failed log-in. A lock that has run out is forgotten first (the count
 * starts again at one); the `lockAfter`-th failure in a row locks the account
 * for `lockMinutes` doubled for every earlier lock since the last success,
 * at most `maxLockMinutes`.
 */
export async function recordFailedLogin(
  db: Db,
  id: string,
  { lockAfter, lockMinutes, maxLockMinutes }: { lockAfter: number; lockMinutes: number; maxLockMinutes: number },
): Promise<UserRow> {
  const expired = sql`(${users.lockedUntil} is not null and ${users.lockedUntil} <= now())`;
  const count = sql`(case when ${expired} then 0 else ${users.failedLogins} end + 1)`;
  const minutes = sql`least(${maxLockMinutes}::float8, ${lockMinutes}::float8 * power(2::float8, least(${users.lockouts}, 30)))`;
  const [row] = await db
    .update(users)
    .set({
      failedLogins: count,
      lockedUntil: sql`case when ${count} >= ${lockAfter} then now() + make_interval(mins => ${minutes}::int) when ${expired} then null else ${users.lockedUntil} end`,
      lockouts: sql`case when ${count} >= ${lockAfter} then ${users.lockouts} + 1 else ${users.lockouts} end`,
    })
    .where(eq(users.id, id))
    .returning();
  return row!;
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

export async function insertSession(
  db: Db,
  session: { id: string; userId: string; csrfToken: string; expiresAt: Date; secondFactorPending?: boolean; userAgent?: string | null; ip?: string | null },
) {
  await db.insert(sessions).values(session);
}

export async function findSession(db: Db, id: string) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, new Date())));
  return row ?? null;
}

export async function deleteSession(db: Db, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteSessionsOf(db: Db, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function purgeExpiredSessions(db: Db) {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}

/** Ends every session of a user but the one given (after a password change). */
export async function deleteOtherSessionsOf(db: Db, userId: string, keepSessionId: string) {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)));
}

export type PasswordResetRow = typeof passwordResets.$inferSelect;

export async function insertPasswordReset(db: Db, values: { userId: string; tokenHash: string; expiresAt: Date }): Promise<PasswordResetRow> {
  const [row] = await db.insert(passwordResets).values(values).returning();
  return row!;
}

/** An unused reset by its token's hash, locked for the transaction. */
export async function findPasswordResetByHash(db: Db, tokenHash: string): Promise<PasswordResetRow | null> {
  const [row] = await db
    .select()
    .from(passwordResets)
    .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt)))
    .for('update');
  return row ?? null;
}

/** Marks every open reset of a user used: one link works, and once. */
export async function closePasswordResetsOf(db: Db, userId: string): Promise<void> {
  await db.update(passwordResets).set({ usedAt: new Date() }).where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}

/** The province of each candidacy a candidate user's role names (the account rules scope those users by it). */
export async function candidateProvinces(db: Db, candidateIds: string[]): Promise<Map<string, string>> {
  if (candidateIds.length === 0) return new Map();
  const rows = await db.select({ id: candidates.id, provinceCode: candidates.provinceCode }).from(candidates).where(inArray(candidates.id, candidateIds));
  return new Map(rows.map((r) => [r.id, r.provinceCode]));
}

/** The accounts among these e-mails (lower case), by e-mail. */
export async function usersByEmails(db: Db, emails: string[]): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const rows = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
  return new Map(rows.map((r) => [r.email, r.id]));
}

import { and, asc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { sessions, userRoles, users } from '../schema/index.ts';

export type RoleRow = {
  role: 'national_admin' | 'provincial_admin' | 'verifier' | 'juror' | 'candidate';
  provinceCode: string | null;
  candidateId: string | null;
};
export type UserRow = typeof users.$inferSelect;
export type UserWithRoles = Omit<UserRow, 'passwordHash'> & { roles: RoleRow[] };

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row ?? null;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function rolesOf(db: Db, userIds: string[]): Promise<Map<string, RoleRow[]>> {
  const map = new Map<string, RoleRow[]>();
  if (userIds.length === 0) return map;
  const rows = await db
    .select({ userId: userRoles.userId, role: userRoles.role, provinceCode: userRoles.provinceCode, candidateId: userRoles.candidateId })
    .from(userRoles)
    .where(inArray(userRoles.userId, userIds))
    .orderBy(asc(userRoles.role), asc(userRoles.provinceCode));
  for (const { userId, ...role } of rows) {
    const list = map.get(userId) ?? [];
    list.push(role);
    map.set(userId, list);
  }
  return map;
}

function withoutHash({ passwordHash: _, ...rest }: UserRow): Omit<UserRow, 'passwordHash'> {
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
  if (roles.length > 0) await db.insert(userRoles).values(roles.map((r) => ({ ...r, userId })));
}

export async function updateUser(
  db: Db,
  id: string,
  patch: Partial<Pick<UserRow, 'name' | 'active' | 'locale' | 'passwordHash' | 'failedLogins' | 'lockedUntil'>>,
): Promise<void> {
  await db.update(users).set(patch).where(eq(users.id, id));
}

export async function recordFailedLogin(db: Db, id: string, lockAfter: number, lockMinutes: number): Promise<UserRow> {
  const [row] = await db
    .update(users)
    .set({
      failedLogins: sql`${users.failedLogins} + 1`,
      lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${lockAfter} then now() + make_interval(mins => ${lockMinutes}) else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, id))
    .returning();
  return row!;
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

export async function insertSession(db: Db, session: { id: string; userId: string; csrfToken: string; expiresAt: Date }) {
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

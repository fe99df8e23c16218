import { and, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { candidates, digestKeys, eligibilityNotices, editions, pools, notificationPreferences, notifications, notificationTemplates, reminderKeys, submissions, userRoles, users, verificationItems } from '../schema/index.ts';

export type NotificationRow = typeof notifications.$inferSelect;
export type TemplateRow = typeof notificationTemplates.$inferSelect;
export type PreferenceRow = typeof notificationPreferences.$inferSelect;
export type Recipient = { id: string; email: string; name: string; locale: string };

type RoleName = 'national_admin' | 'provincial_admin' | 'verifier' | 'juror' | 'candidate';

/** Active users holding one of the roles, optionally in a province or for a candidate. */
export async function usersWithRole(db: Db, roles: RoleName[], where: { provinceCode?: string; candidateId?: string } = {}): Promise<Recipient[]> {
  const conditions: SQL[] = [inArray(userRoles.role, roles), eq(users.active, true)];
  if (where.provinceCode !== undefined) conditions.push(eq(userRoles.provinceCode, where.provinceCode));
  if (where.candidateId !== undefined) conditions.push(eq(userRoles.candidateId, where.candidateId));
  return db
    .selectDistinct({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(...conditions));
}

export async function usersById(db: Db, ids: string[]): Promise<Recipient[]> {
  if (ids.length === 0) return [];
  return db.select({ id: users.id, email: users.email, name: users.name, locale: users.locale }).from(users).where(and(inArray(users.id, ids), eq(users.active, true)));
}

export async function insertNotification(db: Db, values: typeof notifications.$inferInsert): Promise<NotificationRow> {
  const [row] = await db.insert(notifications).values(values).returning();
  return row!;
}

export async function listNotifications(db: Db, userId: string, limit = 100): Promise<NotificationRow[]> {
  return db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.createdAt)).limit(limit);
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks one of the user's notifications read; null when it is not theirs. */
export async function markRead(db: Db, userId: string, id: string): Promise<NotificationRow | null> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  return row ?? null;
}

export async function markAllRead(db: Db, userId: string): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** Notifications of a user created in [from, to). */
export async function notificationsBetween(db: Db, userId: string, from: Date, to: Date): Promise<NotificationRow[]> {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), sql`${notifications.createdAt} >= ${from.toISOString()}`, sql`${notifications.createdAt} < ${to.toISOString()}`))
    .orderBy(notifications.createdAt);
}

export async function preferencesOf(db: Db, userIds: string[]): Promise<Map<string, PreferenceRow>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.select().from(notificationPreferences).where(inArray(notificationPreferences.userId, userIds));
  return new Map(rows.map((r) => [r.userId, r]));
}

export async function savePreferences(db: Db, userId: string, values: { reminderEmails: boolean; dailyDigest: boolean }): Promise<PreferenceRow> {
  const [row] = await db
    .insert(notificationPreferences)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: { ...values, updatedAt: sql`now()` } })
    .returning();
  return row!;
}

export async function digestSubscribers(db: Db): Promise<Recipient[]> {
  return db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(notificationPreferences)
    .innerJoin(users, eq(users.id, notificationPreferences.userId))
    .where(and(eq(notificationPreferences.dailyDigest, true), eq(users.active, true)));
}

/** Claims a reminder key; false when it was given already (here or on another server). */
export async function claimReminder(db: Db, key: { userId: string; subject: string; deadline: string; offsetDays: number }): Promise<boolean> {
  const rows = await db.insert(reminderKeys).values(key).onConflictDoNothing().returning({ userId: reminderKeys.userId });
  return rows.length > 0;
}

/** Claims the notice of a refusal as ineligible; false when this refusal was told already. */
export async function claimEligibilityNotice(db: Db, key: { candidateId: string; failuresKey: string; failures: unknown }): Promise<boolean> {
  const rows = await db.insert(eligibilityNotices).values(key).onConflictDoNothing().returning({ candidateId: eligibilityNotices.candidateId });
  return rows.length > 0;
}

/** Claims the day's digest for a user; false when it was given already. */
export async function claimDigest(db: Db, userId: string, day: string): Promise<boolean> {
  const rows = await db.insert(digestKeys).values({ userId, day }).onConflictDoNothing().returning({ userId: digestKeys.userId });
  return rows.length > 0;
}

export async function storedTemplates(db: Db): Promise<TemplateRow[]> {
  return db.select().from(notificationTemplates);
}

export async function storedTemplate(db: Db, kind: string, locale: 'id' | 'en'): Promise<TemplateRow | null> {
  const [row] = await db
    .select()
    .from(notificationTemplates)
    .where(and(eq(notificationTemplates.kind, kind), eq(notificationTemplates.locale, locale)));
  return row ?? null;
}

export async function saveTemplate(db: Db, values: { kind: string; locale: 'id' | 'en'; subject: string; body: string; updatedBy: string | null }): Promise<TemplateRow> {
  const [row] = await db
    .insert(notificationTemplates)
    .values(values)
    .onConflictDoUpdate({
      target: [notificationTemplates.kind, notificationTemplates.locale],
      set: { subject: values.subject, body: values.body, updatedBy: values.updatedBy, updatedAt: sql`now()` },
    })
    .returning();
  return row!;
}

export async function deleteTemplate(db: Db, kind: string, locale: 'id' | 'en'): Promise<TemplateRow | null> {
  const [row] = await db
    .delete(notificationTemplates)
    .where(and(eq(notificationTemplates.kind, kind), eq(notificationTemplates.locale, locale)))
    .returning();
  return row ?? null;
}

/** Candidates of open editions that have not submitted their self-assessment (none, or a draft). */
export async function unsubmittedCandidates(db: Db): Promise<(typeof candidates.$inferSelect)[]> {
  const rows = await db
    .select({ c: candidates })
    .from(candidates)
    .innerJoin(editions, eq(editions.id, candidates.editionId))
    .leftJoin(submissions, eq(submissions.candidateId, candidates.id))
    .where(and(eq(editions.status, 'open'), inArray(candidates.status, ['nominated', 'accepted']), or(isNull(submissions.candidateId), eq(submissions.status, 'draft'))));
  return rows.map((r) => r.c);
}

/** Candidates asked for a revision they have not sent yet, with the earliest deadline of their items. */
export async function pendingRevisions(db: Db): Promise<{ candidate: typeof candidates.$inferSelect; deadline: string }[]> {
  const rows = await db
    .select({ c: candidates, deadline: sql<string>`min(${verificationItems.deadline})::text` })
    .from(verificationItems)
    .innerJoin(submissions, eq(submissions.candidateId, verificationItems.candidateId))
    .innerJoin(candidates, eq(candidates.id, verificationItems.candidateId))
    .where(and(eq(verificationItems.status, 'revision'), isNotNull(verificationItems.deadline), eq(submissions.status, 'reopened')))
    .groupBy(candidates.id);
  return rows.map((r) => ({ candidate: r.c, deadline: r.deadline }));
}

export async function poolsInMarking(db: Db): Promise<(typeof pools.$inferSelect)[]> {
  return db.select().from(pools).where(eq(pools.status, 'marking'));
}

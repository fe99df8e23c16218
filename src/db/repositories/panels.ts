import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { conflicts, jurorProfiles, panelMembers, panels, users } from '../schema/index.ts';

export type PanelRow = typeof panels.$inferSelect;
export type PanelMemberRow = typeof panelMembers.$inferSelect;
export type ConflictRow = typeof conflicts.$inferSelect;
export type JurorProfileRow = typeof jurorProfiles.$inferSelect;
export type MemberWithUser = PanelMemberRow & { name: string; email: string };

export async function listPanels(db: Db, editionId: string): Promise<PanelRow[]> {
  return db.select().from(panels).where(eq(panels.editionId, editionId)).orderBy(asc(panels.level), asc(panels.area), asc(panels.name));
}

export async function findPanel(db: Db, id: string): Promise<PanelRow | null> {
  const [row] = await db.select().from(panels).where(eq(panels.id, id));
  return row ?? null;
}

export async function insertPanel(db: Db, values: typeof panels.$inferInsert): Promise<PanelRow> {
  const [row] = await db.insert(panels).values(values).returning();
  return row!;
}

export async function updatePanel(db: Db, id: string, patch: Partial<typeof panels.$inferInsert>): Promise<PanelRow> {
  const [row] = await db.update(panels).set(patch).where(eq(panels.id, id)).returning();
  return row!;
}

export async function deletePanel(db: Db, id: string): Promise<void> {
  await db.delete(panels).where(eq(panels.id, id));
}

export async function membersOf(db: Db, panelIds: string[]): Promise<MemberWithUser[]> {
  if (panelIds.length === 0) return [];
  const rows = await db
    .select({ member: panelMembers, name: users.name, email: users.email })
    .from(panelMembers)
    .innerJoin(users, eq(users.id, panelMembers.userId))
    .where(inArray(panelMembers.panelId, panelIds))
    .orderBy(asc(panelMembers.role), asc(users.name));
  return rows.map((r) => ({ ...r.member, name: r.name, email: r.email }));
}

export async function replaceMembers(db: Db, panelId: string, members: (typeof panelMembers.$inferInsert)[]): Promise<void> {
  await db.delete(panelMembers).where(eq(panelMembers.panelId, panelId));
  if (members.length > 0) await db.insert(panelMembers).values(members);
}

/** Users who sit on a panel of one of the given provinces (in any edition). */
export async function membersInAreas(db: Db, areas: string[]): Promise<string[]> {
  if (areas.length === 0) return [];
  const rows = await db
    .selectDistinct({ userId: panelMembers.userId })
    .from(panelMembers)
    .innerJoin(panels, eq(panels.id, panelMembers.panelId))
    .where(inArray(panels.area, areas));
  return rows.map((r) => r.userId);
}

/** The panels a user sits on, with their seat. */
export async function seatsOf(db: Db, userId: string): Promise<(PanelMemberRow & { panel: PanelRow })[]> {
  const rows = await db.select({ member: panelMembers, panel: panels }).from(panelMembers).innerJoin(panels, eq(panels.id, panelMembers.panelId)).where(eq(panelMembers.userId, userId));
  return rows.map((r) => ({ ...r.member, panel: r.panel }));
}

export async function profilesOf(db: Db, userIds: string[]): Promise<JurorProfileRow[]> {
  if (userIds.length === 0) return [];
  return db.select().from(jurorProfiles).where(inArray(jurorProfiles.userId, userIds));
}

export async function upsertProfile(db: Db, values: typeof jurorProfiles.$inferInsert): Promise<JurorProfileRow> {
  const [row] = await db
    .insert(jurorProfiles)
    .values(values)
    .onConflictDoUpdate({ target: jurorProfiles.userId, set: { institution: values.institution, ties: values.ties, updatedAt: new Date() } })
    .returning();
  return row!;
}

export async function conflictsOf(db: Db, candidateIds: string[]): Promise<ConflictRow[]> {
  if (candidateIds.length === 0) return [];
  return db.select().from(conflicts).where(inArray(conflicts.candidateId, candidateIds)).orderBy(asc(conflicts.createdAt));
}

/** Conflicts that keep a juror away from a candidate: all but the dismissed ones. */
export async function activeConflictsOf(db: Db, candidateIds: string[]): Promise<ConflictRow[]> {
  if (candidateIds.length === 0) return [];
  return db
    .select()
    .from(conflicts)
    .where(and(inArray(conflicts.candidateId, candidateIds), ne(conflicts.status, 'dismissed')));
}

export async function findConflict(db: Db, id: string): Promise<ConflictRow | null> {
  const [row] = await db.select().from(conflicts).where(eq(conflicts.id, id));
  return row ?? null;
}

/** Inserts a conflict unless the same juror, candidate and source already have one. */
export async function insertConflict(db: Db, values: typeof conflicts.$inferInsert): Promise<ConflictRow | null> {
  const [row] = await db.insert(conflicts).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateConflict(db: Db, id: string, patch: Partial<typeof conflicts.$inferInsert>): Promise<ConflictRow> {
  const [row] = await db.update(conflicts).set(patch).where(eq(conflicts.id, id)).returning();
  return row!;
}

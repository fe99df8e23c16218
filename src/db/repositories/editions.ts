import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { candidates, editionCategories, editionEvents, editionLevels, editionMilestones, editions } from '../schema/index.ts';

export type EditionRow = typeof editions.$inferSelect;
export type CategoryRow = typeof editionCategories.$inferSelect;
export type LevelRow = typeof editionLevels.$inferSelect;
export type MilestoneRow = typeof editionMilestones.$inferSelect;
export type EventRow = typeof editionEvents.$inferSelect;

export async function listEditions(db: Db) {
  const counts = db
    .select({ editionId: editionCategories.editionId, n: sql<number>`count(*)::int`.as('n') })
    .from(editionCategories)
    .groupBy(editionCategories.editionId)
    .as('counts');
  const rows = await db
    .select({ edition: editions, categoryCount: sql<number>`coalesce(${counts.n}, 0)::int` })
    .from(editions)
    .leftJoin(counts, eq(counts.editionId, editions.id))
    .orderBy(desc(editions.periodStart), asc(editions.label));
  return rows.map((r) => ({ ...r.edition, categoryCount: r.categoryCount }));
}

export async function findEdition(db: Db, id: string): Promise<EditionRow | null> {
  const [row] = await db.select().from(editions).where(eq(editions.id, id));
  return row ?? null;
}

/** Locks the edition's row for the rest of the transaction (status checks). */
export async function lockEdition(db: Db, id: string): Promise<EditionRow | null> {
  const [row] = await db.select().from(editions).where(eq(editions.id, id)).for('update');
  return row ?? null;
}

export async function insertEdition(db: Db, values: typeof editions.$inferInsert): Promise<EditionRow> {
  const [row] = await db.insert(editions).values(values).returning();
  return row!;
}

export async function updateEdition(db: Db, id: string, patch: Partial<typeof editions.$inferInsert>): Promise<EditionRow> {
  const [row] = await db
    .update(editions)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(editions.id, id))
    .returning();
  return row!;
}

export async function listCategories(db: Db, editionId: string): Promise<CategoryRow[]> {
  return db.select().from(editionCategories).where(eq(editionCategories.editionId, editionId)).orderBy(asc(editionCategories.code));
}

export async function findCategory(db: Db, editionId: string, id: string): Promise<CategoryRow | null> {
  const [row] = await db
    .select()
    .from(editionCategories)
    .where(and(eq(editionCategories.editionId, editionId), eq(editionCategories.id, id)));
  return row ?? null;
}

export async function findCategoryByCode(db: Db, editionId: string, code: string): Promise<CategoryRow | null> {
  const [row] = await db
    .select()
    .from(editionCategories)
    .where(and(eq(editionCategories.editionId, editionId), eq(editionCategories.code, code)));
  return row ?? null;
}

export async function insertCategory(db: Db, values: typeof editionCategories.$inferInsert): Promise<CategoryRow> {
  const [row] = await db.insert(editionCategories).values(values).returning();
  return row!;
}

export async function updateCategory(db: Db, id: string, patch: Partial<typeof editionCategories.$inferInsert>): Promise<CategoryRow> {
  const [row] = await db.update(editionCategories).set(patch).where(eq(editionCategories.id, id)).returning();
  return row!;
}

export async function deleteCategory(db: Db, id: string): Promise<void> {
  await db.delete(editionCategories).where(eq(editionCategories.id, id));
}

export async function listLevels(db: Db, editionId: string): Promise<LevelRow[]> {
  return db.select().from(editionLevels).where(eq(editionLevels.editionId, editionId)).orderBy(asc(editionLevels.kind), asc(editionLevels.code));
}

export async function findLevel(db: Db, editionId: string, id: string): Promise<LevelRow | null> {
  const [row] = await db
    .select()
    .from(editionLevels)
    .where(and(eq(editionLevels.editionId, editionId), eq(editionLevels.id, id)));
  return row ?? null;
}

export async function insertLevel(db: Db, values: typeof editionLevels.$inferInsert): Promise<LevelRow> {
  const [row] = await db.insert(editionLevels).values(values).returning();
  return row!;
}

export async function updateLevel(db: Db, id: string, patch: Partial<typeof editionLevels.$inferInsert>): Promise<LevelRow> {
  const [row] = await db.update(editionLevels).set(patch).where(eq(editionLevels.id, id)).returning();
  return row!;
}

export async function deleteLevel(db: Db, id: string): Promise<void> {
  await db.delete(editionLevels).where(eq(editionLevels.id, id));
}

export async function listMilestones(db: Db, editionId: string): Promise<MilestoneRow[]> {
  return db.select().from(editionMilestones).where(eq(editionMilestones.editionId, editionId)).orderBy(asc(editionMilestones.startsOn));
}

export async function replaceMilestones(
  db: Db,
  editionId: string,
  milestones: { kind: string; startsOn: string; endsOn: string | null; place: string | null }[],
): Promise<void> {
  await db.delete(editionMilestones).where(eq(editionMilestones.editionId, editionId));
  if (milestones.length > 0) await db.insert(editionMilestones).values(milestones.map((m) => ({ ...m, editionId })));
}

export async function listEvents(db: Db, editionId: string): Promise<EventRow[]> {
  return db
    .select()
    .from(editionEvents)
    .where(eq(editionEvents.editionId, editionId))
    .orderBy(asc(editionEvents.heldOn), asc(editionEvents.provinceCode));
}

export async function findEvent(db: Db, editionId: string, id: string): Promise<EventRow | null> {
  const [row] = await db
    .select()
    .from(editionEvents)
    .where(and(eq(editionEvents.editionId, editionId), eq(editionEvents.id, id)));
  return row ?? null;
}

export async function insertEvent(db: Db, values: typeof editionEvents.$inferInsert): Promise<EventRow> {
  const [row] = await db.insert(editionEvents).values(values).returning();
  return row!;
}

export async function updateEvent(db: Db, id: string, patch: Partial<typeof editionEvents.$inferInsert>): Promise<EventRow> {
  const [row] = await db.update(editionEvents).set(patch).where(eq(editionEvents.id, id)).returning();
  return row!;
}

export async function deleteEvent(db: Db, id: string): Promise<void> {
  await db.delete(editionEvents).where(eq(editionEvents.id, id));
}

export async function countCandidatesInCategory(db: Db, categoryId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(candidates).where(eq(candidates.categoryId, categoryId));
  return row?.n ?? 0;
}

import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { candidates, editionCategories, pools, specialAwardEntries, specialAwards } from '../schema/index.ts';

export type SpecialAwardRow = typeof specialAwards.$inferSelect;
export type SpecialEntryRow = typeof specialAwardEntries.$inferSelect;

export async function listSpecialAwards(db: Db, editionId: string): Promise<SpecialAwardRow[]> {
  return db.select().from(specialAwards).where(eq(specialAwards.editionId, editionId));
}

export async function findSpecialAward(db: Db, editionId: string, id: string, forUpdate = false): Promise<SpecialAwardRow | null> {
  const query = db
    .select()
    .from(specialAwards)
    .where(and(eq(specialAwards.editionId, editionId), eq(specialAwards.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** The special award whose own category is `categoryId`, if it is one. */
export async function specialAwardOfCategory(db: Db, categoryId: string): Promise<SpecialAwardRow | null> {
  const [row] = await db.select().from(specialAwards).where(eq(specialAwards.categoryId, categoryId));
  return row ?? null;
}

export async function insertSpecialAward(db: Db, values: typeof specialAwards.$inferInsert): Promise<SpecialAwardRow> {
  const [row] = await db.insert(specialAwards).values(values).returning();
  return row!;
}

export async function updateSpecialAward(db: Db, id: string, patch: Partial<typeof specialAwards.$inferInsert>): Promise<SpecialAwardRow> {
  const [row] = await db
    .update(specialAwards)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(specialAwards.id, id))
    .returning();
  return row!;
}

export async function deleteSpecialAward(db: Db, id: string): Promise<void> {
  await db.delete(specialAwards).where(eq(specialAwards.id, id));
}

/** The entries of an award with their candidacies and categories, by name. */
export async function entriesOf(db: Db, awardId: string) {
  return db
    .select({ entry: specialAwardEntries, candidate: candidates, category: { code: editionCategories.code, nameId: editionCategories.nameId, nameEn: editionCategories.nameEn } })
    .from(specialAwardEntries)
    .innerJoin(candidates, eq(candidates.id, specialAwardEntries.candidateId))
    .innerJoin(editionCategories, eq(editionCategories.id, candidates.categoryId))
    .where(eq(specialAwardEntries.awardId, awardId))
    .orderBy(asc(candidates.name));
}

/** Every candidacy of the categories at a level, whatever its status, with its category. */
export async function candidaciesOf(db: Db, editionId: string, level: string, categoryIds: string[]) {
  if (categoryIds.length === 0) return [];
  return db
    .select({ candidate: candidates, category: { code: editionCategories.code, nameId: editionCategories.nameId, nameEn: editionCategories.nameEn } })
    .from(candidates)
    .innerJoin(editionCategories, eq(editionCategories.id, candidates.categoryId))
    .where(and(eq(candidates.editionId, editionId), eq(candidates.level, level), inArray(candidates.categoryId, categoryIds)))
    .orderBy(asc(candidates.name));
}

export async function insertEntries(db: Db, rows: (typeof specialAwardEntries.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(specialAwardEntries).values(rows).onConflictDoNothing();
}

export async function deleteEntries(db: Db, awardId: string, candidateIds: string[]): Promise<void> {
  if (candidateIds.length > 0) await db.delete(specialAwardEntries).where(and(eq(specialAwardEntries.awardId, awardId), inArray(specialAwardEntries.candidateId, candidateIds)));
}

/** The pools of a category (for a special award: one per area of its level). */
export async function poolsOfCategory(db: Db, categoryId: string) {
  return db.select().from(pools).where(eq(pools.categoryId, categoryId));
}

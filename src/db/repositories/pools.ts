import { and, asc, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { assignments, candidates, editionLevels, interviewSlots, markSheets, marks, poolResults, pools, specialAwardEntries, specialAwards } from '../schema/index.ts';

export type PoolRow = typeof pools.$inferSelect;
export type AssignmentRow = typeof assignments.$inferSelect;
export type MarkRow = typeof marks.$inferSelect;
export type SheetRow = typeof markSheets.$inferSelect;
export type SlotRow = typeof interviewSlots.$inferSelect;
export type ResultRow = typeof poolResults.$inferSelect;

export async function listPools(db: Db, editionId: string): Promise<PoolRow[]> {
  return db.select().from(pools).where(eq(pools.editionId, editionId)).orderBy(asc(pools.level), asc(pools.area));
}

export async function poolsOfPanels(db: Db, panelIds: string[]): Promise<PoolRow[]> {
  if (panelIds.length === 0) return [];
  return db.select().from(pools).where(inArray(pools.panelId, panelIds));
}

export async function findPool(db: Db, id: string, forUpdate = false): Promise<PoolRow | null> {
  const query = db.select().from(pools).where(eq(pools.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function findPoolByKey(db: Db, key: { editionId: string; level: string; area: string; categoryId: string }): Promise<PoolRow | null> {
  const [row] = await db
    .select()
    .from(pools)
    .where(and(eq(pools.editionId, key.editionId), eq(pools.level, key.level), eq(pools.area, key.area), eq(pools.categoryId, key.categoryId)));
  return row ?? null;
}

export async function insertPool(db: Db, values: typeof pools.$inferInsert): Promise<PoolRow> {
  const [row] = await db.insert(pools).values(values).returning();
  return row!;
}

export async function updatePool(db: Db, id: string, patch: Partial<typeof pools.$inferInsert>): Promise<PoolRow> {
  const [row] = await db.update(pools).set(patch).where(eq(pools.id, id)).returning();
  return row!;
}

/**
 * The candidates of a pool's level, area and category, whatever their
 * status. A zone's pool holds only candidacies of the zone's provinces. The
 * pool of a special award holds the candidacies entered into it, which
 * belong to other categories (docs/special-awards.md).
 */
export async function candidatesOfPool(db: Db, pool: Pick<PoolRow, 'editionId' | 'level' | 'area' | 'categoryId'>) {
  const entered = db
    .select({ id: specialAwardEntries.candidateId })
    .from(specialAwardEntries)
    .innerJoin(specialAwards, eq(specialAwards.id, specialAwardEntries.awardId))
    .where(eq(specialAwards.categoryId, pool.categoryId));
  const where = [eq(candidates.editionId, pool.editionId), eq(candidates.level, pool.level), or(eq(candidates.categoryId, pool.categoryId), inArray(candidates.id, entered))!];
  if (pool.area !== '') where.push(eq(candidates.provinceCode, pool.area));
  else {
    const zone = sql`select 1 from ${editionLevels} where ${editionLevels.editionId} = ${pool.editionId} and ${editionLevels.code} = ${pool.level} and ${editionLevels.kind} = 'zona'`;
    where.push(sql`(not exists (${zone}) or exists (${zone} and ${editionLevels.provinceCodes} ? ${candidates.provinceCode}))`);
  }
  return db
    .select()
    .from(candidates)
    .where(and(...where))
    .orderBy(asc(candidates.name));
}

export async function assignmentsOf(db: Db, poolId: string): Promise<AssignmentRow[]> {
  return db.select().from(assignments).where(eq(assignments.poolId, poolId));
}

export async function assignmentsOfUser(db: Db, userId: string): Promise<AssignmentRow[]> {
  return db.select().from(assignments).where(eq(assignments.userId, userId));
}

/**
 * A juror's assignment to a candidate. With `forUpdate` the row is locked
 * for the transaction: it stands for the juror's sheets of that candidate,
 * so saving marks and submitting a sheet take turns on it.
 */
export async function findAssignment(db: Db, poolId: string, userId: string, candidateId: string, forUpdate = false): Promise<AssignmentRow | null> {
  const query = db
    .select()
    .from(assignments)
    .where(and(eq(assignments.poolId, poolId), eq(assignments.userId, userId), eq(assignments.candidateId, candidateId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function replaceAssignments(db: Db, poolId: string, rows: { userId: string; candidateId: string }[]): Promise<void> {
  await db.delete(assignments).where(eq(assignments.poolId, poolId));
  if (rows.length > 0) await db.insert(assignments).values(rows.map((r) => ({ poolId, ...r })));
}

export async function marksOf(db: Db, poolId: string, filter: { userId?: string; candidateId?: string } = {}): Promise<MarkRow[]> {
  const where = [eq(marks.poolId, poolId)];
  if (filter.userId) where.push(eq(marks.userId, filter.userId));
  if (filter.candidateId) where.push(eq(marks.candidateId, filter.candidateId));
  return db
    .select()
    .from(marks)
    .where(and(...where))
    .orderBy(asc(marks.candidateId), asc(marks.indicatorId), asc(marks.userId));
}

/**
 * Writes one mark unless the stored one has the same or a later `seq`: a
 * write sent twice, or an older write arriving late, changes nothing.
 * Returns the row when it was written.
 */
export async function writeMark(db: Db, row: typeof marks.$inferInsert): Promise<MarkRow | null> {
  const [saved] = await db
    .insert(marks)
    .values(row)
    .onConflictDoUpdate({
      target: [marks.poolId, marks.userId, marks.candidateId, marks.indicatorId],
      set: { value: row.value, comment: row.comment, seq: row.seq, updatedAt: new Date() },
      setWhere: lt(marks.seq, row.seq),
    })
    .returning();
  return saved ?? null;
}

/**
 * Several marks in one statement, each applied only when its counter is
 * newer than the stored one (as `writeMark`); answers the rows written. The
 * rows must name distinct fields (a statement cannot update a row twice).
 */
export async function writeMarkRows(db: Db, rows: (typeof marks.$inferInsert)[]): Promise<MarkRow[]> {
  if (rows.length === 0) return [];
  return db
    .insert(marks)
    .values(rows)
    .onConflictDoUpdate({
      target: [marks.poolId, marks.userId, marks.candidateId, marks.indicatorId],
      set: { value: sql`excluded.value`, comment: sql`excluded.comment`, seq: sql`excluded.seq`, updatedAt: new Date() },
      setWhere: sql`${marks.seq} < excluded.seq`,
    })
    .returning();
}

/** A pool's submitted sheets, or only one juror's, or one juror's of one candidate (a juror's page reads only its own). */
export async function sheetsOf(db: Db, poolId: string, filter: { userId?: string; candidateId?: string } = {}): Promise<SheetRow[]> {
  const where = [eq(markSheets.poolId, poolId)];
  if (filter.userId) where.push(eq(markSheets.userId, filter.userId));
  if (filter.candidateId) where.push(eq(markSheets.candidateId, filter.candidateId));
  return db.select().from(markSheets).where(and(...where));
}

export async function insertSheet(db: Db, values: typeof markSheets.$inferInsert): Promise<SheetRow | null> {
  const [row] = await db.insert(markSheets).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function deleteSheets(db: Db, poolId: string, stageId: string): Promise<void> {
  await db.delete(markSheets).where(and(eq(markSheets.poolId, poolId), eq(markSheets.stageId, stageId)));
}

export async function slotsOf(db: Db, poolId: string): Promise<SlotRow[]> {
  return db.select().from(interviewSlots).where(eq(interviewSlots.poolId, poolId)).orderBy(asc(interviewSlots.heldOn), asc(interviewSlots.startsAt));
}

/** One candidate's interview slot in a pool, if it has one. */
export async function slotOf(db: Db, poolId: string, candidateId: string): Promise<SlotRow | null> {
  const [row] = await db
    .select()
    .from(interviewSlots)
    .where(and(eq(interviewSlots.poolId, poolId), eq(interviewSlots.candidateId, candidateId)));
  return row ?? null;
}

export async function slotsOfCandidate(db: Db, candidateId: string): Promise<SlotRow[]> {
  return db.select().from(interviewSlots).where(eq(interviewSlots.candidateId, candidateId));
}

export async function upsertSlot(db: Db, values: typeof interviewSlots.$inferInsert): Promise<SlotRow> {
  const [row] = await db
    .insert(interviewSlots)
    .values(values)
    .onConflictDoUpdate({
      target: [interviewSlots.poolId, interviewSlots.candidateId],
      set: { heldOn: values.heldOn, startsAt: values.startsAt, endsAt: values.endsAt, place: values.place, onlineUrl: values.onlineUrl },
    })
    .returning();
  return row!;
}

export async function updateSlot(db: Db, poolId: string, candidateId: string, patch: Partial<typeof interviewSlots.$inferInsert>): Promise<SlotRow | null> {
  const [row] = await db
    .update(interviewSlots)
    .set(patch)
    .where(and(eq(interviewSlots.poolId, poolId), eq(interviewSlots.candidateId, candidateId)))
    .returning();
  return row ?? null;
}

export async function deleteSlot(db: Db, poolId: string, candidateId: string): Promise<void> {
  await db.delete(interviewSlots).where(and(eq(interviewSlots.poolId, poolId), eq(interviewSlots.candidateId, candidateId)));
}

export async function resultsOf(db: Db, poolId: string): Promise<ResultRow[]> {
  return db.select().from(poolResults).where(eq(poolResults.poolId, poolId)).orderBy(desc(poolResults.version));
}

export async function currentResult(db: Db, poolId: string): Promise<ResultRow | null> {
  const [row] = await db
    .select()
    .from(poolResults)
    .where(and(eq(poolResults.poolId, poolId), eq(poolResults.status, 'final')))
    .orderBy(desc(poolResults.version))
    .limit(1);
  return row ?? null;
}

export async function findResult(db: Db, id: string): Promise<ResultRow | null> {
  const [row] = await db.select().from(poolResults).where(eq(poolResults.id, id));
  return row ?? null;
}

export async function nextResultVersion(db: Db, poolId: string): Promise<number> {
  const [row] = await db
    .select({ v: sql<number>`coalesce(max(${poolResults.version}), 0)::int` })
    .from(poolResults)
    .where(eq(poolResults.poolId, poolId));
  return (row?.v ?? 0) + 1;
}

export async function insertResult(db: Db, values: typeof poolResults.$inferInsert): Promise<ResultRow> {
  const [row] = await db.insert(poolResults).values(values).returning();
  return row!;
}

export async function updateResult(db: Db, id: string, patch: Partial<typeof poolResults.$inferInsert>): Promise<ResultRow> {
  const [row] = await db.update(poolResults).set(patch).where(eq(poolResults.id, id)).returning();
  return row!;
}

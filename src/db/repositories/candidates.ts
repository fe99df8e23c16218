import { and, asc, eq, inArray, ne, or, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { candidates, editionCategories } from '../schema/index.ts';

export type CandidateRow = typeof candidates.$inferSelect;

/** Which candidates a reader may see: all, a province's, or a few by id. */
export type CandidateScope = { all: true } | { provinceCodes: string[]; candidateIds: string[] };

export async function listCandidates(db: Db, editionId: string, scope: CandidateScope) {
  const where: SQL[] = [eq(candidates.editionId, editionId)];
  if (!('all' in scope)) {
    const parts: SQL[] = [];
    if (scope.provinceCodes.length > 0) parts.push(inArray(candidates.provinceCode, scope.provinceCodes));
    if (scope.candidateIds.length > 0) parts.push(inArray(candidates.id, scope.candidateIds));
    if (parts.length === 0) return [];
    where.push(or(...parts)!);
  }
  const rows = await db
    .select({ candidate: candidates, categoryCode: editionCategories.code })
    .from(candidates)
    .innerJoin(editionCategories, eq(editionCategories.id, candidates.categoryId))
    .where(and(...where))
    .orderBy(asc(candidates.provinceCode), asc(editionCategories.code), asc(candidates.name));
  return rows.map((r) => ({ ...r.candidate, categoryCode: r.categoryCode }));
}

export async function insertCandidate(db: Db, values: typeof candidates.$inferInsert): Promise<CandidateRow> {
  const [row] = await db.insert(candidates).values(values).returning();
  return row!;
}

export async function findCandidateByName(db: Db, editionId: string, name: string): Promise<CandidateRow | null> {
  const [row] = await db
    .select()
    .from(candidates)
    .where(and(eq(candidates.editionId, editionId), eq(candidates.name, name)));
  return row ?? null;
}

export async function findCandidate(db: Db, id: string, forUpdate = false): Promise<CandidateRow | null> {
  const query = db.select().from(candidates).where(eq(candidates.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function updateCandidate(db: Db, id: string, patch: Partial<typeof candidates.$inferInsert>): Promise<CandidateRow> {
  const [row] = await db.update(candidates).set(patch).where(eq(candidates.id, id)).returning();
  return row!;
}

/** Keys taken in an edition: `${categoryId}|${regencyCode or npp}` at the given level. */
export async function candidateKeys(db: Db, editionId: string, level: string): Promise<Set<string>> {
  const rows = await db
    .select({ categoryId: candidates.categoryId, regencyCode: candidates.regencyCode, npp: candidates.npp })
    .from(candidates)
    .where(and(eq(candidates.editionId, editionId), eq(candidates.level, level), ne(candidates.status, 'rejected')));
  return new Set(rows.map((r) => `${r.categoryId}|${r.regencyCode ?? r.npp}`));
}

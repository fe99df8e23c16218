import { and, asc, count, eq, gt, inArray, isNull, lt, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { identityKey } from '../../domain/candidates/rules.ts';
import type { Db } from '../client.ts';
import { candidates, editionCategories, registrationRequests } from '../schema/index.ts';

export type CandidateRow = typeof candidates.$inferSelect;

/**
 * Which candidates a reader may see: all, a province's, some regencies' (a
 * verifier scoped to a branch office), a few by id, or (`pastProvince`) every
 * candidacy past the provincial round.
 */
export type CandidateScope = { all: true } | { provinceCodes: string[]; candidateIds: string[]; regencyCodes?: string[]; pastProvince?: boolean };

export async function listCandidates(db: Db, editionId: string, scope: CandidateScope) {
  const where: SQL[] = [eq(candidates.editionId, editionId)];
  if (!('all' in scope)) {
    const parts: SQL[] = [];
    if (scope.provinceCodes.length > 0) parts.push(inArray(candidates.provinceCode, scope.provinceCodes));
    if (scope.candidateIds.length > 0) parts.push(inArray(candidates.id, scope.candidateIds));
    if (scope.pastProvince) parts.push(ne(candidates.level, 'provinsi'));
    if (scope.regencyCodes && scope.regencyCodes.length > 0) parts.push(inArray(candidates.regencyCode, scope.regencyCodes));
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

/**
 * Keys taken in an edition: `${categoryId}|${identityKey}` (village, regency,
 * province or NPP) of the candidacies at the level `levelOf` gives for their category.
 */
export async function candidateKeys(
  db: Db,
  editionId: string,
  levelOf: (categoryId: string) => string | undefined,
  paging?: { rows: number; between: () => Promise<void> },
): Promise<Set<string>> {
  const keys = new Set<string>();
  // Paged by id when asked: an edition holds thousands of candidates, and on PGlite
  // one statement reading all of them holds every other request for its whole length.
  for (let after: string | null = null; ; ) {
    const rows = await keyPage(db, editionId, after, paging?.rows);
    for (const r of rows) if (r.level === levelOf(r.categoryId)) keys.add(`${r.categoryId}|${identityKey(r)}`);
    if (!paging || rows.length < paging.rows) return keys;
    after = rows[rows.length - 1]!.id;
    await paging.between();
  }
}

/** The identities of an edition's candidates after id `after`: `limit` of them in id order, or all. */
function keyPage(db: Db, editionId: string, after: string | null, limit: number | undefined) {
  const query = db
    .select({
      id: candidates.id,
      categoryId: candidates.categoryId,
      level: candidates.level,
      kind: candidates.kind,
      provinceCode: candidates.provinceCode,
      regencyCode: candidates.regencyCode,
      villageCode: candidates.villageCode,
      npp: candidates.npp,
    })
    .from(candidates)
    .where(and(eq(candidates.editionId, editionId), notInArray(candidates.status, unreservingStatuses), after ? gt(candidates.id, after) : undefined))
    .$dynamic();
  return limit === undefined ? query : query.orderBy(asc(candidates.id)).limit(limit);
}

/** A self-registration awaiting the committee, or rejected, holds no regency or NPP (as the unique indexes say). */
const unreservingStatuses = ['rejected', 'registered'];

export type RegistrationRequestRow = typeof registrationRequests.$inferSelect;

export async function insertRegistrationRequest(db: Db, values: typeof registrationRequests.$inferInsert): Promise<RegistrationRequestRow> {
  const [row] = await db.insert(registrationRequests).values(values).returning();
  return row!;
}

/** The request a confirmation link names, locked for its confirmation. */
export async function findRegistrationRequestByToken(db: Db, tokenHash: string): Promise<RegistrationRequestRow | null> {
  const [row] = await db.select().from(registrationRequests).where(eq(registrationRequests.tokenHash, tokenHash)).for('update');
  return row ?? null;
}

export async function markRegistrationConfirmed(db: Db, id: string, candidateId: string): Promise<void> {
  await db.update(registrationRequests).set({ confirmedAt: sql`now()`, candidateId }).where(eq(registrationRequests.id, id));
}

/** Removes unconfirmed requests whose link has expired. */
export async function deleteExpiredRegistrationRequests(db: Db): Promise<void> {
  await db.delete(registrationRequests).where(and(isNull(registrationRequests.confirmedAt), lt(registrationRequests.expiresAt, sql`now()`)));
}

/** Self-registrations of a province waiting in an edition: unconfirmed and still valid, or confirmed and awaiting the committee. */
export async function countPendingRegistrations(db: Db, editionId: string, provinceCode: string): Promise<number> {
  const [unconfirmed] = await db
    .select({ n: count() })
    .from(registrationRequests)
    .where(
      and(
        eq(registrationRequests.editionId, editionId),
        eq(registrationRequests.provinceCode, provinceCode),
        isNull(registrationRequests.confirmedAt),
        gt(registrationRequests.expiresAt, sql`now()`),
      ),
    );
  const [registered] = await db
    .select({ n: count() })
    .from(candidates)
    .where(and(eq(candidates.editionId, editionId), eq(candidates.provinceCode, provinceCode), eq(candidates.status, 'registered')));
  return Number(unconfirmed?.n ?? 0) + Number(registered?.n ?? 0);
}

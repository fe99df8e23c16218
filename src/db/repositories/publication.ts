import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { certificates, editions, poolResults, pools, pressReleases, signatories, signingKeyEditions, signingKeys } from '../schema/index.ts';

export type SignatoryRow = typeof signatories.$inferSelect;
export type SigningKeyRow = typeof signingKeys.$inferSelect;
export type CertificateRow = typeof certificates.$inferSelect;
export type PressReleaseRow = typeof pressReleases.$inferSelect;
export type ResultRow = typeof poolResults.$inferSelect;

export async function listSignatories(db: Db, editionId: string): Promise<SignatoryRow[]> {
  return db
    .select()
    .from(signatories)
    .where(eq(signatories.editionId, editionId))
    .orderBy(asc(signatories.level), asc(signatories.area), asc(signatories.position));
}

export async function replaceSignatories(db: Db, editionId: string, rows: Omit<typeof signatories.$inferInsert, 'editionId'>[]): Promise<void> {
  await db.delete(signatories).where(eq(signatories.editionId, editionId));
  if (rows.length > 0) await db.insert(signatories).values(rows.map((r) => ({ ...r, editionId })));
}

/** The signatories of a pool: the area's own when it has any, else the level's. */
export async function signatoriesFor(db: Db, editionId: string, level: string, area: string): Promise<SignatoryRow[]> {
  const rows = (await listSignatories(db, editionId)).filter((s) => s.level === level);
  const own = rows.filter((s) => s.area === area && area !== '');
  return own.length > 0 ? own : rows.filter((s) => s.area === '');
}

/** The newest key that can sign (has its private half). */
export async function signingKey(db: Db): Promise<SigningKeyRow | null> {
  const [row] = await db.select().from(signingKeys).where(isNotNull(signingKeys.privateKey)).orderBy(desc(signingKeys.createdAt)).limit(1);
  return row ?? null;
}

export async function findSigningKey(db: Db, id: string): Promise<SigningKeyRow | null> {
  const [row] = await db.select().from(signingKeys).where(eq(signingKeys.id, id));
  return row ?? null;
}

export async function listSigningKeys(db: Db): Promise<SigningKeyRow[]> {
  return db.select().from(signingKeys).orderBy(asc(signingKeys.createdAt));
}

export async function insertSigningKey(db: Db, row: typeof signingKeys.$inferInsert): Promise<void> {
  await db.insert(signingKeys).values(row).onConflictDoNothing();
}

/** Lets a key that came with an imported edition verify that edition's certificates (and no other's). */
export async function scopeSigningKey(db: Db, keyId: string, editionId: string): Promise<void> {
  await db.insert(signingKeyEditions).values({ keyId, editionId }).onConflictDoNothing();
}

/** Whether an imported key (one without its private half) may verify the edition's certificates. */
export async function keyCoversEdition(db: Db, keyId: string, editionId: string): Promise<boolean> {
  const [row] = await db
    .select({ keyId: signingKeyEditions.keyId })
    .from(signingKeyEditions)
    .where(and(eq(signingKeyEditions.keyId, keyId), eq(signingKeyEditions.editionId, editionId)));
  return row !== undefined;
}

/** The editions each imported key may verify, by key id. */
export async function signingKeyScopes(db: Db): Promise<Map<string, string[]>> {
  const rows = await db.select().from(signingKeyEditions).orderBy(asc(signingKeyEditions.keyId), asc(signingKeyEditions.editionId));
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.keyId, [...(out.get(r.keyId) ?? []), r.editionId]);
  return out;
}

/** Serialises the first making of the signing key across app servers. */
export async function lockSigningKeys(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(7281003)`);
}

export async function insertCertificate(db: Db, row: typeof certificates.$inferInsert): Promise<CertificateRow> {
  const [saved] = await db.insert(certificates).values(row).returning();
  return saved!;
}

export async function findCertificateByCode(db: Db, code: string): Promise<CertificateRow | null> {
  const [row] = await db.select().from(certificates).where(eq(certificates.code, code));
  return row ?? null;
}

/** The certificates of a result that have not been replaced by a corrected one. */
export async function currentCertificates(db: Db, resultIds: string[]): Promise<CertificateRow[]> {
  if (resultIds.length === 0) return [];
  return db
    .select()
    .from(certificates)
    .where(and(inArray(certificates.resultId, resultIds), isNull(certificates.replacedAt)));
}

export async function markCertificateReplaced(db: Db, id: string): Promise<void> {
  await db.update(certificates).set({ replacedAt: new Date() }).where(eq(certificates.id, id));
}

export async function setPublication(db: Db, resultId: string, patch: Partial<typeof poolResults.$inferInsert>): Promise<ResultRow> {
  const [row] = await db.update(poolResults).set(patch).where(eq(poolResults.id, resultId)).returning();
  return row!;
}

const isPublished = and(eq(poolResults.status, 'final'), isNotNull(poolResults.publishedAt));

/** The current, published results of an edition (or of one pool), with their frozen public view. */
export async function publishedResults(db: Db, filter: { editionId?: string; poolId?: string }): Promise<ResultRow[]> {
  const where = [isPublished!];
  if (filter.editionId) where.push(eq(pools.editionId, filter.editionId));
  if (filter.poolId) where.push(eq(poolResults.poolId, filter.poolId));
  const rows = await db
    .select({ result: poolResults })
    .from(poolResults)
    .innerJoin(pools, eq(pools.id, poolResults.poolId))
    .where(and(...where))
    .orderBy(asc(pools.level), asc(pools.area), asc(poolResults.poolId));
  return rows.map((r) => r.result);
}

/** Editions with at least one published result, and how many. */
export async function editionsWithPublishedResults(db: Db) {
  return db
    .select({ edition: editions, results: sql<number>`count(${poolResults.id})::int` })
    .from(editions)
    .innerJoin(pools, eq(pools.editionId, editions.id))
    .innerJoin(poolResults, and(eq(poolResults.poolId, pools.id), isPublished))
    .groupBy(editions.id)
    .orderBy(desc(editions.periodStart), asc(editions.label));
}

/**
 * A cheap fingerprint of everything the public pages show: it changes when
 * a result is published, withdrawn or reopened, a certificate is replaced,
 * an edition or its milestones change, or a coverage snapshot is ready.
 */
export async function publicDataVersion(db: Db): Promise<string> {
  const result = await db.execute(sql`
    select concat_ws('|',
      (select count(*) || ':' || coalesce(max(greatest(published_at, withdrawn_at, reopened_at))::text, '')
         from pool_results where published_at is not null or withdrawn_at is not null),
      (select count(*) || ':' || coalesce(max(updated_at)::text, '') from editions),
      (select coalesce(md5(string_agg(edition_id::text || kind || starts_on::text || coalesce(place, ''), ',' order by edition_id, kind)), '')
         from edition_milestones),
      (select count(*) || ':' || coalesce(max(finished_at)::text, '') from coverage_snapshots where status = 'ready'),
      (select count(*) || ':' || coalesce(max(replaced_at)::text, '') from certificates)
    ) as version`);
  // Both drivers answer a raw query with `{ rows }`.
  return (result as { rows: { version: string }[] }).rows[0]!.version;
}

export async function findPressRelease(db: Db, id: string, forUpdate = false): Promise<PressReleaseRow | null> {
  const query = db.select().from(pressReleases).where(eq(pressReleases.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function pressReleaseOf(db: Db, resultId: string, candidateId: string): Promise<PressReleaseRow | null> {
  const [row] = await db
    .select()
    .from(pressReleases)
    .where(and(eq(pressReleases.resultId, resultId), eq(pressReleases.candidateId, candidateId)));
  return row ?? null;
}

export async function pressReleasesOf(db: Db, resultId: string): Promise<PressReleaseRow[]> {
  return db.select().from(pressReleases).where(eq(pressReleases.resultId, resultId));
}

export async function insertPressRelease(db: Db, row: typeof pressReleases.$inferInsert): Promise<PressReleaseRow> {
  const [saved] = await db.insert(pressReleases).values(row).returning();
  return saved!;
}

export async function updatePressRelease(db: Db, id: string, patch: Partial<typeof pressReleases.$inferInsert>): Promise<PressReleaseRow> {
  const [row] = await db
    .update(pressReleases)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(pressReleases.id, id))
    .returning();
  return row!;
}

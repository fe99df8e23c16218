import { and, eq, getTableColumns, gt, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { pgliteOf } from '../pglite-of.ts';
import { candidateImportRows, candidates, jobs, type JobProgress } from '../schema/index.ts';
import type { JobFailureReason } from '../../shared/contracts/jobs.ts';

export type JobRow = typeof jobs.$inferSelect;
export type CandidateImportRow = typeof candidateImportRows.$inferInsert;

export async function insertJob(
  db: Db,
  values: { kind: string; payload: Record<string, unknown>; progress: JobProgress; editionId: string | null; provinceCode: string | null; createdBy: string | null },
): Promise<JobRow> {
  const [row] = await db.insert(jobs).values(values).returning();
  return row!;
}

/**
 * Inserts a job already held by `instance` under a lease, so no runner takes it
 * while its holder is still preparing it (an import's request staging its
 * rows); `releaseJob` queues it once ready. Should the holder die, the lease
 * runs out and a runner takes the job over like any other.
 */
export async function insertHeldJob(
  db: Db,
  values: { kind: string; payload: Record<string, unknown>; progress: JobProgress; editionId: string | null; provinceCode: string | null; createdBy: string | null },
  holder: { instance: string; leaseMs: number },
): Promise<JobRow> {
  const [row] = await db
    .insert(jobs)
    .values({ ...values, status: 'running', lockedBy: holder.instance, lockedUntil: sql`now() + make_interval(secs => ${holder.leaseMs / 1000})`, heartbeatAt: sql`now()` })
    .returning();
  return row!;
}

/** Hands a job prepared under `instance`'s lease to the runners (queued); false when another server has taken it. */
export async function releaseJob(db: Db, id: string, instance: string): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ status: 'queued', lockedBy: null, lockedUntil: null, heartbeatAt: null })
    .where(heldBy(id, instance))
    .returning({ id: jobs.id });
  return rows.length === 1;
}

export async function findJob(db: Db, id: string): Promise<JobRow | null> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row ?? null;
}

export type JobStatusRow = Omit<JobRow, 'payload'>;

/** A job without its payload (an import's payload holds every row): what its status page needs. */
export async function findJobStatus(db: Db, id: string): Promise<JobStatusRow | null> {
  const { payload: _payload, ...columns } = getTableColumns(jobs);
  const [row] = await db.select(columns).from(jobs).where(eq(jobs.id, id));
  return row ?? null;
}

/**
 * Takes one runnable job for `instance`: a queued one, or a running one whose
 * holder's lease has expired (its server died). A job held under a live lease
 * is never taken; `skip locked` keeps two servers from taking the same row.
 */
export async function claimJob(db: Db, options: { instance: string; leaseMs: number; kinds: string[]; id?: string }): Promise<JobRow | null> {
  if (options.kinds.length === 0) return null;
  const runnable = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        inArray(jobs.kind, options.kinds),
        options.id ? eq(jobs.id, options.id) : undefined,
        or(eq(jobs.status, 'queued'), and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, sql`now()`))),
      ),
    )
    .orderBy(jobs.createdAt)
    .limit(1)
    .for('update', { skipLocked: true });
  const [row] = await db
    .update(jobs)
    .set({
      status: 'running',
      lockedBy: options.instance,
      lockedUntil: sql`now() + make_interval(secs => ${options.leaseMs / 1000})`,
      heartbeatAt: sql`now()`,
      attempts: sql`${jobs.attempts} + 1`,
      startedAt: sql`coalesce(${jobs.startedAt}, now())`,
    })
    .where(inArray(jobs.id, runnable))
    .returning();
  return row ?? null;
}

const heldBy = (id: string, instance: string) => and(eq(jobs.id, id), eq(jobs.lockedBy, instance), eq(jobs.status, 'running'));

/** Renews the lease (and records progress); false when another server holds the job now. */
export async function renewJob(db: Db, id: string, instance: string, leaseMs: number, progress?: JobProgress): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ lockedUntil: sql`now() + make_interval(secs => ${leaseMs / 1000})`, heartbeatAt: sql`now()`, ...(progress ? { progress } : {}) })
    .where(heldBy(id, instance))
    .returning({ id: jobs.id });
  return rows.length === 1;
}

export async function completeJob(db: Db, id: string, instance: string, result: Record<string, unknown> | null): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ status: 'done', result, lockedBy: null, lockedUntil: null, finishedAt: sql`now()` })
    .where(heldBy(id, instance))
    .returning({ id: jobs.id });
  return rows.length === 1;
}

export async function failJob(db: Db, id: string, instance: string, error: string, errorReason: JobFailureReason | null = null): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ status: 'failed', error: error.slice(0, 4000), errorReason, lockedBy: null, lockedUntil: null, finishedAt: sql`now()` })
    .where(heldBy(id, instance))
    .returning({ id: jobs.id });
  return rows.length === 1;
}

/** Writes one batch of an import's rows; a batch written before a crash is skipped, not doubled. */
/**
 * Stores checked rows of an import, as one JSON parameter read by the
 * database (`jsonb_to_recordset`): building a many-row insert value by value
 * took most of the server's own time while an import was stored, and held
 * its event loop from other requests.
 */
export async function stageCandidateRows(db: Db, rows: CandidateImportRow[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(
    rows.map((r) => ({
      job_id: r.jobId,
      row_no: r.rowNo,
      candidate_id: r.candidateId,
      category_id: r.categoryId,
      level: r.level,
      province_code: r.provinceCode,
      kind: r.kind,
      regency_code: r.regencyCode ?? null,
      village_code: r.villageCode ?? null,
      npp: r.npp ?? null,
      name: r.name,
      size_class: r.sizeClass ?? null,
      sector: r.sector ?? null,
      address: r.address ?? null,
      contacts: r.contacts,
    })),
  );
  await db.execute(sql`
    insert into ${candidateImportRows} (job_id, row_no, candidate_id, category_id, level, province_code, kind, regency_code, village_code, npp, name, size_class, sector, address, contacts)
    select job_id, row_no, candidate_id, category_id, level, province_code, kind, regency_code, village_code, npp, name, size_class, sector, address, contacts
    from jsonb_to_recordset(${json}::jsonb) as x(job_id uuid, row_no integer, candidate_id uuid, category_id uuid, level varchar, province_code varchar,
      kind varchar, regency_code varchar, village_code varchar, npp varchar, name text, size_class varchar, sector text, address text, contacts jsonb)
    on conflict do nothing`);
}

export async function countStagedRows(db: Db, jobId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(candidateImportRows).where(eq(candidateImportRows.jobId, jobId));
  return row?.n ?? 0;
}

/** The candidate ids of an import's staged rows after row `afterRowNo`, in row order, at most `limit`. */
export async function stagedCandidateIds(db: Db, jobId: string, afterRowNo: number, limit: number): Promise<{ rowNo: number; candidateId: string }[]> {
  return db
    .select({ rowNo: candidateImportRows.rowNo, candidateId: candidateImportRows.candidateId })
    .from(candidateImportRows)
    .where(and(eq(candidateImportRows.jobId, jobId), gt(candidateImportRows.rowNo, afterRowNo)))
    .orderBy(candidateImportRows.rowNo)
    .limit(limit);
}

/**
 * Moves an import's staged rows into `candidates` (status nominated) in one
 * statement and deletes them. It returns nothing: the ids were chosen when the
 * rows were staged, and returning thousands of them would only lengthen the
 * statement that holds the database.
 */
export async function publishStagedCandidates(db: Db, jobId: string, editionId: string): Promise<void> {
  const insert = sql`
    insert into ${candidates} (id, edition_id, category_id, level, province_code, kind, regency_code, village_code, npp, name, size_class, sector, address, status, contacts)
    select candidate_id, ${editionId}, category_id, level, province_code, kind, regency_code, village_code, npp, name, size_class, sector, address, 'nominated', contacts
    from ${candidateImportRows} where job_id = ${jobId}`;
  if (pgliteOf(db)) {
    // On PGlite the statement holds the one connection, so every other request waits for it: the
    // foreign keys (category, province, regency) are checked once for the file rather than by a
    // trigger per row and key, which took about 60% of the statement's time. PGlite has one session,
    // so nothing can remove a referenced row between the check and the insert; its one user is a
    // superuser, who may turn the per-row triggers off for the insert. The unique indexes still
    // apply. Outside a transaction `set local` does nothing and every row is checked as usual.
    const found = (await db.execute(sql`
      select count(*)::int as n from ${candidateImportRows} r where r.job_id = ${jobId} and (
        not exists (select 1 from edition_categories c where c.id = r.category_id)
        or not exists (select 1 from provinces p where p.code = r.province_code)
        or (r.regency_code is not null and not exists (select 1 from regencies g where g.code = r.regency_code)))`)) as { rows: { n: number }[] };
    const unknown = found.rows[0];
    if ((unknown?.n ?? 0) > 0) throw new Error(`${unknown!.n} staged row(s) name a category, province or regency that does not exist`);
    await db.execute(sql`set local session_replication_role = replica`);
    await db.execute(insert);
    // Reached only when the insert succeeded; a failed one aborts the transaction, which resets it.
    await db.execute(sql`set local session_replication_role = origin`);
  } else await db.execute(insert);
  await db.delete(candidateImportRows).where(eq(candidateImportRows.jobId, jobId));
}

export async function deleteStagedRows(db: Db, jobId: string): Promise<void> {
  await db.delete(candidateImportRows).where(eq(candidateImportRows.jobId, jobId));
}

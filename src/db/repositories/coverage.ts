import { DrizzleQueryError, and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { pgliteOf } from '../pglite-of.ts';
import { pdsFreeSql } from '../../domain/coverage/indicators.ts';
import {
  candidateValues,
  coverageEmployers,
  coverageRegions,
  coverageShortlist,
  coverageSnapshots,
  valueDisputes,
  type InputFile,
  type SnapshotProgress,
} from '../schema/index.ts';

export type SnapshotRow = typeof coverageSnapshots.$inferSelect;
export type RegionIndicatorRow = typeof coverageRegions.$inferInsert;
export type EmployerIndicatorRow = typeof coverageEmployers.$inferInsert;
export type ShortlistRow = typeof coverageShortlist.$inferInsert;
export type CandidateValueRow = typeof candidateValues.$inferSelect;
export type DisputeRow = typeof valueDisputes.$inferSelect;

/** Starts a snapshot with the next version number of its edition. */
export async function insertSnapshot(
  db: Db,
  values: { editionId: string; year: number; inputFiles: InputFile[]; createdBy: string | null },
): Promise<SnapshotRow> {
  await db.execute(sql`select pg_advisory_xact_lock(7281002, hashtext(${values.editionId}))`);
  const [last] = await db
    .select({ version: sql<number>`coalesce(max(${coverageSnapshots.version}), 0)::int` })
    .from(coverageSnapshots)
    .where(eq(coverageSnapshots.editionId, values.editionId));
  const [row] = await db
    .insert(coverageSnapshots)
    .values({ ...values, version: (last?.version ?? 0) + 1, status: 'running', progress: { stage: 'queued', rowsRead: 0, elapsedMs: 0 } })
    .returning();
  return row!;
}

export async function updateSnapshot(
  db: Db,
  id: string,
  patch: Partial<{ status: 'running' | 'ready' | 'failed'; progress: SnapshotProgress; problems: string[]; finishedAt: Date }>,
): Promise<void> {
  await db.update(coverageSnapshots).set(patch).where(eq(coverageSnapshots.id, id));
}

export async function listSnapshots(db: Db, editionId: string): Promise<SnapshotRow[]> {
  return db.select().from(coverageSnapshots).where(eq(coverageSnapshots.editionId, editionId)).orderBy(desc(coverageSnapshots.version));
}

export async function findSnapshot(db: Db, editionId: string, id: string): Promise<SnapshotRow | null> {
  const [row] = await db
    .select()
    .from(coverageSnapshots)
    .where(and(eq(coverageSnapshots.editionId, editionId), eq(coverageSnapshots.id, id)));
  return row ?? null;
}

/** The newest ready snapshot of an edition: the one the app shows and uses. */
export async function currentSnapshot(db: Db, editionId: string): Promise<SnapshotRow | null> {
  const [row] = await db
    .select()
    .from(coverageSnapshots)
    .where(and(eq(coverageSnapshots.editionId, editionId), eq(coverageSnapshots.status, 'ready')))
    .orderBy(desc(coverageSnapshots.version))
    .limit(1);
  return row ?? null;
}

/** Inserts rows in batches that stay under PostgreSQL's parameter limit. */
async function insertBatched<T extends Record<string, unknown>>(
  rows: T[],
  columns: number,
  insert: (batch: T[]) => Promise<unknown>,
  onBatch?: (done: number) => void,
): Promise<void> {
  const size = Math.max(1, Math.floor(30_000 / columns));
  for (let i = 0; i < rows.length; i += size) {
    await insert(rows.slice(i, i + size));
    onBatch?.(Math.min(i + size, rows.length));
  }
}

export async function insertRegionIndicators(db: Db, rows: RegionIndicatorRow[]): Promise<void> {
  await insertBatched(rows, 16, (batch) => db.insert(coverageRegions).values(batch));
}

/** The columns of `coverage_employers` a bulk load fills after `snapshot_id`, with the type each text is read as. */
export const employerBulkColumns = [
  ['npp', 'text'],
  ['name', 'text'],
  ['regency_code', 'text'],
  ['size', 'text'],
  ['workers', 'bigint'],
  ['workers_prev', 'bigint'],
  ['growth_pct', 'numeric'],
  ['declared_coverage_pct', 'numeric'],
  ['program_complete_pct', 'numeric'],
  ['below_min_wage_pct', 'numeric'],
  ['months_due', 'integer'],
  ['months_in_arrears', 'integer'],
  ['on_time_pct', 'numeric'],
] as const;

/** One CSV field for COPY: null is the unquoted empty field, every text is quoted (so '' stays ''). */
const csvField = (value: string | null) => (value == null ? '' : `"${value.replaceAll('"', '""')}"`);

/**
 * Stores employer indicators of a snapshot in one statement, given as one
 * array per column of `employerBulkColumns` holding each cell's text (as
 * the screen wrote it), read into the column's type by the database. On
 * PGlite it is a `COPY … FROM '/dev/blob'` of the rows as CSV; on
 * PostgreSQL an `insert … select` from `unnest` of one array parameter per
 * column. Either way the rows never become one query parameter each.
 */
export async function bulkInsertEmployerIndicators(db: Db, snapshotId: string, columns: (string | null)[][]): Promise<void> {
  const rows = columns[0]?.length ?? 0;
  if (rows === 0) return;
  if (columns.length !== employerBulkColumns.length || columns.some((c) => c.length !== rows)) {
    throw new Error(`bulkInsertEmployerIndicators: expected ${employerBulkColumns.length} columns of ${rows} values`);
  }
  const names = employerBulkColumns.map(([name]) => name).join(', ');
  const pglite = pgliteOf(db);
  if (pglite) {
    const lines: string[] = new Array<string>(rows);
    const prefix = `${snapshotId},`;
    for (let r = 0; r < rows; r++) {
      let line = prefix + csvField(columns[0]![r] ?? null);
      for (let c = 1; c < columns.length; c++) line += `,${csvField(columns[c]![r] ?? null)}`;
      lines[r] = line;
    }
    lines.push('');
    // The foreign key to the snapshot, checked once for the whole batch rather than row by row
    // (which took about half of the COPY's time): the snapshot's row is locked as the check would
    // (`for key share`, until the transaction ends), and the per-row check triggers are off during
    // the COPY only (PGlite's one user is a superuser). Outside a transaction `set local` does
    // nothing and every row is checked as usual.
    const found = (await pglite.query('select 1 from coverage_snapshots where id = $1 for key share', [snapshotId])) as { rows: unknown[] };
    if (found.rows.length === 0) throw new Error(`No coverage snapshot ${snapshotId} to store employers under`);
    await pglite.query('set local session_replication_role = replica');
    await pglite.query(`copy coverage_employers (snapshot_id, ${names}) from '/dev/blob' with (format csv)`, [], { blob: new Blob([lines.join('\n')]) });
    // Reached only when the COPY succeeded; a failed one aborts the transaction, which resets it.
    await pglite.query('set local session_replication_role = origin');
    return;
  }
  const arrays = sql.join(
    columns.map((values) => sql`${sql.param(values)}::text[]`),
    sql`, `,
  );
  const casts = sql.raw(employerBulkColumns.map(([name, type]) => (type === 'text' ? `u.${name}` : `u.${name}::${type}`)).join(', '));
  try {
    await db.execute(
      sql`insert into coverage_employers (snapshot_id, ${sql.raw(names)}) select ${snapshotId}::uuid, ${casts} from unnest(${arrays}) as u(${sql.raw(names)})`,
    );
  } catch (error) {
    // The database's own reason, without the statement and its thousands of values.
    throw error instanceof DrizzleQueryError && error.cause instanceof Error ? error.cause : error;
  }
}

export async function insertShortlist(db: Db, rows: ShortlistRow[]): Promise<void> {
  await insertBatched(rows, 7, (batch) => db.insert(coverageShortlist).values(batch));
}

export async function regionIndicators(db: Db, snapshotId: string) {
  return db.select().from(coverageRegions).where(eq(coverageRegions.snapshotId, snapshotId)).orderBy(asc(coverageRegions.code));
}

export async function regionIndicatorsFor(db: Db, snapshotId: string, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .select()
    .from(coverageRegions)
    .where(and(eq(coverageRegions.snapshotId, snapshotId), inArray(coverageRegions.code, codes)));
}

export async function employerIndicatorsFor(db: Db, snapshotId: string, npps: string[]) {
  if (npps.length === 0) return [];
  return db
    .select()
    .from(coverageEmployers)
    .where(and(eq(coverageEmployers.snapshotId, snapshotId), inArray(coverageEmployers.npp, npps)));
}

/**
 * Per regency of a snapshot, the share (×100, 4 decimals) of its employers
 * without a PDS signal (src/domain/coverage/indicators.ts); regencies with no
 * employer are left out.
 */
export async function employerComplianceFor(db: Db, snapshotId: string, codes: string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const e = coverageEmployers;
  const rows = await db
    .select({
      code: e.regencyCode,
      total: sql<number>`count(*)::int`,
      clean: sql<number>`count(*) filter (where (${e.declaredCoveragePct} is null or ${e.declaredCoveragePct} >= ${pdsFreeSql.declaredCoverageAtLeast}) and (${e.programCompletePct} is null or ${e.programCompletePct} >= ${pdsFreeSql.programCompleteAtLeast}) and (${e.belowMinWagePct} is null or ${e.belowMinWagePct} <= ${pdsFreeSql.belowMinWageAtMost}))::int`,
    })
    .from(e)
    .where(and(eq(e.snapshotId, snapshotId), inArray(e.regencyCode, codes)))
    .groupBy(e.regencyCode);
  return new Map(rows.filter((r) => Number(r.total) > 0).map((r) => [r.code, Math.round((Number(r.clean) / Number(r.total)) * 100 * 10_000) / 10_000]));
}

export async function shortlistOf(db: Db, snapshotId: string, provinceCode: string, category: string) {
  return db
    .select()
    .from(coverageShortlist)
    .where(
      and(eq(coverageShortlist.snapshotId, snapshotId), eq(coverageShortlist.provinceCode, provinceCode), eq(coverageShortlist.category, category)),
    )
    .orderBy(asc(coverageShortlist.rank), asc(coverageShortlist.candidateKey));
}

export async function valuesOf(db: Db, candidateIds: string[]): Promise<CandidateValueRow[]> {
  if (candidateIds.length === 0) return [];
  return db.select().from(candidateValues).where(inArray(candidateValues.candidateId, candidateIds)).orderBy(asc(candidateValues.key));
}

export async function upsertValue(
  db: Db,
  value: {
    candidateId: string;
    key: string;
    valueNum: number | null;
    valueText?: string | null;
    source: 'coverage' | 'dispute' | 'verification';
    snapshotId: string | null;
    note: string | null;
  },
): Promise<void> {
  const row = { ...value, valueText: value.valueText ?? null, updatedAt: new Date() };
  await db
    .insert(candidateValues)
    .values(row)
    .onConflictDoUpdate({
      target: [candidateValues.candidateId, candidateValues.key],
      set: { valueNum: row.valueNum, valueText: row.valueText, source: row.source, snapshotId: row.snapshotId, note: row.note, updatedAt: row.updatedAt },
    });
}

export async function insertDispute(db: Db, values: typeof valueDisputes.$inferInsert): Promise<DisputeRow> {
  const [row] = await db.insert(valueDisputes).values(values).returning();
  return row!;
}

export async function findDispute(db: Db, id: string): Promise<DisputeRow | null> {
  const [row] = await db.select().from(valueDisputes).where(eq(valueDisputes.id, id)).for('update');
  return row ?? null;
}

export async function decideDispute(
  db: Db,
  id: string,
  decision: { status: 'accepted' | 'rejected'; correctedValue: number | null; decisionNote: string | null; decidedBy: string },
): Promise<DisputeRow> {
  const [row] = await db
    .update(valueDisputes)
    .set({ ...decision, decidedAt: new Date() })
    .where(eq(valueDisputes.id, id))
    .returning();
  return row!;
}

export async function disputesOf(db: Db, candidateIds: string[]): Promise<DisputeRow[]> {
  if (candidateIds.length === 0) return [];
  return db.select().from(valueDisputes).where(inArray(valueDisputes.candidateId, candidateIds)).orderBy(desc(valueDisputes.createdAt));
}

/**
 * Writes figures from a snapshot, many at once. A figure a verifier
 * corrected after a dispute (source `dispute`) is never overwritten, also
 * when the correction commits while this runs: the condition is checked on
 * the row as it is when the write takes its lock. Answers how many were written.
 */
export async function upsertSnapshotValues(
  db: Db,
  values: { candidateId: string; key: string; valueNum: number | null; snapshotId: string }[],
): Promise<number> {
  let written = 0;
  for (let i = 0; i < values.length; i += 1000) {
    const now = new Date();
    const rows = await db
      .insert(candidateValues)
      .values(values.slice(i, i + 1000).map((v) => ({ ...v, valueText: null, source: 'coverage' as const, note: null, updatedAt: now })))
      .onConflictDoUpdate({
        target: [candidateValues.candidateId, candidateValues.key],
        set: {
          valueNum: sql`excluded.value_num`,
          valueText: null,
          source: 'coverage',
          snapshotId: sql`excluded.snapshot_id`,
          note: null,
          updatedAt: sql`excluded.updated_at`,
        },
        setWhere: sql`${candidateValues.source} <> 'dispute'`,
      })
      .returning({ id: candidateValues.id });
    written += rows.length;
  }
  return written;
}

/** Removes what a snapshot that did not finish had stored (before a retry or when it fails). */
export async function deleteSnapshotRows(db: Db, snapshotId: string): Promise<void> {
  await db.delete(coverageShortlist).where(eq(coverageShortlist.snapshotId, snapshotId));
  await db.delete(coverageEmployers).where(eq(coverageEmployers.snapshotId, snapshotId));
  await db.delete(coverageRegions).where(eq(coverageRegions.snapshotId, snapshotId));
}

export async function findSnapshotById(db: Db, id: string): Promise<SnapshotRow | null> {
  const [row] = await db.select().from(coverageSnapshots).where(eq(coverageSnapshots.id, id));
  return row ?? null;
}

import { and, asc, eq, getTableColumns, getTableName, inArray, type SQL } from 'drizzle-orm';
import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../client.ts';
import * as s from '../schema/index.ts';

/**
 * The rows that make up one edition, table by table, in the order they can
 * be inserted (every row's references come before it). An edition archive
 * holds exactly these; the audit log, sessions, accounts' passwords and
 * roles, invitations and jurors' private profiles stay in their installation.
 */
export type Ids = {
  editionId: string;
  snapshotIds: string[];
  candidateIds: string[];
  panelIds: string[];
  poolIds: string[];
  /** Pools whose result is finalised: only these bring their marks, sheets, results, certificates and press releases. */
  finalPoolIds: string[];
  resultIds: string[];
};
type Scope = (ids: Ids) => SQL | null;

const any = (column: PgColumn, values: string[]): SQL | null => (values.length === 0 ? null : inArray(column, values));

export const archiveTables: { table: PgTable; scope: Scope }[] = [
  { table: s.editions, scope: (i) => eq(s.editions.id, i.editionId) },
  { table: s.editionCategories, scope: (i) => eq(s.editionCategories.editionId, i.editionId) },
  { table: s.specialAwards, scope: (i) => eq(s.specialAwards.editionId, i.editionId) },
  { table: s.editionLevels, scope: (i) => eq(s.editionLevels.editionId, i.editionId) },
  { table: s.editionMilestones, scope: (i) => eq(s.editionMilestones.editionId, i.editionId) },
  { table: s.editionEvents, scope: (i) => eq(s.editionEvents.editionId, i.editionId) },
  { table: s.provinceCalendars, scope: (i) => eq(s.provinceCalendars.editionId, i.editionId) },
  { table: s.signatories, scope: (i) => eq(s.signatories.editionId, i.editionId) },
  { table: s.coverageSnapshots, scope: (i) => eq(s.coverageSnapshots.editionId, i.editionId) },
  { table: s.coverageRegions, scope: (i) => any(s.coverageRegions.snapshotId, i.snapshotIds) },
  { table: s.coverageEmployers, scope: (i) => any(s.coverageEmployers.snapshotId, i.snapshotIds) },
  { table: s.coverageShortlist, scope: (i) => any(s.coverageShortlist.snapshotId, i.snapshotIds) },
  { table: s.candidates, scope: (i) => eq(s.candidates.editionId, i.editionId) },
  { table: s.candidateValues, scope: (i) => any(s.candidateValues.candidateId, i.candidateIds) },
  { table: s.valueDisputes, scope: (i) => any(s.valueDisputes.candidateId, i.candidateIds) },
  { table: s.submissions, scope: (i) => any(s.submissions.candidateId, i.candidateIds) },
  { table: s.deadlineExtensions, scope: (i) => any(s.deadlineExtensions.candidateId, i.candidateIds) },
  { table: s.verificationItems, scope: (i) => any(s.verificationItems.candidateId, i.candidateIds) },
  { table: s.evidenceFiles, scope: (i) => any(s.evidenceFiles.candidateId, i.candidateIds) },
  { table: s.specialAwardEntries, scope: (i) => any(s.specialAwardEntries.candidateId, i.candidateIds) },
  { table: s.panels, scope: (i) => eq(s.panels.editionId, i.editionId) },
  { table: s.panelMembers, scope: (i) => any(s.panelMembers.panelId, i.panelIds) },
  { table: s.conflicts, scope: (i) => any(s.conflicts.candidateId, i.candidateIds) },
  { table: s.pools, scope: (i) => eq(s.pools.editionId, i.editionId) },
  { table: s.assignments, scope: (i) => any(s.assignments.poolId, i.poolIds) },
  { table: s.marks, scope: (i) => any(s.marks.poolId, i.finalPoolIds) },
  { table: s.markSheets, scope: (i) => any(s.markSheets.poolId, i.finalPoolIds) },
  { table: s.interviewSlots, scope: (i) => any(s.interviewSlots.poolId, i.poolIds) },
  { table: s.poolResults, scope: (i) => any(s.poolResults.poolId, i.finalPoolIds) },
  { table: s.certificates, scope: (i) => any(s.certificates.resultId, i.resultIds) },
  { table: s.pressReleases, scope: (i) => any(s.pressReleases.resultId, i.resultIds) },
  { table: s.ceremonyHandovers, scope: (i) => any(s.ceremonyHandovers.poolId, i.poolIds) },
];

export const tableName = (table: PgTable): string => getTableName(table);

/** The columns of a table that reference another table's row: the column's JS key and the referenced table's name. */
export function references(table: PgTable): { column: string; table: string }[] {
  const columns = Object.entries(getTableColumns(table));
  return getTableConfig(table).foreignKeys.flatMap((fk) => {
    const ref = fk.reference();
    return ref.columns.map((col) => ({ column: columns.find(([, c]) => c === col)![0], table: getTableName(ref.foreignTable) }));
  });
}

/** Whether the table has a single `id` primary key (the rows other tables reference). */
export const hasId = (table: PgTable): boolean => 'id' in getTableColumns(table);

/** The JS keys of a table's columns that reference users. */
export function userColumns(table: PgTable): string[] {
  const columns = Object.entries(getTableColumns(table));
  return getTableConfig(table)
    .foreignKeys.map((fk) => fk.reference())
    .filter((ref) => getTableName(ref.foreignTable) === 'users')
    .flatMap((ref) => ref.columns.map((col) => columns.find(([, c]) => c === col)![0]));
}

/** The JS keys of a table's timestamp columns (kept as Date objects by Drizzle). */
export function dateColumns(table: PgTable): string[] {
  return Object.entries(getTableColumns(table))
    .filter(([, c]) => c.columnType === 'PgTimestamp')
    .map(([k]) => k);
}

/** The ids that scope the edition's tables. */
export async function editionIds(db: Db, editionId: string): Promise<Ids> {
  const ids = async (table: PgTable, column: PgColumn, key: PgColumn, values: string[]) =>
    values.length === 0 ? [] : (await db.select({ id: key }).from(table).where(inArray(column, values))).map((r) => String(r.id));
  const byEdition = [editionId];
  const poolIds = await ids(s.pools, s.pools.editionId, s.pools.id, byEdition);
  const finalPoolIds = (await db.select({ id: s.pools.id }).from(s.pools).where(and(eq(s.pools.editionId, editionId), eq(s.pools.status, 'finalised')))).map((r) => r.id);
  return {
    editionId,
    snapshotIds: await ids(s.coverageSnapshots, s.coverageSnapshots.editionId, s.coverageSnapshots.id, byEdition),
    candidateIds: await ids(s.candidates, s.candidates.editionId, s.candidates.id, byEdition),
    panelIds: await ids(s.panels, s.panels.editionId, s.panels.id, byEdition),
    poolIds,
    finalPoolIds,
    resultIds: await ids(s.poolResults, s.poolResults.poolId, s.poolResults.id, finalPoolIds),
  };
}

/** The rows of one table of the edition, page by page in primary-key order. */
export async function* tableRows(db: Db, table: PgTable, where: SQL, pageSize = 5000): AsyncGenerator<Record<string, unknown>[]> {
  const config = getTableConfig(table);
  const primary = config.columns.filter((c) => c.primary);
  const order = (primary.length > 0 ? primary : (config.primaryKeys[0]?.columns ?? config.columns)).map((c) => asc(c));
  for (let offset = 0; ; offset += pageSize) {
    const page = (await db
      .select()
      .from(table)
      .where(where)
      .orderBy(...order)
      .limit(pageSize)
      .offset(offset)) as Record<string, unknown>[];
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
  }
}

/** Inserts rows in batches that stay under PostgreSQL's limit of parameters. */
export async function insertRows(db: Db, table: PgTable, rows: Record<string, unknown>[]): Promise<void> {
  const size = Math.max(1, Math.floor(30_000 / Object.keys(getTableColumns(table)).length));
  for (let i = 0; i < rows.length; i += size) await db.insert(table).values(rows.slice(i, i + size));
}

export async function usersByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: s.users.id, email: s.users.email, name: s.users.name, locale: s.users.locale }).from(s.users).where(inArray(s.users.id, ids));
}

export async function usersByEmails(db: Db, emails: string[]) {
  if (emails.length === 0) return [];
  return db.select({ id: s.users.id, email: s.users.email }).from(s.users).where(inArray(s.users.email, emails));
}

export async function insertImportedUsers(db: Db, rows: { id: string; email: string; name: string; locale: string }[]): Promise<void> {
  // An account that came with an archive cannot sign in until an admin gives it a password and roles.
  if (rows.length > 0) await db.insert(s.users).values(rows.map((u) => ({ ...u, passwordHash: '!imported', active: false })));
}

import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';

/**
 * A whole database as rows: every table of the `public` schema, row by row
 * as PostgreSQL's own JSON of the row (`row_to_json`), and back
 * (`json_populate_recordset`). PostgreSQL writes and reads its own text
 * forms, so every value comes back identical: timestamps to the microsecond,
 * numerics digit for digit, bytea, jsonb, arrays. The audit chain's hashes
 * and the certificates' signatures therefore still verify after a restore
 * or a move. The same SQL runs on PGlite and on PostgreSQL.
 */

type Rows<T> = { rows: T[] };
const rowsOf = async <T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> => {
  const result: unknown = await db.execute(query);
  return (result as Rows<T>).rows;
};

/** A table name as a quoted identifier (names come from the catalogue, never from a user). */
const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

export type MigrationLevel = { count: number; lastHash: string | null };

/** How many migrations the database has run, and the hash of the last one. */
export async function migrationLevel(db: Db): Promise<MigrationLevel> {
  const [row] = await rowsOf<{ count: string | number; last: string | null }>(
    db,
    sql`select count(*) as count, (select hash from drizzle.__drizzle_migrations order by created_at desc, id desc limit 1) as last from drizzle.__drizzle_migrations`,
  );
  return { count: Number(row?.count ?? 0), lastHash: row?.last ?? null };
}

/**
 * The tables of the `public` schema in an order they can be filled in: every
 * table after the tables its foreign keys name (a reference to itself is
 * checked at the end of the statement that inserts both rows, see loadRows).
 */
export async function tablesInOrder(db: Db): Promise<string[]> {
  const tables = (await rowsOf<{ name: string }>(db, sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`)).map((r) => r.name);
  const edges = await rowsOf<{ child: string; parent: string }>(
    db,
    sql`select c.relname as child, p.relname as parent
          from pg_constraint k
          join pg_class c on c.oid = k.conrelid
          join pg_class p on p.oid = k.confrelid
          join pg_namespace n on n.oid = c.relnamespace
         where k.contype = 'f' and n.nspname = 'public' and c.relname <> p.relname`,
  );
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) parents.get(e.child)?.add(e.parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p)));
    if (ready.length === 0) throw new Error(`foreign keys form a cycle among: ${tables.filter((t) => !placed.has(t)).join(', ')}`);
    for (const t of ready) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return ordered;
}

/** How many rows the table holds. */
export async function countRows(db: Db, table: string): Promise<number> {
  const [row] = await rowsOf<{ n: string | number }>(db, sql.raw(`select count(*) as n from ${ident(table)}`));
  return Number(row?.n ?? 0);
}

/**
 * Every row of a table as the JSON text PostgreSQL writes for it, page by
 * page through a cursor. Must run inside a transaction (the cursor lives in it).
 */
export async function* tableJsonRows(tx: Db, table: string, pageSize = 2000): AsyncGenerator<string[]> {
  const cursor = `paritrana_snapshot_${table}`.slice(0, 63);
  await tx.execute(sql.raw(`declare ${ident(cursor)} no scroll cursor for select row_to_json(t)::text as r from ${ident(table)} t`));
  try {
    for (;;) {
      const page = (await rowsOf<{ r: string }>(tx, sql.raw(`fetch forward ${pageSize} from ${ident(cursor)}`))).map((row) => row.r);
      if (page.length > 0) yield page;
      if (page.length < pageSize) return;
    }
  } finally {
    await tx.execute(sql.raw(`close ${ident(cursor)}`));
  }
}

/** Inserts rows given as PostgreSQL's JSON of each row, as they are (ids, hashes, timestamps). */
export async function loadRows(tx: Db, table: string, jsonRows: string[]): Promise<void> {
  if (jsonRows.length === 0) return;
  await tx.execute(sql`insert into ${sql.raw(ident(table))} select * from json_populate_recordset(null::${sql.raw(ident(table))}, ${`[${jsonRows.join(',')}]`}::json)`);
}

/** Moves every serial column's sequence past the largest value loaded, so new rows get fresh ids. */
export async function resetSequences(tx: Db): Promise<void> {
  const serials = await rowsOf<{ table_name: string; column_name: string; seq: string }>(
    tx,
    sql`select table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) as seq
          from information_schema.columns
         where table_schema = 'public' and pg_get_serial_sequence(quote_ident(table_name), column_name) is not null`,
  );
  for (const s of serials) {
    await tx.execute(
      sql`select setval(${s.seq}::regclass, coalesce((select max(${sql.raw(ident(s.column_name))}) from ${sql.raw(ident(s.table_name))}), 1), (select count(*) > 0 from ${sql.raw(ident(s.table_name))}))`,
    );
  }
}

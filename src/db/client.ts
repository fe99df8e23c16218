import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** A database or a transaction on it: every repository takes one of these. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type Database = {
  db: Db;
  driver: 'postgres' | 'pglite';
  close: () => Promise<void>;
};

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Called with each SQL statement the database is sent (tests count the queries of a request). */
export type QueryListener = (query: string) => void;

export type OpenOptions = (
  /** PostgreSQL through `pg`. */
  | { url: string; poolSize?: number }
  /** PGlite in a directory, or in memory when `dataDir` is `memory://`. */
  | { dataDir: string }
) & { onQuery?: QueryListener };

const loggerOf = (onQuery: QueryListener | undefined) => (onQuery ? { logger: { logQuery: (query: string) => onQuery(query) } } : {});

/** Opens the database: PostgreSQL when a URL is given, PGlite otherwise. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if ('url' in options) {
    const { default: pg } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    // Dates stay strings ('YYYY-MM-DD'): no time-zone shifts.
    pg.types.setTypeParser(1082, (v: string) => v);
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle connection the server ends (a restart, an administrator, a dropped database) is
    // taken out of the pool by pg; without a listener its error would end the whole process.
    pool.on('error', (error) => process.stderr.write(`database: an idle connection was closed by the server (${error.message})\n`));
    // The pool listens only while a connection is idle: it removes its listener when a request
    // checks the connection out. A connection lost then (a transaction under way when the server
    // restarts, fails over or ends it) emits 'error' on the client too, which would end the
    // process. This listener stays for the connection's whole life; the query under way fails on
    // its own (answered 503 DATABASE_UNAVAILABLE) and the pool drops the broken connection on release.
    pool.on('connect', (client) => {
      client.on('error', (error) => {
        process.stderr.write(`database: a connection in use was lost (${error.message})\n`);
      });
    });
    const db = drizzle(pool, { schema, ...loggerOf(options.onQuery) }) as unknown as Db;
    return { db, driver: 'postgres', close: () => pool.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  let client: InstanceType<typeof PGlite>;
  if (options.dataDir.startsWith('memory://')) client = await PGlite.create(options.dataDir);
  else {
    // On disk: fsync on, so an acknowledged commit survives an OS crash (see pglite-durable.ts).
    mkdirSync(options.dataDir, { recursive: true });
    const { openDurablePglite } = await import('./pglite-durable.ts');
    client = (await openDurablePglite(options.dataDir)).client;
  }
  const db = drizzle(client, { schema, ...loggerOf(options.onQuery) }) as unknown as Db;
  return { db, driver: 'pglite', close: () => client.close() };
}

/** Applies every committed migration that has not run yet. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.driver === 'postgres') {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await migrate(database.db as never, { migrationsFolder });
  } else {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, { migrationsFolder });
  }
}

/** How many committed migrations the database has not applied yet (read only: nothing is created). */
export async function pendingMigrations(database: Database): Promise<number> {
  const { readFileSync } = await import('node:fs');
  const { sql } = await import('drizzle-orm');
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as { entries: unknown[] };
  const present = await database.db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  const rowsOf = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Record<string, unknown>[];
  if (!rowsOf(present)[0]?.present) return journal.entries.length;
  const applied = await database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return Math.max(0, journal.entries.length - Number(rowsOf(applied)[0]?.n ?? 0));
}

import { randomBytes } from 'node:crypto';
import { migrateDatabase, openDatabase, type Database, type QueryListener } from '../../src/db/client.ts';
import { ensureRegions } from '../../src/db/repositories/regions.ts';

export type Driver = 'pglite' | 'postgres';

/**
 * The drivers every database test runs on: PGlite always, PostgreSQL too when
 * TEST_DATABASE_URL is set. Under CI the PostgreSQL run is required.
 */
export function drivers(): Driver[] {
  if (process.env.TEST_DATABASE_URL) return ['pglite', 'postgres'];
  if (process.env.CI === 'true') throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL run is required under CI');
  return ['pglite'];
}

/**
 * A query sent on a PostgreSQL connection while it runs another (two reads of
 * one transaction at once) is queued by pg 8 with a deprecation warning and
 * refused by pg 9: a test database that saw one fails when it closes.
 */
let overlappingQueries = false;
let listening = false;
function watchOverlappingQueries() {
  if (listening) return;
  listening = true;
  process.on('warning', (warning) => {
    if (/already executing a query/.test(warning.message)) overlappingQueries = true;
  });
}

/**
 * A fresh, migrated database with the regions loaded: PGlite in memory, or a
 * new PostgreSQL database created for this test file and dropped at close,
 * so parallel runs never collide.
 */
export async function testDatabase(driver: Driver, onQuery?: QueryListener): Promise<Database> {
  if (driver === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://', onQuery });
    await migrateDatabase(database);
    await ensureRegions(database.db);
    return database;
  }
  watchOverlappingQueries();
  const baseUrl = process.env.TEST_DATABASE_URL!;
  const name = `paritrana_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 5, onQuery });
  await migrateDatabase(database);
  await ensureRegions(database.db);
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: baseUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
      if (overlappingQueries) {
        overlappingQueries = false;
        throw new Error('a query was sent on a PostgreSQL connection while it ran another (pg 9 refuses it): run the reads of a transaction one after another (src/db/in-turn.ts)');
      }
    },
  };
}

/** The rows of a raw `db.execute` on either driver (PGlite answers an object with `rows`, so does pg). */
export const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];

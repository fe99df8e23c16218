import { sql } from 'drizzle-orm';
import type { TestApp } from './app.ts';
import type { Driver } from './database.ts';

/**
 * Makes the database refuse writes, or take them again. PostgreSQL: the
 * database's sessions become read-only, as on a standby after a failover,
 * and its connections are ended so that the app's new ones see it. PGlite has
 * one session: it is made read-only itself.
 */
export async function setReadOnly(t: TestApp, driver: Driver, readOnly: boolean): Promise<void> {
  const value = readOnly ? 'on' : 'off';
  if (driver === 'pglite') {
    await t.database.db.execute(sql.raw(`set default_transaction_read_only = ${value}`));
    return;
  }
  const result: unknown = await t.database.db.execute(sql`select current_database() as name`);
  const name = (result as { rows: { name: string }[] }).rows[0]!.name;
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`alter database ${name} set default_transaction_read_only = ${value}`);
    await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
  } finally {
    await admin.end();
  }
}

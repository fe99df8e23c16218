import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { drivers, testDatabase } from '../support/database.ts';

const onPostgres = drivers().includes('postgres');

describe.runIf(onPostgres)('the PostgreSQL pool', () => {
  let database: Database;
  beforeAll(async () => {
    database = await testDatabase('postgres');
  });
  afterAll(async () => database?.close());

  it('survives the server ending its idle connections, and reconnects', async () => {
    const rows = async <T,>(query: ReturnType<typeof sql>): Promise<T[]> => {
      const result: unknown = await database.db.execute(query);
      return (result as { rows: T[] }).rows;
    };
    const [current] = await rows<{ name: string }>(sql`select current_database() as name`);
    const name = current!.name;
    // Another session ends every connection of this database, as an administrator or a restart would.
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const ended = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
    await admin.end();
    expect(ended.rowCount).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await rows(sql`select 1 as one`)).toEqual([{ one: 1 }]);
  });
});

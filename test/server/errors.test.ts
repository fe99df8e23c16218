import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { userRoles } from '../../src/db/schema/index.ts';
import type { AppError } from '../../src/domain/errors.ts';
import { appErrorOf } from '../../src/server/errors.ts';
import { drivers, testDatabase } from '../support/database.ts';

async function thrownBy(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

const answer = (error: AppError | null) => (error ? { code: error.code, message: error.message, details: error.details } : null);

describe.each(drivers())('errors of the database, as the API answers them, on %s', (driver) => {
  let database: Database;
  beforeAll(async () => {
    database = await testDatabase(driver);
  });
  afterAll(async () => database?.close());

  it('answers a reference to something that does not exist (23503) with 409 CONFLICT naming the constraint', async () => {
    const error = await thrownBy(() => database.db.insert(userRoles).values({ userId: randomUUID(), role: 'juror' }));
    expect(answer(appErrorOf(error))).toEqual({
      code: 'CONFLICT',
      message: 'It refers to something that no longer exists, or something else still refers to it',
      details: [{ path: 'user_roles_user_id_users_id_fk', message: 'reference' }],
    });
  });

  it('answers a failed query of no known kind with nothing, so that it is a logged 500', async () => {
    const error = await thrownBy(() => database.db.execute(sql`select * from no_such_table`));
    expect(appErrorOf(error)).toBe(null);
  });

});

describe.runIf(drivers().includes('postgres'))('a deadlock on PostgreSQL, as the API answers it', () => {
  let database: Database;
  beforeAll(async () => {
    database = await testDatabase('postgres');
  });
  afterAll(async () => database?.close());

  it('answers a deadlock (40P01) with 409 CONFLICT asking to try again', async () => {
    const result: unknown = await database.db.execute(sql`select current_database() as name`);
    const name = (result as { rows: { name: string }[] }).rows[0]!.name;
    await database.db.execute(sql`create table deadlock_probe (id int primary key, v int)`);
    await database.db.execute(sql`insert into deadlock_probe values (1, 0), (2, 0)`);
    const { default: pg } = await import('pg');
    const url = process.env.TEST_DATABASE_URL!.replace(/\/[^/]*$/, `/${name}`);
    const [a, b] = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
    await a.connect();
    await b.connect();
    try {
      await a.query('begin');
      await b.query('begin');
      await a.query('update deadlock_probe set v = 1 where id = 1');
      await b.query('update deadlock_probe set v = 1 where id = 2');
      // Each waits for the other's row: PostgreSQL ends one of them with 40P01.
      const outcomes = await Promise.allSettled([a.query('update deadlock_probe set v = 2 where id = 2'), b.query('update deadlock_probe set v = 2 where id = 1')]);
      const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(failed.map((f) => (f.reason as { code: string }).code)).toEqual(['40P01']);
      expect(answer(appErrorOf(failed[0]!.reason))).toEqual({
        code: 'CONFLICT',
        message: 'A change made at the same moment got in the way; nothing was changed. Try again',
        details: undefined,
      });
    } finally {
      await a.end();
      await b.end();
    }
  });
});

describe('a PostgreSQL server that does not answer, as the API answers it', () => {
  it('answers a refused connection with 503 DATABASE_UNAVAILABLE', async () => {
    const { openDatabase } = await import('../../src/db/client.ts');
    const { createServer } = await import('node:net');
    // A port nobody listens on: taken, then freed.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port: taken } = server.address() as { port: number };
        server.close(() => resolve(taken));
      });
    });
    const database = await openDatabase({ url: `postgres://postgres@127.0.0.1:${port}/paritrana`, poolSize: 1 });
    try {
      const error = await thrownBy(() => database.db.execute(sql`select 1`));
      expect(answer(appErrorOf(error))).toEqual({
        code: 'DATABASE_UNAVAILABLE',
        message: 'The database cannot be reached; nothing was changed. Try again in a moment',
        details: undefined,
      });
    } finally {
      await database.close();
    }
  });
});

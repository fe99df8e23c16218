import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { createUser } from '../../src/server/services/users.ts';
import { drivers, testDatabase } from '../support/database.ts';

const onPostgres = drivers().includes('postgres');
const bin = fileURLToPath(new URL('../../bin/paritrana', import.meta.url));
const password = 'correct-horse-battery';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

type Answer = { status: number; body: { error?: { code: string } } & Record<string, unknown> };

/**
 * The app as it runs in production: `paritrana serve` in its own process, on
 * a PostgreSQL database of its own. When the server ends the connections a
 * request is using, the process must keep running.
 */
describe.runIf(onPostgres)('losing PostgreSQL connections in use', () => {
  let database: Database;
  let name: string;
  let child: ChildProcess;
  let base: string;
  let stderr = '';
  let cookie = '';
  let csrf = '';

  const rows = async <T,>(query: ReturnType<typeof sql>): Promise<T[]> => {
    const result: unknown = await database.db.execute(query);
    return (result as { rows: T[] }).rows;
  };

  const call = async (method: string, path: string, body?: unknown): Promise<Answer> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };

  beforeAll(async () => {
    database = await testDatabase('postgres');
    name = (await rows<{ name: string }>(sql`select current_database() as name`))[0]!.name;
    await createUser(
      { db: database.db, actor: null },
      { email: 'admin@faults.test', name: 'Admin', password, locale: 'id', roles: [{ role: 'national_admin', provinceCode: null, candidateId: null }] },
    );
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [bin, 'serve', '--port', String(port)], {
      env: { ...process.env, DATABASE_URL: url.toString(), HOST: '127.0.0.1', PARITRANA_DATA_DIR: await mkdtemp(`${tmpdir()}/paritrana-loss-`), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes(`Paritrana `) && out.includes(`:${port}`)) resolve();
      });
      child.once('exit', (code) => reject(new Error(`paritrana serve exited (${code}) before listening: ${stderr}`)));
    });
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@faults.test', password }),
    });
    expect(login.status).toBe(200);
    cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  }, 300_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    await database?.close();
  });

  it('answers 503 DATABASE_UNAVAILABLE to the requests whose transaction was cut, keeps running and serves the next ones', async () => {
    // Another session holds the audit log's lock, so the app's transactions wait inside, connections checked out.
    const { default: pg } = await import('pg');
    const locker = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL!.replace(/\/[^/]*$/, `/${name}`) });
    await locker.connect();
    onTestFinished(() => locker.end().catch(() => undefined));
    await locker.query('begin');
    await locker.query('select pg_advisory_xact_lock(7281001)');
    const edition = (n: number) => ({ label: `Paritrana Award 20${30 + n}`, periodStart: '2030-01-01', periodEnd: '2030-12-31' });
    const writes = [1, 2, 3].map((n) => call('POST', '/api/editions', edition(n)));
    let waiting = 0;
    let activity: unknown[] = [];
    for (let attempt = 0; attempt < 1200 && waiting < 3; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      // Statistics are read once per transaction unless the snapshot is cleared.
      await locker.query('select pg_stat_clear_snapshot()');
      const result = await locker.query<{ wait: string | null; state: string; query: string }>(
        'select wait_event as wait, state, query from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [name],
      );
      activity = result.rows;
      waiting = result.rows.filter((r) => r.wait === 'advisory' && r.state === 'active').length;
    }
    expect(waiting, JSON.stringify(activity)).toBe(3);
    // As an administrator, a restart or a failover would: every connection of the app ends.
    const ended = await locker.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
    expect(ended.rowCount).toBeGreaterThanOrEqual(3);
    await locker.query('rollback');

    const answers = await Promise.all(writes);
    expect(answers.map((a) => [a.status, a.body.error?.code])).toEqual([
      [503, 'DATABASE_UNAVAILABLE'],
      [503, 'DATABASE_UNAVAILABLE'],
      [503, 'DATABASE_UNAVAILABLE'],
    ]);
    expect(child.exitCode).toBe(null);
    // Nothing of the cut transactions was kept.
    expect(await rows(sql`select label from editions where label like 'Paritrana Award 203%'`)).toEqual([]);

    // The pool replaces the lost connections: the next requests succeed.
    const again = await call('POST', '/api/editions', edition(4));
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ label: 'Paritrana Award 2034' });
    expect((await call('GET', '/api/health')).status).toBe(200);
    expect(child.exitCode).toBe(null);
    expect(stderr).toContain('a connection in use was lost');
  }, 300_000);
});

import { Writable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCategories, listEditions } from '../../src/db/repositories/editions.ts';
import { buildApp } from '../../src/server/app.ts';
import { version } from '../../src/server/bootstrap.ts';
import { loadConfig } from '../../src/server/config.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { drivers, testDatabase } from '../support/database.ts';
import { makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { setReadOnly } from '../support/faults.ts';

type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string }[] } };

describe.each(drivers())('one error model on %s', (driver) => {
  let t: TestApp;
  let editionId: string;
  let category: string;
  let admin52: Client;

  beforeAll(async () => {
    t = await startTestApp(driver);
    await seedDemo(t.database.db);
    editionId = (await listEditions(t.database.db))[0]!.id;
    category = (await listCategories(t.database.db, editionId)).find((c) => c.code === 'pemkab-kota')!.id;
    admin52 = await signIn(t, (await makeUser(t, roles.provincialAdmin('52'))).email);
  });
  afterAll(async () => t?.close());

  /**
   * Sends two requests at once so that both pass their check before either commits: on PostgreSQL
   * another session holds the audit log's lock, so the first waits there after its insert and the
   * second waits on the first's index entry; then the lock is let go. PGlite runs one transaction
   * at a time, so there the second request meets the first's committed row in its check.
   */
  async function race(send: () => Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse[]> {
    if (driver === 'pglite') return Promise.all([send(), send()]);
    const { default: pg } = await import('pg');
    const result: unknown = await t.database.db.execute('select current_database() as name');
    const name = (result as { rows: { name: string }[] }).rows[0]!.name;
    const locker = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL!.replace(/\/[^/]*$/, `/${name}`) });
    await locker.connect();
    try {
      await locker.query('begin');
      await locker.query('select pg_advisory_xact_lock(7281001)');
      const pending = Promise.all([send(), send()]);
      let waits: string[] = [];
      for (let attempt = 0; attempt < 600 && waits.length < 2; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        await locker.query('select pg_stat_clear_snapshot()');
        const activity = await locker.query<{ wait: string }>(
          "select wait_event as wait from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() and state = 'active' and wait_event_type = 'Lock' order by 1",
          [name],
        );
        waits = activity.rows.map((r) => r.wait);
      }
      expect(waits).toEqual(['advisory', 'transactionid']);
      await locker.query('rollback');
      return await pending;
    } finally {
      await locker.end();
    }
  }

  it('answers two identical accounts sent at once with one 201 and one 409 naming the e-mail, never 500', async () => {
    const national = await signIn(t, (await makeUser(t, roles.nationalAdmin())).email);
    const account = { email: 'kembar@paritrana.test', name: 'Akun Kembar', password: 'correct-horse-battery', locale: 'id', roles: roles.verifier('52') };
    const answers = await race(() => national.request('POST', '/api/users', account));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json<ErrorBody>()).toEqual({
      error: {
        code: 'CONFLICT',
        // PostgreSQL: the unique constraint answered, in words; PGlite: the service's own check.
        message: driver === 'postgres' ? 'An account with this e-mail address already exists' : 'A user with e-mail kembar@paritrana.test exists',
        details: [{ path: 'email', message: 'already used' }],
      },
    });
  });

  it('answers two identical nominations sent at once with one 201 and one refusal naming the regency, never 500', async () => {
    const nomination = { categoryId: category, provinceCode: '52', regencyCode: '52.01', npp: null, name: null, sizeClass: null, sector: null, address: null, contacts: [] };
    const answers = await race(() => admin52.request('POST', `/api/editions/${editionId}/candidates`, nomination));
    // Whichever request checks second either sees the first one's row (the nomination's own check, 400)
    // or meets the unique index when both checked before either wrote (409); never a 500.
    const [ok, refused] = [...answers].sort((a, b) => a.statusCode - b.statusCode);
    expect(ok!.statusCode).toBe(201);
    if (refused!.statusCode === 409) {
      expect(refused!.json<ErrorBody>()).toEqual({
        error: { code: 'CONFLICT', message: 'This regency is already a candidate in this category and level', details: [{ path: 'regencyCode', message: 'already used' }] },
      });
    } else {
      expect(refused!.statusCode).toBe(400);
      expect(refused!.json<ErrorBody>().error.details).toEqual([
        { path: 'baris 2.baris', reason: 'already-candidate', values: { name: '52.01', category: 'pemkab-kota' }, message: '52.01 is already a candidate of category pemkab-kota' },
      ]);
    }
    const listed = (await admin52.request('GET', `/api/editions/${editionId}/candidates`)).json<{ regencyCode: string | null }[]>();
    expect(listed.filter((c) => c.regencyCode === '52.01')).toHaveLength(1);
  });

  it('answers a body larger than the server accepts with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await admin52.inject({
      method: 'POST',
      url: `/api/editions/${editionId}/candidates`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 1) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json<ErrorBody>()).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request is larger than the server accepts' } });
  });

  it('answers a content type the route does not read with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await admin52.inject({
      method: 'POST',
      url: `/api/editions/${editionId}/candidates`,
      headers: { 'content-type': 'application/xml' },
      payload: '<candidate/>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json<ErrorBody>().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers an upload sent as something other than multipart with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const [candidate] = (await admin52.request('GET', `/api/editions/${editionId}/candidates`)).json<{ id: string }[]>();
    const res = await admin52.request('POST', `/api/candidates/${candidate!.id}/evidence`, { file: '%PDF-1.4' });
    expect(res.statusCode).toBe(415);
    expect(res.json<ErrorBody>()).toEqual({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the file as multipart/form-data' } });
  });
});

describe.each(drivers())('the error log on %s', (driver) => {
  let t: TestApp;
  let lines: string[];

  beforeAll(async () => {
    lines = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const database = await testDatabase(driver);
    const app = await buildApp({ config: loadConfig({}), database, version }, { logger: { level: 'info', stream } });
    await app.ready();
    t = { app, database, close: async () => (await app.close(), await database.close()) };
  });
  afterAll(async () => {
    if (t && driver === 'postgres') await setReadOnly(t, driver, false);
    await t?.close();
  });

  it('keeps the SQL text and SQLSTATE of a failed query but none of its parameters (password hash, e-mail, name)', async () => {
    const admin = await signIn(t, (await makeUser(t, roles.nationalAdmin())).email);
    await setReadOnly(t, driver, true);
    const account = { email: 'siti.rahayu.rahasia@example.go.id', name: 'Siti Rahayu Rahasia', password: 'kata-sandi-rahasia-2025', locale: 'id', roles: roles.nationalAdmin() };
    // On PostgreSQL the pool may first hand out a connection that was just ended (503 DATABASE_UNAVAILABLE).
    let res = await admin.request('POST', '/api/users', account);
    for (let attempt = 0; attempt < 100 && res.json<ErrorBody>().error.code !== 'STORAGE_UNAVAILABLE'; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      res = await admin.request('POST', '/api/users', account);
    }
    const everything = lines.join('\n');
    for (const secret of [account.email, account.name, account.password, '$argon2id$']) expect(everything).not.toContain(secret);
    expect(res.statusCode).toBe(503);
    expect(res.json<ErrorBody>().error.code).toBe('STORAGE_UNAVAILABLE');

    const logged = lines.filter((l) => l.includes('"err"'));
    const failure = logged.map((l) => JSON.parse(l) as { msg: string; err: { message: string; query?: string; cause?: { code?: string } } }).find((l) => l.err.query?.startsWith('insert into "users"'));
    expect(failure?.msg).toBe('STORAGE_UNAVAILABLE');
    expect(failure?.err.cause?.code).toBe('25006');
    expect(failure?.err.message.startsWith('Failed query: insert into "users"')).toBe(true);
    expect(failure?.err.message.endsWith('\nparams: [not logged]')).toBe(true);
  });
});

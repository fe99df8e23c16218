import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEditions } from '../../src/db/repositories/editions.ts';
import { version } from '../../src/server/bootstrap.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { drivers } from '../support/database.ts';
import { setReadOnly } from '../support/faults.ts';
import { anonymous, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';

type Health = { status: string; database: string; version: string; checks: { database: { ok: boolean; reason?: string }; files: { ok: boolean; reason?: string }; secrets: { ok: boolean; reason?: string } } };
type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string }[] } };

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

function multipart(filename: string, content: Buffer) {
  const boundary = '----paritrana-test';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(drivers())('health and storage faults on %s', (driver) => {
  let t: TestApp;
  let dataDir: string;
  let admin: Client;
  let lotim: string;

  const health = async () => {
    const res = await anonymous(t).request('GET', '/api/health');
    return { status: res.statusCode, body: res.json<Health>() };
  };
  /** Asks until the database check gives `expected` (meanwhile the pool may hand out a connection that was just ended). */
  const healthOnceDatabase = async (expected: Health['checks']['database']) => {
    let last = await health();
    for (let attempt = 0; attempt < 100 && JSON.stringify(last.body.checks.database) !== JSON.stringify(expected); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      last = await health();
    }
    return last;
  };
  const upload = () => {
    const { payload, headers } = multipart('Perbup 12-2024.pdf', pdf);
    return admin.inject({ method: 'POST', url: `/api/candidates/${lotim}/evidence`, payload, headers });
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(`${tmpdir()}/paritrana-health-`);
    t = await startTestApp(driver, { PARITRANA_DATA_DIR: dataDir });
    await seedDemo(t.database.db);
    admin = await signIn(t, 'admin@paritrana.demo', 'paritrana-demo-2025');
    const editionId = (await listEditions(t.database.db))[0]!.id;
    lotim = (await admin.request('GET', `/api/editions/${editionId}/candidates`)).json<{ id: string; name: string }[]>().find((c) => c.name === 'Kabupaten Lombok Timur')!.id;
  });
  afterAll(async () => {
    if (t && driver === 'postgres') await setReadOnly(t, driver, false);
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers 200 when the database commits a write and the file store takes a file', async () => {
    expect(await health()).toEqual({
      status: 200,
      body: { status: 'ok', database: driver, version, checks: { database: { ok: true }, files: { ok: true }, secrets: { ok: true } } },
    });
  });

  it('answers 503 naming the database when it cannot write; a write gets 503 STORAGE_UNAVAILABLE; both recover without a restart', async () => {
    const edition = (label: string) => ({ label, periodStart: '2030-01-01', periodEnd: '2030-12-31' });
    await setReadOnly(t, driver, true);
    expect(await healthOnceDatabase({ ok: false, reason: 'cannot write: read-only (25006)' })).toEqual({
      status: 503,
      body: { status: 'unavailable', database: driver, version, checks: { database: { ok: false, reason: 'cannot write: read-only (25006)' }, files: { ok: true }, secrets: { ok: true } } },
    });
    const refused = await admin.request('POST', '/api/editions', edition('Paritrana Award 2030'));
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.json<ErrorBody>()).toEqual({
      error: { code: 'STORAGE_UNAVAILABLE', message: 'The database cannot write (read-only); nothing was changed', details: [{ path: 'database', message: 'read-only' }] },
    });

    await setReadOnly(t, driver, false);
    expect(await healthOnceDatabase({ ok: true })).toEqual({
      status: 200,
      body: { status: 'ok', database: driver, version, checks: { database: { ok: true }, files: { ok: true }, secrets: { ok: true } } },
    });
    const created = await admin.request('POST', '/api/editions', edition('Paritrana Award 2031'));
    expect(created.statusCode).toBe(201);
    expect((await listEditions(t.database.db)).map((e) => e.label).filter((l) => l.startsWith('Paritrana Award 203'))).toEqual(['Paritrana Award 2031']);
  });

  it('answers 503 naming the file store when it cannot write; an upload gets 503 STORAGE_UNAVAILABLE; both recover without a restart', async () => {
    // Running as root, permissions do not stop a write; a regular file where the store's folder should be does.
    const filesDir = `${dataDir}/files`;
    await rm(filesDir, { recursive: true, force: true });
    await writeFile(filesDir, 'not a folder');
    expect(await health()).toEqual({
      status: 503,
      body: {
        status: 'unavailable',
        database: driver,
        version,
        checks: { database: { ok: true }, files: { ok: false, reason: 'cannot write: a path of the file store is not a directory (ENOTDIR)' }, secrets: { ok: true } },
      },
    });
    const refused = await upload();
    expect(refused.statusCode).toBe(503);
    expect(refused.json<ErrorBody>()).toEqual({
      error: {
        code: 'STORAGE_UNAVAILABLE',
        message: 'The file store cannot write (a path of the file store is not a directory); nothing was changed',
        details: [{ path: 'files', message: 'a path of the file store is not a directory' }],
      },
    });
    expect((await admin.request('GET', `/api/candidates/${lotim}/evidence`)).json<unknown[]>()).toEqual([]);

    await rm(filesDir);
    expect((await health()).status).toBe(200);
    const stored = await upload();
    expect(stored.statusCode).toBe(201);
    expect((await admin.request('GET', `/api/candidates/${lotim}/evidence`)).json<{ originalName: string }[]>().map((e) => e.originalName)).toEqual(['Perbup 12-2024.pdf']);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { drivers, testDatabase } from '../support/database.ts';
import { makeUser, roles, signIn, type Client, type TestApp } from '../support/app.ts';
import type { Database } from '../../src/db/client.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { version } from '../../src/server/bootstrap.ts';
import { cliScreenRunner } from '../../src/server/services/screen-runner.ts';
import type { ScreenRunner } from '../../src/server/services/coverage-import.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { listEditions } from '../../src/db/repositories/editions.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';

const bin = fileURLToPath(new URL('../../bin/paritrana', import.meta.url));
type Figures = { figures: { key: string; value: number | null; source: string; snapshotVersion: number | null }[] };

async function multipartOf(dir: string, year: number) {
  const boundary = '----coverage-publish';
  const parts: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="year"\r\n\r\n${year}\r\n`)];
  for (const name of await readdir(dir)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    parts.push(await readFile(join(dir, name)));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * A dispute decided while a snapshot is being stored must survive it. The
 * two writes have to overlap in the database, which takes two connections:
 * this runs on PostgreSQL (PGlite has one connection, so the two cannot
 * interleave there).
 */
describe.each(drivers().filter((d) => d === 'postgres'))('a coverage snapshot published while a dispute is decided on %s', (driver) => {
  let database: Database;
  let app: FastifyInstance;
  let t: TestApp;
  let editionId: string;
  let national: Client;
  let extract: string;
  let lock: pg.Client;
  // The screen waits for this gate, so that the test can line up the dispute's decision first.
  let openGate: () => void = () => undefined;
  let gate: Promise<void> = Promise.resolve();
  const screenRunner: ScreenRunner = async (options) => {
    await gate;
    return cliScreenRunner(options);
  };

  const waitingOn = async (event: string) => {
    for (;;) {
      const { rows } = await lock.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and wait_event = $1`,
        [event],
      );
      if (rows[0]!.n > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  beforeAll(async () => {
    extract = await mkdtemp(join(tmpdir(), 'paritrana-extract-'));
    execFileSync(process.execPath, [bin, 'gen-extract', '--out', extract, '--scale', 'small', '--seed', '7'], { stdio: 'pipe' });
    database = await testDatabase(driver);
    app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database, version, screenRunner }, { logger: false });
    await app.ready();
    t = { app, database, close: () => Promise.resolve() };
    await seedDemo(database.db);
    editionId = (await listEditions(database.db))[0]!.id;
    national = await signIn(t, 'admin@paritrana.demo', 'paritrana-demo-2025');
    const result = await database.db.execute(sql`select current_database() as name`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${(result as { rows: { name: string }[] }).rows[0]!.name}`;
    lock = new pg.Client({ connectionString: url.toString() });
    await lock.connect();
  });
  afterAll(async () => {
    await lock?.end();
    await app?.close();
    await database?.close();
  });

  it('keeps the verifier’s correction decided while the snapshot was being stored', async () => {
    const first = await national.inject({ method: 'POST', url: `/api/editions/${editionId}/coverage/imports`, ...(await multipartOf(extract, 2024)) });
    expect(first.statusCode).toBe(202);
    await app.jobs.drain();

    const lombokTimur = (await listCandidates(database.db, editionId, { all: true })).find((c) => c.regencyCode === '52.03')!;
    const user = await signIn(t, (await makeUser(t, roles.candidate(lombokTimur.id))).email);
    const before = (await user.request('GET', `/api/candidates/${lombokTimur.id}/figures`)).json<Figures>().figures.find((f) => f.key === 'coverage_pct')!;
    expect(before).toMatchObject({ source: 'coverage', snapshotVersion: 1 });
    const corrected = Math.round(((before.value ?? 0) + 7.5) * 10_000) / 10_000;
    const raised = await user.request('POST', `/api/candidates/${lombokTimur.id}/disputes`, {
      key: 'coverage_pct',
      claimedValue: corrected,
      reason: 'Pekerja bukan penerima upah yang didaftarkan desa belum terhitung.',
      evidence: 'Daftar peserta BPU desa 2024',
    });
    expect(raised.statusCode).toBe(201);
    const verifier = await signIn(t, 'verifikator.ntb@paritrana.demo', 'paritrana-demo-2025');

    // Snapshot v2 starts; its screen waits at the gate.
    gate = new Promise((resolve) => (openGate = resolve));
    const second = await national.inject({ method: 'POST', url: `/api/editions/${editionId}/coverage/imports`, ...(await multipartOf(extract, 2024)) });
    expect(second.statusCode).toBe(202);

    // The decision writes the corrected figure, then waits for the audit chain's lock, which the test holds.
    await lock.query('begin');
    await lock.query('select pg_advisory_xact_lock(7281001)');
    const decision = verifier.request('POST', `/api/disputes/${raised.json<{ id: string }>().id}/decision`, {
      status: 'accepted',
      correctedValue: corrected,
      note: 'Sesuai daftar peserta desa',
    });
    await waitingOn('advisory');
    // The snapshot runs on and reaches the figure the decision holds.
    openGate();
    await waitingOn('transactionid');
    await lock.query('commit');
    expect((await decision).statusCode).toBe(200);
    await app.jobs.drain();

    const snapshot = (await national.request('GET', `/api/editions/${editionId}/coverage/snapshots/${second.json<{ id: string }>().id}`)).json<unknown>();
    expect(snapshot).toMatchObject({ version: 2, status: 'ready' });
    const after = (await user.request('GET', `/api/candidates/${lombokTimur.id}/figures`)).json<Figures>().figures;
    expect(after.find((f) => f.key === 'coverage_pct')).toMatchObject({ value: corrected, source: 'dispute' });
    expect(after.find((f) => f.key === 'growth_pct')).toMatchObject({ source: 'coverage', snapshotVersion: 2 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { drivers, testDatabase } from '../support/database.ts';
import { makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { buildZip } from '../support/zip.ts';
import type { Database } from '../../src/db/client.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { createUser } from '../../src/server/services/users.ts';
import { listEditions } from '../../src/db/repositories/editions.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';
import { searchVillages } from '../../src/db/repositories/villages.ts';
import { listAudit } from '../../src/db/repositories/audit.ts';
import { randomUUID } from 'node:crypto';
import { claimJob, countStagedRows, findJob, insertHeldJob, insertJob } from '../../src/db/repositories/jobs.ts';
import { candidateImportJob, candidateImportKind, importBatchRows, interruptedUpload, queueCandidateImport, stageImportRows } from '../../src/server/services/candidate-import.ts';
import { createCandidate } from '../../src/server/services/candidates.ts';
import { JobRunner, jobContext } from '../../src/server/job-runner.ts';
import type { Actor } from '../../src/server/policies/actor.ts';
import type { ImportRow } from '../../src/domain/candidates/import-rows.ts';
import { presentJob } from '../../src/server/services/jobs.ts';

type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string }[] } };

function multipart(filename: string, content: string | Buffer) {
  const boundary = '----paritrana-import';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** `count` employers of category usaha-besar with NPPs from `first`. */
const employerRows = (first: number, count: number): ImportRow[] =>
  Array.from({ length: count }, (_, i) => ({ kategori: 'usaha-besar', npp: `NPP${first + i}`, nama: `PT Uji ${first + i}`, kelas_usaha: 'besar' }));
const csvOf = (rows: ImportRow[]) => ['kategori,npp,nama,kelas_usaha', ...rows.map((r) => `${r.kategori},${r.npp},${r.nama},${r.kelas_usaha}`)].join('\n');

const contentTypes = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>',
);

describe.each(drivers())('the candidate import on %s', (driver) => {
  let t: TestApp;
  let editionId: string;
  let admin52: Client;

  const importSheet = (client: Client, filename: string, content: string | Buffer) =>
    client.inject({ method: 'POST', url: `/api/editions/${editionId}/candidates/import?province=52`, ...multipart(filename, content) });
  const details = (res: { json: <T>() => T }) => res.json<ErrorBody>().error.details;

  beforeAll(async () => {
    t = await startTestApp(driver);
    await seedDemo(t.database.db);
    editionId = (await listEditions(t.database.db))[0]!.id;
    admin52 = await signIn(t, (await makeUser(t, roles.provincialAdmin('52'))).email);
  });
  afterAll(async () => t?.close());

  it('refuses a zip bomb from its central directory, before anything inflates it', async () => {
    // 60 MB of zeros deflate to about 60 KB: the upload is small, the sheet once opened is not.
    const bomb = buildZip([
      { name: '[Content_Types].xml', data: contentTypes },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(60 * 1024 * 1024) },
    ]);
    expect(bomb.length).toBeLessThan(100 * 1024);
    const res = await importSheet(admin52, 'kandidat.xlsx', bomb);
    expect(res.statusCode).toBe(400);
    expect(details(res)).toEqual([{ path: 'file', message: 'isinya lebih dari 50 MB setelah dibuka' }]);
  });

  it('refuses a zip whose directory understates what an entry inflates to', async () => {
    const liar = buildZip([
      { name: '[Content_Types].xml', data: contentTypes },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(20 * 1024 * 1024), declaredSize: 1000 },
    ]);
    const res = await importSheet(admin52, 'kandidat.xlsx', liar);
    expect(res.statusCode).toBe(400);
    expect(details(res)).toEqual([{ path: 'file', message: 'ukuran berkas dalam zip tidak sesuai isinya' }]);
  });

  it('refuses a zip of more than 100 entries', async () => {
    const many = buildZip(Array.from({ length: 101 }, (_, i) => ({ name: `xl/part${i}.xml`, data: Buffer.from('<a/>') })));
    const res = await importSheet(admin52, 'kandidat.xlsx', many);
    expect(res.statusCode).toBe(400);
    expect(details(res)).toEqual([{ path: 'file', message: 'berisi 101 berkas, paling banyak 100' }]);
  });

  it('refuses more than 5,000 rows in one import, with the count and the limit for the page to say', async () => {
    const res = await importSheet(admin52, 'kandidat.csv', csvOf(employerRows(100000, 5001)));
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.message).toBe('The file has 5001 rows; one import takes at most 5000: split it into several files.');
    expect(details(res)).toEqual([{ path: 'file', reason: 'too-many-rows', values: { count: 5001, max: 5000 }, message: 'the file has 5001 rows; at most 5000' }]);
  });

  it('answers 202 with a job, writes 450 rows in batches and audits the import once', async () => {
    const auditBefore = (await listAudit(t.database.db, { limit: 10_000 })).length;
    const res = await importSheet(admin52, 'kandidat.csv', csvOf(employerRows(200000, 450)));
    expect(res.statusCode).toBe(202);
    const { jobId } = res.json<{ jobId: string }>();
    await t.app.jobs.drain();
    const job = (await admin52.request('GET', `/api/jobs/${jobId}`)).json<unknown>();
    expect(job).toMatchObject({ kind: 'candidate.import', status: 'done', attempts: 1, progress: { done: 450, total: 450, message: null }, result: { created: 450 } });
    const created = (await listCandidates(t.database.db, editionId, { all: true })).filter((c) => c.npp?.startsWith('NPP2'));
    expect(created).toHaveLength(450);
    expect(new Set(created.map((c) => c.status))).toEqual(new Set(['nominated']));
    const audit = await listAudit(t.database.db, { limit: 10_000 });
    expect(audit.length - auditBefore).toBe(1);
    expect(audit[0]).toMatchObject({ action: 'candidate.import', entityType: 'job', entityId: jobId });
    expect((audit[0]!.after as { created: number; candidateIds: string[] }).candidateIds.sort()).toEqual(created.map((c) => c.id).sort());
    expect(await countStagedRows(t.database.db, jobId)).toBe(0);
  });

  it('keeps each row at its category\'s level and a village\'s own code: a provincial government and two villages of one regency', async () => {
    const [first, second] = (await searchVillages({ regency: '52.01', limit: 5 })).slice(-2);
    const csv = [
      'kategori,kode_wilayah,nama',
      'pemprov,52,',
      `desa,${first!.code},`,
      `desa,${second!.code},`,
    ].join('\n');
    const before = new Set((await listCandidates(t.database.db, editionId, { all: true })).map((c) => c.id));
    const res = await importSheet(admin52, 'pemda.csv', csv);
    expect(res.statusCode, res.body).toBe(202);
    await t.app.jobs.drain();
    const job = (await admin52.request('GET', `/api/jobs/${res.json<{ jobId: string }>().jobId}`)).json<{ status: string }>();
    expect(job.status).toBe('done');
    const created = (await listCandidates(t.database.db, editionId, { all: true })).filter((c) => !before.has(c.id));
    const shown = created.map((c) => ({ category: c.categoryCode, level: c.level, regencyCode: c.regencyCode, villageCode: c.villageCode })).sort((a, b) => `${a.category}${a.villageCode}`.localeCompare(`${b.category}${b.villageCode}`));
    expect(shown).toEqual(
      [
        { category: 'desa', level: 'provinsi', regencyCode: null, villageCode: first!.code },
        { category: 'desa', level: 'provinsi', regencyCode: null, villageCode: second!.code },
        { category: 'pemprov', level: 'nasional', regencyCode: null, villageCode: null },
      ].sort((a, b) => `${a.category}${a.villageCode}`.localeCompare(`${b.category}${b.villageCode}`)),
    );
  });

  it('shows a job to its creator and the admins of its province, and to nobody else', async () => {
    const res = await importSheet(admin52, 'kandidat.csv', csvOf(employerRows(300000, 3)));
    const { jobId } = res.json<{ jobId: string }>();
    await t.app.jobs.drain();
    const otherAdmin52 = await signIn(t, (await makeUser(t, roles.provincialAdmin('52'))).email);
    const national = await signIn(t, 'admin@paritrana.demo', 'paritrana-demo-2025');
    const admin18 = await signIn(t, (await makeUser(t, roles.provincialAdmin('18'))).email);
    const verifier52 = await signIn(t, (await makeUser(t, roles.verifier('52'))).email);
    expect((await admin52.request('GET', `/api/jobs/${jobId}`)).statusCode).toBe(200);
    expect((await otherAdmin52.request('GET', `/api/jobs/${jobId}`)).statusCode).toBe(200);
    expect((await national.request('GET', `/api/jobs/${jobId}`)).statusCode).toBe(200);
    expect((await admin18.request('GET', `/api/jobs/${jobId}`)).statusCode).toBe(403);
    expect((await verifier52.request('GET', `/api/jobs/${jobId}`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/jobs/${jobId}` })).statusCode).toBe(401);
  });
});

/**
 * Two app servers over one database, without an HTTP app: server A takes
 * the job (or stages an upload) and stops (its process died); server B must
 * leave the job alone while A's lease lasts, then take it over.
 */
describe.each(drivers())('an import whose server died on %s', (driver) => {
  let database: Database;
  let editionId: string;
  let actor: Actor;
  const onError = (error: unknown) => {
    throw error;
  };

  beforeAll(async () => {
    database = await testDatabase(driver);
    await seedDemo(database.db);
    editionId = (await listEditions(database.db))[0]!.id;
    const user = await createUser(
      { db: database.db, actor: null },
      { email: 'importir@test.example', name: 'Importir', password: 'correct-horse-battery', locale: 'id', roles: roles.nationalAdmin() },
    );
    actor = { id: user.id, email: user.email, name: user.name, locale: 'id', roles: roles.nationalAdmin(), csrfToken: 'x', sessionId: 'x' };
  });
  afterAll(async () => database?.close());

  /** Claims the job as server A and runs `steps` steps; then A stops. */
  async function startOnA(jobId: string, steps: number) {
    const claimed = await claimJob(database.db, { instance: 'server-a', leaseMs: 1500, kinds: [candidateImportKind], id: jobId });
    expect(claimed).toMatchObject({ id: jobId, lockedBy: 'server-a', attempts: 1 });
    const ctx = jobContext(database.db, claimed!, 'server-a', 1500);
    for (let i = 0; i < steps; i++) expect(await candidateImportJob.step(ctx)).toBe(true);
  }
  async function leaseExpired(jobId: string) {
    for (;;) {
      const result = await database.db.execute(sql`select locked_until < now() as expired from jobs where id = ${jobId}`);
      if ((result as { rows: { expired: boolean }[] }).rows[0]!.expired) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const usahaBesar = async () => (await database.db.query.editionCategories.findFirst({ where: (c, { and, eq }) => and(eq(c.editionId, editionId), eq(c.code, 'usaha-besar')) }))!;
  const visible = async (prefix: string) => (await listCandidates(database.db, editionId, { all: true })).filter((c) => c.npp?.startsWith(prefix));
  const serverB = () => new JobRunner({ db: database.db, handlers: { [candidateImportKind]: candidateImportJob }, onError, instance: 'server-b' });

  it('stores every checked row before the upload is answered, other statements running between its batches', async () => {
    const rows = employerRows(600000, 20 * importBatchRows);
    let queued = false;
    const upload = queueCandidateImport({ db: database.db, actor }, editionId, '52', rows).finally(() => {
      queued = true;
    });
    // Statements of others while the upload runs: some see part of its rows stored, so none waits for all of them.
    const seen = new Set<number>();
    while (!queued) {
      const result = await database.db.execute(sql`select count(*)::int as n from candidate_import_rows`);
      seen.add((result as { rows: { n: number }[] }).rows[0]!.n);
      // As a server between two requests (on PGlite a statement settles without a turn of the event loop).
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const job = await upload;
    expect([...seen].some((n) => n > 0 && n < rows.length)).toBe(true);
    expect(await findJob(database.db, job.id)).toMatchObject({ status: 'queued', lockedBy: null, payload: { editionId, provinceCode: '52' } });
    expect(await countStagedRows(database.db, job.id)).toBe(rows.length);
    expect(await visible('NPP6')).toEqual([]);
    const runner = serverB();
    await runner.drain();
    expect(await findJob(database.db, job.id)).toMatchObject({ status: 'done', progress: { done: rows.length, total: rows.length }, result: { created: rows.length } });
    expect(await visible('NPP6')).toHaveLength(rows.length);
    expect(await countStagedRows(database.db, job.id)).toBe(0);
    await runner.stop();
    // The same sheet again: the edition's candidates are read a page at a time, and every row is named on every page.
    const again = (await queueCandidateImport({ db: database.db, actor }, editionId, '52', rows).then(
      () => ({}),
      (error: unknown) => error,
    )) as { details?: { path: string; message: string }[] };
    expect(again.details).toHaveLength(rows.length);
    expect(again.details![rows.length - 1]).toEqual({
      path: `baris ${rows.length + 1}.baris`,
      reason: 'already-candidate',
      values: { name: `NPP${600000 + rows.length - 1}`, category: 'usaha-besar' },
      message: `NPP${600000 + rows.length - 1} is already a candidate of category usaha-besar`,
    });
  });

  it('publishes on another server once the lease expired, never before; every row once, one audit entry', async () => {
    const job = await queueCandidateImport({ db: database.db, actor }, editionId, '52', employerRows(400000, 450));
    await startOnA(job.id, 0);
    expect(await countStagedRows(database.db, job.id)).toBe(450);
    expect(await visible('NPP4')).toEqual([]);

    const b = serverB();
    await b.drain();
    // A's lease still runs: B neither fails nor takes A's job.
    expect(await findJob(database.db, job.id)).toMatchObject({ status: 'running', lockedBy: 'server-a', attempts: 1, progress: { done: 0, total: 450 } });

    await leaseExpired(job.id);
    await b.drain();
    expect(await findJob(database.db, job.id)).toMatchObject({ status: 'done', lockedBy: null, attempts: 2, progress: { done: 450, total: 450 }, result: { created: 450 } });
    const created = await visible('NPP4');
    expect(created).toHaveLength(450);
    expect(new Set(created.map((c) => c.npp)).size).toBe(450);
    const audit = await listAudit(database.db, { entityType: 'job', entityId: job.id, limit: 10 });
    expect(audit.map((a) => a.action)).toEqual(['candidate.import']);
    expect((audit[0]!.after as { candidateIds: string[] }).candidateIds.sort()).toEqual(created.map((c) => c.id).sort());
    await b.stop();
  });

  it('resumes a job queued with its rows in the payload from the recorded progress', async () => {
    // Jobs queued before the upload staged its rows carry them in the payload and stage them step by step.
    const category = await usahaBesar();
    const candidates = employerRows(700000, 120).map((r) => ({
      categoryId: category.id,
      level: 'provinsi',
      kind: 'badan-usaha' as const,
      provinceCode: '52',
      regencyCode: null,
      villageCode: null,
      npp: r.npp!,
      name: r.nama!,
      sizeClass: 'besar',
      sector: null,
      address: null,
      contacts: [],
    }));
    const job = await insertJob(database.db, {
      kind: candidateImportKind,
      payload: { editionId, provinceCode: '52', actor: { id: actor.id, label: actor.email }, candidates },
      progress: { done: 0, total: candidates.length, message: null },
      editionId,
      provinceCode: '52',
      createdBy: actor.id,
    });
    await startOnA(job.id, 2);
    expect(await countStagedRows(database.db, job.id)).toBe(2 * importBatchRows);
    await leaseExpired(job.id);
    const b = serverB();
    await b.drain();
    expect(await findJob(database.db, job.id)).toMatchObject({ status: 'done', attempts: 2, progress: { done: 120, total: 120 }, result: { created: 120 } });
    expect(await visible('NPP7')).toHaveLength(120);
    await b.stop();
  });

  it('leaves nothing visible when the import fails in the middle of publishing', async () => {
    const job = await queueCandidateImport({ db: database.db, actor }, editionId, '52', employerRows(500000, 450));
    // Meanwhile one of the file's employers (row 300 of 450) is nominated by hand: the import can no longer be whole.
    const category = await usahaBesar();
    await createCandidate({ db: database.db, actor }, editionId, {
      categoryId: category.id,
      provinceCode: '52',
      regencyCode: null,
      npp: 'NPP500300',
      name: 'PT Uji 500300',
      sizeClass: 'besar',
      sector: null,
      address: null,
      contacts: [],
    });
    const auditBefore = (await listAudit(database.db, { limit: 10_000 })).length;
    const b = serverB();
    await b.drain();
    const failed = await findJob(database.db, job.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed!.error).toBe('A candidate in the file was added meanwhile; nothing was saved.');
    // Named by its reason, which the page says in its reader's language.
    expect(presentJob(failed!)).toMatchObject({ status: 'failed', errorReason: 'added-meanwhile' });
    expect((await visible('NPP5')).map((c) => c.npp)).toEqual(['NPP500300']);
    expect(await countStagedRows(database.db, job.id)).toBe(0);
    expect((await listAudit(database.db, { limit: 10_000 })).length).toBe(auditBefore);
    await b.stop();
  });

  it('fails an upload whose server died while storing its rows, once the lease expired, leaving nothing', async () => {
    const holder = { instance: 'upload-a', leaseMs: 1500 };
    const candidates = employerRows(800000, 3 * importBatchRows).map((r) => ({
      categoryId: randomUUID(),
      level: 'provinsi',
      kind: 'badan-usaha' as const,
      provinceCode: '52',
      regencyCode: null,
      villageCode: null,
      npp: r.npp!,
      name: r.nama!,
      sizeClass: 'besar',
      sector: null,
      address: null,
      contacts: [],
    }));
    const job = await insertHeldJob(
      database.db,
      { kind: candidateImportKind, payload: { editionId, provinceCode: '52', actor: { id: actor.id, label: actor.email } }, progress: { done: 0, total: candidates.length, message: null }, editionId, provinceCode: '52', createdBy: actor.id },
      holder,
    );
    // A stores two of its three batches, then its process dies.
    await stageImportRows(database.db, job, candidates.slice(0, 2 * importBatchRows), holder);
    const b = serverB();
    await b.drain();
    expect(await findJob(database.db, job.id)).toMatchObject({ status: 'running', lockedBy: 'upload-a', attempts: 0 });
    await leaseExpired(job.id);
    await b.drain();
    expect(await findJob(database.db, job.id)).toMatchObject({ status: 'failed', attempts: 1, error: interruptedUpload, errorReason: 'interrupted-upload' });
    expect(await countStagedRows(database.db, job.id)).toBe(0);
    expect(await visible('NPP8')).toEqual([]);
    await b.stop();
  });
});

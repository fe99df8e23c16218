import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { createGunzip, gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { anonymous, makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { finalisedPool, type FinalisedPool } from '../support/publication.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { buildPoolPackage, packageText, sha256 } from '../../src/server/services/results.ts';
import { loadPool } from '../../src/server/services/pool-context.ts';
import { findResult } from '../../src/db/repositories/pools.ts';
import { listEditions } from '../../src/db/repositories/editions.ts';
import { scorePackage, type ScoringPackage } from '../../src/domain/scoring/index.ts';
import type { ArchiveImportResult, CertificateVerification, PublicationStatus } from '../../src/shared/contracts/index.ts';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

function multipart(filename: string, content: Buffer) {
  const boundary = '----paritrana-archive-test';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The entries of a .tar.gz, by name. */
async function entries(archive: Buffer): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const extract = tar.extract();
  Readable.from(archive).pipe(createGunzip()).pipe(extract);
  for await (const entry of extract) out.set(entry.header.name, await buffer(entry));
  return out;
}

/** A .tar.gz with the given entries, in order. */
async function pack(files: Map<string, Buffer>): Promise<Buffer> {
  const p = tar.pack();
  for (const [name, content] of files) p.entry({ name }, content);
  p.finalize();
  return gzipSync(await buffer(p));
}

describe.each(drivers())('edition archives on %s', (driver) => {
  let source: TestApp;
  let target: TestApp;
  let f: FinalisedPool;
  let sourceAdmin: Client;
  let targetAdmin: Client;
  let archive: Buffer;
  let evidenceId = '';
  let code = '';

  beforeAll(async () => {
    source = await startTestApp(driver, { PARITRANA_DATA_DIR: mkdtempSync(join(tmpdir(), 'paritrana-src-')) });
    target = await startTestApp(driver, { PARITRANA_DATA_DIR: mkdtempSync(join(tmpdir(), 'paritrana-dst-')) });
    await seedDemo(source.database.db);
    f = await finalisedPool(source.database.db);
    sourceAdmin = await signIn(source, f.national.email);
    // Evidence closes with the submission: the committee reopens it to add a file.
    expect((await sourceAdmin.request('POST', `/api/candidates/${f.ids.get('52.03')}/self-assessment/reopen`, { reason: 'Lampiran instruksi bupati' })).statusCode).toBe(200);
    const upload = await sourceAdmin.inject({ method: 'POST', url: `/api/candidates/${f.ids.get('52.03')}/evidence`, ...multipart('instruksi-bupati.pdf', pdf) });
    expect(upload.statusCode, upload.body).toBe(201);
    evidenceId = upload.json<{ id: string }>().id;
    const status = (await sourceAdmin.request('POST', `/api/pools/${f.poolId}/publish`)).json<PublicationStatus>();
    code = status.winners[0]!.certificate!.code;
    expect((await sourceAdmin.request('POST', `/api/results/${f.resultId}/press-releases`, { candidateId: f.ids.get('52.03') })).statusCode).toBe(200);
    targetAdmin = await signIn(target, (await makeUser(target, roles.nationalAdmin())).email);
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it('exports the whole edition for the national committee only', async () => {
    const provincial = await signIn(source, f.provincial.email);
    expect((await provincial.request('GET', `/api/editions/${f.editionId}/archive`)).statusCode).toBe(403);
    const res = await sourceAdmin.request('GET', `/api/editions/${f.editionId}/archive`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/gzip');
    expect(res.headers['content-disposition']).toBe('attachment; filename="paritrana-award-2025.tar.gz"');
    archive = res.rawPayload;
    const files = await entries(archive);
    const manifest = JSON.parse(files.get('manifest.json')!.toString()) as { format: string; tables: { name: string; rows: number }[]; files: { sha256: string }[] };
    expect(manifest.format).toBe('paritrana.edition-archive/v1');
    expect(manifest.tables.find((t) => t.name === 'pool_results')!.rows).toBe(1);
    expect(manifest.tables.find((t) => t.name === 'certificates')!.rows).toBe(3);
    expect(manifest.files).toEqual([{ sha256: createHash('sha256').update(pdf).digest('hex'), bytes: pdf.length }]);
    expect(files.get(`files/${manifest.files[0]!.sha256}`)).toEqual(pdf);
    // No password, role or session leaves the installation.
    expect(files.get('users.json')!.toString()).not.toMatch(/password|argon2|roles/);
  });

  it('imports into another installation with the same results, byte for byte', async () => {
    const imported = await targetAdmin.inject({ method: 'POST', url: '/api/editions/import', ...multipart('paritrana-award-2025.tar.gz', archive) });
    expect(imported.statusCode, imported.body).toBe(201);
    const result = imported.json<ArchiveImportResult>();
    expect(result).toMatchObject({ editionId: f.editionId, label: 'Paritrana Award 2025', files: 1, users: { created: 4, matched: 0 } });
    expect(result.tables).toMatchObject({ pools: 1, pool_results: 1, certificates: 3, press_releases: 1 });

    // The frozen package: same bytes, same SHA-256, same result from the engine.
    const before = await sourceAdmin.request('GET', `/api/results/${f.resultId}/package`);
    const after = await targetAdmin.request('GET', `/api/results/${f.resultId}/package`);
    expect(after.statusCode).toBe(200);
    expect(after.body).toBe(before.body);
    expect(after.headers['x-package-sha256']).toBe(before.headers['x-package-sha256']);
    const row = (await findResult(target.database.db, f.resultId))!;
    expect(scorePackage(JSON.parse(after.body) as ScoringPackage)).toEqual(row.result);
    // Built again from the imported rows (candidates, data values, marks, conflicts), the package is the same.
    const { pkg } = await buildPoolPackage(target.database.db, await loadPool(target.database.db, f.poolId));
    expect(sha256(packageText(pkg))).toBe(row.packageSha256);

    // What the public sees, and the certificates, are the same there.
    const publicBefore = await anonymous(source).request('GET', `/api/public/pools/${f.poolId}/result`);
    const publicAfter = await anonymous(target).request('GET', `/api/public/pools/${f.poolId}/result`);
    expect(publicAfter.body).toBe(publicBefore.body);
    expect((await anonymous(target).request('GET', `/api/public/certificates/${code}`)).json<CertificateVerification>()).toMatchObject({ status: 'valid', certificate: { candidate: { id: '52.03' } } });
    const evidence = await targetAdmin.request('GET', `/api/evidence/${evidenceId}`);
    expect(evidence.rawPayload).toEqual(pdf);
    // Accounts come across inactive: the chair cannot sign in there.
    expect((await target.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: f.chair.email, password: 'correct-horse-battery' } })).statusCode).toBe(401);
  });

  it('refuses an edition that is already there, and a damaged archive, changing nothing', async () => {
    const count = (await listEditions(target.database.db)).length;
    const again = await targetAdmin.inject({ method: 'POST', url: '/api/editions/import', ...multipart('again.tar.gz', archive) });
    expect(again.statusCode).toBe(409);

    const files = await entries(archive);
    const results = files.get('tables/pool_results.jsonl')!.toString();
    files.set('tables/pool_results.jsonl', Buffer.from(results.replace(/"score":(\d)/, '"score":9$1')));
    const third = await startTestApp(driver, { PARITRANA_DATA_DIR: mkdtempSync(join(tmpdir(), 'paritrana-dmg-')) });
    try {
      const admin = await signIn(third, (await makeUser(third, roles.nationalAdmin())).email);
      const damaged = await admin.inject({ method: 'POST', url: '/api/editions/import', ...multipart('damaged.tar.gz', await pack(files)) });
      expect(damaged.statusCode).toBe(400);
      expect(damaged.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path)).toEqual(['tables/pool_results.jsonl']);
      const junk = await admin.inject({ method: 'POST', url: '/api/editions/import', ...multipart('junk.tar.gz', gzipSync(Buffer.from('not a tar'))) });
      expect(junk.statusCode).toBe(400);
      expect(await listEditions(third.database.db)).toEqual([]);
    } finally {
      await third.close();
    }
    expect((await listEditions(target.database.db)).length).toBe(count);
  });
});

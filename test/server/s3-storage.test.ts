import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import S3rver from 's3rver';
import { AwsClient } from 'aws4fetch';
import { drivers } from '../support/database.ts';
import { signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { listEditions } from '../../src/db/repositories/editions.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';
import { sha256Of } from '../../src/server/storage/keys.ts';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
function multipart(filename: string, content: Buffer) {
  const boundary = '----s3-test';
  return {
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Evidence in an S3-compatible bucket: a real S3 server (s3rver) on a free port. */
describe.each(drivers())('evidence in S3-compatible storage on %s', (driver) => {
  let s3: S3rver;
  let s3Directory: string;
  let endpoint: string;
  let t: TestApp;
  let dataDir: string;
  let candidate: Client;
  let lotim: string;

  beforeAll(async () => {
    s3Directory = await mkdtemp(`${tmpdir()}/paritrana-s3-`);
    s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: s3Directory, configureBuckets: [{ name: 'paritrana-evidence', configs: [] }] });
    const { port } = await s3.run();
    endpoint = `http://127.0.0.1:${port}`;
    dataDir = await mkdtemp(`${tmpdir()}/paritrana-data-`);
    t = await startTestApp(driver, {
      PARITRANA_DATA_DIR: dataDir,
      S3_ENDPOINT: endpoint,
      S3_BUCKET: 'paritrana-evidence',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    });
    await seedDemo(t.database.db);
    const editionId = (await listEditions(t.database.db))[0]!.id;
    lotim = (await listCandidates(t.database.db, editionId, { all: true })).find((c) => c.name === 'Kabupaten Lombok Timur')!.id;
    candidate = await signIn(t, 'lotim@paritrana.demo', 'paritrana-demo-2025');
  });
  afterAll(async () => {
    await t?.close();
    await s3?.close();
  });

  it('stores the file in the bucket by its SHA-256, once, and serves it back', async () => {
    const first = await candidate.inject({ method: 'POST', url: `/api/candidates/${lotim}/evidence`, ...multipart('Perbup 12-2024.pdf', pdf) });
    expect(first.statusCode).toBe(201);
    const { id, sha256 } = first.json<{ id: string; sha256: string }>();
    expect(sha256).toBe(sha256Of(pdf));
    const second = await candidate.inject({ method: 'POST', url: `/api/candidates/${lotim}/evidence`, ...multipart('salinan.pdf', pdf) });
    expect(second.json<{ sha256: string }>().sha256).toBe(sha256);

    const client = new AwsClient({ accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', service: 's3', region: 'us-east-1' });
    const object = await client.fetch(`${endpoint}/paritrana-evidence/evidence/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`);
    expect(object.status).toBe(200);
    expect(Buffer.from(await object.arrayBuffer()).equals(pdf)).toBe(true);
    const listing = await (await client.fetch(`${endpoint}/paritrana-evidence?list-type=2`)).text();
    expect(listing.match(/<Key>/g)).toHaveLength(1);

    const served = await candidate.request('GET', `/api/evidence/${id}`);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.rawPayload.equals(pdf)).toBe(true);
    // Nothing went to the local disk.
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('checks health by writing to the bucket; a bucket that does not answer is 503 STORAGE_UNAVAILABLE until it is back', async () => {
    const client = new AwsClient({ accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', service: 's3', region: 'us-east-1' });
    const keys = async () => [...(await (await client.fetch(`${endpoint}/paritrana-evidence?list-type=2`)).text()).matchAll(/<Key>([^<]+)<\/Key>/g)].map((m) => m[1]);
    const before = await keys();
    const healthy = await candidate.request('GET', '/api/health');
    expect(healthy.statusCode).toBe(200);
    expect(healthy.json<{ checks: unknown }>().checks).toEqual({ database: { ok: true }, files: { ok: true }, secrets: { ok: true } });
    // The probe's object is removed again.
    expect(await keys()).toEqual(before);

    const port = Number(new URL(endpoint).port);
    await s3.close();
    const down = await candidate.request('GET', '/api/health');
    expect(down.statusCode).toBe(503);
    expect(down.json<{ checks: unknown }>().checks).toEqual({ database: { ok: true }, files: { ok: false, reason: 'cannot write: no answer' }, secrets: { ok: true } });
    const refused = await candidate.inject({ method: 'POST', url: `/api/candidates/${lotim}/evidence`, ...multipart('baru.pdf', Buffer.concat([pdf, Buffer.from('%baru\n')])) });
    expect(refused.statusCode).toBe(503);
    expect(refused.json<{ error: unknown }>().error).toEqual({ code: 'STORAGE_UNAVAILABLE', message: 'The file store does not answer; nothing was changed', details: [{ path: 'files', message: 'no answer' }] });

    s3 = new S3rver({ port, address: '127.0.0.1', silent: true, directory: s3Directory });
    await s3.run();
    expect((await candidate.request('GET', '/api/health')).statusCode).toBe(200);
    const stored = await candidate.inject({ method: 'POST', url: `/api/candidates/${lotim}/evidence`, ...multipart('baru.pdf', Buffer.concat([pdf, Buffer.from('%baru\n')])) });
    expect(stored.statusCode).toBe(201);
  });
});

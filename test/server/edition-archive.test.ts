import { createHash, generateKeyPairSync, randomBytes, randomUUID, sign } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
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
import { listSpecialAwards } from '../../src/db/repositories/special-awards.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { buildPoolPackage, packageText, sha256 } from '../../src/server/services/results.ts';
import { loadPool } from '../../src/server/services/pool-context.ts';
import { findResult } from '../../src/db/repositories/pools.ts';
import { listEditions } from '../../src/db/repositories/editions.ts';
import { scorePackage, type ScoringPackage } from '../../src/domain/scoring/index.ts';
import type { ArchiveImportResult, ArchiveInspection, CertificateVerification, PublicationStatus } from '../../src/shared/contracts/index.ts';
import { archiveTables } from '../../src/server/services/edition-archive.ts';
import { tableName } from '../../src/db/repositories/edition-archive.ts';
import { listAudit } from '../../src/db/repositories/audit.ts';
import { insertPool, listPools, writeMark } from '../../src/db/repositories/pools.ts';
import { insertCertificate } from '../../src/db/repositories/publication.ts';
import { keyIdOf } from '../../src/server/services/signing.ts';
import { createFileStore } from '../../src/server/storage/file-store.ts';
import { canonicalJson } from '../../src/db/canonical-json.ts';
import { codeFromBytes } from '../../src/domain/publication/certificate-code.ts';

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

const hash = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

/** Another installation: the key pair that signs the archives it makes. */
function installation(name: string) {
  const pair = generateKeyPairSync('ed25519');
  const publicKeyPem = pair.publicKey.export({ type: 'spki', format: 'pem' }) as string;
  return { name, fingerprint: keyIdOf(publicKeyPem), publicKeyPem, privateKey: pair.privateKey };
}
type Installation = ReturnType<typeof installation>;
type Row = Record<string, unknown>;

/** A signed archive of an edition built row by row, as a tampering exporter would. */
async function forge(
  by: Installation,
  content: { edition: { id: string; label: string }; tables: Record<string, Row[]>; users?: unknown[]; keys?: unknown[]; files?: Buffer[] },
): Promise<Buffer> {
  const out = new Map<string, Buffer>();
  const tables = archiveTables().map(({ table }) => {
    const name = tableName(table);
    const rows = content.tables[name] ?? [];
    const text = rows.map((r) => `${JSON.stringify(r)}\n`).join('');
    out.set(`tables/${name}.jsonl`, Buffer.from(text));
    return { name, rows: rows.length, sha256: hash(text) };
  });
  const usersText = JSON.stringify(content.users ?? []);
  const keysText = JSON.stringify(content.keys ?? []);
  const files = (content.files ?? []).map((f) => ({ sha256: hash(f), bytes: f.length }));
  const manifest = {
    format: 'paritrana.edition-archive/v2',
    exportedAt: new Date().toISOString(),
    signer: { installation: by.name, fingerprint: by.fingerprint, publicKeyPem: by.publicKeyPem },
    edition: content.edition,
    tables,
    users: { sha256: hash(usersText), count: (content.users ?? []).length },
    keys: { sha256: hash(keysText), count: (content.keys ?? []).length },
    files,
    missingFiles: [],
    withheldPools: [],
  };
  const text = JSON.stringify(manifest);
  const entriesOut = new Map<string, Buffer>([
    ['manifest.json', Buffer.from(text)],
    ['manifest.sig', Buffer.from(sign(null, Buffer.from(text), by.privateKey).toString('base64url'))],
    ['users.json', Buffer.from(usersText)],
    ['keys.json', Buffer.from(keysText)],
    ...out,
  ]);
  for (const f of content.files ?? []) entriesOut.set(`files/${hash(f)}`, f);
  return pack(entriesOut);
}

/** The rows of one table of an archive. */
const rowsOf = (files: Map<string, Buffer>, table: string): Row[] =>
  files
    .get(`tables/${table}.jsonl`)!
    .toString()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Row);

type ErrorBody = { error: { message: string; details: { path: string; message: string }[] } };

describe.each(drivers())('edition archives on %s', (driver) => {
  let source: TestApp;
  let target: TestApp;
  let f: FinalisedPool;
  let sourceAdmin: Client;
  let targetAdmin: Client;
  let archive: Buffer;
  let evidenceId = '';
  let code = '';
  let openPoolId = '';
  let fingerprint = '';
  const importUrl = () => `/api/editions/import?trust=${fingerprint}`;

  beforeAll(async () => {
    source = await startTestApp(driver, { PARITRANA_DATA_DIR: mkdtempSync(join(tmpdir(), 'paritrana-src-')), PARITRANA_INSTALLATION_NAME: 'Paritrana Pusat' });
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
    // The hand-over as it happened is part of the award's record.
    const handover = {
      presenter: { name: 'Hj. Indah Dhamayanti Putri', title: 'Wakil Gubernur Nusa Tenggara Barat' },
      occasion: { name: 'malam penganugerahan provinsi', date: '2025-09-02', place: 'Mataram' },
      representatives: [{ candidateId: f.ids.get('52.03')!, name: 'H. Muhammad Juaini Taofik', title: 'Sekretaris Daerah Kabupaten Lombok Timur', onBehalfOf: 'Bupati Lombok Timur' }],
    };
    expect((await sourceAdmin.request('PUT', `/api/pools/${f.poolId}/handover`, handover)).statusCode).toBe(200);
    targetAdmin = await signIn(target, (await makeUser(target, roles.nationalAdmin())).email);
    // A juror's mark in a pool still being marked: it must not leave the installation.
    const finalised = (await listPools(source.database.db, f.editionId)).find((p) => p.id === f.poolId)!;
    const open = await insertPool(source.database.db, { editionId: f.editionId, level: 'provinsi', area: '51', categoryId: f.categoryId, panelId: finalised.panelId, status: 'marking' });
    openPoolId = open.id;
    await writeMark(source.database.db, { poolId: open.id, userId: f.chair.id, candidateId: f.ids.get('52.01')!, indicatorId: 'rahasia', value: 2, comment: 'Catatan rahasia juri', seq: 1 });
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
    expect(manifest.format).toBe('paritrana.edition-archive/v2');
    expect(manifest.tables.find((t) => t.name === 'pool_results')!.rows).toBe(1);
    expect(manifest.tables.find((t) => t.name === 'certificates')!.rows).toBe(3);
    expect(manifest.files).toEqual([{ sha256: createHash('sha256').update(pdf).digest('hex'), bytes: pdf.length }]);
    expect(files.get(`files/${manifest.files[0]!.sha256}`)).toEqual(pdf);
    // No password, role or session leaves the installation.
    expect(files.get('users.json')!.toString()).not.toMatch(/password|argon2|roles/);
  });

  it('signs the archive with the installation’s key and leaves out the marks of pools not finalised', async () => {
    const files = await entries(archive);
    const manifest = JSON.parse(files.get('manifest.json')!.toString()) as { signer: { installation: string; fingerprint: string }; withheldPools: string[]; tables: { name: string; rows: number }[] };
    const keys = (await anonymous(source).request('GET', '/api/public/signing-keys')).json<{ id: string; editions: string[] | null }[]>();
    expect(keys).toEqual([expect.objectContaining({ id: manifest.signer.fingerprint, editions: null })]);
    expect(manifest.signer.installation).toBe('Paritrana Pusat');
    fingerprint = manifest.signer.fingerprint;
    expect(files.get('manifest.sig')!.toString()).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(manifest.withheldPools).toContain(openPoolId);
    // 3 jurors × 3 candidates × (desk + interview indicators) of the finalised pool, and nothing of the open one.
    const marks = rowsOf(files, 'marks');
    expect(new Set(marks.map((m) => m.poolId))).toEqual(new Set([f.poolId]));
    expect(files.get('tables/marks.jsonl')!.toString()).not.toContain('Catatan rahasia juri');
    expect(manifest.tables.find((t) => t.name === 'marks')!.rows).toBe(marks.length);
    expect(new Set(rowsOf(files, 'mark_sheets').map((m) => m.poolId))).toEqual(new Set([f.poolId]));
  });

  it('shows who signed an archive and imports it only once that signer is confirmed', async () => {
    const inspected = await targetAdmin.inject({ method: 'POST', url: '/api/editions/import/inspect', ...multipart('paritrana-award-2025.tar.gz', archive) });
    expect(inspected.statusCode, inspected.body).toBe(200);
    expect(inspected.json<ArchiveInspection>()).toMatchObject({
      signer: { installation: 'Paritrana Pusat', fingerprint },
      edition: { id: f.editionId, label: 'Paritrana Award 2025' },
      alreadyHere: false,
      files: 1,
      users: 4,
      withheldPools: expect.any(Number) as number,
    });
    const provincial = await signIn(target, (await makeUser(target, roles.provincialAdmin('52'))).email);
    expect((await provincial.inject({ method: 'POST', url: '/api/editions/import/inspect', ...multipart('a.tar.gz', archive) })).statusCode).toBe(403);

    const unconfirmed = await targetAdmin.inject({ method: 'POST', url: '/api/editions/import', ...multipart('a.tar.gz', archive) });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.json<ErrorBody>().error.details).toEqual([{ path: 'trust', message: 'required' }]);
    const wrong = await targetAdmin.inject({ method: 'POST', url: `/api/editions/import?trust=${'0'.repeat(32)}`, ...multipart('a.tar.gz', archive) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<ErrorBody>().error.message).toBe(`Confirm who signed this archive before importing it: installation "Paritrana Pusat", key fingerprint ${fingerprint}`);

    // Unsigned, or altered after signing: refused whatever the admin confirms.
    const files = await entries(archive);
    const unsigned = new Map(files);
    unsigned.delete('manifest.sig');
    const noSignature = await targetAdmin.inject({ method: 'POST', url: importUrl(), ...multipart('a.tar.gz', await pack(unsigned)) });
    expect(noSignature.statusCode).toBe(400);
    expect(noSignature.json<ErrorBody>().error.details).toEqual([{ path: 'manifest.sig', message: 'missing' }]);
    const altered = new Map(files);
    altered.set('manifest.json', Buffer.from(files.get('manifest.json')!.toString().replace('"Paritrana Award 2025"', '"Paritrana Award 2026"')));
    const badSignature = await targetAdmin.inject({ method: 'POST', url: importUrl(), ...multipart('a.tar.gz', await pack(altered)) });
    expect(badSignature.statusCode).toBe(400);
    expect(badSignature.json<ErrorBody>().error.details).toEqual([{ path: 'manifest.sig', message: 'bad signature' }]);
    expect(await listEditions(target.database.db)).toEqual([]);
  });

  it('imports into another installation with the same results, byte for byte', async () => {
    const imported = await targetAdmin.inject({ method: 'POST', url: importUrl(), ...multipart('paritrana-award-2025.tar.gz', archive) });
    expect(imported.statusCode, imported.body).toBe(201);
    const result = imported.json<ArchiveImportResult>();
    expect(result).toMatchObject({ editionId: f.editionId, label: 'Paritrana Award 2025', signer: { installation: 'Paritrana Pusat', fingerprint }, files: 1, users: { created: 4, matched: 0 } });
    // The pool still being marked comes along without its marks.
    expect(result.tables).toMatchObject({ pools: 2, pool_results: 1, certificates: 3, press_releases: 1, ceremony_handovers: 1 });
    // The demo's special award comes with its own category and its definition.
    expect(result.tables).toMatchObject({ special_awards: 1, special_award_entries: 0 });
    expect((await listSpecialAwards(target.database.db, f.editionId)).map((a) => [a.sourceCategoryCodes, a.entryRule])).toEqual([[['pemkab-kota', 'usaha-besar'], 'verified']]);

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
    // The audit entry says who signed the archive and what it added.
    const [entry] = await listAudit(target.database.db, { entityType: 'edition', entityId: f.editionId, limit: 1 });
    expect(entry).toMatchObject({ action: 'edition.import', after: { signer: { installation: 'Paritrana Pusat', fingerprint }, files: 1, usersCreated: 4, usersMatched: 0, keys: [fingerprint] } });
    expect((entry!.after as { tables: Record<string, number> }).tables).toEqual(result.tables);
    // The source's key came along, to verify this edition's certificates only.
    const keys = (await anonymous(target).request('GET', '/api/public/signing-keys')).json<{ id: string; editions: string[] | null }[]>();
    expect(keys.map((k) => ({ id: k.id, editions: k.editions }))).toEqual([{ id: fingerprint, editions: [f.editionId] }]);
    // Accounts come across inactive: the chair cannot sign in there.
    expect((await target.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: f.chair.email, password: 'correct-horse-battery' } })).statusCode).toBe(401);
  });

  it('refuses an edition that is already there, and a damaged archive, changing nothing', async () => {
    const count = (await listEditions(target.database.db)).length;
    const again = await targetAdmin.inject({ method: 'POST', url: importUrl(), ...multipart('again.tar.gz', archive) });
    expect(again.statusCode).toBe(409);

    const files = await entries(archive);
    const results = files.get('tables/pool_results.jsonl')!.toString();
    files.set('tables/pool_results.jsonl', Buffer.from(results.replace(/"score":(\d)/, '"score":9$1')));
    const third = await startTestApp(driver, { PARITRANA_DATA_DIR: mkdtempSync(join(tmpdir(), 'paritrana-dmg-')) });
    try {
      const admin = await signIn(third, (await makeUser(third, roles.nationalAdmin())).email);
      const damaged = await admin.inject({ method: 'POST', url: importUrl(), ...multipart('damaged.tar.gz', await pack(files)) });
      expect(damaged.statusCode).toBe(400);
      expect(damaged.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path)).toEqual(['tables/pool_results.jsonl']);
      const junk = await admin.inject({ method: 'POST', url: importUrl(), ...multipart('junk.tar.gz', gzipSync(Buffer.from('not a tar'))) });
      expect(junk.statusCode).toBe(400);
      expect(await listEditions(third.database.db)).toEqual([]);
    } finally {
      await third.close();
    }
    expect((await listEditions(target.database.db)).length).toBe(count);
  });

  it('refuses an archive whose rows reach into another edition, naming the table and row, and adds nothing', async () => {
    const files = await entries(archive);
    const forger = installation('Instalasi Lain');
    const edition = { ...rowsOf(files, 'editions')[0]!, id: randomUUID(), label: 'Edisi Tiruan' };
    const intruder = { id: randomUUID(), email: 'penyusup@example.test', name: 'Penyusup', locale: 'id' };
    const attempt = async (tables: Record<string, Row[]>, extra: { keys?: unknown[] } = {}) => {
      const forged = await forge(forger, { edition: { id: edition.id, label: edition.label }, tables: { editions: [edition], ...tables }, users: [intruder], ...extra });
      const res = await targetAdmin.inject({ method: 'POST', url: `/api/editions/import?trust=${forger.fingerprint}`, ...multipart('tiruan.tar.gz', forged) });
      return { status: res.statusCode, error: res.json<ErrorBody>().error };
    };
    // A juror seated on the imported (live) edition's panel.
    const seat: Row = { ...rowsOf(files, 'panel_members')[0]!, userId: intruder.id };
    expect(await attempt({ panel_members: [seat] })).toEqual({
      status: 400,
      error: expect.objectContaining({
        message: `tables/panel_members.jsonl line 1: panelId ${String(seat.panelId)} is not a row of panels in this archive; nothing was imported`,
        details: [{ path: 'tables/panel_members.jsonl:1', message: `panelId ${String(seat.panelId)} is not a row of panels in this archive` }],
      }) as unknown,
    });
    // A certificate for the live result, signed by the archive's own key.
    const [certificate] = rowsOf(files, 'certificates');
    const forgedCode = codeFromBytes(randomBytes(11));
    const payload = { ...(certificate!.payload as Row), code: forgedCode };
    const forgedCertificate = { ...certificate!, id: randomUUID(), code: forgedCode, payload, signature: sign(null, Buffer.from(canonicalJson(payload)), forger.privateKey).toString('base64url'), keyId: forger.fingerprint };
    const key = { id: forger.fingerprint, algorithm: 'ed25519', publicKey: forger.publicKeyPem, createdAt: new Date().toISOString() };
    const refusedCertificate = await attempt({ certificates: [forgedCertificate] }, { keys: [key] });
    expect(refusedCertificate.status).toBe(400);
    expect(refusedCertificate.error.details).toEqual([{ path: 'tables/certificates.jsonl:1', message: `editionId ${f.editionId} is not the archive's edition ${edition.id}` }]);
    // A key whose id is not the hash of the key.
    const misnamed = await attempt({}, { keys: [{ ...key, id: 'f'.repeat(32) }] });
    expect(misnamed.status).toBe(400);
    expect(misnamed.error.message).toBe(`keys.json: the key ${'f'.repeat(32)} is not an Ed25519 key with that id; nothing was imported`);

    expect((await listEditions(target.database.db)).map((e) => e.label)).toEqual(['Paritrana Award 2025']);
    expect((await anonymous(target).request('GET', `/api/public/certificates/${forgedCode}`)).json<CertificateVerification>().status).toBe('not-genuine');
  });

  it('lets an imported key verify its own edition’s certificates only', async () => {
    const files = await entries(archive);
    const forger = installation('Instalasi Lain');
    const edition = { ...rowsOf(files, 'editions')[0]!, id: randomUUID(), label: 'Edisi Kunci' };
    const key = { id: forger.fingerprint, algorithm: 'ed25519', publicKey: forger.publicKeyPem, createdAt: new Date().toISOString() };
    const forged = await forge(forger, { edition: { id: edition.id, label: edition.label }, tables: { editions: [edition] }, keys: [key] });
    const imported = await targetAdmin.inject({ method: 'POST', url: `/api/editions/import?trust=${forger.fingerprint}`, ...multipart('kunci.tar.gz', forged) });
    expect(imported.statusCode, imported.body).toBe(201);

    // Its key, had it signed a certificate of the other edition, does not make that certificate genuine.
    const [certificate] = rowsOf(files, 'certificates');
    const forgedCode = codeFromBytes(randomBytes(11));
    const payload = { ...(certificate!.payload as Row), code: forgedCode };
    await insertCertificate(target.database.db, {
      code: forgedCode,
      editionId: f.editionId,
      poolId: f.poolId,
      resultId: f.resultId,
      candidateId: String(certificate!.candidateId),
      payload,
      signature: sign(null, Buffer.from(canonicalJson(payload)), forger.privateKey).toString('base64url'),
      keyId: forger.fingerprint,
      // Beside the genuine certificate of that winner, which stays current.
      replacedAt: new Date(),
    });
    expect((await anonymous(target).request('GET', `/api/public/certificates/${forgedCode}`)).json<CertificateVerification>()).toMatchObject({ status: 'not-genuine', reason: 'bad-signature' });
    const keys = (await anonymous(target).request('GET', '/api/public/signing-keys')).json<{ id: string; editions: string[] | null }[]>();
    expect(keys.find((k) => k.id === forger.fingerprint)!.editions).toEqual([edition.id]);
    // The genuine certificates, verified by the key that came with their own edition, stay valid.
    expect((await anonymous(target).request('GET', `/api/public/certificates/${code}`)).json<CertificateVerification>().status).toBe('valid');
  });

  it('takes back the evidence files of a refused import and leaves no temporary file', async () => {
    const files = await entries(archive);
    const forger = installation('Instalasi Lain');
    const edition = { ...rowsOf(files, 'editions')[0]!, id: randomUUID(), label: 'Edisi Bentrok' };
    const category = { ...rowsOf(files, 'edition_categories')[0]!, id: randomUUID(), editionId: edition.id };
    const [first, second] = rowsOf(files, 'candidates');
    const own = { ...first!, id: randomUUID(), editionId: edition.id, categoryId: category.id, regencyCode: null, npp: null };
    // The second candidate keeps the id of a candidate already here: the insert clashes after the files were stored.
    const clash = { ...second!, editionId: edition.id, categoryId: category.id, regencyCode: null, npp: null };
    const file = Buffer.from(`%PDF-1.4\n% bukti ${randomUUID()}\n%%EOF\n`);
    const evidence = { ...rowsOf(files, 'evidence_files')[0]!, id: randomUUID(), candidateId: own.id, sha256: hash(file), bytes: file.length, uploadedBy: null };
    const forged = await forge(forger, {
      edition: { id: edition.id, label: edition.label },
      tables: { editions: [edition], edition_categories: [category], candidates: [own, clash], evidence_files: [evidence] },
      files: [file],
    });
    const store = createFileStore(target.app.deps.config);
    const temporary = () => readdirSync(tmpdir()).filter((n) => n.startsWith('paritrana-import-'));
    const before = temporary();
    const res = await targetAdmin.inject({ method: 'POST', url: `/api/editions/import?trust=${forger.fingerprint}`, ...multipart('bentrok.tar.gz', forged) });
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().error.details[0]!.path).toBe('candidates');
    expect(await store.has(hash(file))).toBe(false);
    expect(temporary().filter((n) => !before.includes(n))).toEqual([]);
    expect((await listEditions(target.database.db)).map((e) => e.label).sort()).toEqual(['Edisi Kunci', 'Paritrana Award 2025']);
  });

  it('refuses a tar bomb, an archive of too many entries, a path out of the archive and a link as they unpack', async () => {
    const small = await startTestApp(driver, { PARITRANA_DATA_DIR: mkdtempSync(join(tmpdir(), 'paritrana-cap-')), ARCHIVE_UNPACKED_LIMIT_MB: '1', ARCHIVE_ENTRY_LIMIT: '10' });
    try {
      const admin = await signIn(small, (await makeUser(small, roles.nationalAdmin())).email);
      // 16 MiB of zeros: 16 KiB once compressed.
      const bomb = await pack(new Map([[`files/${'a'.repeat(64)}`, Buffer.alloc(16 * 1024 * 1024)]]));
      expect(bomb.length).toBeLessThan(1024 * 1024);
      const exploded = await admin.inject({ method: 'POST', url: '/api/editions/import/inspect', ...multipart('bom.tar.gz', bomb) });
      expect(exploded.statusCode).toBe(400);
      expect(exploded.json<ErrorBody>().error).toMatchObject({ message: 'The archive unpacks to more than 1 MiB; nothing was imported', details: [{ path: 'file', message: `larger than ${1024 * 1024} bytes unpacked` }] });
      const many = await pack(new Map(Array.from({ length: 11 }, (_, i) => [`files/${hash(String(i))}`, Buffer.from(String(i))] as const)));
      const crowded = await admin.inject({ method: 'POST', url: '/api/editions/import/inspect', ...multipart('banyak.tar.gz', many) });
      expect(crowded.statusCode).toBe(400);
      expect(crowded.json<ErrorBody>().error.message).toBe('The archive holds more than 10 entries; nothing was imported');
      // Still refused: a path out of the archive, and a link.
      const traversal = await pack(new Map([['../../etc/cron.d/paritrana', Buffer.from('x')]]));
      const outside = await admin.inject({ method: 'POST', url: '/api/editions/import/inspect', ...multipart('keluar.tar.gz', traversal) });
      expect(outside.json<ErrorBody>().error.details).toEqual([{ path: '../../etc/cron.d/paritrana', message: 'not part of an edition archive' }]);
      const p = tar.pack();
      p.entry({ name: 'manifest.json', type: 'symlink', linkname: '/etc/passwd' });
      p.finalize();
      const linked = await admin.inject({ method: 'POST', url: '/api/editions/import/inspect', ...multipart('tautan.tar.gz', gzipSync(await buffer(p))) });
      expect(linked.statusCode).toBe(400);
      expect(linked.json<ErrorBody>().error.details).toEqual([{ path: 'manifest.json', message: 'not part of an edition archive' }]);
    } finally {
      await small.close();
    }
  });
});

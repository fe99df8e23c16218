import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { anonymous, makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { listEditions, listCategories } from '../../src/db/repositories/editions.ts';
import { listAudit } from '../../src/db/repositories/audit.ts';

type Detail = { id: string; name: string; status: string; regencyCode: string | null; npp: string | null; contacts: unknown[] };
type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string }[] } };

function multipart(filename: string, content: string | Buffer) {
  const boundary = '----paritrana-test';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(drivers())('candidates on %s', (driver) => {
  let t: TestApp;
  let editionId: string;
  let categories: Map<string, string>;
  let admin52: Client;
  let admin18: Client;

  beforeAll(async () => {
    t = await startTestApp(driver);
    await seedDemo(t.database.db);
    editionId = (await listEditions(t.database.db))[0]!.id;
    categories = new Map((await listCategories(t.database.db, editionId)).map((c) => [c.code, c.id]));
    admin52 = await signIn(t, (await makeUser(t, roles.provincialAdmin('52'))).email);
    admin18 = await signIn(t, (await makeUser(t, roles.provincialAdmin('18'))).email);
  });
  afterAll(async () => t?.close());

  const importSheet = (client: Client, province: string, filename: string, content: string | Buffer) => {
    const { payload, headers } = multipart(filename, content);
    return client.inject({ method: 'POST', url: `/api/editions/${editionId}/candidates/import?province=${province}`, payload, headers });
  };

  it('nominates a regional government by its code, named as Kemendagri names it', async () => {
    const res = await admin52.request('POST', `/api/editions/${editionId}/candidates`, {
      categoryId: categories.get('pemkab-kota'),
      provinceCode: '52',
      regencyCode: '52.01',
      npp: null,
      name: null,
      sizeClass: null,
      sector: null,
      address: null,
      contacts: [{ name: 'Kepala Disnakertrans', position: null, phone: '0370-123', email: null }],
    });
    expect(res.statusCode).toBe(201);
    const body = res.json<Detail>();
    expect(body).toMatchObject({ name: 'Kabupaten Lombok Barat', regencyCode: '52.01', status: 'nominated' });
    const audit = await listAudit(t.database.db, { entityType: 'candidate', entityId: body.id, limit: 5 });
    expect(audit.map((a) => a.action)).toEqual(['candidate.create']);
  });

  it('refuses a regency of another province, a duplicate, and another province’s admin', async () => {
    const base = { categoryId: categories.get('pemkab-kota'), npp: null, name: null, sizeClass: null, sector: null, address: null, contacts: [] };
    const other = await admin52.request('POST', `/api/editions/${editionId}/candidates`, { ...base, provinceCode: '52', regencyCode: '18.02' });
    expect(other.statusCode).toBe(400);
    expect(other.json<ErrorBody>().error.details).toEqual([
      {
        path: 'baris 2.kode_wilayah',
        reason: 'regency-other-province',
        values: { name: 'Kabupaten Lampung Tengah', province: '52' },
        message: 'Kabupaten Lampung Tengah is not a region of province 52',
      },
    ]);
    const duplicate = await admin52.request('POST', `/api/editions/${editionId}/candidates`, { ...base, provinceCode: '52', regencyCode: '52.03' });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json<ErrorBody>().error.details?.[0]).toMatchObject({ reason: 'already-candidate', values: { name: '52.03', category: 'pemkab-kota' } });
    const foreign = await admin18.request('POST', `/api/editions/${editionId}/candidates`, { ...base, provinceCode: '52', regencyCode: '52.04' });
    expect(foreign.statusCode).toBe(403);
  });

  it('imports a sheet all-or-nothing and names each bad row and column', async () => {
    const before = (await admin52.request('GET', `/api/editions/${editionId}/candidates`)).json<Detail[]>().length;
    const bad = await admin52.request('GET', `/api/editions/${editionId}/candidates`);
    expect(bad.statusCode).toBe(200);
    const sheet = ['kategori;kode_wilayah;npp;nama;kelas_usaha', 'pemkab-kota;52.04;;;', 'usaha-menengah;;ABC;;sedang', 'pemkab-kota;52.05;;;'].join('\n');
    const res = await importSheet(admin52, '52', 'kandidat.csv', sheet);
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.details).toEqual([
      { path: 'baris 3.npp', reason: 'npp-invalid', values: { value: 'ABC' }, message: 'NPP "ABC" is not valid (5–20 letters or digits)' },
      { path: 'baris 3.nama', reason: 'company-required', message: 'required for a company' },
      { path: 'baris 3.kelas_usaha', reason: 'size-class', values: { allowed: 'besar, menengah, kecil, mikro' }, message: 'one of besar, menengah, kecil, mikro' },
    ]);
    expect((await admin52.request('GET', `/api/editions/${editionId}/candidates`)).json<Detail[]>()).toHaveLength(before);

    const good = ['kategori,kode_wilayah,npp,nama,kelas_usaha', 'pemkab-kota,52.04,,,', 'usaha-menengah,,12345678,"PT Maju, Jaya",menengah'].join('\n');
    const ok = await importSheet(admin52, '52', 'kandidat.csv', good);
    expect(ok.statusCode).toBe(202);
    const { jobId } = ok.json<{ jobId: string }>();
    await t.app.jobs.drain();
    const job = await admin52.request('GET', `/api/jobs/${jobId}`);
    expect(job.json()).toMatchObject({ status: 'done', progress: { done: 2, total: 2, message: null }, result: { created: 2 }, error: null });
    const names = (await admin52.request('GET', `/api/editions/${editionId}/candidates`)).json<Detail[]>().map((c) => c.name);
    expect(names).toContain('Kabupaten Sumbawa');
    expect(names).toContain('PT Maju, Jaya');
  });

  it('hands out a template that imports nothing as it is, and says why; its examples are on their own sheet', async () => {
    const before = (await admin52.request('GET', `/api/editions/${editionId}/candidates`)).json<Detail[]>().length;
    for (const format of ['xlsx', 'csv'] as const) {
      const template = await admin52.request('GET', `/api/editions/${editionId}/candidates/template?format=${format}`);
      expect(template.statusCode).toBe(200);
      const res = await importSheet(admin52, '52', `templat.${format}`, template.rawPayload);
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorBody>().error).toEqual({
        code: 'VALIDATION_FAILED',
        message: 'The file holds the column names only; nothing was imported',
        details: [{ path: 'file', reason: 'no-rows', message: 'the file holds the column names only, no rows' }],
      });
    }
    expect((await admin52.request('GET', `/api/editions/${editionId}/candidates`)).json<Detail[]>()).toHaveLength(before);
    const xlsx = await admin52.request('GET', `/api/editions/${editionId}/candidates/template?format=xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Kandidat', 'Petunjuk', 'Contoh', 'Kategori']);
    expect(workbook.getWorksheet('Kandidat')!.rowCount).toBe(1);
    expect(workbook.getWorksheet('Contoh')!.getRow(3).getCell(4).value).toBe('PT Contoh Sejahtera');
    // The example rows, copied onto the first sheet, are read as candidates (52.03 is one already, so refused whole).
    const sheet = workbook.getWorksheet('Kandidat')!;
    workbook.getWorksheet('Contoh')!.eachRow((row, n) => {
      if (n > 1) sheet.addRow((row.values as unknown[]).slice(1));
    });
    const filled = await importSheet(admin52, '52', 'isian.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(filled.statusCode).toBe(400);
    expect(filled.json<ErrorBody>().error.details?.[0]).toEqual({
      path: 'baris 2.baris',
      reason: 'already-candidate',
      values: { name: '52.03', category: 'pemkab-kota' },
      message: '52.03 is already a candidate of category pemkab-kota',
    });
  });

  it('invites a candidate user by e-mail; the link creates the account once; the candidate answers its nomination', async () => {
    const list = (await admin52.request('GET', `/api/editions/${editionId}/candidates`)).json<Detail[]>();
    const sumbawa = list.find((c) => c.name === 'Kabupaten Sumbawa')!;
    const invite = await admin52.request('POST', `/api/candidates/${sumbawa.id}/invitations`, { email: 'operator@sumbawa.go.id' });
    expect(invite.statusCode).toBe(201);
    const national = await signIn(t, 'admin@paritrana.demo', 'paritrana-demo-2025');
    const outbox = (await national.request('GET', '/api/outbox')).json<{ to: string; body: string }[]>();
    const message = outbox.find((m) => m.to === 'operator@sumbawa.go.id')!;
    const token = /\/undangan\/([\w-]+)/.exec(message.body)![1]!;
    const accept = await anonymous(t).request('POST', '/api/invitations/accept', { token, name: 'Operator Sumbawa', password: 'sumbawa-aman-2025' });
    expect(accept.statusCode).toBe(200);
    const again = await anonymous(t).request('POST', '/api/invitations/accept', { token, name: 'Operator Sumbawa', password: 'sumbawa-aman-2025' });
    expect(again.statusCode).toBe(404);

    const operator = await signIn(t, 'operator@sumbawa.go.id', 'sumbawa-aman-2025');
    const own = (await operator.request('GET', `/api/editions/${editionId}/candidates`)).json<Detail[]>();
    expect(own.map((c) => c.name)).toEqual(['Kabupaten Sumbawa']);
    const declineWithoutReason = await operator.request('POST', `/api/candidates/${sumbawa.id}/response`, { accept: false, note: null });
    expect(declineWithoutReason.statusCode).toBe(400);
    const accepted = await operator.request('POST', `/api/candidates/${sumbawa.id}/response`, { accept: true, note: null });
    expect(accepted.json<Detail>().status).toBe('accepted');
    const twice = await operator.request('POST', `/api/candidates/${sumbawa.id}/response`, { accept: false, note: 'berubah pikiran' });
    expect(twice.statusCode).toBe(409);
    const other = list.find((c) => c.name === 'Kabupaten Lombok Timur')!;
    expect((await operator.request('GET', `/api/candidates/${other.id}`)).statusCode).toBe(403);
    const rename = await operator.request('PATCH', `/api/candidates/${sumbawa.id}`, { name: 'Kabupaten Lain' });
    expect(rename.statusCode).toBe(403);
    const contacts = await operator.request('PATCH', `/api/candidates/${sumbawa.id}`, {
      contacts: [{ name: 'Operator Sumbawa', position: 'Staf Disnaker', phone: null, email: 'operator@sumbawa.go.id' }],
    });
    expect(contacts.statusCode).toBe(200);
  });
});

describe.each(drivers())('evidence on %s', (driver) => {
  let t: TestApp;
  let lotim: string;
  let bontang: string;
  let candidateUser: Client;
  let verifier52: Client;
  let admin18: Client;
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

  beforeAll(async () => {
    const { mkdtemp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    t = await startTestApp(driver, { PARITRANA_DATA_DIR: await mkdtemp(`${tmpdir()}/paritrana-files-`), EVIDENCE_LIMIT_MB: '1' });
    await seedDemo(t.database.db);
    const editionId = (await listEditions(t.database.db))[0]!.id;
    const all = (await (await signIn(t, 'admin@paritrana.demo', 'paritrana-demo-2025')).request('GET', `/api/editions/${editionId}/candidates`)).json<Detail[]>();
    lotim = all.find((c) => c.name === 'Kabupaten Lombok Timur')!.id;
    bontang = all.find((c) => c.name === 'Kota Bontang')!.id;
    candidateUser = await signIn(t, 'lotim@paritrana.demo', 'paritrana-demo-2025');
    verifier52 = await signIn(t, 'verifikator.ntb@paritrana.demo', 'paritrana-demo-2025');
    admin18 = await signIn(t, (await makeUser(t, roles.provincialAdmin('18'))).email);
  });
  afterAll(async () => t?.close());

  const upload = (client: Client, candidateId: string, filename: string, content: Buffer) => {
    const { payload, headers } = multipart(filename, content);
    return client.inject({ method: 'POST', url: `/api/candidates/${candidateId}/evidence`, payload, headers });
  };

  it('stores a PDF by its SHA-256 and shows it only to those allowed', async () => {
    const res = await upload(candidateUser, lotim, 'Perbup 12-2024.pdf', pdf);
    expect(res.statusCode).toBe(201);
    const { createHash } = await import('node:crypto');
    const body = res.json<{ id: string; sha256: string; type: string; bytes: number }>();
    expect(body).toMatchObject({ sha256: createHash('sha256').update(pdf).digest('hex'), type: 'pdf', bytes: pdf.length });
    const seen = await verifier52.request('GET', `/api/evidence/${body.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.headers['content-type']).toBe('application/pdf');
    // Never kept by the browser: after a sign-out on a shared computer, the file is gone with the session.
    expect(seen.headers['cache-control']).toBe('private, no-store');
    expect(seen.rawPayload.equals(pdf)).toBe(true);
    expect((await admin18.request('GET', `/api/evidence/${body.id}`)).statusCode).toBe(403);
  });

  it('refuses a file that is not what it claims, one too large, and another candidate’s upload', async () => {
    const fake = await upload(candidateUser, lotim, 'laporan.pdf', Buffer.from('MZ this is a program'));
    expect(fake.statusCode).toBe(415);
    expect(fake.json<ErrorBody>().error.code).toBe('UNSUPPORTED_FILE');
    const big = await upload(candidateUser, lotim, 'besar.pdf', Buffer.concat([pdf, Buffer.alloc(1024 * 1024 + 1)]));
    expect(big.statusCode).toBe(413);
    expect(big.json<ErrorBody>().error.code).toBe('FILE_TOO_LARGE');
    const foreign = await upload(candidateUser, bontang, 'x.pdf', pdf);
    expect(foreign.statusCode).toBe(403);
    const list = (await candidateUser.request('GET', `/api/candidates/${lotim}/evidence`)).json<unknown[]>();
    expect(list).toHaveLength(1);
  });
});

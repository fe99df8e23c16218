import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { drivers } from '../support/database.ts';
import { anonymous, makeUser, roles, signIn, startTestApp, testPassword, type Client, type TestApp } from '../support/app.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { listEditions } from '../../src/db/repositories/editions.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';
import { countUsers } from '../../src/db/repositories/users.ts';
import { listOutbox } from '../../src/db/repositories/messages.ts';
import { staffInvitations } from '../../src/db/schema/index.ts';
import { redactUrl } from '../../src/server/secret-links.ts';
import type { PanelDetail, StaffInvitationSummary, UserSummary } from '../../src/shared/contracts/index.ts';

type ErrorBody = { error: { code: string; details?: { path: string; message: string }[] } };

function multipart(filename: string, content: string | Buffer) {
  const boundary = '----paritrana-staff';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function xlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Staf');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe.each(drivers())('delegated administration and staff invitations on %s', (driver) => {
  let t: TestApp;
  let national: Client;
  let admin52: Client;
  let editionId: string;
  let lotim: string;
  let lampungCandidate: string;

  /** The token of the latest invitation link e-mailed to the address (from the outbox). */
  async function linkFor(email: string): Promise<string> {
    const messages = (await listOutbox(t.database.db, { all: true })).filter((m) => m.to === email);
    expect(messages.length).toBeGreaterThan(0);
    return /\/undangan-staf\/([\w-]+)/.exec(messages[0]!.body)![1]!;
  }
  const upload = (client: Client, query: string, filename: string, content: string | Buffer) =>
    client.inject({ method: 'POST', url: `/api/users/import?${query}`, ...multipart(filename, content) });

  beforeAll(async () => {
    t = await startTestApp(driver, { LOGIN_RATE_PER_MINUTE: '1000', LOGIN_ACCOUNT_RATE_PER_MINUTE: '1000' });
    await seedDemo(t.database.db);
    editionId = (await listEditions(t.database.db))[0]!.id;
    const all = await listCandidates(t.database.db, editionId, { all: true });
    lotim = all.find((c) => c.name === 'Kabupaten Lombok Timur')!.id;
    lampungCandidate = all.find((c) => c.provinceCode === '18')!.id;
    national = await signIn(t, (await makeUser(t, roles.nationalAdmin())).email);
  });
  afterAll(async () => t?.close());

  it('lets the national admin appoint a provincial admin by invitation, who sets a password by the rules', async () => {
    const email = 'admin.ntb.baru@test.example';
    const res = await national.request('POST', '/api/users', { email, name: 'Admin NTB', invite: true, locale: 'id', roles: roles.provincialAdmin('52') });
    expect(res.statusCode).toBe(201);
    expect(res.json<UserSummary>().invitation).toBe('open');
    // No password yet: the account cannot sign in, whatever is tried.
    expect((await anonymous(t).request('POST', '/api/auth/login', { email, password: '!invited' })).statusCode).toBe(401);
    const token = await linkFor(email);
    expect(redactUrl(`/undangan-staf/${token}`)).toBe('/undangan-staf/[redacted]');
    const view = await anonymous(t).request('POST', '/api/staff-invitations/lookup', { token });
    expect(view.json()).toMatchObject({ email, name: 'Admin NTB' });
    // The password policy applies: a common password is refused, the link still works.
    const weak = await anonymous(t).request('POST', '/api/staff-invitations/accept', { token, name: 'Admin NTB', password: 'bismillah123' });
    expect(weak.statusCode).toBe(400);
    const ok = await anonymous(t).request('POST', '/api/staff-invitations/accept', { token, name: 'Hj. Admin NTB', password: 'rinjani-segara-anak-52' });
    expect(ok.statusCode).toBe(200);
    // Once only.
    expect((await anonymous(t).request('POST', '/api/staff-invitations/accept', { token, name: 'Lagi', password: 'rinjani-segara-anak-52' })).statusCode).toBe(404);
    admin52 = await signIn(t, email, 'rinjani-segara-anak-52');
  });

  it('limits a provincial admin to verifiers, jurors and candidate users of its own province (403 otherwise)', async () => {
    const create = (email: string, grants: unknown) => admin52.request('POST', '/api/users', { email, name: 'Orang Baru', password: testPassword, locale: 'id', roles: grants });
    expect((await create('verif.lotim@test.example', roles.verifier('52'))).statusCode).toBe(201);
    expect((await create('juri.ntb@test.example', [{ role: 'juror', provinceCode: '52', candidateId: null }])).statusCode).toBe(201);
    expect((await create('operator.lotim@test.example', roles.candidate(lotim))).statusCode).toBe(201);
    for (const grants of [
      roles.provincialAdmin('52'),
      roles.nationalAdmin(),
      roles.verifier('18'),
      roles.juror(),
      [{ role: 'juror', provinceCode: '18', candidateId: null }],
      roles.candidate(lampungCandidate),
      [...roles.verifier('52'), ...roles.verifier('18')],
    ]) {
      expect((await create(`tolak-${Math.random()}@test.example`, grants)).statusCode).toBe(403);
    }
    const listed = (await admin52.request('GET', '/api/users')).json<UserSummary[]>().map((u) => u.email);
    expect(listed).toEqual(expect.arrayContaining(['verif.lotim@test.example', 'juri.ntb@test.example', 'operator.lotim@test.example', 'verifikator.ntb@paritrana.demo']));
    // Not itself, no admin, nothing of another province, no national juror.
    expect(listed).not.toContain('admin.ntb.baru@test.example');
    expect(listed).not.toContain('admin@paritrana.demo');
    expect(listed.filter((e) => e.includes('lampung'))).toEqual([]);
    const everyone = (await national.request('GET', '/api/users')).json<UserSummary[]>();
    expect(everyone.length).toBeGreaterThan(listed.length);
  });

  it('deactivates, reactivates and changes roles within its limits, audited', async () => {
    const all = (await national.request('GET', '/api/users')).json<UserSummary[]>();
    const verifier = all.find((u) => u.email === 'verif.lotim@test.example')!;
    const lampungVerifier = (await makeUser(t, roles.verifier('18'))).id;
    const nationalJuror = (await makeUser(t, roles.juror())).id;
    expect((await admin52.request('PATCH', `/api/users/${verifier.id}`, { active: false })).json<UserSummary>().active).toBe(false);
    expect((await admin52.request('PATCH', `/api/users/${verifier.id}`, { active: true })).json<UserSummary>().active).toBe(true);
    const asJuror = await admin52.request('PATCH', `/api/users/${verifier.id}`, { roles: [{ role: 'juror', provinceCode: '52', candidateId: null }] });
    expect(asJuror.json<UserSummary>().roles).toEqual([{ role: 'juror', provinceCode: '52', candidateId: null }]);
    expect((await admin52.request('PATCH', `/api/users/${verifier.id}`, { roles: roles.provincialAdmin('52') })).statusCode).toBe(403);
    expect((await admin52.request('PATCH', `/api/users/${verifier.id}`, { roles: roles.verifier('18') })).statusCode).toBe(403);
    // Out of its province, whatever the body: 403; an account that does not exist: 404.
    for (const id of [lampungVerifier, nationalJuror]) {
      expect((await admin52.request('PATCH', `/api/users/${id}`, { active: false })).statusCode).toBe(403);
      expect((await admin52.request('PATCH', `/api/users/${id}`, {})).statusCode).toBe(403);
    }
    expect((await admin52.request('PATCH', '/api/users/00000000-0000-4000-8000-000000000000', { active: false })).statusCode).toBe(404);
    const entries = (await national.request('GET', `/api/audit?entityType=user&entityId=${verifier.id}`)).json<{ entries: { action: string }[] }>().entries;
    expect(entries.filter((e) => e.action === 'user.update')).toHaveLength(3);
  });

  it('revokes and re-sends an invitation: only the newest link works, and it expires', async () => {
    const email = 'verif.bima@test.example';
    const created = await admin52.request('POST', '/api/users', { email, name: 'Verifikator Bima', invite: true, locale: 'id', roles: roles.verifier('52') });
    expect(created.statusCode).toBe(201);
    const first = await linkFor(email);
    let invitation = (await admin52.request('GET', '/api/staff-invitations')).json<StaffInvitationSummary[]>().find((i) => i.email === email)!;
    expect(invitation.status).toBe('open');
    const revoked = await admin52.request('POST', `/api/staff-invitations/${invitation.id}/revoke`, {});
    expect(revoked.json<StaffInvitationSummary>().status).toBe('revoked');
    expect((await anonymous(t).request('POST', '/api/staff-invitations/lookup', { token: first })).statusCode).toBe(404);
    const resent = await admin52.request('POST', `/api/staff-invitations/${invitation.id}/resend`, {});
    expect(resent.statusCode).toBe(201);
    invitation = resent.json<StaffInvitationSummary>();
    expect(invitation.status).toBe('open');
    const second = await linkFor(email);
    expect(second).not.toBe(first);
    // Another province's admin may neither see nor act on it.
    const admin18 = await signIn(t, (await makeUser(t, roles.provincialAdmin('18'))).email);
    expect((await admin18.request('GET', '/api/staff-invitations')).json<StaffInvitationSummary[]>().map((i) => i.email)).not.toContain(email);
    expect((await admin18.request('POST', `/api/staff-invitations/${invitation.id}/revoke`, {})).statusCode).toBe(403);
    // Expired: the link no longer works, the list says so, re-sending makes a working one.
    await t.database.db.update(staffInvitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(staffInvitations.id, invitation.id));
    expect((await anonymous(t).request('POST', '/api/staff-invitations/accept', { token: second, name: 'Verifikator Bima', password: 'sumbawa-madu-hutan-52' })).statusCode).toBe(404);
    expect((await admin52.request('GET', '/api/staff-invitations')).json<StaffInvitationSummary[]>().find((i) => i.email === email)!.status).toBe('expired');
    const third = await admin52.request('POST', `/api/staff-invitations/${invitation.id}/resend`, {});
    expect((await anonymous(t).request('POST', '/api/staff-invitations/accept', { token: await linkFor(email), name: 'Verifikator Bima', password: 'sumbawa-madu-hutan-52' })).statusCode).toBe(200);
    expect((await admin52.request('POST', `/api/staff-invitations/${third.json<StaffInvitationSummary>().id}/resend`, {})).statusCode).toBe(409);
    await signIn(t, email, 'sumbawa-madu-hutan-52');
  });

  it('serves a template with the header row only', async () => {
    const csv = await admin52.request('GET', '/api/users/template?format=csv');
    expect(csv.body.trim().split('\n')).toEqual(['email,nama,bahasa,unsur,jabatan_panel,jabatan']);
    const file = await admin52.request('GET', '/api/users/template?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.rowCount).toBe(1);
  });

  it('staffs a whole panel and verification team from sheets, without the national admin', async () => {
    const before = await countUsers(t.database.db);
    const panelRes = await admin52.request('POST', `/api/editions/${editionId}/panels`, {
      level: 'provinsi',
      area: '52',
      name: 'Tim Sembilan NTB 2025',
      decreeNumber: null,
      decreeDate: null,
      categoryCodes: [],
    });
    expect(panelRes.statusCode).toBe(201);
    const panel = panelRes.json<PanelDetail>();
    const verifiers = ['email;nama;bahasa', 'kc.mataram@test.example;Kepala KC Mataram;id', 'kc.bima@test.example;Kepala KC Bima;', 'kc.sumbawa@test.example;Staf KC Sumbawa;en'].join('\n');
    const v = await upload(admin52, 'province=52&role=verifier', 'verifikator.csv', verifiers);
    expect(v.statusCode).toBe(201);
    expect(v.json()).toEqual({ invited: 3, seated: 0 });
    const unsur = ['pemda', 'bps', 'bpjs', 'apindo', 'serikat-pekerja', 'akademisi', 'ahli-jaminan-sosial', 'ahli-ekonomi', 'ahli-hukum'];
    const jurors = [
      ['email', 'nama', 'bahasa', 'unsur', 'jabatan_panel', 'jabatan'],
      ...unsur.map((u, i) => [`juri${i + 1}.ntb@test.example`, `Juri ${u}`, 'id', u, i === 0 ? 'ketua' : i === 1 ? 'sekretaris' : 'anggota', `Jabatan ${i + 1}`]),
    ];
    const j = await upload(admin52, `province=52&role=juror&panelId=${panel.id}`, 'juri.xlsx', await xlsx(jurors));
    expect(j.statusCode).toBe(201);
    expect(j.json()).toEqual({ invited: 9, seated: 9 });
    expect(await countUsers(t.database.db)).toBe(before + 12);
    const seated = (await admin52.request('GET', `/api/editions/${editionId}/panels`)).json<PanelDetail[]>().find((p) => p.id === panel.id)!;
    expect(seated.members.map((m) => [m.email, m.role, m.unsur])).toContainEqual(['juri1.ntb@test.example', 'chair', 'pemda']);
    expect(seated.members).toHaveLength(9);
    // Every one of them can set a password from their own link and sign in.
    for (const email of ['kc.mataram@test.example', 'juri1.ntb@test.example']) {
      const token = await linkFor(email);
      expect((await anonymous(t).request('POST', '/api/staff-invitations/accept', { token, name: 'Nama Sendiri', password: 'gili-trawangan-sunset' })).statusCode).toBe(200);
      await signIn(t, email, 'gili-trawangan-sunset');
    }
  });

  it('refuses a whole sheet with any bad row, naming row, column and reason by its code', async () => {
    const before = await countUsers(t.database.db);
    const outboxBefore = (await listOutbox(t.database.db, { all: true })).length;
    const sheet = [
      'email,nama,bahasa',
      'baru.satu@test.example,Baru Satu,id',
      'kc.mataram@test.example,Sudah Ada,id',
      'baru.satu@test.example,Ganda,id',
      'bukan-email,X,fr',
    ].join('\n');
    const res = await upload(admin52, 'province=52&role=verifier', 'salah.csv', sheet);
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.details).toEqual([
      { path: 'baris 3.email', reason: 'email-taken', values: { value: 'kc.mataram@test.example' }, message: 'kc.mataram@test.example already has an account' },
      { path: 'baris 4.email', reason: 'same-as-row', values: { row: 2 }, message: 'same as row 2' },
      { path: 'baris 5.email', reason: 'email-invalid', values: { value: 'bukan-email' }, message: '"bukan-email" is not a valid e-mail address' },
      { path: 'baris 5.nama', reason: 'name-too-short', values: { min: 2 }, message: 'required (at least 2 characters)' },
      { path: 'baris 5.bahasa', reason: 'language', message: 'give id or en' },
    ]);
    expect(await countUsers(t.database.db)).toBe(before);
    expect((await listOutbox(t.database.db, { all: true })).length).toBe(outboxBefore);
    // Seating: a second chair for a panel that has one is named, and nothing is saved.
    const panel = (await admin52.request('GET', `/api/editions/${editionId}/panels`)).json<PanelDetail[]>().find((p) => p.name === 'Tim Sembilan NTB 2025')!;
    const seats = ['email,nama,unsur,jabatan_panel', 'juri10.ntb@test.example,Juri Sepuluh,ahli-kebijakan-publik,ketua', 'juri11.ntb@test.example,Juri Sebelas,dukun,anggota'].join('\n');
    const bad = await upload(admin52, `province=52&role=juror&panelId=${panel.id}`, 'kursi.csv', seats);
    expect(bad.json<ErrorBody>().error.details).toEqual([{ path: 'baris 3.unsur', reason: 'unsur-unknown', values: { value: 'dukun' }, message: 'unknown unsur "dukun" (see the guide sheet)' }]);
    const twoChairs = await upload(admin52, `province=52&role=juror&panelId=${panel.id}`, 'kursi.csv', seats.replace('dukun', 'akademisi'));
    expect(twoChairs.json<ErrorBody>().error.details).toEqual([
      { path: 'baris 2.jabatan_panel', reason: 'one-chair', values: { count: 2, rows: '2' }, message: 'a panel has exactly one chair (2 found: rows 2)' },
    ]);
    expect(await countUsers(t.database.db)).toBe(before);
  });

  it('refuses a sheet for another province or a panel it does not run (403), and unknown columns (400)', async () => {
    expect((await upload(admin52, 'province=18&role=verifier', 'v.csv', 'email,nama\nx.lampung@test.example,X Lampung')).statusCode).toBe(403);
    const lampungPanel = await national.request('POST', `/api/editions/${editionId}/panels`, { level: 'provinsi', area: '18', name: 'Tim Lampung', decreeNumber: null, decreeDate: null, categoryCodes: [] });
    const other = await upload(admin52, `province=52&role=juror&panelId=${lampungPanel.json<PanelDetail>().id}`, 'j.csv', 'email,nama,unsur\nx.ntb@test.example,X NTB,bps');
    expect(other.statusCode).toBe(403);
    const verifier = await signIn(t, (await makeUser(t, roles.verifier('52'))).email);
    expect((await upload(verifier, 'province=52&role=verifier', 'v.csv', 'email,nama\nx@test.example,X')).statusCode).toBe(403);
    const columns = await upload(admin52, 'province=52&role=verifier', 'v.csv', 'email,nama,gaji\nx@test.example,X,1');
    expect(columns.json<ErrorBody>().error.details).toEqual([{ path: 'baris 1.gaji', reason: 'column-unknown', values: { column: 'gaji' }, message: 'unknown column "gaji": use the template' }]);
  });
});

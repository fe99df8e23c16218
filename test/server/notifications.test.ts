import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { listEditions, listMilestones } from '../../src/db/repositories/editions.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';
import { notifications, outbox, users } from '../../src/db/schema/index.ts';
import { upsertValue } from '../../src/db/repositories/coverage.ts';
import { sweepReminders, wibDay } from '../../src/server/notifications/reminders.ts';

type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string }[] } };
type List = { unread: number; items: { id: string; kind: string; link: string; readAt: string | null; emailed: boolean; subject: string }[] };

const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
const upload = {
  payload: Buffer.concat([
    Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="sk.pdf"\r\nContent-Type: application/pdf\r\n\r\n'),
    pdf,
    Buffer.from('\r\n--b--\r\n'),
  ]),
  headers: { 'content-type': 'multipart/form-data; boundary=b' },
};
const answers = (evidenceId: string) => ({
  kind: 'pemda',
  regulations: [{ id: 'r1', type: 'instruksi', number: 'B.02/INST/30/082021', date: '2021-08-02', title: 'Optimalisasi Jaminan Sosial Ketenagakerjaan', evidenceIds: [evidenceId] }],
  agreements: [],
  programs: [{ id: 'p1', segment: 'nelayan', peopleProtected: 376, budgetRupiah: 69_400_000, fundingSource: 'apbd', periodStart: '2021-01-01', periodEnd: '2021-12-31', evidenceIds: [evidenceId] }],
  coverage: { note: '', evidenceIds: [] },
  innovation: { narrative: 'Perlindungan 376 nelayan melalui APBD, dengan MoU dan PKS bersama BPJS Ketenagakerjaan.', evidenceIds: [] },
});
const days = (n: number) => new Date(Date.now() + n * 86_400_000);

describe.each(drivers())('notifications on %s', (driver) => {
  let t: TestApp;
  let editionId: string;
  let lotim: string;
  let candidate: Client;
  let verifier: Client;
  let admin52: Client;
  let national: Client;

  /** Outbox messages of a kind, by recipient e-mail. */
  const mail = async (kind: string) =>
    (await t.database.db.select().from(outbox).where(eq(outbox.kind, kind))).map((m) => ({ to: m.to, event: m.event, subject: m.subject, body: m.body, link: m.link }));

  beforeAll(async () => {
    t = await startTestApp(driver, { PARITRANA_DATA_DIR: await mkdtemp(`${tmpdir()}/paritrana-notif-`), PUBLIC_URL: 'https://paritrana.example' });
    await seedDemo(t.database.db);
    editionId = (await listEditions(t.database.db))[0]!.id;
    lotim = (await listCandidates(t.database.db, editionId, { all: true })).find((c) => c.name === 'Kabupaten Lombok Timur')!.id;
    candidate = await signIn(t, 'lotim@paritrana.demo', 'paritrana-demo-2025');
    verifier = await signIn(t, 'verifikator.ntb@paritrana.demo', 'paritrana-demo-2025');
    admin52 = await signIn(t, 'ntb@paritrana.demo', 'paritrana-demo-2025');
    national = await signIn(t, 'admin@paritrana.demo', 'paritrana-demo-2025');
    const milestones = (await listMilestones(t.database.db, editionId)).map(({ kind, startsOn, endsOn, place }) => ({ kind, startsOn, endsOn, place }));
    const future = milestones.map((m) => (m.kind === 'registration' ? { ...m, endsOn: '2099-12-31' } : m));
    expect((await national.request('PUT', `/api/editions/${editionId}/timeline`, { milestones: future })).statusCode).toBe(200);
  });
  afterAll(async () => t?.close());

  it('sends a receipt to the candidate and tells the province’s verifiers when a self-assessment is submitted', async () => {
    const evidence = (await candidate.inject({ method: 'POST', url: `/api/candidates/${lotim}/evidence`, ...upload })).json<{ id: string }>();
    expect((await candidate.request('PUT', `/api/candidates/${lotim}/self-assessment`, { version: 0, answers: answers(evidence.id) })).statusCode).toBe(200);
    expect((await candidate.request('POST', `/api/candidates/${lotim}/self-assessment/submit`)).statusCode).toBe(200);
    const submitted = await mail('self-assessment.submitted');
    expect(submitted.map((m) => m.to).sort()).toEqual(['lotim@paritrana.demo', 'verifikator.ntb@paritrana.demo']);
    const receipt = submitted.find((m) => m.to === 'lotim@paritrana.demo')!;
    expect(receipt).toMatchObject({ event: `candidate:${lotim}`, link: `https://paritrana.example/candidates/${lotim}` });
    expect(receipt.subject).toBe('Tanda Terima Penilaian Mandiri: Kabupaten Lombok Timur');
    expect(receipt.body).toMatch(/^Yth\. /);
    expect(receipt.body).toContain('Dengan hormat,');
    expect(receipt.body).toContain('1 berkas bukti');
    expect(receipt.body).toContain('Hormat kami,\nPanitia Paritrana Award');
    // Submitting answered the nomination: the province's admin is told it was accepted.
    const responded = await mail('candidate.responded');
    expect(responded.map((m) => [m.to, m.subject])).toEqual([['ntb@paritrana.demo', 'Tanggapan Nominasi: Kabupaten Lombok Timur menerima']]);
    expect(responded[0]!.body).toContain('Catatan: nominasi diterima dengan mengirim penilaian mandiri.');
  });

  it('asks the candidate for a revision with its item, comment and deadline, then tells the verifiers it came back', async () => {
    const revision = await verifier.request('POST', `/api/candidates/${lotim}/verification/items`, { key: 'programs:p1', status: 'revision', comment: 'Lampirkan SK penetapan 376 nelayan', deadline: '2099-06-30' });
    expect(revision.statusCode).toBe(200);
    const asked = await mail('verification.revision');
    expect(asked.map((m) => m.to)).toEqual(['lotim@paritrana.demo']);
    expect(asked[0]!.body).toContain('Butir: Program perlindungan: Nelayan');
    expect(asked[0]!.body).toContain('Catatan verifikator: Lampirkan SK penetapan 376 nelayan');
    expect(asked[0]!.body).toContain('Batas waktu: Selasa, 30 Juni 2099');
    const current = (await candidate.request('GET', `/api/candidates/${lotim}/self-assessment`)).json<{ version: number; answers: unknown }>();
    await candidate.request('PUT', `/api/candidates/${lotim}/self-assessment`, { version: current.version, answers: current.answers });
    expect((await candidate.request('POST', `/api/candidates/${lotim}/self-assessment/submit`)).statusCode).toBe(200);
    expect((await mail('self-assessment.resubmitted')).map((m) => m.to)).toEqual(['verifikator.ntb@paritrana.demo']);
  });

  it('tells the candidate and its province when the verification is confirmed', async () => {
    for (const key of ['regulations:r1', 'programs:p1', 'coverage', 'innovation']) {
      expect((await verifier.request('POST', `/api/candidates/${lotim}/verification/items`, { key, status: 'valid', comment: null, deadline: null })).statusCode).toBe(200);
    }
    expect((await verifier.request('POST', `/api/candidates/${lotim}/verification/confirm`)).statusCode).toBe(200);
    expect((await mail('verification.confirmed')).map((m) => m.to).sort()).toEqual(['lotim@paritrana.demo', 'ntb@paritrana.demo']);
  });

  it('tells the candidate and its province why a submission is refused as ineligible, once per distinct refusal', async () => {
    const bank = (await listCandidates(t.database.db, editionId, { all: true })).find((c) => c.name === 'Bank NTB Syariah')!;
    const bankUser = await makeUser(t, roles.candidate(bank.id));
    const client = await signIn(t, bankUser.email);
    const employer = {
      kind: 'badan-usaha',
      workers: 1450,
      programs: ['JKK', 'JKM', 'JHT', 'JP', 'JKP'],
      supplyChain: { vendorsTotal: 40, vendorsProtected: 31, evidenceIds: [] },
      csr: { vulnerableWorkersProtected: 500, budgetRupiah: 84_000_000, evidenceIds: [] },
      innovation: { narrative: 'Program perlindungan pekerja rentan nasabah UMKM melalui CSR dan kemitraan dengan BPJS Ketenagakerjaan.', evidenceIds: [] },
    };
    expect((await client.request('PUT', `/api/candidates/${bank.id}/self-assessment`, { version: 0, answers: employer })).statusCode).toBe(200);
    const blocked = async () => (await mail('eligibility.blocked')).filter((m) => m.event === `candidate:${bank.id}`);
    const refused = await client.request('POST', `/api/candidates/${bank.id}/self-assessment/submit`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().error.code).toBe('INELIGIBLE');
    // The submission rolled back, the notice did not: to the candidate's user and the province's admin.
    const first = await blocked();
    expect(first.map((m) => m.to).sort()).toEqual([bankUser.email, 'ntb@paritrana.demo'].sort());
    const own = first.find((m) => m.to === bankUser.email)!;
    expect(own.subject).toBe('Pemberitahuan Kelayakan: Bank NTB Syariah');
    expect(own.body).toContain('tidak memenuhi syarat kelayakan dengan alasan: Bukan peserta aktif BPJS Ketenagakerjaan pada akhir periode penilaian.');
    expect(own.link).toBe(`https://paritrana.example/candidates/${bank.id}`);
    const inApp = (await client.request('GET', '/api/notifications')).json<List>();
    expect(inApp.items.map((i) => i.kind)).toEqual(['eligibility.blocked']);
    expect((await client.request('GET', `/api/candidates/${bank.id}/self-assessment`)).json<{ status: string }>().status).toBe('draft');
    // The same refusal again tells nobody anew.
    expect((await client.request('POST', `/api/candidates/${bank.id}/self-assessment/submit`)).statusCode).toBe(409);
    expect((await client.request('POST', `/api/candidates/${bank.id}/self-assessment/submit`)).statusCode).toBe(409);
    expect(await blocked()).toHaveLength(2);
    // A different refusal (now a participant, but in arrears) is told once more, with its own reason.
    await upsertValue(t.database.db, { candidateId: bank.id, key: 'workers', valueNum: 1450, source: 'coverage', snapshotId: null, note: null });
    await upsertValue(t.database.db, { candidateId: bank.id, key: 'months_in_arrears', valueNum: 2, source: 'coverage', snapshotId: null, note: null });
    const again = await client.request('POST', `/api/candidates/${bank.id}/self-assessment/submit`);
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().error.details).toEqual([{ path: 'no-arrears', message: 'Menunggak iuran 2 bulan' }]);
    const second = await blocked();
    expect(second).toHaveLength(4);
    expect(second.slice(2).every((m) => m.body.includes('dengan alasan: Menunggak iuran 2 bulan.'))).toBe(true);
    const audit = (await national.request('GET', `/api/audit?entityType=candidate&entityId=${bank.id}`)).json<unknown>();
    expect(JSON.stringify(audit).match(/self-assessment\.ineligible/g)).toHaveLength(2);
  });

  it('writes the e-mail in the recipient’s language', async () => {
    const english = await makeUser(t, roles.candidate(lotim));
    await t.database.db.update(users).set({ locale: 'en' }).where(eq(users.id, english.id));
    const client = await signIn(t, english.email);
    const before = (await mail('verification.confirmed')).length;
    // A dispute decided about Lombok Timur reaches each of its users in their language.
    const raised = await candidate.request('POST', `/api/candidates/${lotim}/disputes`, { key: 'coverage_pct', claimedValue: 55, reason: 'Data terbaru BPJS Ketenagakerjaan', evidence: null });
    expect(raised.statusCode).toBe(201);
    const decided = await verifier.request('POST', `/api/disputes/${raised.json<{ id: string }>().id}/decision`, { status: 'rejected', correctedValue: null, note: 'Data sudah sesuai' });
    expect(decided.statusCode).toBe(200);
    const messages = await mail('dispute.decided');
    expect(messages.find((m) => m.to === english.email)!.subject).toBe('Dispute decided: Kabupaten Lombok Timur');
    expect(messages.find((m) => m.to === english.email)!.body).toMatch(/^Dear .*\n\n.*has been decided: rejected/s);
    expect(messages.find((m) => m.to === 'lotim@paritrana.demo')!.subject).toBe('Keputusan Sanggahan Data: Kabupaten Lombok Timur');
    // The figure by its name in each language, never its key; the edition named once in the closing.
    expect(messages.find((m) => m.to === english.email)!.body).toContain('The dispute of Kabupaten Lombok Timur about Coverage has been decided: rejected.');
    expect(messages.find((m) => m.to === 'lotim@paritrana.demo')!.body).toContain('sanggahan atas data Cakupan kepesertaan Kabupaten Lombok Timur telah diputuskan: ditolak.');
    expect(messages.find((m) => m.to === 'lotim@paritrana.demo')!.body).toMatch(/\nPanitia Paritrana Award \d{4}$/);
    expect(messages.map((m) => m.to)).toContain('ntb@paritrana.demo');
    expect((await mail('verification.confirmed')).length).toBe(before);
    const list = (await client.request('GET', '/api/notifications')).json<List>();
    expect(list.items.map((i) => i.kind)).toEqual(['dispute.decided']);
  });

  it('shows each user only their own notifications, and marks them read', async () => {
    const mine = (await candidate.request('GET', '/api/notifications')).json<List>();
    expect(mine.items.map((i) => i.kind)).toEqual(expect.arrayContaining(['self-assessment.submitted', 'verification.revision', 'verification.confirmed', 'dispute.decided']));
    expect(mine.unread).toBe(mine.items.length);
    const theirs = (await verifier.request('GET', '/api/notifications')).json<List>();
    // Another user's notification is not found for this user, and stays unread.
    expect((await verifier.request('POST', `/api/notifications/${mine.items[0]!.id}/read`)).statusCode).toBe(404);
    expect(theirs.items.every((i) => !mine.items.some((m) => m.id === i.id))).toBe(true);
    const read = await candidate.request('POST', `/api/notifications/${mine.items[0]!.id}/read`);
    expect(read.statusCode).toBe(200);
    expect((await candidate.request('GET', '/api/notifications')).json<List>().unread).toBe(mine.items.length - 1);
    expect((await candidate.request('POST', '/api/notifications/read-all')).json<{ marked: number }>().marked).toBe(mine.items.length - 1);
    expect((await candidate.request('GET', '/api/notifications')).json<List>().unread).toBe(0);
  });

  it('reminds before a revision deadline once per offset, however often the sweep runs', async () => {
    const deadline = wibDay(days(5));
    // Kota Bontang (Kalimantan Timur) submits and is asked for a revision due in five days.
    const bontang = (await listCandidates(t.database.db, editionId, { all: true })).find((c) => c.name === 'Kota Bontang')!;
    const bontangUser = await makeUser(t, roles.candidate(bontang.id));
    const client = await signIn(t, bontangUser.email);
    const evidence = (await client.inject({ method: 'POST', url: `/api/candidates/${bontang.id}/evidence`, ...upload })).json<{ id: string }>();
    expect((await client.request('PUT', `/api/candidates/${bontang.id}/self-assessment`, { version: 0, answers: answers(evidence.id) })).statusCode).toBe(200);
    expect((await client.request('POST', `/api/candidates/${bontang.id}/self-assessment/submit`)).statusCode).toBe(200);
    expect((await national.request('POST', `/api/candidates/${bontang.id}/verification/items`, { key: 'coverage', status: 'revision', comment: 'Lengkapi', deadline })).statusCode).toBe(200);
    const reminders = async () => (await mail('reminder.revision')).filter((m) => m.to === bontangUser.email);
    const offsets = [7, 3, 1];
    // Two app servers sweeping at the same moment (on PostgreSQL, on two connections): the reminder is written once.
    const [first, second] = await Promise.all([sweepReminders(t.database.db, new Date(), offsets), sweepReminders(t.database.db, new Date(), offsets)]);
    expect(first + second).toBeGreaterThanOrEqual(1);
    expect(await reminders()).toHaveLength(1);
    expect((await reminders())[0]!.subject).toBe('Pengingat: Batas Waktu Perbaikan 5 Hari Lagi');
    await sweepReminders(t.database.db, new Date(), offsets);
    await sweepReminders(t.database.db, days(1), offsets);
    expect(await reminders()).toHaveLength(1);
    await sweepReminders(t.database.db, days(2), offsets);
    await sweepReminders(t.database.db, days(2), offsets);
    expect(await reminders()).toHaveLength(2);
    await sweepReminders(t.database.db, days(4), offsets);
    await sweepReminders(t.database.db, days(6), offsets);
    expect((await reminders()).map((m) => m.subject)).toEqual([
      'Pengingat: Batas Waktu Perbaikan 5 Hari Lagi',
      'Pengingat: Batas Waktu Perbaikan 3 Hari Lagi',
      'Pengingat: Batas Waktu Perbaikan 1 Hari Lagi',
    ]);
  });

  it('lets a user turn reminder e-mails off but still shows them in the notification centre', async () => {
    const user = await makeUser(t, roles.candidate(lotim));
    const client = await signIn(t, user.email);
    expect((await client.request('PUT', '/api/notifications/preferences', { reminderEmails: false, dailyDigest: false })).statusCode).toBe(200);
    // A candidate account has no digest: that is for committee accounts.
    const digest = await client.request('PUT', '/api/notifications/preferences', { reminderEmails: false, dailyDigest: true });
    expect(digest.statusCode).toBe(400);
    const { notify } = await import('../../src/server/notifications/notify.ts');
    await t.database.db.transaction(async (tx) => {
      await notify(tx, { kind: 'reminder.self-assessment', to: [{ users: [user.id] }], facts: { days: '3' }, link: '/', event: 'test:reminder', provinceCode: null });
      await notify(tx, { kind: 'verification.revision', to: [{ users: [user.id] }], facts: {}, link: '/', event: 'test:decision', provinceCode: null });
    });
    const own = await t.database.db.select().from(notifications).where(eq(notifications.userId, user.id));
    expect(own.map((n) => [n.kind, n.outboxId !== null]).sort()).toEqual([
      ['reminder.self-assessment', false],
      ['verification.revision', true],
    ]);
    expect(await t.database.db.select().from(outbox).where(and(eq(outbox.userId, user.id), eq(outbox.kind, 'reminder.self-assessment')))).toEqual([]);
  });

  it('invites by a letter from the editable template, in Indonesian and then English, its secret link kept out of the link column', async () => {
    const invited = await admin52.request('POST', `/api/candidates/${lotim}/invitations`, { email: 'sekretariat@lomboktimurkab.go.id' });
    expect(invited.statusCode).toBe(201);
    const [message] = (await mail('candidate.invitation')).filter((m) => m.to === 'sekretariat@lomboktimurkab.go.id');
    expect(message!.subject).toBe('Undangan Paritrana Award: Kabupaten Lombok Timur');
    expect(message!.event).toBe(`candidate:${lotim}`);
    expect(message!.link).toBeNull();
    const [id, en] = message!.body.split('\n\n— English —\n\n');
    expect(id).toMatch(/^Yth\. Bapak\/Ibu,\n\nDengan hormat,\n\nBersama ini kami sampaikan bahwa Kabupaten Lombok Timur \(Nusa Tenggara Barat\) dinominasikan sebagai kandidat Paritrana Award kategori Pemerintah Kabupaten\/Kota\./);
    expect(id).toContain('Tautan berlaku 14 hari dan hanya dapat dipakai sekali.');
    expect(id).toMatch(/\nTautan: https:\/\/paritrana\.example\/undangan\/[\w-]{20,}\n/);
    expect(en).toMatch(/^Dear Sir or Madam,\n\nKabupaten Lombok Timur \(Nusa Tenggara Barat\) has been nominated for the Paritrana Award, category Regency\/City Government\./);
    expect(en).toMatch(/\nLink: https:\/\/paritrana\.example\/undangan\/[\w-]{20,}\n/);
    // The national admin may reword it like any other message.
    expect((await national.request('GET', '/api/notification-templates')).json<{ kind: string }[]>().map((x) => x.kind)).toContain('candidate.invitation');
  });

  it('lets the national admin edit a template per language, refusing unknown placeholders and broken syntax', async () => {
    const url = '/api/notification-templates/verification.revision';
    const list = (await national.request('GET', '/api/notification-templates')).json<{ kind: string; facts: Record<string, string> }[]>();
    expect(list.find((x) => x.kind === 'verification.revision')!.facts).toMatchObject({ item: expect.any(String) as unknown, deadline: expect.any(String) as unknown });
    const unknown = await national.request('PUT', `${url}/id`, { subject: 'Perbaikan {{kandidat}}', body: 'Yth. {{recipient}}' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<ErrorBody>().error.message).toContain('Unknown placeholder {{kandidat}}');
    const broken = await national.request('PUT', `${url}/id`, { subject: 'Perbaikan {{candidate}', body: 'Yth. {{recipient}}' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json<ErrorBody>().error.details).toEqual([{ path: 'subject', message: 'A placeholder is not closed or not a plain name: write {{fact}}' }]);
    const preview = await national.request('POST', `${url}/preview`, { subject: 'Perbaikan {{candidate}}', body: 'Batas {{deadline}}' });
    expect(preview.json()).toEqual({ subject: 'Perbaikan Kabupaten Contoh', body: 'Batas Rabu, 13 Agustus 2025' });
    expect((await admin52.request('PUT', `${url}/id`, { subject: 'x', body: 'y' })).statusCode).toBe(403);
    const saved = await national.request('PUT', `${url}/id`, { subject: 'PERBAIKAN: {{candidate}}', body: 'Yth. {{recipient}},\n\nButir {{item}} sampai {{deadline}}.' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<{ id: { edited: boolean }; en: { edited: boolean } }>()).toMatchObject({ id: { edited: true }, en: { edited: false } });
    // The edited text is the one used from now on, and the edit is audited.
    const { notify } = await import('../../src/server/notifications/notify.ts');
    const user = await makeUser(t, roles.verifier('52'));
    await t.database.db.transaction((tx) => notify(tx, { kind: 'verification.revision', to: [{ users: [user.id] }], facts: { candidate: 'Kota Bontang', item: 'coverage', deadline: '1 Juli 2099' }, link: '/', event: 'test:template', provinceCode: null }));
    const sent = (await mail('verification.revision')).find((m) => m.to === user.email)!;
    expect(sent.subject).toBe('PERBAIKAN: Kota Bontang');
    expect(sent.body).toBe(`Yth. ${user.name},\n\nButir coverage sampai 1 Juli 2099.`);
    const audit = (await national.request('GET', '/api/audit?entityType=notification_template')).json<{ entries: { action: string }[] }>().entries;
    expect(audit.map((e) => e.action)).toContain('notification.template.save');
  });
});

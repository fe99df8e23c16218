import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { browserAvailable, launchBrowser, screenshot, screenshotBoth, screenshotDir, startE2eServer, type E2eServer } from '../support/browser.ts';
import { actorWith, lotimAnswers } from '../support/publication.ts';
import { smtpPeer } from '../support/smtp.ts';
import { assessingEditionWithCandidates, ntbCandidates } from '../support/panels.ts';
import type { Db } from '../../src/db/client.ts';
import { insertEvent, listEditions } from '../../src/db/repositories/editions.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';
import { insertSubmission } from '../../src/db/repositories/submissions.ts';
import { upsertItem } from '../../src/db/repositories/verification.ts';
import { listPanels } from '../../src/db/repositories/panels.ts';
import { findPoolByKey } from '../../src/db/repositories/pools.ts';
import { outbox, submissions, users } from '../../src/db/schema/index.ts';
import { pemdaV1 } from '../../src/domain/instruments/index.ts';
import { rubricIndicators } from '../../src/domain/panels/scoring-setup.ts';
import type { Actor } from '../../src/server/policies/actor.ts';
import { replaceMembers, updatePanel } from '../../src/server/services/panels.ts';
import { closeStage, openStage } from '../../src/server/services/pools.ts';
import { recordAttendance, setSlot } from '../../src/server/services/interviews.ts';
import { submitSheet, writeMarks } from '../../src/server/services/marking.ts';
import { finaliseResult } from '../../src/server/services/results.ts';
import { replaceSignatories } from '../../src/server/services/signatories.ts';
import { createUser } from '../../src/server/services/users.ts';

const password = 'paritrana-demo-2025';
const invited = 'operator@lomboktimurkab.go.id';
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** A signed-in API client over HTTP (what the pages call), for the steps whose pages other tests click through. */
async function apiAs(url: string, email: string, secret = password) {
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: secret }) });
  expect(login.status).toBe(200);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T = unknown>(method: string, path: string, body?: unknown, raw?: { body: Blob | FormData }): Promise<T> => {
    const headers: Record<string, string> = { cookie, 'x-csrf-token': csrfToken };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${url}${path}`, { method, headers, body: raw ? raw.body : body === undefined ? null : JSON.stringify(body) });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

/** The demo's own operator of Lombok Timur reads English: every message to it is in English. */
const english = 'lotim@paritrana.demo';

type InterviewingPool = { editionId: string; poolId: string; ids: Map<string, string>; national: Actor; provincial: Actor; chair: Actor; jurors: Actor[] };

/**
 * NTB's provincial pool of three regional governments with a panel of three
 * (the third reads English), its desk stage marked and closed and two of the
 * three interviews scheduled (factory: marking is walked in panels.e2e);
 * Lombok Timur's interview is left for the chair's page.
 */
async function interviewingPool(db: Db): Promise<InterviewingPool> {
  const { editionId, categoryId, ids } = await assessingEditionWithCandidates(db, ntbCandidates);
  const national = await actorWith(db, [{ role: 'national_admin', provinceCode: null, candidateId: null }], 'Admin Nasional');
  const provincial = await actorWith(db, [{ role: 'provincial_admin', provinceCode: '52', candidateId: null }], 'Admin NTB');
  const jurors: Actor[] = [];
  for (const [i, name] of ['Drs. H. Lalu Gita Ariadi', 'Dr. Baiq Nurul Aini', 'Ir. Made Wirawan'].entries()) {
    const roles = [{ role: 'juror' as const, provinceCode: '52', candidateId: null }];
    const email = `juri${i + 1}@ntb.example`;
    const locale = i === 2 ? 'en' : 'id';
    const user = await createUser({ db, actor: null }, { email, name, password: 'correct-horse-battery', locale, roles });
    jurors.push({ id: user.id, email, name, locale, roles, csrfToken: '', sessionId: '' });
  }
  const lotimId = ids.get('52.03')!;
  await insertSubmission(db, { candidateId: lotimId, status: 'submitted', version: 2, answers: lotimAnswers });
  for (const key of ['regulations:r1', 'agreements:a1', 'programs:p1', 'programs:p2', 'coverage', 'innovation']) {
    await upsertItem(db, { candidateId: lotimId, itemKey: key, status: 'valid', comment: null, deadline: null, decidedBy: national.id });
  }
  const admin = { db, actor: provincial };
  const [demoPanel] = (await listPanels(db, editionId)).filter((p) => p.area === '52');
  const panel = await updatePanel(admin, demoPanel!.id, { level: 'provinsi', area: '52', name: 'Tim Penilai Provinsi NTB', decreeNumber: '100.3.3.2-456 Tahun 2025', decreeDate: '2025-06-02', categoryCodes: ['pemkab-kota'] });
  await replaceMembers(admin, panel.id, { members: jurors.map((j, i) => ({ userId: j.id, unsur: ['pemda', 'akademisi', 'apindo'][i]!, role: i === 0 ? 'chair' : 'member', title: null })) });
  const pool = (await findPoolByKey(db, { editionId, level: 'provinsi', area: '52', categoryId }))!;
  const chair = jurors[0]!;
  await openStage({ db, actor: chair }, pool.id, 'desk', true);
  await markStage(db, pool.id, ids, jurors, 'desk');
  await closeStage({ db, actor: chair }, pool.id, 'desk');
  for (const [code, time] of [['52.01', '09:00'], ['52.02', '13:00']] as const) {
    await setSlot({ db, actor: chair }, pool.id, ids.get(code)!, { heldOn: '2025-07-14', startsAt: time, endsAt: null, place: 'Hotel Premier Park, Mataram', onlineUrl: null });
  }
  return { editionId, poolId: pool.id, ids, national, provincial, chair, jurors };
}

/** Juror marks by candidate: Lombok Timur ahead, then Lombok Barat, then Lombok Tengah. */
async function markStage(db: Db, poolId: string, ids: Map<string, string>, jurors: Actor[], stage: string) {
  const marksOf: Record<string, number[]> = { '52.03': [5, 5, 4], '52.01': [4, 3, 4], '52.02': [3, 3, 2] };
  const indicators = rubricIndicators(pemdaV1, stage).map((i) => i.id);
  let seq = stage === 'desk' ? 0 : 10_000;
  for (const [j, juror] of jurors.entries()) {
    for (const [code, values] of Object.entries(marksOf)) {
      const candidateId = ids.get(code)!;
      await writeMarks({ db, actor: juror }, poolId, indicators.map((indicatorId) => ({ candidateId, indicatorId, value: values[j]!, comment: null, seq: (seq += 1) })));
      await submitSheet({ db, actor: juror }, poolId, candidateId, stage);
    }
  }
}

/** The interviews are held and marked, the chair finalises, and the province's ceremony and signatories are set. */
async function finishPool(db: Db, f: InterviewingPool) {
  await openStage({ db, actor: f.chair }, f.poolId, 'wawancara', true);
  for (const [code, attendance] of [['52.03', 'kepala-daerah'], ['52.01', 'wakil'], ['52.02', 'sekda']] as const) {
    await recordAttendance({ db, actor: f.chair }, f.poolId, f.ids.get(code)!, { attendance, note: null });
  }
  await markStage(db, f.poolId, f.ids, f.jurors, 'wawancara');
  await closeStage({ db, actor: f.chair }, f.poolId, 'wawancara');
  await finaliseResult({ db, actor: f.chair }, f.poolId);
  await insertEvent(db, { editionId: f.editionId, provinceCode: '52', kind: 'provincial_ceremony', heldOn: '2025-08-13', place: 'Gedung Sangkareang, Kantor Gubernur NTB, Mataram', attendees: null, notes: null });
  await replaceSignatories({ db, actor: f.national }, f.editionId, [
    { level: 'provinsi', area: '52', name: 'Dr. H. Lalu Muhamad Iqbal', title: 'Gubernur Nusa Tenggara Barat', handsOver: true },
    { level: 'provinsi', area: '52', name: 'Adventus Edison Souhuwat', title: 'Kepala Kantor Wilayah BPJS Ketenagakerjaan Bali Nusa Tenggara dan Papua', handsOver: false },
  ]);
}

/** What a candidate's users are told when its pool's result is final and announced (sorted). */
const announcement = {
  id: ['Kandidat Melaju ke Tingkat Nasional: Kabupaten Lombok Timur', 'Pengumuman Hasil Paritrana Award: Kabupaten Lombok Timur', 'Piagam Penghargaan Paritrana Award: Kabupaten Lombok Timur'],
  en: ['Advanced to the next level: Kabupaten Lombok Timur', 'Paritrana Award certificate: Kabupaten Lombok Timur', 'Paritrana Award result: Kabupaten Lombok Timur'],
};

const answers = (evidenceId: string) => ({
  kind: 'pemda',
  regulations: [{ id: 'r1', type: 'instruksi', number: '188.45/123/NAKERTRANS/2024', date: '2024-02-12', title: 'Perluasan Kepesertaan Jaminan Sosial Ketenagakerjaan', evidenceIds: [evidenceId] }],
  agreements: [],
  programs: [{ id: 'p1', segment: 'nelayan', peopleProtected: 376, budgetRupiah: 69_400_000, fundingSource: 'apbd', periodStart: '2024-01-01', periodEnd: '2024-12-31', evidenceIds: [evidenceId] }],
  coverage: { note: '', evidenceIds: [] },
  innovation: { narrative: 'Bantuan modal UMKM dialihkan menjadi iuran BPJS Ketenagakerjaan pada tahun berikutnya.', evidenceIds: [] },
});

describe.skipIf(!browserAvailable())('one candidate from nomination to announcement: who is told what, by e-mail and in the app', () => {
  let smtp: Awaited<ReturnType<typeof smtpPeer>>;
  let server: E2eServer;
  let browser: Browser;
  let candidate: Page;
  let lotim: string;
  let pool: InterviewingPool;

  /** Messages not yet delivered or given up on. */
  const pendingMessages = async () => (await server.database.db.select({ status: outbox.status }).from(outbox)).filter((m) => m.status === 'queued' || m.status === 'sending').length;

  /** A new browser signed in as someone. */
  const signedIn = async (email: string, secret = password) => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' })).newPage();
    await page.goto(`${server.url}/login`);
    await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
    await page.locator('input[type=password]').fill(secret);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('navigation', { name: 'Navigasi' }).getByRole('link').first().waitFor();
    return page;
  };

  const delivered = async (to: string, subject: RegExp) => {
    await expect.poll(() => smtp.mailTo(to, subject) !== undefined, { timeout: 20_000, interval: 250 }).toBe(true);
    return smtp.mailTo(to, subject)!;
  };

  beforeAll(async () => {
    smtp = await smtpPeer();
    server = await startE2eServer('pglite', {
      registrationEndsOn: '2099-12-31',
      env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false', MAIL_FROM: 'Panitia Paritrana Award <noreply@paritrana.example>', MAIL_POLL_SECONDS: '1', REMINDER_SWEEP_SECONDS: '86400' },
    });
    await server.database.db.update(users).set({ locale: 'en' }).where(eq(users.email, english));
    const editionId = (await listEditions(server.database.db))[0]!.id;
    lotim = (await listCandidates(server.database.db, editionId, { all: true })).find((c) => c.name === 'Kabupaten Lombok Timur')!.id;
    browser = await launchBrowser();
    candidate = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' })).newPage();
  }, 300_000);
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await screenshot(candidate, 'failed-notifications-candidate');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  it('nomination: the invitation arrives by e-mail, the candidate joins by its link and finds the nomination in its notifications', async () => {
    const admin = await apiAs(server.url, 'ntb@paritrana.demo');
    await admin('POST', `/api/candidates/${lotim}/invitations`, { email: invited });
    const invitation = await delivered(invited, /^Undangan Paritrana Award: Kabupaten Lombok Timur$/);
    expect(invitation.text).toMatch(/^Yth\. Bapak\/Ibu,\n\nDengan hormat,\n\nBersama ini kami sampaikan bahwa Kabupaten Lombok Timur \(Nusa Tenggara Barat\) dinominasikan/);
    expect(invitation.text).toContain('\n\n— English —\n\nDear Sir or Madam,\n\nKabupaten Lombok Timur (Nusa Tenggara Barat) has been nominated for the Paritrana Award, category Regency/City Government.');
    const link = /http:\/\/\S+\/undangan\/[\w-]+/.exec(invitation.text ?? '')![0];
    expect(link.startsWith(server.url)).toBe(true);
    await candidate.goto(link);
    await candidate.getByRole('textbox', { name: 'Nama lengkap' }).fill('Operator Pemkab Lombok Timur');
    await candidate.locator('input[type=password]').fill('lotim-aman-2025-x');
    await candidate.getByRole('button', { name: 'Buat akun' }).click();
    await candidate.getByRole('heading', { name: 'Kabupaten Lombok Timur' }).waitFor();
    const nominated = await delivered(invited, /^Pemberitahuan Nominasi Paritrana Award: Kabupaten Lombok Timur$/);
    expect(nominated.text).toMatch(/^Yth\. Operator Pemkab Lombok Timur,\n\nDengan hormat,/);
    expect(nominated.text).toContain('paling lambat Kamis, 31 Desember 2099');
    expect(nominated.text).toContain('Hormat kami,\nPanitia Paritrana Award');
    // The bell counts it; the centre lists it with a link to the candidate's page.
    await candidate.getByRole('link', { name: 'Pemberitahuan, 1 belum dibaca' }).click();
    await candidate.getByText('Pemberitahuan Nominasi Paritrana Award: Kabupaten Lombok Timur').waitFor();
    await screenshotBoth(candidate, 'notifications-01-centre');
  });

  it('revision: the candidate submits, the verifier asks for a revision, the candidate revises and the verifier confirms, all on their pages', async () => {
    // The answers are filled in beforehand (the form itself is walked in verification.e2e); the submission is clicked.
    const me = await apiAs(server.url, invited, 'lotim-aman-2025-x');
    const form = new FormData();
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'instruksi.pdf');
    const evidence = await me<{ id: string }>('POST', `/api/candidates/${lotim}/evidence`, undefined, { body: form });
    await me('PUT', `/api/candidates/${lotim}/self-assessment`, { version: 0, answers: answers(evidence.id) });
    await candidate.goto(`${server.url}/candidates/${lotim}`);
    await candidate.getByRole('tab', { name: 'Penilaian mandiri' }).click();
    await candidate.getByRole('button', { name: 'Kirim penilaian mandiri' }).click();
    await candidate.getByRole('dialog').getByRole('button', { name: 'Ya, kirim' }).click();
    await candidate.getByText('Penilaian mandiri sudah dikirim dan hanya dapat dibaca.').waitFor();
    const receipt = await delivered(invited, /^Tanda Terima Penilaian Mandiri: Kabupaten Lombok Timur$/);
    expect(receipt.text).toMatch(/yang dikirim pada \w+, \d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4} pukul \d\d\.\d\d WIB\. Ringkasan: versi 2, 6 bagian terisi, 1 berkas bukti\. Penilaian mandiri selanjutnya akan diverifikasi oleh verifikator provinsi Nusa Tenggara Barat\./);
    const englishReceipt = await delivered(english, /^Self-assessment receipt: Kabupaten Lombok Timur$/);
    expect(englishReceipt.text).toMatch(/submitted on \w+day, \d{1,2} \w+ \d{4} at \d\d:\d\d WIB\. Summary: version 2, 6 sections filled in, 1 evidence file\./);
    expect(englishReceipt.text).toContain('The verifiers of Nusa Tenggara Barat will now verify it.');

    const verifier = await signedIn('verifikator.ntb@paritrana.demo');
    await verifier.getByRole('navigation', { name: 'Navigasi' }).getByRole('link', { name: 'Antrean verifikasi', exact: true }).click();
    await verifier.locator('[data-candidate="Kabupaten Lombok Timur"]').getByRole('link', { name: 'Periksa' }).click();
    await verifier.getByRole('tab', { name: 'Verifikasi' }).click();
    const program = verifier.locator('[data-item="programs:p1"]');
    await program.getByText('Perlu perbaikan').click();
    await program.getByLabel('Komentar').fill('Lampirkan SK penetapan 376 nelayan');
    await program.getByLabel('Batas perbaikan').fill('2099-06-30');
    await program.getByRole('button', { name: 'Simpan' }).click();
    await verifier.locator('[data-item="programs:p1"][data-status="revision"]').waitFor();
    const asked = await delivered(invited, /^Permintaan Perbaikan Penilaian Mandiri: Kabupaten Lombok Timur$/);
    expect(asked.text).toContain('Butir: Program perlindungan: Nelayan\nCatatan verifikator: Lampirkan SK penetapan 376 nelayan\nBatas waktu: Selasa, 30 Juni 2099');
    const askedEn = await delivered(english, /^Revision requested: Kabupaten Lombok Timur$/);
    expect(askedEn.text).toContain('Item: Protection programs: Fishermen\nVerifier’s comment: Lampirkan SK penetapan 376 nelayan\nDeadline: Tuesday, 30 June 2099');

    // The candidate opens the request from its notification centre and revises.
    await candidate.goto(`${server.url}/notifikasi`);
    await candidate.getByText('Permintaan Perbaikan Penilaian Mandiri: Kabupaten Lombok Timur').waitFor();
    await screenshotBoth(candidate, 'notifications-02-revision');
    await candidate.locator('[data-notification="verification.revision"]').getByRole('link', { name: 'Buka' }).click();
    await candidate.getByRole('heading', { name: 'Kabupaten Lombok Timur' }).waitFor();
    expect(new URL(candidate.url()).pathname).toBe(`/candidates/${lotim}`);
    await candidate.getByRole('button', { name: 'Perbaiki di penilaian mandiri' }).click();
    await candidate.getByText('Dibuka kembali untuk perbaikan.').waitFor();
    await candidate.getByLabel('Pekerja dilindungi', { exact: true }).fill('380');
    await candidate.getByText(/Tersimpan otomatis/).waitFor();
    await candidate.getByRole('button', { name: 'Kirim penilaian mandiri' }).click();
    await candidate.getByRole('dialog').getByRole('button', { name: 'Ya, kirim' }).click();
    await candidate.getByText('Penilaian mandiri sudah dikirim dan hanya dapat dibaca.').waitFor();
    await delivered('verifikator.ntb@paritrana.demo', /^Perbaikan Diterima: Kabupaten Lombok Timur$/);

    await verifier.reload();
    await verifier.getByRole('tab', { name: 'Verifikasi' }).click();
    for (const key of ['regulations:r1', 'programs:p1', 'coverage', 'innovation']) {
      const item = verifier.locator(`[data-item="${key}"]`);
      await item.getByText('Sah', { exact: true }).click();
      await item.getByRole('button', { name: 'Simpan' }).click();
      await verifier.locator(`[data-item="${key}"][data-status="valid"]`).waitFor();
    }
    await verifier.getByRole('button', { name: 'Konfirmasi verifikasi' }).click();
    await verifier.getByText('Terverifikasi', { exact: true }).first().waitFor();
    for (const to of [invited, 'ntb@paritrana.demo']) await delivered(to, /^Verifikasi Selesai: Kabupaten Lombok Timur$/);
    await delivered(english, /^Verification confirmed: Kabupaten Lombok Timur$/);
  });

  it('interview and announcement: the chair schedules and moves the interview, the committee announces; every recipient got exactly its messages', async () => {
    // The provincial pool is marked by its panel (factory: marking is walked in panels.e2e); the interview is scheduled on its page.
    await server.database.db.delete(submissions).where(eq(submissions.candidateId, lotim));
    pool = await interviewingPool(server.database.db);
    const chair = await signedIn(pool.chair.email, 'correct-horse-battery');
    await chair.goto(`${server.url}/penilaian`);
    await chair.getByRole('link', { name: 'Kelola' }).click();
    await chair.getByRole('tab', { name: 'Wawancara' }).click();
    const card = chair.locator('[aria-label="Kabupaten Lombok Timur"]');
    await card.getByLabel('Tanggal').fill('2025-07-14');
    await card.getByLabel('Mulai').fill('09:00');
    await card.getByLabel('Tempat').fill('Hotel Premier Park, Mataram');
    await card.getByRole('button', { name: 'Simpan jadwal' }).click();
    const interview = await delivered(invited, /^Undangan Wawancara Paritrana Award: Kabupaten Lombok Timur$/);
    expect(interview.text).toContain('Hari/tanggal: Senin, 14 Juli 2025\nWaktu: 09.00 WIB\nTempat/tautan: Hotel Premier Park, Mataram\nYang hadir: Kepala daerah atau pejabat yang ditunjuk');
    // The chair moves it an hour later: everyone is told of the change.
    await card.getByLabel('Mulai').fill('10:30');
    await card.getByRole('button', { name: 'Simpan jadwal' }).click();
    const moved = await delivered(invited, /^Perubahan Jadwal Wawancara: Kabupaten Lombok Timur$/);
    expect(moved.text).toContain('Waktu: 10.30 WIB');
    const movedEn = await delivered(pool.jurors[2]!.email, /^Interview changed: Kabupaten Lombok Timur$/);
    expect(movedEn.text).toContain('Date: Monday, 14 July 2025\nTime: 10:30 WIB\nPlace or link: Hotel Premier Park, Mataram');
    await screenshot(chair, 'notifications-03-interview');
    await finishPool(server.database.db, pool);

    // The province's committee announces the result on the publication page.
    const committee = await signedIn(pool.provincial.email, 'correct-horse-battery');
    await committee.goto(`${server.url}/editions/${pool.editionId}/publication`);
    await committee.getByRole('link', { name: 'Kelola publikasi' }).click();
    await committee.getByText('Final, belum diumumkan').waitFor();
    await committee.getByRole('button', { name: 'Umumkan hasil' }).click();
    await committee.getByRole('dialog').getByRole('button', { name: 'Konfirmasi' }).click();
    await committee.getByText('Diumumkan', { exact: true }).waitFor();

    const announced = await delivered(invited, /^Pengumuman Hasil Paritrana Award: Kabupaten Lombok Timur$/);
    expect(announced.text).toMatch(/untuk Provinsi Nusa Tenggara Barat — Pemerintah Kabupaten\/Kota\. Kabupaten Lombok Timur memperoleh peringkat 1 dengan nilai akhir \d+,\d\d\./);
    const announcedEn = await delivered(english, /^Paritrana Award result: Kabupaten Lombok Timur$/);
    expect(announcedEn.text).toMatch(/result of Province of Nusa Tenggara Barat — Regency\/City Government has been announced\. Kabupaten Lombok Timur ranks 1 with a final score of \d+\.\d\d\./);
    const certificate = await delivered(invited, /^Piagam Penghargaan Paritrana Award: Kabupaten Lombok Timur$/);
    const check = /http:\/\/\S+\/verifikasi\/[\w-]+/.exec(certificate.text ?? '')![0];
    const advanced = await delivered(invited, /^Kandidat Melaju ke Tingkat Nasional: Kabupaten Lombok Timur$/);
    expect(advanced.text).toContain('Kabupaten Lombok Timur melaju ke penilaian Paritrana Award Tingkat Nasional.');
    await delivered(english, /^Advanced to the next level: Kabupaten Lombok Timur$/);
    await delivered('ntb@paritrana.demo', /^Piagam Penghargaan Paritrana Award: Kabupaten Lombok Tengah$/);
    // Let the sender drain: nothing more is queued for anyone.
    await expect.poll(() => pendingMessages(), { timeout: 20_000, interval: 250 }).toBe(0);

    const subjects = (to: string) => smtp.subjectsTo(to);
    const lt = 'Kabupaten Lombok Timur';
    // The candidate's users: the one who joined (Indonesian) and the demo's operator (English).
    // In the order of the award; what one step sends together is compared as a set (one transaction, one moment).
    const inOrder = (to: string, steps: number) => {
      const got = subjects(to);
      return [...got.slice(0, steps), ...got.slice(steps).sort()];
    };
    expect(inOrder(invited, 8)).toEqual([
      `Undangan Paritrana Award: ${lt}`,
      `Pemberitahuan Nominasi Paritrana Award: ${lt}`,
      `Tanda Terima Penilaian Mandiri: ${lt}`,
      `Permintaan Perbaikan Penilaian Mandiri: ${lt}`,
      `Tanda Terima Penilaian Mandiri: ${lt}`,
      `Verifikasi Selesai: ${lt}`,
      `Undangan Wawancara Paritrana Award: ${lt}`,
      `Perubahan Jadwal Wawancara: ${lt}`,
      ...announcement.id,
    ]);
    expect(inOrder(english, 6)).toEqual([
      `Self-assessment receipt: ${lt}`,
      `Revision requested: ${lt}`,
      `Self-assessment receipt: ${lt}`,
      `Verification confirmed: ${lt}`,
      `Paritrana Award interview: ${lt}`,
      `Interview changed: ${lt}`,
      ...announcement.en,
    ]);
    // Its province: the verifier and each provincial admin (the demo's own saw the nomination accepted and the verification; the factory's came later).
    expect(subjects('verifikator.ntb@paritrana.demo')).toEqual([`Tanda Terima Penilaian Mandiri: ${lt}`, `Perbaikan Diterima: ${lt}`]);
    for (const admin of ['ntb@paritrana.demo', pool.provincial.email]) {
      expect(subjects(admin).sort()).toEqual(
        [
          ...(admin === 'ntb@paritrana.demo' ? [`Tanggapan Nominasi: ${lt} menerima`, `Verifikasi Selesai: ${lt}`] : []),
          'Undangan Wawancara Paritrana Award: Kabupaten Lombok Barat',
          'Undangan Wawancara Paritrana Award: Kabupaten Lombok Tengah',
          `Undangan Wawancara Paritrana Award: ${lt}`,
          `Perubahan Jadwal Wawancara: ${lt}`,
          'Hasil Penilaian Ditetapkan: Provinsi Nusa Tenggara Barat — Pemerintah Kabupaten/Kota',
          `Kandidat Melaju ke Tingkat Nasional: ${lt}`,
          'Piagam Penghargaan Paritrana Award: Kabupaten Lombok Barat',
          'Piagam Penghargaan Paritrana Award: Kabupaten Lombok Tengah',
          `Piagam Penghargaan Paritrana Award: ${lt}`,
        ].sort(),
      );
    }
    // Each juror of the panel: the assignment, the two stages, the three interviews and the change; one in English.
    const pn = 'Provinsi Nusa Tenggara Barat — Pemerintah Kabupaten/Kota';
    for (const juror of pool.jurors.slice(0, 2)) {
      expect(subjects(juror.email).sort()).toEqual(
        [
          `Penugasan Tim Penilai: ${pn}`,
          'Tahap Penilaian Dibuka: Penilaian dokumen (desk evaluation)',
          'Tahap Penilaian Dibuka: Wawancara',
          'Undangan Wawancara Paritrana Award: Kabupaten Lombok Barat',
          'Undangan Wawancara Paritrana Award: Kabupaten Lombok Tengah',
          `Undangan Wawancara Paritrana Award: ${lt}`,
          `Perubahan Jadwal Wawancara: ${lt}`,
        ].sort(),
      );
    }
    expect(subjects(pool.jurors[2]!.email).sort()).toEqual(
      [
        'Jury assignment: Province of Nusa Tenggara Barat — Regency/City Government',
        'Stage opened: Desk evaluation',
        'Stage opened: Interview',
        'Paritrana Award interview: Kabupaten Lombok Barat',
        'Paritrana Award interview: Kabupaten Lombok Tengah',
        `Paritrana Award interview: ${lt}`,
        `Interview changed: ${lt}`,
      ].sort(),
    );
    const assignedEn = smtp.mailTo(pool.jurors[2]!.email, /^Jury assignment/)!;
    expect(assignedEn.text).toMatch(/^Dear Ir\. Made Wirawan,\n\nYou have been assigned as a juror of Province of Nusa Tenggara Barat — Regency\/City Government, with 3 candidates to assess\./);

    // The certificate's check link opens the public check of that certificate.
    await candidate.goto(check);
    await candidate.getByText(/asli|genuine/i).first().waitFor();
    await candidate.goto(`${server.url}/notifikasi`);
    await candidate.getByText('Pengumuman Hasil Paritrana Award: Kabupaten Lombok Timur').waitFor();
    await candidate.getByRole('button', { name: 'Tandai semua sudah dibaca' }).click();
    await candidate.getByRole('link', { name: 'Pemberitahuan, 0 belum dibaca' }).waitFor();
    await screenshotBoth(candidate, 'notifications-03-announced');
  });

  it('the national admin edits a template beside its facts, and sees each message in the outbox with its kind and event', async () => {
    const admin = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' })).newPage();
    await admin.goto(`${server.url}/login`);
    await admin.getByRole('textbox', { name: 'E-mail' }).fill('admin@paritrana.demo');
    await admin.locator('input[type=password]').fill(password);
    await admin.getByRole('button', { name: 'Masuk' }).click();
    await admin.getByRole('navigation', { name: 'Navigasi' }).getByRole('link', { name: 'Templat pesan' }).click();
    await admin.getByRole('button', { name: /Permintaan Perbaikan Penilaian Mandiri/ }).click();
    await admin.getByRole('textbox', { name: 'Subjek' }).fill('Perbaikan {{kandidat}}');
    await admin.getByRole('button', { name: 'Simpan templat' }).click();
    await admin.getByText(/Unknown placeholder \{\{kandidat\}\}|tidak dikenal/).first().waitFor();
    await admin.getByRole('textbox', { name: 'Subjek' }).fill('Permintaan Perbaikan: {{candidate}} (batas {{deadline}})');
    // The preview is the server's answer: wait for it (a loaded machine may take its time), then for the page to show it.
    const previewed = admin.waitForResponse((r) => r.url().endsWith('/preview') && r.request().method() === 'POST', { timeout: 60_000 });
    await admin.getByRole('button', { name: 'Pratinjau' }).click();
    const answer = await previewed;
    expect(answer.status(), await answer.text()).toBe(200);
    await admin.getByText('Permintaan Perbaikan: Kabupaten Contoh (batas Rabu, 13 Agustus 2025)').waitFor({ timeout: 60_000 });
    await screenshotBoth(admin, 'notifications-04-templates');
    await admin.getByRole('navigation', { name: 'Navigasi' }).getByRole('link', { name: 'Kotak keluar' }).click();
    await admin.locator(`[data-message="${invited}"]`).first().waitFor();
    await admin.getByText('Jenis: Hasil diumumkan').first().waitFor();
    await screenshotBoth(admin, 'notifications-05-outbox');
  });
});

describe.skipIf(!browserAvailable())('without a mail server, the outbox says so and lets an admin pass a message on by hand', () => {
  let server: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startE2eServer('pglite');
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the link with a copy button, and marks the message passed on by hand (audited)', async () => {
    const editionId = (await listEditions(server.database.db))[0]!.id;
    const lotim = (await listCandidates(server.database.db, editionId, { all: true })).find((c) => c.name === 'Kabupaten Lombok Timur')!.id;
    const api = await apiAs(server.url, 'ntb@paritrana.demo');
    await api('POST', `/api/candidates/${lotim}/invitations`, { email: invited });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID', permissions: ['clipboard-read', 'clipboard-write'] });
    const admin = await context.newPage();
    await admin.goto(`${server.url}/login`);
    await admin.getByRole('textbox', { name: 'E-mail' }).fill('ntb@paritrana.demo');
    await admin.locator('input[type=password]').fill(password);
    await admin.getByRole('button', { name: 'Masuk' }).click();
    await admin.getByRole('navigation', { name: 'Navigasi' }).getByRole('link', { name: 'Kotak keluar' }).click();
    const message = admin.locator(`[data-message="${invited}"]`);
    await message.waitFor();
    await admin.getByRole('status').getByText('Server surat belum diatur — teruskan pesan ini secara manual').waitFor();
    await message.getByText('Menunggu diteruskan manual', { exact: true }).waitFor();
    expect(await message.getByText('Dalam antrean', { exact: true }).count()).toBe(0);
    // The link is shown in full, outside the folded message text.
    const shown = await message.locator('[data-link] code').textContent();
    expect(shown).toMatch(new RegExp(`^${server.url}/undangan/[\\w-]{20,}$`));
    expect(await message.locator('[data-link] code').isVisible()).toBe(true);
    await message.getByText('Jenis: Undangan akun kandidat').waitFor();
    await message.getByRole('button', { name: 'Salin tautan' }).click();
    await message.getByRole('button', { name: 'Tautan disalin' }).waitFor();
    const copied = await admin.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(shown);
    await viewports(admin, 'notifications-06-outbox-by-hand');
    await message.getByRole('button', { name: 'Tandai sudah diteruskan manual' }).click();
    await message.getByText(/^Diteruskan manual /).waitFor();
    expect(await message.locator('[data-link]').count()).toBe(0);
    expect(await message.getByRole('button', { name: 'Salin tautan' }).count()).toBe(0);
    // Once passed on, the invitation's link is hidden like a delivered one's.
    await message.getByText(/\/undangan\/\[disembunyikan setelah terkirim/).waitFor();
    expect(await message.getByRole('link', { name: /\/undangan\/[\w-]{20,}/ }).count()).toBe(0);
    const audit = await (await apiAs(server.url, 'admin@paritrana.demo'))<{ entries: { action: string }[] }>('GET', '/api/audit?entityType=message');
    expect(audit.entries.map((a) => a.action)).toContain('outbox.handed');
  });
});

/** The visible part of a page at 1280 and 390 px wide (a long list would make a full-page image unreadable). */
async function viewports(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
  await page.setViewportSize({ width: 390, height: 844 });
  // The navigation slides away when the page narrows: let it settle.
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(screenshotDir, `${name}-phone.png`) });
  await page.setViewportSize({ width: 1280, height: 900 });
}

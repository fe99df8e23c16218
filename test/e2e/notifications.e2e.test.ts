import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { eq } from 'drizzle-orm';
import { browserAvailable, launchBrowser, screenshot, screenshotBoth, screenshotDir, startE2eServer, type E2eServer } from '../support/browser.ts';
import { finalisedPool, type FinalisedPool } from '../support/publication.ts';
import { listEditions } from '../../src/db/repositories/editions.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';
import { submissions } from '../../src/db/schema/index.ts';
import { publishResult } from '../../src/server/services/publication.ts';

const password = 'paritrana-demo-2025';
const invited = 'operator@lomboktimurkab.go.id';
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** A real SMTP server: what the app delivers, by recipient. */
async function smtpPeer() {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const recipient = (m: ParsedMail) => (m.to && !Array.isArray(m.to) ? m.to.text : '');
  return {
    port,
    subjectsTo: (to: string) => received.filter((m) => recipient(m) === to).map((m) => m.subject ?? ''),
    mailTo: (to: string, subject: RegExp) => received.find((m) => recipient(m) === to && subject.test(m.subject ?? '')),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

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
  let pool: FinalisedPool;

  const delivered = async (to: string, subject: RegExp) => {
    await expect.poll(() => smtp.mailTo(to, subject) !== undefined, { timeout: 20_000, interval: 250 }).toBe(true);
    return smtp.mailTo(to, subject)!;
  };

  beforeAll(async () => {
    smtp = await smtpPeer();
    server = await startE2eServer('pglite', {
      registrationEndsOn: '2099-12-31',
      env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false', MAIL_FROM: 'Panitia Paritrana Award <noreply@paritrana.example>', MAIL_POLL_SECONDS: '1' },
    });
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

  it('revision: the receipt, the request with its item and deadline, the revision received and the confirmation reach the right people', async () => {
    const me = await apiAs(server.url, invited, 'lotim-aman-2025-x');
    const form = new FormData();
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'instruksi.pdf');
    const evidence = await me<{ id: string }>('POST', `/api/candidates/${lotim}/evidence`, undefined, { body: form });
    await me('PUT', `/api/candidates/${lotim}/self-assessment`, { version: 0, answers: answers(evidence.id) });
    await me('POST', `/api/candidates/${lotim}/self-assessment/submit`);
    for (const to of [invited, 'lotim@paritrana.demo', 'verifikator.ntb@paritrana.demo']) await delivered(to, /^Tanda Terima Penilaian Mandiri: Kabupaten Lombok Timur$/);

    const verifier = await apiAs(server.url, 'verifikator.ntb@paritrana.demo');
    await verifier('POST', `/api/candidates/${lotim}/verification/items`, { key: 'programs:p1', status: 'revision', comment: 'Lampirkan SK penetapan 376 nelayan', deadline: '2099-06-30' });
    const asked = await delivered(invited, /^Permintaan Perbaikan Penilaian Mandiri: Kabupaten Lombok Timur$/);
    expect(asked.text).toContain('Butir: programs:p1\nCatatan verifikator: Lampirkan SK penetapan 376 nelayan\nBatas waktu: Selasa, 30 Juni 2099');
    await delivered('lotim@paritrana.demo', /^Permintaan Perbaikan/);

    // The candidate opens the request from its notification centre.
    await candidate.goto(`${server.url}/notifikasi`);
    await candidate.getByText('Permintaan Perbaikan Penilaian Mandiri: Kabupaten Lombok Timur').waitFor();
    await screenshotBoth(candidate, 'notifications-02-revision');
    await candidate.locator('[data-notification="verification.revision"]').getByRole('link', { name: 'Buka' }).click();
    await candidate.getByRole('heading', { name: 'Kabupaten Lombok Timur' }).waitFor();
    expect(new URL(candidate.url()).pathname).toBe(`/candidates/${lotim}`);

    const current = await me<{ version: number; answers: unknown }>('GET', `/api/candidates/${lotim}/self-assessment`);
    await me('PUT', `/api/candidates/${lotim}/self-assessment`, { version: current.version, answers: current.answers });
    await me('POST', `/api/candidates/${lotim}/self-assessment/submit`);
    await delivered('verifikator.ntb@paritrana.demo', /^Perbaikan Diterima: Kabupaten Lombok Timur$/);
    for (const key of ['regulations:r1', 'programs:p1', 'coverage', 'innovation']) await verifier('POST', `/api/candidates/${lotim}/verification/items`, { key, status: 'valid', comment: null, deadline: null });
    await verifier('POST', `/api/candidates/${lotim}/verification/confirm`);
    for (const to of [invited, 'lotim@paritrana.demo', 'ntb@paritrana.demo']) await delivered(to, /^Verifikasi Selesai: Kabupaten Lombok Timur$/);
  });

  it('interview and announcement: the jurors, the province and the candidate each get their messages', async () => {
    // The provincial pool is marked, interviewed and finalised by its panel (factory: those pages are tested in panels.e2e).
    await server.database.db.delete(submissions).where(eq(submissions.candidateId, lotim));
    pool = await finalisedPool(server.database.db);
    await publishResult({ db: server.database.db, actor: pool.national }, pool.poolId);
    const interview = await delivered(invited, /^Undangan Wawancara Paritrana Award: Kabupaten Lombok Timur$/);
    expect(interview.text).toContain('Hari/tanggal: Senin, 14 Juli 2025\nWaktu: 09.00 WIB\nTempat/tautan: Hotel Premier Park, Mataram\nYang hadir: Kepala daerah');
    const announced = await delivered(invited, /^Pengumuman Hasil Paritrana Award: Kabupaten Lombok Timur$/);
    expect(announced.text).toMatch(/Kabupaten Lombok Timur memperoleh peringkat 1 dengan nilai akhir \d+,\d\d\./);
    const certificate = await delivered(invited, /^Piagam Penghargaan Paritrana Award: Kabupaten Lombok Timur$/);
    const check = /http:\/\/\S+\/verifikasi\/[\w-]+/.exec(certificate.text ?? '')![0];
    await delivered(invited, /^Kandidat Melaju ke Tingkat Nasional: Kabupaten Lombok Timur$/);

    // Everything the candidate's new user was told, once each, in order of the award.
    expect(smtp.subjectsTo(invited).map((s) => s.replace(/:.*$/, ''))).toEqual([
      'Undangan Paritrana Award',
      'Pemberitahuan Nominasi Paritrana Award',
      'Tanda Terima Penilaian Mandiri',
      'Permintaan Perbaikan Penilaian Mandiri',
      'Tanda Terima Penilaian Mandiri',
      'Verifikasi Selesai',
      'Undangan Wawancara Paritrana Award',
      'Kandidat Melaju ke Tingkat Nasional',
      'Piagam Penghargaan Paritrana Award',
      'Pengumuman Hasil Paritrana Award',
    ]);
    // Each juror: the assignment, each stage opening, and the three interviews they hear.
    const jurors = [pool.chair.email];
    for (const juror of jurors) {
      const got = smtp.subjectsTo(juror).map((s) => s.replace(/:.*$/, ''));
      expect(got.filter((s) => s === 'Penugasan Tim Penilai')).toHaveLength(1);
      expect(got.filter((s) => s === 'Tahap Penilaian Dibuka')).toHaveLength(2);
      expect(got.filter((s) => s === 'Undangan Wawancara Paritrana Award')).toHaveLength(3);
    }
    // The province: the confirmation, the interview, the final result, the advance and the certificate.
    for (const subject of [/^Verifikasi Selesai/, /^Undangan Wawancara.*Lombok Timur$/, /^Hasil Penilaian Ditetapkan/, /^Kandidat Melaju/, /^Piagam Penghargaan.*Lombok Timur$/]) {
      await delivered('ntb@paritrana.demo', subject);
    }
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
    await admin.getByRole('button', { name: 'Pratinjau' }).click();
    await admin.getByText('Permintaan Perbaikan: Kabupaten Contoh (batas Rabu, 13 Agustus 2025)').waitFor();
    await screenshotBoth(admin, 'notifications-04-templates');
    await admin.getByRole('navigation', { name: 'Navigasi' }).getByRole('link', { name: 'Kotak keluar' }).click();
    await admin.locator(`[data-message="${invited}"]`).first().waitFor();
    await admin.getByText('Jenis: result.announced').first().waitFor();
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
    await message.getByText('Jenis: candidate.invitation').waitFor();
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

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { outbox } from '../../src/db/schema/index.ts';
import { browserAvailable, launchBrowser, phoneViewport, screenshot, screenshotBoth, startE2eServer, type E2eServer } from '../support/browser.ts';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const password = 'paritrana-demo-2025';

async function signIn(page: Page, url: string, email: string, secret = password) {
  await page.goto(`${url}/login`);
  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.locator('input[type=password]').fill(secret);
  await page.getByRole('button', { name: 'Masuk' }).click();
  // Signed in once the navigation of the signed-in pages shows.
  await page.getByRole('navigation', { name: 'Navigasi' }).getByRole('link').first().waitFor();
}

/** Picks an option of a Mantine select by its label. */
async function pick(page: Page, label: string, option: string, search?: string) {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.click();
  if (search) await input.fill(search);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** What the browser refused under the app's Content-Security-Policy, on every page watched. */
const cspViolations: string[] = [];
function watchCsp(page: Page) {
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) cspViolations.push(`${page.url()} ${JSON.stringify(message.location())} ${message.text()}`);
  });
}

describe.skipIf(!browserAvailable())('a province takes a candidate from nomination to verified in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let admin: Page;
  let candidate: Page;
  let verifier: Page;
  let candidateUrl: string;

  beforeAll(async () => {
    server = await startE2eServer('pglite', { registrationEndsOn: '2099-12-31', env: { EVIDENCE_LIMIT_MB: '1' } });
    browser = await launchBrowser();
    const desktop = { viewport: { width: 1280, height: 900 }, locale: 'id-ID' };
    admin = await (await browser.newContext(desktop)).newPage();
    candidate = await (await browser.newContext(desktop)).newPage();
    verifier = await (await browser.newContext(desktop)).newPage();
    for (const page of [admin, candidate, verifier]) watchCsp(page);
  });
  // A failed step leaves what each person saw, to tell why.
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    for (const [who, page] of [['admin', admin], ['candidate', candidate], ['verifier', verifier]] as const) await screenshot(page, `failed-${who}`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a company registers by itself on a phone; the provincial admin approves it', async () => {
    const phone = await (await browser.newContext({ viewport: phoneViewport, locale: 'id-ID' })).newPage();
    watchCsp(phone);
    await phone.goto(`${server.url}/login`);
    await phone.getByRole('link', { name: 'Belum terdaftar? Daftar sebagai kandidat' }).click();
    await phone.getByRole('heading', { name: 'Pendaftaran kandidat Paritrana Award' }).waitFor();
    await pick(phone, 'Kategori', 'Usaha Menengah');
    await pick(phone, 'Provinsi', 'Nusa Tenggara Barat', 'Nusa');
    await phone.getByRole('textbox', { name: 'NPP', exact: true }).fill('AB');
    await phone.getByRole('textbox', { name: 'Nama badan usaha' }).fill('PT Sasak Makmur');
    await pick(phone, 'Kelas usaha', 'Menengah (20–99 pekerja)');
    await phone.getByRole('textbox', { name: 'Nama', exact: true }).fill('Baiq Rahmawati');
    await phone.getByRole('textbox', { name: 'E-mail', exact: true }).fill('hrd@sasakmakmur.co.id');
    await phone.getByRole('button', { name: 'Kirim pendaftaran' }).click();
    await phone.getByText('NPP terdiri dari 5–20 huruf atau angka.').first().waitFor();
    await screenshot(phone, 'candidates-01-register-refused-phone');
    await phone.getByRole('textbox', { name: 'NPP', exact: true }).fill('19002345');
    await phone.getByRole('button', { name: 'Kirim pendaftaran' }).click();
    await phone.getByText(/Periksa e-mail Anda: tautan konfirmasi untuk pendaftaran PT Sasak Makmur telah dikirim ke hrd@sasakmakmur.co.id/).waitFor();
    await screenshot(phone, 'candidates-02-registered-phone');
    // The applicant opens the link of the e-mail (read from the outbox): only then does the committee see the application.
    const [mail] = await server.database.db.select().from(outbox).where(eq(outbox.to, 'hrd@sasakmakmur.co.id'));
    const link = /^http:\/\/\S+\/daftar\/konfirmasi\/[\w-]+$/m.exec(mail!.body)![0];
    expect(link.startsWith(`${server.url}/daftar/konfirmasi/`)).toBe(true);
    await phone.goto(link);
    await phone.getByText(/Alamat e-mail Anda terkonfirmasi dan pendaftaran PT Sasak Makmur kini menunggu persetujuan panitia provinsi/).waitFor();
    await screenshot(phone, 'candidates-02b-registration-confirmed-phone');

    await signIn(admin, server.url, 'ntb@paritrana.demo');
    await admin.getByRole('navigation', { name: 'Navigasi' }).getByRole('link', { name: 'Kandidat', exact: true }).click();
    await admin.getByText('1 pendaftaran mandiri menunggu keputusan.').waitFor();
    await pick(admin, 'Status', 'Mendaftar');
    await admin.getByText('1 kandidat').waitFor();
    await screenshotBoth(admin, 'candidates-03-list-filtered');
    await admin.getByRole('link', { name: 'PT Sasak Makmur' }).click();
    await admin.getByText('Pendaftaran mandiri menunggu keputusan').waitFor();
    await screenshotBoth(admin, 'candidates-04-registration-decision');
    await admin.getByRole('button', { name: 'Setujui' }).click();
    await admin.getByText('Dinominasikan', { exact: true }).first().waitFor();
  });

  it('the provincial admin imports a sheet with mistakes: every bad row is named and nothing is saved', async () => {
    await admin.getByRole('navigation', { name: 'Navigasi' }).getByRole('link', { name: 'Kandidat', exact: true }).click();
    await admin.getByRole('link', { name: 'Impor dari templat' }).click();
    await admin.getByRole('link', { name: 'XLSX' }).waitFor();
    const sheet = ['kategori;kode_wilayah;npp;nama;kelas_usaha', 'pemkab-kota;52.05;;;', 'usaha-menengah;;ABC;;sedang', 'pemkab-kota;18.02;;;'].join('\n');
    await admin.locator('input[type=file]').setInputFiles({ name: 'kandidat.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
    await admin.getByRole('button', { name: 'Impor', exact: true }).click();
    await admin.getByText('Tidak ada yang disimpan. Perbaiki baris berikut lalu unggah lagi:').waitFor();
    await admin.getByRole('cell', { name: 'Kabupaten Lampung Tengah bukan wilayah provinsi 52' }).waitFor();
    await screenshotBoth(admin, 'candidates-05a-import-refused');
    await admin.getByRole('navigation', { name: 'Navigasi' }).getByRole('link', { name: 'Kandidat', exact: true }).click();
    await admin.getByRole('link', { name: 'PT Sasak Makmur' }).waitFor();
    expect(await admin.getByRole('link', { name: 'Kabupaten Dompu' }).count()).toBe(0);
  });

  it('the provincial admin imports a correct sheet and follows its rows being saved', async () => {
    await admin.getByRole('link', { name: 'Impor dari templat' }).click();
    await admin.getByRole('link', { name: 'XLSX' }).waitFor();
    const sheet = ['kategori,npp,nama,kelas_usaha', 'usaha-menengah,77665544,PT Impor Baru,menengah', 'usaha-menengah,77665545,PT Impor Lagi,menengah'].join('\n');
    await admin.locator('input[type=file]').setInputFiles({ name: 'kandidat.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
    await admin.getByRole('button', { name: 'Impor', exact: true }).click();
    await admin.getByText('2 kandidat diimpor.').waitFor();
    await admin.getByRole('navigation', { name: 'Navigasi' }).getByRole('link', { name: 'Kandidat', exact: true }).click();
    await admin.getByRole('link', { name: 'PT Impor Baru' }).waitFor();
    await admin.getByRole('link', { name: 'PT Impor Lagi' }).waitFor();
  });

  it('the provincial admin nominates a regency, invites its user and reads the link in the outbox', async () => {
    await admin.getByRole('navigation', { name: 'Navigasi' }).getByRole('link', { name: 'Kandidat', exact: true }).click();
    await admin.getByRole('link', { name: 'Nominasikan kandidat' }).click();
    await admin.getByRole('heading', { name: 'Nominasikan kandidat' }).waitFor();
    await pick(admin, 'Kategori', 'Pemerintah Kabupaten/Kota');
    await pick(admin, 'Kabupaten/kota', 'Kabupaten Sumbawa (52.04)', 'Sumbawa');
    await admin.getByRole('textbox', { name: 'Nama', exact: true }).fill('Kepala Disnakertrans Sumbawa');
    await admin.getByRole('textbox', { name: 'Jabatan' }).fill('Kepala Dinas');
    await admin.getByRole('textbox', { name: 'E-mail', exact: true }).fill('operator@sumbawakab.go.id');
    await screenshotBoth(admin, 'candidates-05-nominate');
    await admin.getByRole('button', { name: 'Simpan nominasi' }).click();
    await admin.getByRole('heading', { name: 'Kabupaten Sumbawa' }).waitFor();
    candidateUrl = admin.url();
    await admin.getByRole('button', { name: 'Kirim undangan' }).click();
    await admin.getByText('Undangan untuk operator@sumbawakab.go.id dibuat. Pesannya ada di kotak keluar.').waitFor();
    await admin.getByRole('button', { name: 'Ubah' }).click();
    await admin.getByRole('dialog').getByRole('textbox', { name: 'Telepon' }).fill('0371-21000');
    await admin.getByRole('dialog').getByRole('button', { name: 'Simpan' }).click();
    await admin.getByText(/Kepala Disnakertrans Sumbawa, Kepala Dinas, 0371-21000/).waitFor();
    await admin.getByRole('tab', { name: 'Riwayat' }).click();
    await admin.getByText('Pengguna diundang').waitFor();
    await admin.getByText('Data kandidat diubah').waitFor();
    await screenshotBoth(admin, 'candidates-06-invited-history');

    await admin.getByRole('navigation', { name: 'Navigasi' }).getByRole('link', { name: 'Kotak keluar', exact: true }).click();
    const message = admin.locator('[data-message="operator@sumbawakab.go.id"]');
    await message.waitFor();
    await screenshotBoth(admin, 'candidates-07-outbox');
    // The letter gives the link in its Indonesian and its English part.
    const link = await message.getByRole('link', { name: /\/undangan\// }).first().getAttribute('href');
    expect(link).toMatch(/\/undangan\/[\w-]{20,}$/);

    await candidate.goto(link!);
    await candidate.getByRole('heading', { name: 'Terima undangan' }).waitFor();
    await candidate.getByRole('textbox', { name: 'Nama lengkap' }).fill('Operator Pemkab Sumbawa');
    await candidate.locator('input[type=password]').fill('sumbawa-aman-2025');
    await screenshot(candidate, 'candidates-08-accept-invitation');
    await candidate.getByRole('button', { name: 'Buat akun' }).click();
    // A candidate user lands on its own page.
    await candidate.getByRole('heading', { name: 'Kabupaten Sumbawa' }).waitFor();
    expect(candidate.url()).toBe(candidateUrl);
    await candidate.getByRole('button', { name: 'Terima nominasi' }).click();
    await candidate.getByRole('dialog').getByRole('button', { name: 'Ya, terima' }).click();
    await candidate.getByText('Menerima', { exact: true }).waitFor();
  });

  it('the candidate fills its self-assessment with evidence and submits; refusals change nothing', async () => {
    await candidate.getByRole('tab', { name: 'Bukti dukung' }).click();
    const file = candidate.locator('input[type=file]');
    await file.setInputFiles({ name: 'Perbup Sumbawa 12-2024.pdf', mimeType: 'application/pdf', buffer: pdf });
    await candidate.getByRole('link', { name: 'Perbup Sumbawa 12-2024.pdf' }).waitFor();
    await file.setInputFiles({ name: 'laporan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a pdf') });
    await candidate.getByText('Jenis berkas tidak diterima (PDF, JPEG, PNG, XLSX, PPTX, DOCX).').waitFor();
    await file.setInputFiles({ name: 'pindaian-besar.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([pdf, Buffer.alloc(1024 * 1024 + 1)]) });
    await candidate.getByText('Berkas terlalu besar: batasnya 1 MB.').waitFor();
    await expect.poll(() => candidate.getByRole('button', { name: 'Unggah bukti (PDF, JPEG, PNG, XLSX, PPTX, DOCX)' }).isEnabled(), { timeout: 30_000 }).toBe(true);
    await screenshotBoth(candidate, 'candidates-09-evidence-refusals');
    await expect.poll(() => candidate.getByRole('listitem').count(), { timeout: 30_000 }).toBe(1);

    await candidate.getByRole('tab', { name: 'Penilaian mandiri' }).click();
    await candidate.getByRole('button', { name: 'Tambah' }).first().click();
    await pick(candidate, 'Jenis', 'Peraturan Kepala Daerah (Pergub/Perbup/Perwali)');
    await candidate.getByLabel('Nomor').fill('12 Tahun 2024');
    await candidate.getByLabel('Tanggal').fill('2024-03-01');
    await candidate.getByLabel('Judul/tentang').fill('Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan');
    const attach = candidate.getByRole('combobox', { name: 'Bukti terlampir' });
    await attach.nth(0).click({ force: true });
    await candidate.getByRole('option', { name: 'Perbup Sumbawa 12-2024.pdf' }).click();
    await candidate.keyboard.press('Escape');
    await candidate.getByRole('button', { name: 'Tambah' }).nth(2).click();
    await pick(candidate, 'Segmen pekerja', 'Nelayan');
    await candidate.getByLabel('Pekerja dilindungi', { exact: true }).fill('376');
    await candidate.getByLabel('Anggaran direncanakan (Rp)').fill('600100000');
    await pick(candidate, 'Sumber dana', 'DBH Sawit');
    await candidate.getByLabel('Mulai').fill('2024-01-01');
    await candidate.getByLabel('Selesai').fill('2024-12-31');
    await attach.nth(1).click({ force: true });
    await candidate.getByRole('option', { name: 'Perbup Sumbawa 12-2024.pdf' }).click();
    await candidate.keyboard.press('Escape');
    await candidate
      .getByLabel('Uraian inovasi (minimal 50 karakter)')
      .fill('Seluruh tenaga non-ASN dan 376 nelayan dilindungi jaminan sosial ketenagakerjaan melalui DBH Sawit.');
    await candidate.getByText(/Tersimpan otomatis/).waitFor();
    await expect.poll(() => candidate.getByRole('button', { name: 'Kirim penilaian mandiri' }).isEnabled(), { timeout: 30_000 }).toBe(true);
    await screenshotBoth(candidate, 'candidates-10-self-assessment');
    await candidate.getByRole('button', { name: 'Kirim penilaian mandiri' }).click();
    await candidate.getByRole('dialog').getByRole('button', { name: 'Ya, kirim' }).click();
    await candidate.getByText('Penilaian mandiri sudah dikirim dan hanya dapat dibaca.').waitFor();
  });

  it('the verifier requests a revision from its queue; the candidate sees a to-do list and fixes it', async () => {
    await signIn(verifier, server.url, 'verifikator.ntb@paritrana.demo');
    await verifier.getByRole('navigation', { name: 'Navigasi' }).getByRole('link', { name: 'Antrean verifikasi', exact: true }).click();
    const card = verifier.locator('[data-candidate="Kabupaten Sumbawa"]');
    await card.waitFor();
    await screenshotBoth(verifier, 'candidates-11-queue');
    await card.getByRole('link', { name: 'Periksa' }).click();
    await verifier.getByRole('tab', { name: 'Verifikasi' }).click();
    const regulation = verifier.locator('[data-item^="regulations:"]');
    // No decision is made for the verifier: nothing is chosen and nothing can be saved until one is picked.
    await regulation.getByRole('radio', { name: 'Sah' }).waitFor();
    expect(await verifier.locator('[data-item] input[type=radio]:checked').count()).toBe(0);
    expect(await regulation.getByRole('button', { name: 'Simpan' }).isDisabled()).toBe(true);
    await regulation.getByText('Perlu perbaikan').click();
    await regulation.getByLabel('Komentar').fill('Lampirkan halaman pengesahan Perbup yang ditandatangani');
    await regulation.getByLabel('Batas perbaikan').fill('2099-06-30');
    await regulation.getByRole('button', { name: 'Simpan' }).click();
    await verifier.locator('[data-item^="regulations:"][data-status="revision"]').waitFor();
    const program = verifier.locator('[data-item^="programs:"]');
    await program.getByText('Rp600,1 juta').waitFor();
    await program.getByText('DBH Sawit').waitFor();
    for (const key of ['programs:', 'coverage', 'innovation']) {
      const selector = key.endsWith(':') ? `[data-item^="${key}"]` : `[data-item="${key}"]`;
      await verifier.locator(selector).getByRole('radio', { name: 'Sah' }).check();
      await verifier.locator(selector).getByRole('button', { name: 'Simpan' }).click();
      await verifier.locator(`${selector}[data-status="valid"]`).waitFor();
    }
    await screenshotBoth(verifier, 'candidates-12-revision-requested');

    await candidate.reload();
    const todo = candidate.getByTestId('todo');
    await todo.getByText('Lampirkan halaman pengesahan Perbup yang ditandatangani').waitFor();
    await todo.getByText(/Batas: .*30 Juni 2099/).waitFor();
    await screenshotBoth(candidate, 'candidates-13-todo');
    await todo.getByRole('button', { name: 'Perbaiki di penilaian mandiri' }).click();
    await candidate.getByText('Dibuka kembali untuk perbaikan.').waitFor();
    // The comment also stands on the entry to fix.
    await candidate.locator('[data-revision^="regulations:"]').getByText(/Lampirkan halaman pengesahan/).waitFor();
    await candidate.getByLabel('Judul/tentang').fill('Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan (dengan lembar pengesahan)');
    await candidate.getByText(/Tersimpan otomatis/).waitFor();
    await candidate.getByRole('button', { name: 'Kirim penilaian mandiri' }).click();
    await candidate.getByRole('dialog').getByRole('button', { name: 'Ya, kirim' }).click();
    await candidate.getByText('Penilaian mandiri sudah dikirim dan hanya dapat dibaca.').waitFor();
    // Sent again: the revision is answered, the to-do box no longer asks for it.
    await expect.poll(() => candidate.getByTestId('todo').count()).toBe(0);
    expect(await candidate.getByRole('button', { name: 'Perbaiki di penilaian mandiri' }).count()).toBe(0);
  });

  it('the verifier confirms; the candidate is verified and the progress page says so', async () => {
    await verifier.reload();
    await verifier.getByRole('tab', { name: 'Verifikasi' }).click();
    await verifier.locator('[data-item^="regulations:"]').getByRole('radio', { name: 'Sah' }).check();
    await verifier.locator('[data-item^="regulations:"]').getByRole('button', { name: 'Simpan' }).click();
    await verifier.locator('[data-item^="regulations:"][data-status="valid"]').waitFor();
    await expect.poll(() => verifier.getByRole('button', { name: 'Konfirmasi verifikasi' }).isEnabled(), { timeout: 30_000 }).toBe(true);
    await verifier.getByRole('button', { name: 'Konfirmasi verifikasi' }).click();
    await verifier.getByText('Terverifikasi', { exact: true }).first().waitFor();
    await verifier.reload();
    await verifier.getByRole('tab', { name: 'Verifikasi' }).click();
    await verifier.getByText('Terverifikasi', { exact: true }).first().waitFor();
    await screenshotBoth(verifier, 'candidates-14-verified');
    await verifier.getByText('EN', { exact: true }).click();
    await verifier.getByText('Regulations: Head of region regulation (Pergub/Perbup/Perwali) 12 Tahun 2024').waitFor();
    await screenshot(verifier, 'candidates-14-verified-en');
    await verifier.getByText('ID', { exact: true }).click();
    await verifier.getByRole('tab', { name: 'Riwayat' }).click();
    await verifier.getByText('Verifikasi dikonfirmasi').waitFor();
    await screenshotBoth(verifier, 'candidates-15-history');

    await admin.getByRole('navigation', { name: 'Navigasi' }).getByRole('link', { name: 'Progres', exact: true }).click();
    await admin.getByRole('heading', { name: 'Progres kandidat' }).waitFor();
    await admin.getByText('Terverifikasi: 1').waitFor();
    await screenshotBoth(admin, 'candidates-16-progress');
  });

  it('breaks no rule of the Content-Security-Policy: Mantine’s style elements carry the page’s nonce', async () => {
    const styled = await admin.evaluate(() => ({
      nonce: document.querySelector<HTMLStyleElement>('style[data-mantine-styles]')?.nonce === document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content,
      primary: getComputedStyle(document.documentElement).getPropertyValue('--mantine-primary-color-filled').trim(),
    }));
    // Teal (the theme's primary colour) comes from the style element Mantine adds; without it Mantine's default blue would show.
    // The theme's primary (teal.6, darkened to reach WCAG AA contrast; src/web/theme.ts) is applied.
    expect(styled).toEqual({ nonce: true, primary: '#0c7958' });
    expect(cspViolations).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, screenshot, startE2eServer, type E2eServer } from '../support/browser.ts';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function signIn(page: Page, url: string, email: string) {
  await page.goto(`${url}/login`);
  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.locator('input[type=password]').fill('paritrana-demo-2025');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('heading', { name: 'Edisi penghargaan' }).waitFor();
}

describe.skipIf(!browserAvailable())('a candidate is taken from nomination to verified in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let candidate: Page;
  let verifier: Page;
  let candidateUrl: string;

  beforeAll(async () => {
    server = await startE2eServer('pglite', { registrationEndsOn: '2099-12-31' });
    browser = await launchBrowser();
    candidate = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    verifier = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('fills, submits, is asked to revise, fixes and is verified', async () => {
    await signIn(candidate, server.url, 'lotim@paritrana.demo');
    await candidate.getByRole('link', { name: 'Paritrana Award 2025' }).click();
    await candidate.getByRole('tab', { name: 'Kandidat' }).click();
    await candidate.getByRole('link', { name: 'Kabupaten Lombok Timur' }).click();
    await candidate.getByRole('button', { name: 'Terima nominasi' }).click();
    await candidate.getByText('Menerima', { exact: true }).waitFor();
    candidateUrl = candidate.url();

    await candidate.getByRole('tab', { name: 'Bukti dukung' }).click();
    await candidate.locator('input[type=file]').setInputFiles({ name: 'Instruksi Bupati B.02.pdf', mimeType: 'application/pdf', buffer: pdf });
    await candidate.getByRole('link', { name: 'Instruksi Bupati B.02.pdf' }).waitFor();
    await candidate.locator('input[type=file]').setInputFiles({ name: 'laporan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a pdf') });
    await candidate.getByText('Jenis berkas tidak diterima (PDF, JPEG, PNG, XLSX).').waitFor();
    await screenshot(candidate, 'verification-01-evidence');

    await candidate.getByRole('tab', { name: 'Penilaian mandiri' }).click();
    await candidate.getByRole('button', { name: 'Tambah' }).first().click();
    await candidate.getByLabel('Nomor').fill('B.02/INST/30/082021');
    await candidate.getByLabel('Tanggal').fill('2021-08-02');
    await candidate.getByLabel('Judul/tentang').fill('Optimalisasi Program Jamsostek');
    await candidate.getByRole('combobox', { name: 'Bukti terlampir' }).click({ force: true });
    await candidate.getByRole('option', { name: 'Instruksi Bupati B.02.pdf' }).click();
    await candidate.keyboard.press('Escape');
    await candidate
      .getByLabel('Uraian inovasi (minimal 50 karakter)')
      .fill('Seluruh tenaga non-ASN dan 376 nelayan dilindungi jaminan sosial ketenagakerjaan melalui APBD.');
    await candidate.getByText(/Tersimpan otomatis/).waitFor();
    await expect.poll(() => candidate.getByRole('button', { name: 'Kirim penilaian mandiri' }).isEnabled()).toBe(true);
    await screenshot(candidate, 'verification-02-self-assessment');
    await candidate.getByRole('button', { name: 'Kirim penilaian mandiri' }).click();
    await candidate.getByText('Penilaian mandiri sudah dikirim dan hanya dapat dibaca.').waitFor();

    await signIn(verifier, server.url, 'verifikator.ntb@paritrana.demo');
    await verifier.goto(candidateUrl);
    await verifier.getByRole('tab', { name: 'Verifikasi' }).click();
    const regulation = verifier.locator('[data-item^="regulations:"]');
    await regulation.waitFor();
    await regulation.getByText('Perlu perbaikan').click();
    await regulation.getByLabel('Komentar').fill('Lampirkan halaman tanda tangan Instruksi Bupati');
    await regulation.getByLabel('Batas perbaikan').fill('2099-06-30');
    await regulation.getByRole('button', { name: 'Simpan' }).click();
    await verifier.getByText('Menunggu perbaikan').waitFor();
    for (const key of ['coverage', 'innovation']) {
      const item = verifier.locator(`[data-item="${key}"]`);
      await item.getByRole('button', { name: 'Simpan' }).click();
      await item.getByText('Sah', { exact: true }).last().waitFor();
    }
    await screenshot(verifier, 'verification-03-revision-requested');

    await candidate.reload();
    await candidate.getByRole('tab', { name: 'Verifikasi' }).click();
    await candidate.getByText('Lampirkan halaman tanda tangan Instruksi Bupati').first().waitFor();
    await screenshot(candidate, 'verification-04-todo');
    await candidate.getByRole('tab', { name: 'Penilaian mandiri' }).click();
    await candidate.getByText('Dibuka kembali untuk perbaikan.').waitFor();
    await candidate.getByLabel('Judul/tentang').fill('Optimalisasi Pelaksanaan Program Jaminan Sosial Ketenagakerjaan');
    await candidate.getByText(/Tersimpan otomatis/).waitFor();
    await candidate.getByRole('button', { name: 'Kirim penilaian mandiri' }).click();
    await candidate.getByText('Penilaian mandiri sudah dikirim dan hanya dapat dibaca.').waitFor();

    await verifier.reload();
    await verifier.getByRole('tab', { name: 'Verifikasi' }).click();
    const again = verifier.locator('[data-item^="regulations:"]');
    await again.getByRole('button', { name: 'Simpan' }).click();
    await expect.poll(() => verifier.getByRole('button', { name: 'Konfirmasi verifikasi' }).isEnabled()).toBe(true);
    await verifier.getByRole('button', { name: 'Konfirmasi verifikasi' }).click();
    await verifier.getByText('Terverifikasi').first().waitFor();
    await verifier.reload();
    await verifier.getByText('Terverifikasi', { exact: true }).first().waitFor();
    await screenshot(verifier, 'verification-05-verified');
  });
});

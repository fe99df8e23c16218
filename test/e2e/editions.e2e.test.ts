import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { drivers } from '../support/database.ts';
import { browserAvailable, launchBrowser, screenshot, startE2eServer, type E2eServer } from '../support/browser.ts';

describe.skipIf(!browserAvailable()).each(drivers())('a national admin sets up an edition in the browser (%s)', (driver) => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startE2eServer(driver);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'id-ID' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs in, creates an edition with two categories and a timeline, sees it listed and switches language', async () => {
    await page.goto(`${server.url}/login`);
    await screenshot(page, `${driver}-editions-01-login`);
    await page.getByRole('textbox', { name: 'E-mail' }).fill('admin@paritrana.demo');
    await page.locator('input[type=password]').fill('wrong-password');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 30_000 }).toContain('E-mail atau kata sandi salah.');
    await page.locator('input[type=password]').fill('paritrana-demo-2025');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Edisi penghargaan' }).waitFor();
    await screenshot(page, `${driver}-editions-02-list`);

    await page.getByRole('button', { name: 'Buat edisi' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nama edisi').fill('Paritrana Award 2026');
    await dialog.getByLabel('Awal periode penilaian').fill('2025-01-01');
    await dialog.getByLabel('Akhir periode penilaian').fill('2025-12-31');
    await screenshot(page, `${driver}-editions-03-create`);
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('heading', { name: 'Paritrana Award 2026' }).waitFor();
    expect(await page.getByText('Periode penilaian: 1 Jan 2025 – 31 Des 2025').count()).toBe(1);

    await page.getByRole('tab', { name: 'Kategori' }).click();
    for (const name of ['Pemerintah Kabupaten/Kota', 'Usaha Besar']) {
      await page.getByRole('button', { name: 'Tambah dari katalog' }).click();
      await page.getByRole('menuitem', { name }).click();
      await page.getByRole('cell', { name: new RegExp(`^${name.replace('/', '\\/')}`) }).waitFor();
    }
    expect(await page.locator('tbody tr').count()).toBe(2);
    await screenshot(page, `${driver}-editions-04-categories`);

    // The edition's copy of the instrument: the committee changes a weight.
    await page.getByRole('link', { name: 'Instrumen' }).first().click();
    await page.getByText('Instrumen bawaan').waitFor();
    await page.getByRole('textbox', { name: 'Bobot' }).first().fill('65');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Diubah untuk edisi ini').waitFor();
    await screenshot(page, `${driver}-editions-04b-instrument`);
    await page.goBack();
    await page.getByRole('heading', { name: 'Paritrana Award 2026' }).waitFor();

    await page.getByRole('tab', { name: 'Jadwal' }).click();
    await page.getByLabel('Sosialisasi: Mulai').fill('2026-03-10');
    await page.getByLabel('Sosialisasi: Tempat').fill('Kota Bengkulu');
    await page.getByLabel('Wawancara tingkat provinsi: Mulai').fill('2026-07-13');
    await page.getByLabel('Wawancara tingkat provinsi: Selesai').fill('2026-07-14');
    await page.getByLabel('Wawancara tingkat provinsi: Tempat').fill('Hotel Premier Park, Mataram');
    await page.getByRole('button', { name: 'Simpan jadwal' }).click();
    await page.getByText('Tersimpan').waitFor();
    await screenshot(page, `${driver}-editions-05-timeline`);

    await page.getByRole('link', { name: 'Edisi', exact: true }).click();
    const row = page.getByRole('row', { name: /Paritrana Award 2026/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Draf');
    expect(await row.getByRole('cell').nth(3).textContent()).toBe('2');
    await screenshot(page, `${driver}-editions-06-listed`);

    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Award editions' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('row', { name: /Paritrana Award 2026/ }).textContent()).toContain('1 Jan 2025 – 31 Dec 2025');
    await screenshot(page, `${driver}-editions-07-english`);
  });
});

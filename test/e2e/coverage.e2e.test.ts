import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { drivers } from '../support/database.ts';
import { browserAvailable, launchBrowser, screenshot, screenshotBoth, startE2eServer, type E2eServer } from '../support/browser.ts';
import { listEditions } from '../../src/db/repositories/editions.ts';

const bin = fileURLToPath(new URL('../../bin/paritrana', import.meta.url));

describe.skipIf(!browserAvailable()).each(drivers())('a national admin loads coverage data in the browser (%s)', (driver) => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let editionId: string;
  let extract: string;

  beforeAll(async () => {
    extract = mkdtempSync(join(tmpdir(), 'paritrana-e2e-extract-'));
    execFileSync(process.execPath, [bin, 'gen-extract', '--out', extract, '--scale', 'small', '--seed', '5'], { stdio: 'pipe' });
    server = await startE2eServer(driver);
    editionId = (await listEditions(server.database.db)).find((e) => e.label === 'Paritrana Award 2025')!.id;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sets the shortlist to three, uploads an extract, and sees the dashboard and the shortlist', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByRole('textbox', { name: 'E-mail' }).fill('admin@paritrana.demo');
    await page.locator('input[type=password]').fill('paritrana-demo-2025');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Edisi penghargaan' }).waitFor();

    await page.goto(`${server.url}/editions/${editionId}/coverage`);
    await page.getByText('Belum ada data kepesertaan untuk edisi ini.').waitFor();
    await page.getByText('Bawaan', { exact: true }).waitFor();
    await page.getByLabel('Calon per provinsi dan kategori').fill('3');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await page.getByText('Pengaturan penyaringan disimpan. Berlaku untuk impor berikutnya.').waitFor();
    await page.getByText('Diatur untuk edisi ini').waitFor();
    await screenshot(page, `${driver}-coverage-01-empty-with-settings`);

    await page.locator('input[type=file]').setInputFiles(readdirSync(extract).map((f) => join(extract, f)));
    await page.getByRole('button', { name: 'Mulai impor' }).click();
    await page.getByRole('cell', { name: 'Siap' }).waitFor({ timeout: 60_000 });
    await page.getByText('Cakupan nasional').waitFor();
    await expect.poll(() => page.getByRole('cell', { name: 'v1' }).count(), { timeout: 30_000 }).toBe(1);
    await screenshotBoth(page, `${driver}-coverage-02-dashboard`);

    await page.getByRole('link', { name: 'Daftar pendek', exact: true }).click();
    await page.getByRole('heading', { name: 'Daftar pendek kandidat' }).waitFor();
    await page.getByRole('combobox', { name: 'Provinsi' }).click();
    await page.getByRole('option', { name: /NUSA TENGGARA BARAT/i }).click();
    // Regencies/cities are the category shown first.
    await expect.poll(() => page.getByRole('combobox', { name: 'Kategori' }).inputValue()).toBe('Pemerintah Kabupaten/Kota');
    await expect.poll(() => page.getByRole('table').getByRole('row').count(), { timeout: 30_000 }).toBe(4);
    await screenshotBoth(page, `${driver}-coverage-03-shortlist`);
  });
});

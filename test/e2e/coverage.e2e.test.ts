import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { drivers } from '../support/database.ts';
import { afterResize, browserAvailable, expectNoHorizontalOverflow, launchBrowser, phoneViewport, screenshot, screenshotBoth, screenshotDir, startE2eServer, type E2eServer } from '../support/browser.ts';
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

    // On a phone the tile map shows all 38 provinces, Papua's included, without scrolling inside it or the page.
    await page.setViewportSize(phoneViewport);
    await afterResize(page);
    const map = page.getByRole('group', { name: 'Peta cakupan per provinsi' });
    await expect.poll(() => map.getByRole('button').count()).toBe(38);
    const frame = (await map.boundingBox())!;
    const tiles = await map.getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right })));
    expect(tiles.filter((r) => r.left < frame.x - 0.5 || r.right > frame.x + frame.width + 0.5)).toEqual([]);
    expect(await map.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await expectNoHorizontalOverflow(page, 'coverage dashboard');
    await map.screenshot({ path: join(screenshotDir, `${driver}-coverage-04-tile-map-phone.png`) });
    // Each tile is named by what it shows, then in full.
    await map.getByRole('button', { name: /^PSL \S+: Papua Selatan, / }).waitFor();

    // Picking a province takes the reader to its regencies, focused.
    await map.getByRole('button', { name: /^NTB \S+: Nusa Tenggara Barat, / }).click();
    const heading = page.getByRole('heading', { name: /Nusa Tenggara Barat/ });
    await expect.poll(() => heading.evaluate((el) => document.activeElement === el)).toBe(true);
    // In view below the fixed header (the page may end before the heading reaches the top).
    await expect.poll(() => heading.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 56 && r.bottom <= window.innerHeight; })).toBe(true);
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.locator('[role=img]').first().screenshot({ path: join(screenshotDir, `${driver}-coverage-05-chart.png`) });

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

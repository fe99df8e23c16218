import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, screenshotBoth, startE2eServer, type E2eServer } from '../support/browser.ts';
import { listEditions } from '../../src/db/repositories/editions.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';
import { findExtension, findProvinceCalendar } from '../../src/db/repositories/calendars.ts';

/** A province edits its own calendar; the committee reopens a late draft never submitted by extending its deadline. */
describe.skipIf(!browserAvailable())('province calendars and deadline extensions in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let editionId = '';
  let bontang = '';

  const signIn = async (email: string) => {
    await page.context().clearCookies();
    await page.goto(`${server.url}/login`);
    await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
    await page.locator('input[type=password]').fill('paritrana-demo-2025');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  };

  beforeAll(async () => {
    server = await startE2eServer('pglite');
    editionId = (await listEditions(server.database.db))[0]!.id;
    bontang = (await listCandidates(server.database.db, editionId, { all: true })).find((c) => c.name === 'Kota Bontang')!.id;
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets NTB’s admin change its own dates, refusing one outside the national window by name', async () => {
    await signIn('ntb@paritrana.demo');
    await page.goto(`${server.url}/editions/${editionId}`);
    await page.getByRole('tab', { name: 'Kalender provinsi' }).click();
    const ntb = page.getByTestId('calendar-52');
    await ntb.waitFor();
    expect(await ntb.textContent()).toContain('14 Jul');
    expect(await page.getByTestId('national-window').textContent()).toContain('Jendela nasional');
    await screenshotBoth(page, 'province-calendars-01-list');
    await ntb.getByRole('button', { name: 'Ubah tanggal' }).click();
    const form = page.getByTestId('calendar-form');
    // The date field speaks the app's language: a click opens its calendar on a month of the national window
    // (it ends on 10 December 2025), a chosen day closes it and is written day/month/year.
    await form.getByLabel('Awal verifikasi').click();
    const calendar = page.locator('[data-dates-dropdown]');
    await calendar.waitFor();
    await calendar.locator('button:not([data-outside]):not([disabled])', { hasText: /^5$/ }).first().click();
    await calendar.waitFor({ state: 'detached' });
    expect(await form.getByLabel('Awal verifikasi').inputValue()).toBe('05/12/2025');
    await form.getByLabel('Awal verifikasi').fill('');
    await form.getByLabel('Malam penganugerahan provinsi').fill('2026-01-10');
    await form.getByRole('button', { name: 'Simpan tanggal' }).click();
    await form.getByText('Di luar jendela nasional').waitFor();
    await screenshotBoth(page, 'province-calendars-02-refused');
    expect((await findProvinceCalendar(server.database.db, editionId, '52'))!.ceremonyOn).toBeNull();
    await form.getByLabel('Malam penganugerahan provinsi').fill('2025-08-20');
    await form.getByRole('button', { name: 'Simpan tanggal' }).click();
    await form.waitFor({ state: 'detached' });
    expect((await findProvinceCalendar(server.database.db, editionId, '52'))!.ceremonyOn).toBe('2025-08-20');
  });

  it('lets the national committee reopen Bontang’s late draft by extending its deadline with a reason', async () => {
    await signIn('admin@paritrana.demo');
    await page.goto(`${server.url}/candidates/${bontang}`);
    const panel = page.getByTestId('extension-panel');
    await panel.getByText('Buka kembali draf yang belum dikirim').waitFor();
    await screenshotBoth(page, 'province-calendars-03-late-draft');
    await panel.getByLabel('Batas waktu baru').fill('2099-01-31');
    await panel.getByLabel('Alasan (wajib)').fill('Surat pengantar dari Wali Kota terlambat');
    await panel.getByRole('button', { name: 'Buka kembali dan perpanjang' }).click();
    await page.getByTestId('deadline-extension').getByText('Batas waktu diperpanjang sampai').waitFor();
    expect(await page.getByTestId('deadline-extension').textContent()).toContain('Surat pengantar dari Wali Kota terlambat');
    // The form shows the new deadline and no longer says it has passed.
    await page.getByText('Batas pengisian: Sabtu, 31 Januari 2099').waitFor();
    expect(await page.getByText('Batas waktu sudah lewat').count()).toBe(0);
    await screenshotBoth(page, 'province-calendars-04-extended');
    expect(await findExtension(server.database.db, bontang)).toMatchObject({ until: '2099-01-31' });
  });
});

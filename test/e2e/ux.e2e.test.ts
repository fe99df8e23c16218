import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { drivers } from '../support/database.ts';
import { browserAvailable, launchBrowser, screenshotBoth, startE2eServer, type E2eServer } from '../support/browser.ts';
import { todayInWib } from '../../src/server/services/demo-calendar.ts';

const password = 'paritrana-demo-2025';
/** Words of the server or of zod that must never reach a person. */
const raw = /Invalid input|expected string|received null|at least \d+ characters|5 to 20 letters|body\.|contact\.email|categoryId/;

async function pick(page: Page, label: string, option: string, search?: string) {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.click();
  if (search) await input.fill(search);
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe.skipIf(!browserAvailable()).each(drivers())('what people see (%s)', (driver) => {
  let server: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    // The demo laid out around today, as `npm start` does.
    server = await startE2eServer(driver, { today: todayInWib() });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function page(lang: 'id' | 'en'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: lang === 'en' ? 'en-US' : 'id-ID' });
    await context.addInitScript((l) => localStorage.setItem('paritrana.lang', l), lang);
    return context.newPage();
  }

  it('marks each field of the public registration form in the user’s language, required fields before sending', async () => {
    for (const lang of ['id', 'en'] as const) {
      const p = await page(lang);
      let posted = 0;
      p.on('request', (r) => {
        if (r.method() === 'POST' && r.url().endsWith('/api/registrations')) posted += 1;
      });
      await p.goto(`${server.url}/daftar`);
      const submit = p.getByRole('button', { name: lang === 'id' ? 'Kirim pendaftaran' : 'Send application' });
      await submit.click();
      const required = lang === 'id' ? 'Wajib diisi.' : 'Required.';
      // Category, province, contact name and e-mail: each marked on its field, nothing sent.
      await expect.poll(() => p.getByText(required, { exact: true }).count()).toBe(4);
      expect(posted).toBe(0);
      await expect.poll(() => p.getByRole('combobox', { name: lang === 'id' ? 'Kategori' : 'Category', exact: true }).getAttribute('aria-invalid')).toBe('true');

      // The server refuses an e-mail address: its field says so in the page's language.
      await pick(p, lang === 'id' ? 'Kategori' : 'Category', lang === 'id' ? 'Usaha Menengah' : 'Medium Enterprise');
      await pick(p, lang === 'id' ? 'Provinsi' : 'Province', 'Nusa Tenggara Barat', 'Nusa');
      await p.getByRole('textbox', { name: 'NPP', exact: true }).fill('19002345');
      await p.getByRole('textbox', { name: lang === 'id' ? 'Nama badan usaha' : 'Company name' }).fill('PT Sasak Sejahtera');
      await p.getByRole('textbox', { name: lang === 'id' ? 'Nama' : 'Name', exact: true }).fill('Baiq Rahmawati');
      await p.getByRole('textbox', { name: 'E-mail', exact: true }).fill('hrd@sasak');
      await submit.click();
      const emailMessage = lang === 'id' ? 'Tulis alamat e-mail yang sah, mis. nama@instansi.go.id.' : 'Write a valid e-mail address, e.g. name@agency.go.id.';
      await p.getByText(emailMessage).first().waitFor();
      expect(posted).toBe(1);
      await expect.poll(() => p.getByRole('textbox', { name: 'E-mail', exact: true }).getAttribute('aria-invalid')).toBe('true');
      expect(await p.locator('body').innerText()).not.toMatch(raw);
      if (lang === 'id') await screenshotBoth(p, 'ux-01-register-field-errors');
      await p.context().close();
    }
  });

  it('marks the fields of an admin form and shows where each edition stands', async () => {
    const p = await page('id');
    await p.goto(`${server.url}/login`);
    await p.getByRole('textbox', { name: 'E-mail' }).fill('admin@paritrana.demo');
    await p.locator('input[type=password]').fill(password);
    await p.getByRole('button', { name: 'Masuk' }).click();
    await p.getByRole('heading', { name: 'Edisi' }).waitFor();
    const year = todayInWib().slice(0, 4);
    const row = p.getByRole('row', { name: new RegExp(`Paritrana Award ${year}`) });
    await row.getByText(/^Pendaftaran dibuka hingga \d+ \S+ \d{4}$/).waitFor();
    await screenshotBoth(p, 'ux-02-editions-phase');

    await p.getByRole('button', { name: 'Buat edisi' }).click();
    const dialog = p.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect.poll(() => dialog.getByText('Wajib diisi.', { exact: true }).count()).toBe(3);
    await dialog.getByRole('textbox', { name: 'Nama edisi' }).fill('Paritrana Award Uji');
    await dialog.getByLabel('Awal periode').fill('2026-12-31');
    await dialog.getByLabel('Akhir periode').fill('2026-01-01');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    // The server checks the period; its answer marks the end date, in Indonesian.
    await dialog.getByText('Tanggal akhir tidak boleh sebelum tanggal mulai.').first().waitFor();
    expect(await dialog.innerText()).not.toMatch(/ends before|before it starts/);
    await screenshotBoth(p, 'ux-03-edition-form-errors');
    await p.context().close();
  });
});

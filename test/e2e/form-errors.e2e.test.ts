import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { drivers } from '../support/database.ts';
import { currentDemoEditionId, demoPassword, expectMarked, signInDemo } from '../support/form-errors.ts';
import { browserAvailable, launchBrowser, screenshotBoth, startE2eServer, type E2eServer } from '../support/browser.ts';
import { todayInWib } from '../../src/server/services/demo-calendar.ts';

/** Words of the server or of zod that must never reach a person. */
const raw = /Invalid input|expected string|received|Too small|at least \d+ characters|body\.|too_small|newPassword|currentPassword/;

const words = {
  id: {
    login: 'Masuk',
    required: 'Wajib diisi.',
    current: 'Kata sandi saat ini',
    newPassword: 'Kata sandi baru',
    repeat: 'Ulangi kata sandi baru',
    savePassword: 'Simpan kata sandi baru',
    shortPassword: 'Minimal 12 karakter; kata sandi yang umum ditolak, juga kata sandi saat ini.',
    marked: 'Data belum benar. Periksa isian yang ditandai.',
    summary: 'Periksa 3 isian yang ditandai.',
    createPanel: 'Bentuk tim penilai',
    panelName: 'Nama tim',
    province: 'Provinsi',
    save: 'Simpan',
    panelNameRule: 'Nama tim 3–200 karakter.',
  },
  en: {
    login: 'Sign in',
    required: 'Required.',
    current: 'Current password',
    newPassword: 'New password',
    repeat: 'Repeat the new password',
    savePassword: 'Save the new password',
    shortPassword: 'At least 12 characters; common passwords are refused, and so is the current one.',
    marked: 'Some data is not right. Check the marked fields.',
    summary: 'Check the 3 marked field(s).',
    createPanel: 'Form a panel',
    panelName: 'Panel name',
    province: 'Province',
    save: 'Save',
    panelNameRule: 'A panel name of 3 to 200 characters.',
  },
} as const;

describe.skipIf(!browserAvailable()).each(drivers())('forms mark their own fields (%s)', (driver) => {
  let server: E2eServer;
  let browser: Browser;
  let editionId: string;

  beforeAll(async () => {
    server = await startE2eServer(driver, { today: todayInWib() });
    browser = await launchBrowser();
    editionId = await currentDemoEditionId(server.database.db);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn(lang: 'id' | 'en', email: string): Promise<{ page: Page; posts: string[] }> {
    const { page, sent } = await signInDemo(browser, server.url, lang, email);
    return { page, posts: sent };
  }

  for (const lang of ['id', 'en'] as const) {
    const w = words[lang];

    it(`the password change marks empty fields before sending and the server's refusal on the new password (${lang})`, async () => {
      const { page, posts } = await signIn(lang, 'admin@paritrana.demo');
      await page.goto(`${server.url}/akun`);
      const section = page.getByRole('region', { name: lang === 'id' ? 'Ganti kata sandi' : 'Change password' });
      await section.getByRole('button', { name: w.savePassword }).click();
      // A required field's label ends with its asterisk.
      const current = section.getByLabel(new RegExp(`^${w.current}`));
      const fresh = section.getByLabel(new RegExp(`^${w.newPassword}`));
      const repeat = section.getByLabel(new RegExp(`^${w.repeat}`));
      for (const field of [current, fresh, repeat]) await expectMarked(field, w.required);
      await section.getByRole('alert').getByText(w.summary).waitFor();
      expect(posts.filter((p) => p === '/api/auth/password')).toEqual([]);

      // Too short for the server: its answer is put on the new password, in the page's language.
      await current.fill(demoPassword);
      await fresh.fill('pendek');
      await repeat.fill('pendek');
      await section.getByRole('button', { name: w.savePassword }).click();
      await expectMarked(fresh, w.shortPassword);
      expect(posts.filter((p) => p === '/api/auth/password')).toHaveLength(1);
      await section.getByRole('alert').getByText(w.marked).waitFor();
      expect(await current.getAttribute('aria-invalid')).not.toBe('true');
      expect(await page.locator('body').innerText()).not.toMatch(raw);
      if (lang === 'id') await screenshotBoth(page, 'form-errors-01-password');
      await page.context().close();
    });

    it(`the panel form marks its name before sending and with the panel's own rule after (${lang})`, async () => {
      const { page, posts } = await signIn(lang, 'admin@paritrana.demo');
      await page.goto(`${server.url}/editions/${editionId}/panels`);
      await page.getByRole('button', { name: w.createPanel }).click();
      const dialog = page.getByRole('dialog');
      const name = dialog.getByRole('textbox', { name: w.panelName });
      await dialog.getByRole('button', { name: w.save, exact: true }).click();
      await expectMarked(name, w.required);
      // The national committee picks the province of a provincial panel: required too.
      const province = dialog.getByRole('combobox', { name: w.province });
      await expectMarked(province, w.required);
      expect(posts.filter((p) => p.endsWith('/panels'))).toEqual([]);

      await province.click();
      await province.fill('Nusa');
      await page.getByRole('option', { name: /Nusa Tenggara Barat/ }).click();

      await name.fill('AB');
      await dialog.getByRole('button', { name: w.save, exact: true }).click();
      await expectMarked(name, w.panelNameRule);
      expect(posts.filter((p) => p.endsWith('/panels'))).toHaveLength(1);
      await dialog.getByRole('alert').getByText(w.marked).waitFor();
      expect(await dialog.innerText()).not.toMatch(raw);
      if (lang === 'en') await screenshotBoth(page, 'form-errors-02-panel');
      await page.context().close();
    });
  }
});

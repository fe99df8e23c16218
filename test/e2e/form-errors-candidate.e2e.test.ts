import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { drivers } from '../support/database.ts';
import { currentDemoEditionId, expectMarked, pageIn, sentBy, signInDemo } from '../support/form-errors.ts';
import { browserAvailable, launchBrowser, screenshotBoth, startE2eServer, type E2eServer } from '../support/browser.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';
import { todayInWib } from '../../src/server/services/demo-calendar.ts';

/** Words of the server or of zod that must never reach a person. */
const raw = /Invalid input|expected string|received|Too small|Too big|body\.|answers\.|too_small|too_big/;

const words = {
  id: {
    login: 'Masuk',
    required: 'Wajib diisi.',
    marked: 'Data belum benar. Periksa isian yang ditandai.',
    summary: 'Periksa 2 isian yang ditandai.',
    password: 'Kata sandi',
    emailRule: 'Tulis alamat e-mail yang sah, mis. nama@instansi.go.id.',
    addTie: 'Tambah keterkaitan',
    save: 'Simpan',
    institution: 'Instansi',
    tieCode: 'Kode Kemendagri',
    institutionRule: 'Paling banyak 200 karakter.',
    invite: 'Kirim undangan',
    addEntry: 'Tambah',
    number: 'Nomor',
    title: 'Judul/tentang',
    titleRule: 'Paling banyak 500 karakter.',
    autosaved: 'Tersimpan otomatis',
    importStart: 'Impor',
    importFailed: 'Tidak ada yang disimpan. Perbaiki baris berikut lalu unggah lagi:',
    otherProvince: 'Kabupaten Lampung Tengah bukan wilayah provinsi 52',
    noRowsTitle: 'Tidak ada yang diimpor',
  },
  en: {
    login: 'Sign in',
    required: 'Required.',
    marked: 'Some data is not right. Check the marked fields.',
    summary: 'Check the 2 marked field(s).',
    password: 'Password',
    emailRule: 'Give a valid e-mail address, e.g. name@agency.go.id.',
    addTie: 'Add a tie',
    save: 'Save',
    institution: 'Institution',
    tieCode: 'Kemendagri code',
    institutionRule: 'At most 200 characters.',
    invite: 'Send invitation',
    addEntry: 'Add',
    number: 'Number',
    title: 'Title/subject',
    titleRule: 'At most 500 characters.',
    autosaved: 'Saved automatically',
    importStart: 'Import',
    importFailed: 'Nothing was saved. Fix these rows and upload again:',
    otherProvince: 'Kabupaten Lampung Tengah is not a region of province 52',
    noRowsTitle: 'Nothing was imported',
  },
} as const;

describe.skipIf(!browserAvailable()).each(drivers())('candidate, juror and sign-in forms mark their own fields (%s)', (driver) => {
  let server: E2eServer;
  let browser: Browser;
  let lotimId: string;
  let editionId: string;

  beforeAll(async () => {
    server = await startE2eServer(driver, { today: todayInWib() });
    browser = await launchBrowser();
    editionId = await currentDemoEditionId(server.database.db);
    lotimId = (await listCandidates(server.database.db, editionId, { all: true })).find((c) => c.regencyCode === '52.03')!.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = (lang: 'id' | 'en') => pageIn(browser, lang);
  const signIn = (lang: 'id' | 'en', email: string) => signInDemo(browser, server.url, lang, email);

  for (const lang of ['id', 'en'] as const) {
    const w = words[lang];

    it(`sign-in marks its empty fields before sending and the server's refusal of the e-mail (${lang})`, async () => {
      const page = await open(lang);
      const sent = sentBy(page);
      await page.goto(`${server.url}/login`);
      const email = page.getByRole('textbox', { name: /^E-mail/ });
      const secret = page.getByLabel(new RegExp(`^${w.password}`));
      await page.getByRole('button', { name: w.login, exact: true }).click();
      for (const field of [email, secret]) await expectMarked(field, w.required);
      await page.getByRole('alert').getByText(w.summary).waitFor();
      expect(sent.filter((p) => p.startsWith('/api/auth/login'))).toEqual([]);

      // Not an e-mail address: the server refuses it, and its answer is put on the e-mail field.
      await email.fill('bukan-email');
      await secret.fill('sembarang');
      await page.getByRole('button', { name: w.login, exact: true }).click();
      await expectMarked(email, w.emailRule);
      expect(sent.filter((p) => p === '/api/auth/login')).toHaveLength(1);
      await page.getByRole('alert').getByText(w.marked).waitFor();
      expect(await secret.getAttribute('aria-invalid')).not.toBe('true');
      expect(await page.locator('body').innerText()).not.toMatch(raw);
      if (lang === 'id') await screenshotBoth(page, 'form-errors-candidate-01-login');
      await page.context().close();
    });

    it(`the juror's profile marks a tie without its code before sending, and the institution the server refuses (${lang})`, async () => {
      const { page, sent } = await signIn(lang, 'juri@paritrana.demo');
      await page.goto(`${server.url}/profil-juri`);
      await page.getByRole('button', { name: w.addTie }).click();
      const code = page.getByRole('textbox', { name: new RegExp(`^${w.tieCode}`) }).last();
      await page.getByRole('button', { name: w.save, exact: true }).click();
      await expectMarked(code, w.required);
      expect(sent.filter((p) => p === '/api/juror/profile')).toEqual([]);

      await code.fill('52.03');
      const institution = page.getByRole('textbox', { name: new RegExp(`^${w.institution}`) });
      await institution.fill('U'.repeat(201));
      await page.getByRole('button', { name: w.save, exact: true }).click();
      await expectMarked(institution, w.institutionRule);
      expect(sent.filter((p) => p === '/api/juror/profile')).toHaveLength(1);
      await page.getByRole('alert').getByText(w.marked).waitFor();
      expect(await code.getAttribute('aria-invalid')).not.toBe('true');
      expect(await page.locator('body').innerText()).not.toMatch(raw);
      if (lang === 'en') await screenshotBoth(page, 'form-errors-candidate-02-juror-profile');
      await page.context().close();
    });

    it(`the invitation of a candidate user marks its e-mail before sending and with its rule after (${lang})`, async () => {
      const { page, sent } = await signIn(lang, 'ntb@paritrana.demo');
      await page.goto(`${server.url}/candidates/${lotimId}`);
      const send = page.getByRole('button', { name: w.invite });
      const email = page.getByRole('textbox', { name: /^E-mail/ });
      await email.fill('');
      await send.click();
      await expectMarked(email, w.required);
      expect(sent.filter((p) => p.endsWith('/invitations'))).toEqual([]);

      await email.fill('bukan-email');
      await send.click();
      await expectMarked(email, w.emailRule);
      expect(sent.filter((p) => p.endsWith('/invitations'))).toHaveLength(1);
      await page.getByRole('alert').getByText(w.marked).waitFor();
      expect(await page.locator('body').innerText()).not.toMatch(raw);
      if (lang === 'id') await screenshotBoth(page, 'form-errors-candidate-03-invite');
      await page.context().close();
    });

    it(`a regulation of the self-assessment shows what it lacks and the server's refusal on its own inputs (${lang})`, async () => {
      const { page, sent } = await signIn(lang, 'lotim@paritrana.demo');
      await page.goto(`${server.url}/candidates/${lotimId}`);
      // The first "add" is the regulations'; the new entry is the last regulation.
      await page.getByRole('button', { name: w.addEntry, exact: true }).first().click();
      await page.getByRole('status').getByText(new RegExp(w.autosaved)).waitFor({ timeout: 20_000 });
      const number = page.getByRole('textbox', { name: new RegExp(`^${w.number}`) });
      const title = page.getByRole('textbox', { name: new RegExp(`^${w.title}`) });
      const entries = await title.count();
      // What the entry still lacks before the form can be submitted is marked on the entry's own input.
      await expectMarked(number.nth(entries - 1), w.required);
      await expectMarked(title.nth(entries - 1), w.required);

      // Too long for the server: its refusal (answers.regulations.N.title) is on that entry's title, not only named in the alert.
      const saves = sent.filter((p) => p.endsWith('/self-assessment')).length;
      await title.nth(entries - 1).fill('T'.repeat(501));
      await expectMarked(title.nth(entries - 1), w.titleRule);
      expect(sent.filter((p) => p.endsWith('/self-assessment')).length).toBeGreaterThan(saves);
      await page.getByRole('alert').getByText(w.marked).waitFor();
      // The alert no longer names the title by its place ("Regulasi #2: judul — …"): the title shows it.
      const alert = await page.getByRole('alert').filter({ hasText: w.marked }).innerText();
      expect(alert).not.toMatch(raw);
      expect(alert).not.toMatch(/#\d+:/);
      expect(await page.locator('body').innerText()).not.toMatch(raw);
      if (lang === 'id') await screenshotBoth(page, 'form-errors-candidate-04-regulation');
      await page.context().close();
    });

    it(`the candidate import says each refused row, and a sheet without rows, in the page's language (${lang})`, async () => {
      const { page } = await signIn(lang, 'ntb@paritrana.demo');
      await page.goto(`${server.url}/editions/${editionId}/candidates/import`);
      const upload = async (content: string) => {
        await page.locator('input[type=file]').setInputFiles({ name: 'kandidat.csv', mimeType: 'text/csv', buffer: Buffer.from(content) });
        await page.getByRole('button', { name: w.importStart, exact: true }).click();
      };
      await upload('kategori;kode_wilayah\npemkab-kota;18.02\n');
      await page.getByText(w.importFailed).waitFor();
      await page.getByRole('cell', { name: w.otherProvince, exact: true }).waitFor();
      expect(await page.locator('body').innerText()).not.toMatch(raw);
      if (lang === 'en') await screenshotBoth(page, 'form-errors-candidate-05-import');
      // The template as downloaded (column names only) is known by its reason code, whatever the page's language.
      await upload('kategori;kode_wilayah\n');
      await page.getByRole('alert').filter({ hasText: w.noRowsTitle }).waitFor();
      expect(await page.getByRole('cell').count()).toBe(0);
      await page.context().close();
    });
  }
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { drivers } from '../support/database.ts';
import { expectMarked, signInDemo } from '../support/form-errors.ts';
import { browserAvailable, launchBrowser, screenshotBoth, startE2eServer, type E2eServer } from '../support/browser.ts';
import { findCategoryByCode, listEditions } from '../../src/db/repositories/editions.ts';
import { listPools } from '../../src/db/repositories/pools.ts';
import { todayInWib } from '../../src/server/services/demo-calendar.ts';
import { seedShowcase } from '../../src/server/services/demo-showcase.ts';

/**
 * Words of the server or of zod that must never reach a person. (Not "at least
 * 10 characters": the withdrawal's own English label says so.)
 */
const raw = /Invalid input|expected string|received|Too small|Too big|body\.|too_small|too_big|members\.\d|signatories\.\d|exactly one chair/;

const words = {
  id: {
    login: 'Masuk',
    required: 'Wajib diisi.',
    marked: 'Data belum benar. Periksa isian yang ditandai.',
    save: 'Simpan',
    members: 'Anggota',
    seat: 'Kedudukan',
    chair: 'Ketua',
    member: 'Anggota',
    memberTitle: 'Jabatan',
    seatRule: 'Satu ketua dan paling banyak satu sekretaris dalam satu tim.',
    memberTitleRule: 'Jabatan paling banyak 200 karakter.',
    signatories: 'Penanda tangan piagam',
    addSignatory: 'Tambah penanda tangan',
    name: 'Nama',
    position: 'Jabatan',
    signatoryNameRule: 'Nama 2–200 karakter.',
    draft: 'Buat draf',
    edit: 'Ubah',
    headline: 'Judul',
    body: 'Isi',
    headlineRule: 'Judul 5–300 karakter.',
    withdraw: 'Tarik pengumuman',
    reasonRule: 'Jelaskan alasannya (10–2.000 karakter).',
    shortReason: 'terlambat',
    longReason: 'Berkas penilaian perlu diperiksa ulang oleh panitia. ',
    resultsTab: 'Hasil',
    reopen: 'Buka kembali hasil',
    reopenReason: 'Alasan',
    weight: 'Bobot',
    weightRule: 'Bobot 0 atau lebih; dalam satu daftar tidak boleh semuanya 0.',
    summary: 'Periksa 2 isian yang ditandai.',
  },
  en: {
    login: 'Sign in',
    required: 'Required.',
    marked: 'Some data is not right. Check the marked fields.',
    save: 'Save',
    members: 'Members',
    seat: 'Seat',
    chair: 'Chair',
    member: 'Member',
    memberTitle: 'Position',
    seatRule: 'One chair and at most one secretary on a panel.',
    memberTitleRule: 'A title of at most 200 characters.',
    signatories: 'Certificate signatories',
    addSignatory: 'Add signatory',
    name: 'Name',
    position: 'Title',
    signatoryNameRule: 'A name of 2 to 200 characters.',
    draft: 'Draft',
    edit: 'Edit',
    headline: 'Headline',
    body: 'Text',
    headlineRule: 'A headline of 5 to 300 characters.',
    withdraw: 'Withdraw announcement',
    reasonRule: 'Say why (10 to 2,000 characters).',
    shortReason: 'too late',
    longReason: 'The marking files must be checked again by the committee. ',
    resultsTab: 'Result',
    reopen: 'Reopen the result',
    reopenReason: 'Reason',
    weight: 'Weight',
    weightRule: 'A weight of 0 or more; the weights of one list are not all 0.',
    summary: 'Check the 2 marked field(s).',
  },
} as const;

/** Picks an option of a Mantine select. */
async function choose(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe.skipIf(!browserAvailable()).each(drivers())('the committee’s forms mark their own fields (%s)', (driver) => {
  let server: E2eServer;
  let browser: Browser;
  let editionId: string;
  let publishedPoolId: string;
  let categoryId: string;

  beforeAll(async () => {
    const today = todayInWib();
    // The demo's showcase edition (the year before) holds a published result, for its press releases.
    let showcaseLabel = '';
    server = await startE2eServer(driver, { today, prepare: async (db) => void ({ label: showcaseLabel } = await seedShowcase(db, { today })) });
    browser = await launchBrowser();
    const editions = await listEditions(server.database.db);
    editionId = editions.find((e) => e.label === `Paritrana Award ${today.slice(0, 4)}`)!.id;
    const showcase = editions.find((e) => e.label === showcaseLabel)!.id;
    categoryId = (await findCategoryByCode(server.database.db, editionId, 'pemkab-kota'))!.id;
    publishedPoolId = (await listPools(server.database.db, showcase)).find((p) => p.status === 'finalised')!.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signIn = (lang: 'id' | 'en', email: string) => signInDemo(browser, server.url, lang, email, { withMethod: true });

  for (const lang of ['id', 'en'] as const) {
    const w = words[lang];

    it(`the panel's members mark the seats before sending and a refused title on its row (${lang})`, async () => {
      const { page, sent } = await signIn(lang, 'admin@paritrana.demo');
      await page.goto(`${server.url}/editions/${editionId}/panels`);
      await page.getByRole('button', { name: w.members, exact: true }).click();
      const dialog = page.getByRole('dialog');
      const seats = dialog.getByRole('combobox', { name: w.seat });
      await seats.first().waitFor();
      const values = await seats.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
      const chair = values.indexOf(w.chair);
      expect(chair).toBeGreaterThanOrEqual(0);

      // No chair left: every seat is marked with the panel's rule, and nothing is sent.
      await choose(page, seats.nth(chair), w.member);
      await dialog.getByRole('button', { name: w.save, exact: true }).click();
      for (let i = 0; i < values.length; i++) await expectMarked(seats.nth(i), w.seatRule);
      expect(sent.filter((s) => s.endsWith('/members'))).toEqual([]);

      // The chair back, and a title too long for the server: its refusal lands on that row's title.
      await choose(page, seats.nth(chair), w.chair);
      const title = dialog.getByRole('textbox', { name: w.memberTitle }).nth(chair);
      await title.fill('Kepala Dinas '.repeat(16));
      await dialog.getByRole('button', { name: w.save, exact: true }).click();
      await expectMarked(title, w.memberTitleRule);
      expect(sent.filter((s) => s.endsWith('/members'))).toHaveLength(1);
      expect(await seats.nth(chair).getAttribute('aria-invalid')).not.toBe('true');
      await dialog.getByRole('alert').getByText(w.marked).waitFor();
      expect(await dialog.innerText()).not.toMatch(raw);
      if (lang === 'id') await screenshotBoth(page, 'form-errors-committee-01-members');
      await page.context().close();
    });

    it(`the signatories mark an empty name and title before sending and a refused name after (${lang})`, async () => {
      const { page, sent } = await signIn(lang, 'admin@paritrana.demo');
      await page.goto(`${server.url}/editions/${editionId}/publication`);
      const panel = page.locator('.mantine-Paper-root', { has: page.getByRole('heading', { name: w.signatories }) });
      await panel.getByRole('button', { name: w.addSignatory }).click();
      const name = panel.getByRole('textbox', { name: w.name, exact: true }).last();
      const position = panel.getByRole('textbox', { name: w.position, exact: true }).last();
      await panel.getByRole('button', { name: w.save, exact: true }).click();
      await expectMarked(name, w.required);
      await expectMarked(position, w.required);
      expect(sent.filter((s) => s.endsWith('/signatories'))).toEqual([]);

      // One letter is too short a name for the server: its refusal lands on the name, in the page's language.
      await name.fill('A');
      await position.fill(lang === 'id' ? 'Gubernur Nusa Tenggara Barat' : 'Governor of West Nusa Tenggara');
      await panel.getByRole('button', { name: w.save, exact: true }).click();
      await expectMarked(name, w.signatoryNameRule);
      expect(sent.filter((s) => s.endsWith('/signatories'))).toHaveLength(1);
      expect(await position.getAttribute('aria-invalid')).not.toBe('true');
      await panel.getByRole('alert').getByText(w.marked).waitFor();
      expect(await panel.innerText()).not.toMatch(raw);
      if (lang === 'en') await screenshotBoth(page, 'form-errors-committee-02-signatories');
      await page.context().close();
    });

    it(`a press release marks an empty headline before sending and a refused one after (${lang})`, async () => {
      const { page, sent } = await signIn(lang, 'admin@paritrana.demo');
      await page.goto(`${server.url}/pools/${publishedPoolId}/publication`);
      // The first winner's release: drafted here, or edited when an earlier test drafted it.
      await page.getByRole('button', { name: w.draft, exact: true }).or(page.getByRole('link', { name: w.edit, exact: true })).first().click();
      await page.waitForURL((url) => url.pathname.startsWith('/press-releases/'));
      const headline = page.getByRole('textbox', { name: new RegExp(`^${w.headline}`) });
      const body = page.getByRole('textbox', { name: new RegExp(`^${w.body}`) });
      await headline.fill('');
      await page.getByRole('button', { name: w.save, exact: true }).click();
      await expectMarked(headline, w.required);
      expect(sent.filter((s) => s.startsWith('PUT /api/press-releases/'))).toEqual([]);

      await headline.fill('Abc');
      await page.getByRole('button', { name: w.save, exact: true }).click();
      await expectMarked(headline, w.headlineRule);
      expect(sent.filter((s) => s.startsWith('PUT /api/press-releases/'))).toHaveLength(1);
      expect(await body.getAttribute('aria-invalid')).not.toBe('true');
      await page.getByRole('alert').getByText(w.marked).waitFor();
      expect(await page.locator('body').innerText()).not.toMatch(raw);
      if (lang === 'id') await screenshotBoth(page, 'form-errors-committee-03-press-release');
      await page.context().close();
    });

    it(`withdrawing an announcement marks an empty or short reason before sending and a refused one after (${lang})`, async () => {
      const { page, sent } = await signIn(lang, 'admin@paritrana.demo');
      await page.goto(`${server.url}/pools/${publishedPoolId}/publication`);
      await page.getByRole('button', { name: w.withdraw, exact: true }).click();
      const dialog = page.getByRole('dialog');
      const reason = dialog.getByRole('textbox');
      await dialog.getByRole('button', { name: w.withdraw, exact: true }).click();
      await expectMarked(reason, w.required);
      await reason.fill(w.shortReason);
      await dialog.getByRole('button', { name: w.withdraw, exact: true }).click();
      await expectMarked(reason, w.reasonRule);
      expect(sent.filter((s) => s.endsWith('/withdraw'))).toEqual([]);

      // Longer than the server takes: its refusal lands on the reason, and the result stays announced.
      await reason.fill(w.longReason.repeat(40));
      await dialog.getByRole('button', { name: w.withdraw, exact: true }).click();
      await dialog.getByRole('alert').getByText(w.marked).waitFor();
      await expectMarked(reason, w.reasonRule);
      expect(sent.filter((s) => s.endsWith('/withdraw'))).toHaveLength(1);
      expect(await dialog.innerText()).not.toMatch(raw);
      if (lang === 'en') await screenshotBoth(page, 'form-errors-committee-04-withdrawal');
      await page.context().close();
    });

    it(`the instrument marks stage weights that are all 0 before sending (${lang})`, async () => {
      const { page, sent } = await signIn(lang, 'admin@paritrana.demo');
      await page.goto(`${server.url}/editions/${editionId}/categories/${categoryId}/instrument`);
      // Each stage's card: its first weight is the stage's own.
      const stages = page.locator('.mantine-Paper-root').filter({ has: page.getByRole('textbox', { name: w.weight, exact: true }) });
      await stages.first().waitFor();
      expect(await stages.count()).toBe(2);
      const stageWeights = [stages.nth(0), stages.nth(1)].map((s) => s.getByRole('textbox', { name: w.weight, exact: true }).first());
      for (const weight of stageWeights) await weight.fill('0');
      await page.getByRole('button', { name: w.save, exact: true }).click();
      for (const weight of stageWeights) await expectMarked(weight, w.weightRule);
      await page.getByRole('alert').getByText(w.summary).waitFor();
      // An aspect's weight is not marked: its own list still shares a score.
      expect(await stages.nth(0).getByRole('textbox', { name: w.weight, exact: true }).nth(1).getAttribute('aria-invalid')).not.toBe('true');
      expect(sent.filter((s) => s.endsWith('/scoring'))).toEqual([]);
      expect(await page.locator('body').innerText()).not.toMatch(raw);
      if (lang === 'id') await screenshotBoth(page, 'form-errors-committee-05-instrument');
      await page.context().close();
    });

    it(`reopening a result marks a short reason before sending and a refused one after (${lang})`, async () => {
      const { page, sent } = await signIn(lang, 'admin@paritrana.demo');
      await page.goto(`${server.url}/pools/${publishedPoolId}`);
      await page.getByRole('tab', { name: w.resultsTab }).click();
      await page.getByRole('button', { name: w.reopen, exact: true }).click();
      const dialog = page.getByRole('dialog');
      const reason = dialog.getByRole('textbox', { name: new RegExp(`^${w.reopenReason}`) });
      await reason.fill(w.shortReason);
      await dialog.getByRole('button', { name: w.reopen, exact: true }).click();
      await expectMarked(reason, w.reasonRule);
      expect(sent.filter((s) => s.endsWith('/reopen'))).toEqual([]);

      // Longer than the server takes: its refusal lands on the reason, and the result stays final.
      await reason.fill(w.longReason.repeat(40));
      await dialog.getByRole('button', { name: w.reopen, exact: true }).click();
      await dialog.getByRole('alert').getByText(w.marked).waitFor();
      await expectMarked(reason, w.reasonRule);
      expect(sent.filter((s) => s.endsWith('/reopen'))).toHaveLength(1);
      expect(await dialog.getByRole('combobox').getAttribute('aria-invalid')).not.toBe('true');
      expect(await dialog.innerText()).not.toMatch(raw);
      await page.context().close();
    });
  }
});

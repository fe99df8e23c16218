import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { drivers } from '../support/database.ts';
import { currentDemoEditionId, expectMarked, signInDemo } from '../support/form-errors.ts';
import { browserAvailable, launchBrowser, screenshotBoth, startE2eServer, type E2eServer } from '../support/browser.ts';
import { findCandidateByName } from '../../src/db/repositories/candidates.ts';
import { upsertValue } from '../../src/db/repositories/coverage.ts';
import { todayInWib } from '../../src/server/services/demo-calendar.ts';

/** Words of the server or of zod that must never reach a person. */
const raw = /Invalid input|expected string|received|Too small|at least \d+ characters|body\.|too_small|files\.|roles\.\d|Unexpected file|must be a year/;

const words = {
  id: {
    login: 'Masuk',
    required: 'Wajib diisi.',
    marked: 'Data belum benar. Periksa isian yang ditandai.',
    save: 'Simpan',
    createEdition: 'Buat edisi',
    editionLabel: 'Nama edisi',
    periodStart: 'Awal periode penilaian',
    periodEnd: 'Akhir periode penilaian',
    editionLabelRule: 'Nama edisi 3–120 karakter.',
    periodEndRule: 'Tanggal akhir tidak boleh sebelum tanggal mulai.',
    addUser: 'Tambah pengguna',
    name: 'Nama',
    email: 'E-mail',
    role: 'Peran',
    verifier: 'Verifikator',
    province: 'Provinsi',
    userNameRule: 'Nama 2–120 karakter.',
    files: 'Berkas',
    year: 'Tahun penilaian',
    startImport: 'Mulai impor',
    filesRule: 'Ekstrak memuat lima berkas bernama workforce, min_wage, employers, participants, dan contributions, masing-masing .csv, .csv.gz, atau .parquet.',
    weights: ['Cakupan kepesertaan', 'Cakupan BPU', 'Pertumbuhan peserta'],
    saveScreening: 'Simpan pengaturan',
    regencyRule: 'Paling sedikit satu bobot kabupaten/kota di atas 0.',
    threeMarked: 'Periksa 3 isian yang ditandai.',
    dispute: 'Sanggah',
    reason: 'Alasan',
    sendDispute: 'Kirim sanggahan',
    reasonRule: 'Jelaskan alasannya (10–2.000 karakter).',
    corrected: 'Nilai koreksi',
    note: 'Catatan keputusan',
    accept: 'Terima',
    reject: 'Tolak',
    correctedRule: 'Wajib diisi.',
    noteRule: 'Catatan 3–2.000 karakter.',
  },
  en: {
    login: 'Sign in',
    required: 'Required.',
    marked: 'Some data is not right. Check the marked fields.',
    save: 'Save',
    createEdition: 'Create edition',
    editionLabel: 'Edition label',
    periodStart: 'Assessment period start',
    periodEnd: 'Assessment period end',
    editionLabelRule: 'An edition name of 3 to 120 characters.',
    periodEndRule: 'The end date may not be before the start date.',
    addUser: 'Add user',
    name: 'Name',
    email: 'E-mail',
    role: 'Role',
    verifier: 'Verifier',
    province: 'Province',
    userNameRule: 'A name of 2 to 120 characters.',
    files: 'Files',
    year: 'Assessment year',
    startImport: 'Start import',
    filesRule: 'The extract is five files named workforce, min_wage, employers, participants and contributions, each .csv, .csv.gz or .parquet.',
    weights: ['Coverage', 'BPU coverage', 'Participant growth'],
    saveScreening: 'Save settings',
    regencyRule: 'At least one regency weight above 0.',
    threeMarked: 'Check the 3 marked field(s).',
    dispute: 'Dispute',
    reason: 'Reason',
    sendDispute: 'Send dispute',
    reasonRule: 'Explain why (10 to 2,000 characters).',
    corrected: 'Corrected value',
    note: 'Decision note',
    accept: 'Accept',
    reject: 'Reject',
    correctedRule: 'Required.',
    noteRule: 'A note of 3 to 2,000 characters.',
  },
} as const;

describe.skipIf(!browserAvailable()).each(drivers())('coverage, user and edition forms mark their own fields (%s)', (driver) => {
  let server: E2eServer;
  let browser: Browser;
  let editionId: string;
  /** Lombok Timur, whose candidate user disputes its figures. */
  let lotimId: string;
  /** An extract file the import does not know by its name. */
  let stray: string;

  beforeAll(async () => {
    server = await startE2eServer(driver, { today: todayInWib() });
    browser = await launchBrowser();
    editionId = await currentDemoEditionId(server.database.db);
    lotimId = (await findCandidateByName(server.database.db, editionId, 'Kabupaten Lombok Timur'))!.id;
    // Two verified figures to dispute (no extract is imported here), one for each language.
    for (const [key, valueNum] of [['coverage_pct', 44.36], ['gov_funded', 20_950]] as const) {
      await upsertValue(server.database.db, { candidateId: lotimId, key, valueNum, source: 'verification', snapshotId: null, note: null });
    }
    stray = join(mkdtempSync(join(tmpdir(), 'paritrana-form-errors-')), 'peserta.csv');
    writeFileSync(stray, 'npp,nama\n');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A demo user (the national admin by default), signed in once per language; `sent` lists the paths of what the page sent (not reads). */
  const signIn = (lang: 'id' | 'en', email = 'admin@paritrana.demo') => signInDemo(browser, server.url, lang, email);

  for (const lang of ['id', 'en'] as const) {
    describe(lang, () => {
      const w = words[lang];
      let page: Page;
      let sent: string[];
      beforeAll(async () => {
        ({ page, sent } = await signIn(lang));
      });
      afterAll(async () => {
        await page?.context().close();
      });

      it('the new edition form marks its empty fields before sending, an end before its start, and the server’s rule on the label', async () => {
        await page.goto(`${server.url}/editions`);
        await page.getByRole('button', { name: w.createEdition }).click();
        const dialog = page.getByRole('dialog');
        const label = dialog.getByRole('textbox', { name: w.editionLabel });
        const start = dialog.getByLabel(new RegExp(`^${w.periodStart}`));
        const end = dialog.getByLabel(new RegExp(`^${w.periodEnd}`));
        await dialog.getByRole('button', { name: w.save, exact: true }).click();
        for (const field of [label, start, end]) await expectMarked(field, w.required);
        expect(sent.filter((p) => p === '/api/editions')).toEqual([]);

        // An end before the start is said at once, in the page's language.
        await start.fill('2025-12-31');
        await end.fill('2025-01-01');
        await label.fill('AB');
        await dialog.getByRole('button', { name: w.save, exact: true }).click();
        await expectMarked(end, w.periodEndRule);
        expect(sent.filter((p) => p === '/api/editions')).toEqual([]);

        // Too short for the server: its answer is put on the label.
        await start.fill('2025-01-01');
        await end.fill('2025-12-31');
        await dialog.getByRole('button', { name: w.save, exact: true }).click();
        await expectMarked(label, w.editionLabelRule);
        expect(sent.filter((p) => p === '/api/editions')).toHaveLength(1);
        await dialog.getByRole('alert').getByText(w.marked).waitFor();
        expect(await end.getAttribute('aria-invalid')).not.toBe('true');
        expect(await dialog.innerText()).not.toMatch(raw);
        if (lang === 'id') await screenshotBoth(page, 'form-errors-coverage-01-edition');
        await page.keyboard.press('Escape');
      });

      it('the new user form marks the name, the e-mail and a verifier’s province before sending, and the server’s rule on the name', async () => {
        await page.goto(`${server.url}/users`);
        await page.getByRole('button', { name: w.addUser }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('combobox', { name: w.role }).click();
        await page.getByRole('option', { name: w.verifier, exact: true }).click();
        await dialog.getByRole('button', { name: w.save, exact: true }).click();
        const name = dialog.getByRole('textbox', { name: w.name, exact: true });
        const email = dialog.getByRole('textbox', { name: w.email });
        const province = dialog.getByRole('combobox', { name: w.province });
        for (const field of [name, email, province]) await expectMarked(field, w.required);
        expect(sent.filter((p) => p === '/api/users')).toEqual([]);

        await province.click();
        await province.fill('Nusa Tenggara B');
        await page.getByRole('option', { name: /Nusa Tenggara Barat/i }).click();
        await name.fill('A');
        await email.fill(`verifikator.${lang}@test.example`);
        await dialog.getByRole('button', { name: w.save, exact: true }).click();
        await expectMarked(name, w.userNameRule);
        expect(sent.filter((p) => p === '/api/users')).toHaveLength(1);
        await dialog.getByRole('alert').getByText(w.marked).waitFor();
        expect(await province.getAttribute('aria-invalid')).not.toBe('true');
        expect(await dialog.innerText()).not.toMatch(raw);
        if (lang === 'en') await screenshotBoth(page, 'form-errors-coverage-02-user');
        await page.keyboard.press('Escape');
      });

      it('the extract import marks an empty year before sending and a file it does not know on the file field; the screening marks weights that all are 0', async () => {
        await page.goto(`${server.url}/editions/${editionId}/coverage`);
        const year = page.getByRole('textbox', { name: w.year });
        await year.fill('');
        await page.locator('input[type=file]').setInputFiles(stray);
        await page.getByRole('button', { name: w.startImport }).click();
        await expectMarked(year, w.required);
        expect(sent.filter((p) => p.endsWith('/coverage/imports'))).toEqual([]);

        await year.fill('2025');
        await page.getByRole('button', { name: w.startImport }).click();
        // A year is written without a thousands separator, in either language.
        expect(await year.inputValue()).toBe('2025');
        const files = page.getByRole('button', { name: w.files });
        await expectMarked(files, w.filesRule);
        expect(sent.filter((p) => p.endsWith('/coverage/imports'))).toHaveLength(1);
        await page.getByRole('alert').getByText(w.marked).waitFor();
        expect(await year.getAttribute('aria-invalid')).not.toBe('true');
        if (lang === 'id') await screenshotBoth(page, 'form-errors-coverage-03-import');

        // No regency weight above 0: the group is marked at once, nothing is sent.
        for (const weight of w.weights) await page.getByRole('textbox', { name: weight, exact: true }).fill('0');
        await page.getByRole('button', { name: w.saveScreening }).click();
        await page.getByText(w.regencyRule, { exact: true }).waitFor();
        // The alert counts the weights marked on screen.
        await page.getByRole('alert').getByText(w.threeMarked).waitFor();
        for (const weight of w.weights) expect(await page.getByRole('textbox', { name: weight, exact: true }).getAttribute('aria-invalid')).toBe('true');
        expect(sent.filter((p) => p.endsWith('/coverage/screening'))).toEqual([]);
        expect(await page.locator('body').innerText()).not.toMatch(raw);
        if (lang === 'en') await screenshotBoth(page, 'form-errors-coverage-04-screening');
      });

      it('a candidate’s dispute marks an empty reason before sending and the server’s rule on a short one', async () => {
        const candidate = await signIn(lang, 'lotim@paritrana.demo');
        const own = candidate.page;
        await own.goto(`${server.url}/candidates/${lotimId}/figures`);
        // Each language disputes another figure: one figure has one open dispute at a time.
        await own.getByRole('button', { name: w.dispute, exact: true, disabled: false }).nth(lang === 'id' ? 0 : 1).click();
        const dialog = own.getByRole('dialog');
        const reason = dialog.getByRole('textbox', { name: w.reason, exact: true });
        await dialog.getByRole('button', { name: w.sendDispute }).click();
        await expectMarked(reason, w.required);
        expect(candidate.sent.filter((p) => p.endsWith('/disputes'))).toEqual([]);

        await reason.fill('pendek');
        await dialog.getByRole('button', { name: w.sendDispute }).click();
        await expectMarked(reason, w.reasonRule);
        expect(candidate.sent.filter((p) => p.endsWith('/disputes'))).toHaveLength(1);
        await dialog.getByRole('alert').getByText(w.marked).waitFor();
        expect(await dialog.innerText()).not.toMatch(raw);
        if (lang === 'id') await screenshotBoth(own, 'form-errors-coverage-05-dispute');

        // A reason long enough: the dispute is raised, for the committee to decide below.
        await reason.fill('Angka peserta belum memuat pekerja rentan yang didaftarkan desa.');
        await dialog.getByRole('button', { name: w.sendDispute }).click();
        await dialog.waitFor({ state: 'detached' });
        await own.context().close();
      });

      it('deciding a dispute marks the corrected value and the note before sending, and the server’s rule on a short note', async () => {
        await page.goto(`${server.url}/editions/${editionId}/disputes`);
        const card = page.locator('.mantine-Paper-root').filter({ has: page.getByRole('button', { name: w.reject, exact: true }) }).first();
        const corrected = card.getByRole('textbox', { name: w.corrected, exact: true });
        const note = card.getByRole('textbox', { name: w.note, exact: true });
        await card.getByRole('button', { name: w.accept, exact: true }).click();
        await expectMarked(corrected, w.correctedRule);
        await expectMarked(note, w.required);
        expect(sent.filter((p) => p.endsWith('/decision'))).toEqual([]);

        await note.fill('ab');
        await card.getByRole('button', { name: w.reject, exact: true }).click();
        await expectMarked(note, w.noteRule);
        expect(sent.filter((p) => p.endsWith('/decision'))).toHaveLength(1);
        await card.getByRole('alert').getByText(w.marked).waitFor();
        expect(await corrected.getAttribute('aria-invalid')).not.toBe('true');
        expect(await card.innerText()).not.toMatch(raw);
        if (lang === 'en') await screenshotBoth(page, 'form-errors-coverage-06-decision');
      });
    });
  }
});

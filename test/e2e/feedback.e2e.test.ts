import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { afterResize, browserAvailable, launchBrowser, phoneViewport, screenshotBoth, startE2eServer, type E2eServer } from '../support/browser.ts';
import { actorWith, finalisedPool, type FinalisedPool } from '../support/publication.ts';
import { pdfText } from '../support/pdf.ts';
import { upsertItem } from '../../src/db/repositories/verification.ts';
import { publishResult } from '../../src/server/services/publication.ts';
import type { Actor } from '../../src/server/policies/actor.ts';

describe.skipIf(!browserAvailable())('a candidate reads its feedback after the announcement and downloads it as a PDF', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let f: FinalisedPool;
  let operator: Actor;
  let lotimId: string;

  beforeAll(async () => {
    server = await startE2eServer('pglite', {
      prepare: async (db) => {
        f = await finalisedPool(db);
        lotimId = f.ids.get('52.03')!;
        await upsertItem(db, { candidateId: lotimId, itemKey: 'programs:p2', status: 'valid', comment: 'Daftar 4.871 perangkat desa cocok dengan data kepesertaan BPJS.', deadline: null, decidedBy: f.national.id });
        operator = await actorWith(db, [{ role: 'candidate', provinceCode: null, candidateId: lotimId }], 'Operator Pemkab Lombok Timur');
      },
    });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('says the feedback comes with the announcement, then shows it', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByRole('textbox', { name: 'E-mail' }).fill(operator.email);
    await page.locator('input[type=password]').fill('correct-horse-battery');
    await page.getByRole('button', { name: 'Masuk' }).click();
    // A candidate's only role: the home page is its candidacy.
    await page.getByRole('heading', { name: 'Kabupaten Lombok Timur' }).waitFor();
    expect(await page.getByTestId('feedback-notice').count()).toBe(0);
    await page.goto(`${server.url}/candidates/${lotimId}/feedback`);
    await page.getByTestId('feedback-not-yet').waitFor();
    expect(await page.getByTestId('feedback-not-yet').textContent()).toBe('Umpan balik tersedia setelah hasil penilaian diumumkan.');

    await publishResult({ db: server.database.db, actor: f.national }, f.poolId);
    await page.goto(`${server.url}/candidates/${lotimId}`);
    const notice = page.getByTestId('feedback-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Juara 1 · Peringkat 1 dari 3 kandidat');
    await screenshotBoth(page, 'feedback-00-candidate-home');
    await notice.getByRole('link', { name: 'Lihat umpan balik →' }).click();
    await page.getByRole('heading', { name: 'Umpan balik penilaian: Kabupaten Lombok Timur' }).waitFor();
    expect(await page.getByTestId('feedback-total').textContent()).toBe('83,90');
    const cakupan = page.locator('[data-indicator="reg.cakupan"]');
    expect(await cakupan.textContent()).toContain('Rerata tanda juri 4,67 · Tingkat rubrik 5: Regulasi mencakup seluruh segmen rentan');
    expect(await page.locator('[data-comment="programs:p2"]').textContent()).toBe('Program perlindungan: Perangkat desaSahDaftar 4.871 perangkat desa cocok dengan data kepesertaan BPJS.');
    expect(await page.locator('body').textContent()).toContain('Juara 2: Kabupaten Lombok Barat — 61,19');
    await screenshotBoth(page, 'feedback-01-page');

    // At phone width nothing runs off the side of the page.
    await page.setViewportSize(phoneViewport);
    await afterResize(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phoneViewport.width);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('downloads the PDF in the reader’s language', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('feedback-pdf').click()]);
    expect(download.suggestedFilename()).toBe('umpan-balik-kabupaten-lombok-timur-paritrana-award-2025.pdf');
    const pdf = pdfText(readFileSync(await download.path()));
    expect(pdf.lines.slice(0, 2)).toEqual(['Umpan balik penilaian', 'Kabupaten Lombok Timur']);
    expect(pdf.lines).toContain('Daftar 4.871 perangkat desa cocok dengan data kepesertaan BPJS.');

    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Assessment feedback: Kabupaten Lombok Timur' }).waitFor();
    expect(await page.locator('[data-indicator="reg.cakupan"]').textContent()).toContain('Mean of the jurors’ marks 4.67 · Rubric level 5: It covers every vulnerable segment');
    await screenshotBoth(page, 'feedback-02-english');
    const [english] = await Promise.all([page.waitForEvent('download'), page.getByTestId('feedback-pdf').click()]);
    expect(english.suggestedFilename()).toBe('feedback-kabupaten-lombok-timur-paritrana-award-2025.pdf');
    const text = pdfText(readFileSync(await english.path()));
    expect(text.lines).toContain('Final score: 83.90 · Rank 1 of 3 candidates');
    expect(text.pages).toBe(2);
  });
});

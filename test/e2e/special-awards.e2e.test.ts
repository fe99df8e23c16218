import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, screenshot, screenshotBoth, startE2eServer, type E2eServer } from '../support/browser.ts';
import { actorWith, finalisedPool, type FinalisedPool } from '../support/publication.ts';
import { listCandidates, updateCandidate } from '../../src/db/repositories/candidates.ts';
import { findPoolByKey } from '../../src/db/repositories/pools.ts';
import { findCategoryByCode } from '../../src/db/repositories/editions.ts';
import { khususV1 } from '../../src/domain/instruments/index.ts';
import { rubricIndicators } from '../../src/domain/panels/scoring-setup.ts';
import { createPanel, replaceMembers } from '../../src/server/services/panels.ts';
import { closeStage, openStage } from '../../src/server/services/pools.ts';
import { submitSheet, writeMarks } from '../../src/server/services/marking.ts';
import type { Actor } from '../../src/server/policies/actor.ts';

async function signIn(page: Page, url: string, email: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${url}/login`);
  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.locator('input[type=password]').fill('correct-horse-battery');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/**
 * The national committee defines "Terbaik Inovasi NTB" across the regency and
 * large-enterprise categories, fills its pool from both (the finalists by the
 * rule, a bank by hand), the panel marks it, its chair finalises, and the
 * public sees the winner beside the categories, labelled as a special award.
 */
describe.skipIf(!browserAvailable())('a special award in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let f: FinalisedPool;
  let panelId = '';
  const jurors: Actor[] = [];
  let bank = '';

  beforeAll(async () => {
    server = await startE2eServer('pglite', {
      prepare: async (db) => {
        f = await finalisedPool(db);
        bank = (await listCandidates(db, f.editionId, { all: true })).find((c) => c.name === 'Bank NTB Syariah' && c.level === 'provinsi')!.id;
        await updateCandidate(db, bank, { status: 'verified' });
        for (const name of ['Prof. Siti Inovasi', 'Dr. Ahmad Kreatif', 'Ir. Made Gagasan']) jurors.push(await actorWith(db, [{ role: 'juror', provinceCode: '52', candidateId: null }], name));
        // A panel of the province judging every category of its level, as the committee appoints one.
        const panel = await createPanel({ db, actor: f.national }, f.editionId, { level: 'provinsi', area: '52', name: 'Panel Penghargaan Khusus NTB', decreeNumber: null, decreeDate: null, categoryCodes: [] });
        await replaceMembers({ db, actor: f.national }, panel.id, {
          members: jurors.map((j, i) => ({ userId: j.id, unsur: ['pemda', 'akademisi', 'apindo'][i]!, role: i === 0 ? 'chair' : 'member', title: null })),
        });
        panelId = panel.id;
      },
    });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('defines, fills, marks, finalises and publishes a special award', async () => {
    await signIn(page, server.url, f.national.email);
    await page.goto(`${server.url}/editions/${f.editionId}`);
    await page.getByRole('tab', { name: 'Penghargaan khusus' }).click();
    // The demo's own special award is there already.
    await page.getByTestId('special-terbaik-inovasi').waitFor();
    await page.getByTestId('special-add').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('special-code').fill('terbaik-inovasi-ntb');
    await dialog.getByTestId('special-name-id').fill('Terbaik Inovasi NTB');
    await dialog.getByTestId('special-name-en').fill('Best Innovation NTB');
    await dialog.getByLabel('Deskripsi (Bahasa Indonesia)').fill('Inovasi perlindungan pekerja terbaik di Nusa Tenggara Barat, lintas kategori.');
    await dialog.getByTestId('special-level').click();
    await page.getByRole('option', { name: 'Tingkat Provinsi', exact: true }).click();
    // Nothing chosen to draw from: refused, with the field named in Indonesian.
    await dialog.getByTestId('special-save').click();
    await dialog.getByText('Pilih sedikitnya satu kategori biasa yang berjalan pada tingkat yang dipilih.').waitFor();
    await dialog.getByTestId('special-sources').click({ force: true });
    await page.getByRole('option', { name: 'Pemerintah Kabupaten/Kota' }).click();
    await page.getByRole('option', { name: 'Usaha Besar' }).click();
    // Closes the list of categories.
    await dialog.getByTestId('special-code').click();
    await dialog.getByLabel('Para finalis', { exact: false }).check();
    await screenshot(page, 'special-awards-01-define');
    await dialog.getByTestId('special-save').click();
    await dialog.waitFor({ state: 'hidden' });

    const card = page.getByTestId('special-terbaik-inovasi-ntb');
    await card.getByTestId('special-fill').click();
    const rows = card.getByTestId('special-entries').locator('tbody tr');
    await expect.poll(() => rows.allInnerTexts(), { timeout: 30_000 }).toEqual([
      expect.stringContaining('Kabupaten Lombok Barat'),
      expect.stringContaining('Kabupaten Lombok Tengah'),
      expect.stringContaining('Kabupaten Lombok Timur'),
    ]);
    await card.getByTestId('special-pick').click();
    await page.getByRole('option', { name: /Bank NTB Syariah/ }).click();
    await card.getByRole('button', { name: 'Masukkan', exact: true }).click();
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(4);
    expect(await rows.first().innerText()).toMatch(/Bank NTB Syariah\s+Usaha Besar\s+NUSA TENGGARA BARAT\s+oleh panitia/i);
    await screenshotBoth(page, 'special-awards-02-entrants');

    // Its pool, created on the panels page with the province's panel.
    await page.goto(`${server.url}/editions/${f.editionId}/panels`);
    const panel = page.locator(`[data-panel="${panelId}"]`);
    await panel.getByRole('combobox', { name: 'Pool baru' }).click();
    await page.getByRole('option', { name: 'Terbaik Inovasi NTB' }).click();
    await panel.getByRole('button', { name: 'Buat pool' }).click();
    await panel.getByRole('link', { name: 'Buka' }).click();
    await page.getByRole('heading', { name: /Terbaik Inovasi NTB/ }).waitFor();
    await page.getByText('Bank NTB Syariah').first().waitFor();
    await screenshot(page, 'special-awards-03-pool');

    // The panel marks with the special-award instrument (marking itself is walked in panels.e2e): the bank ranks first.
    const db = server.database.db;
    const category = (await findCategoryByCode(db, f.editionId, 'terbaik-inovasi-ntb'))!;
    const poolId = (await findPoolByKey(db, { editionId: f.editionId, level: 'provinsi', area: '52', categoryId: category.id }))!.id;
    await openStage({ db, actor: jurors[0]! }, poolId, 'penilaian', true);
    const marks: [string, number][] = [[bank, 5], [f.ids.get('52.03')!, 4], [f.ids.get('52.01')!, 3], [f.ids.get('52.02')!, 3]];
    const indicators = rubricIndicators(khususV1, 'penilaian').map((i) => i.id);
    let seq = 0;
    for (const juror of jurors) {
      for (const [candidateId, value] of marks) {
        await writeMarks({ db, actor: juror }, poolId, indicators.map((indicatorId) => ({ candidateId, indicatorId, value, comment: null, seq: (seq += 1) })));
        await submitSheet({ db, actor: juror }, poolId, candidateId, 'penilaian');
      }
    }
    await closeStage({ db, actor: jurors[0]! }, poolId, 'penilaian');

    // The chair finalises in the browser.
    await signIn(page, server.url, jurors[0]!.email);
    await page.goto(`${server.url}/pools/${poolId}`);
    await page.getByRole('tab', { name: 'Hasil' }).click();
    await page.getByRole('button', { name: 'Tetapkan hasil' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Tetapkan hasil' }).click();
    await page.getByText('Hasil final, versi 1').waitFor();
    await screenshot(page, 'special-awards-04-final');

    // The committee announces it; its entrants no longer change.
    await signIn(page, server.url, f.national.email);
    await page.goto(`${server.url}/pools/${poolId}/publication`);
    await page.getByRole('button', { name: 'Umumkan hasil' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Konfirmasi' }).click();
    await page.getByText('Diumumkan', { exact: true }).waitFor();
    await page.goto(`${server.url}/editions/${f.editionId}`);
    await page.getByRole('tab', { name: 'Penghargaan khusus' }).click();
    await page.getByTestId('special-terbaik-inovasi-ntb').getByText('Penilaian sudah dimulai di pool penghargaan ini', { exact: false }).waitFor();

    // Anyone sees the winner beside the categories, labelled as a special award.
    await page.context().clearCookies();
    await page.goto(`${server.url}/publik/${f.editionId}`);
    const result = page.getByRole('link', { name: /Terbaik Inovasi NTB · Tingkat Provinsi/ });
    await result.waitFor();
    await page.getByTestId('special-badge').first().waitFor();
    await screenshotBoth(page, 'special-awards-05-public');
    await result.click();
    await page.locator(`[data-winner="520010103"]`).waitFor();
    expect(await page.locator('[data-winner="520010103"]').textContent()).toContain('Bank NTB Syariah');
    expect(await page.getByTestId('special-badge').textContent()).toBe('Penghargaan khusus');
    await screenshotBoth(page, 'special-awards-06-result');
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: /Best Innovation NTB/ }).waitFor();
    expect(await page.getByTestId('special-badge').textContent()).toBe('Special award');
    await screenshot(page, 'special-awards-07-result-english');
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, screenshot, screenshotBoth, startE2eServer, type E2eServer } from '../support/browser.ts';
import { seedShowcase } from '../../src/server/services/demo-showcase.ts';
import { todayInWib } from '../../src/server/services/demo-calendar.ts';
import { listEditions } from '../../src/db/repositories/editions.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';
import { findSubmission, updateSubmission } from '../../src/db/repositories/submissions.ts';

const password = 'paritrana-demo-2025';

async function signIn(page: Page, url: string, email: string) {
  await page.goto(`${url}/login`);
  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.locator('input[type=password]').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('navigation', { name: 'Navigasi' }).getByRole('link').first().waitFor();
}

describe.skipIf(!browserAvailable())('Lombok Timur carries last edition’s Perkada into this one, and the verifier sees it marked', () => {
  const today = todayInWib();
  const year = Number(today.slice(0, 4));
  let server: E2eServer;
  let browser: Browser;
  let candidate: Page;
  let verifier: Page;
  let lotimNow = '';

  beforeAll(async () => {
    server = await startE2eServer('pglite', {
      today,
      prepare: async (db) => {
        // Last edition, published: Lombok Timur Juara 1 of NTB, then in the national round.
        await seedShowcase(db, { today });
        const editions = await listEditions(db);
        const previous = editions.find((e) => e.label === `Paritrana Award ${year - 1}`)!;
        const current = editions.find((e) => e.label === `Paritrana Award ${year}`)!;
        const national = (await listCandidates(db, previous.id, { all: true })).find((c) => c.regencyCode === '52.03' && c.level === 'nasional')!;
        lotimNow = (await listCandidates(db, current.id, { all: true })).find((c) => c.regencyCode === '52.03')!.id;
        // Its Perkada and MoU were backed by links to their official pages.
        const stored = (await findSubmission(db, national.id))!;
        const answers = stored.answers as { regulations: { links?: string[] }[]; agreements: { links?: string[] }[] };
        answers.regulations[0]!.links = ['https://jdih.lomboktimurkab.go.id/perkada-23'];
        answers.agreements[0]!.links = ['https://jdih.lomboktimurkab.go.id/mou-bpjs'];
        await updateSubmission(db, national.id, { answers });
      },
    });
    browser = await launchBrowser();
    const desktop = { viewport: { width: 1280, height: 900 }, locale: 'id-ID' };
    candidate = await (await browser.newContext(desktop)).newPage();
    verifier = await (await browser.newContext(desktop)).newPage();
  });
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    for (const [who, page] of [['candidate', candidate], ['verifier', verifier]] as const) await screenshot(page, `failed-carry-${who}`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the candidate carries the entries still in force in one click; the expired PKS is not offered', async () => {
    await signIn(candidate, server.url, 'lotim@paritrana.demo');
    await candidate.goto(`${server.url}/candidates/${lotimNow}`);
    const panel = candidate.getByTestId('carry-forward-panel');
    await panel.getByText(`Regulasi dan perjanjian dari Paritrana Award ${year - 1} yang masih berlaku`, { exact: false }).waitFor();
    await panel.locator('[data-offer="regulations:r1"][data-status="offered"]').getByText('Tanpa batas akhir').waitFor();
    await panel.locator('[data-offer="agreements:a2"][data-status="expired"]').getByText(/Tidak ditawarkan: masa berlakunya berakhir/).waitFor();
    await screenshotBoth(candidate, 'carry-forward-01-offers');
    await panel.getByRole('button', { name: 'Bawa 2 entri yang masih berlaku' }).click();
    await panel.getByText('Semua entri yang masih berlaku sudah dibawa.').waitFor();
    await expect.poll(() => candidate.getByTestId('carried-forward').count(), { timeout: 30_000 }).toBe(2);
    await expect(candidate.getByTestId('carried-forward').first().textContent()).resolves.toBe(`Dibawa dari Paritrana Award ${year - 1}`);
    await candidate.getByLabel('Nomor').first().waitFor();
    await expect(candidate.getByLabel('Judul/tentang').first().inputValue()).resolves.toBe('Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan');
    await candidate
      .getByLabel('Uraian inovasi (minimal 50 karakter)')
      .fill('Bantuan modal UMKM dialihkan menjadi iuran BPJS Ketenagakerjaan, sehingga perlindungan pekerja rentan berlanjut setiap tahun.');
    await candidate.getByText(/Tersimpan otomatis/).waitFor();
    await expect.poll(() => candidate.getByRole('button', { name: 'Kirim penilaian mandiri' }).isEnabled(), { timeout: 30_000 }).toBe(true);
    await screenshotBoth(candidate, 'carry-forward-02-carried');
    await candidate.getByRole('button', { name: 'Kirim penilaian mandiri' }).click();
    await candidate.getByRole('dialog').getByRole('button', { name: 'Ya, kirim' }).click();
    await candidate.getByText('Penilaian mandiri sudah dikirim dan hanya dapat dibaca.').waitFor();
  });

  it('the verifier sees each carried entry marked with its edition', async () => {
    await signIn(verifier, server.url, 'verifikator.ntb@paritrana.demo');
    await verifier.goto(`${server.url}/candidates/${lotimNow}`);
    await verifier.getByRole('tab', { name: 'Verifikasi' }).click();
    const regulation = verifier.locator('[data-item^="regulations:"]');
    await regulation.getByTestId('carried-forward').getByText(`Dibawa dari Paritrana Award ${year - 1}`).waitFor();
    await regulation.getByText('Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan').waitFor();
    await verifier.locator('[data-item^="agreements:"]').getByTestId('carried-forward').waitFor();
    await screenshotBoth(verifier, 'carry-forward-03-verifier');
  });

  it('the organisation’s track record shows both editions, and the public one only the published result', async () => {
    await verifier.getByRole('link', { name: 'Rekam jejak lintas edisi' }).click();
    await verifier.getByRole('heading', { name: 'Kabupaten Lombok Timur' }).waitFor();
    await expect.poll(() => verifier.locator('[data-candidacy]').count()).toBe(3);
    await verifier.getByText('Juara 1').waitFor();
    await screenshotBoth(verifier, 'carry-forward-04-organisation');

    const visitor = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' })).newPage();
    await visitor.addInitScript(() => localStorage.setItem('paritrana.lang', 'en'));
    await visitor.goto(`${server.url}/publik`);
    await visitor.getByRole('link', { name: `Paritrana Award ${year - 1}` }).first().click();
    await visitor.getByRole('link', { name: /Pemerintah Kabupaten\/Kota|Regency\/City/ }).first().click();
    await visitor.getByRole('link', { name: 'Kabupaten Lombok Timur' }).click();
    await visitor.getByRole('heading', { name: 'Kabupaten Lombok Timur' }).waitFor();
    await visitor.getByText('The published results of this organisation, edition after edition.').waitFor();
    await expect.poll(() => visitor.locator('[data-result]').count()).toBe(1);
    await visitor.getByText('Juara 1').first().waitFor();
    await screenshotBoth(visitor, 'carry-forward-05-public-organisation-en');
  });
});

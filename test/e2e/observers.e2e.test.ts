import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, phoneViewport, screenshotBoth, startE2eServer, type E2eServer } from '../support/browser.ts';
import { findUserByEmail, rolesOf } from '../../src/db/repositories/users.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';

/** The national admin appoints an observer of NTB for the BPJS head office; the observer reads its page, the recap and nothing more. */
describe.skipIf(!browserAvailable())('an observer in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startE2eServer('pglite');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'id-ID' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signIn = async (p: Page, email: string, password: string) => {
    await p.goto(`${server.url}/login`);
    await p.getByRole('textbox', { name: 'E-mail' }).fill(email);
    await p.locator('input[type=password]').fill(password);
    await p.getByRole('button', { name: 'Masuk' }).click();
    await p.waitForURL((u) => !u.pathname.startsWith('/login'));
  };

  it('is appointed by the national admin with its organisation and provinces', async () => {
    await signIn(page, 'admin@paritrana.demo', 'paritrana-demo-2025');
    await page.getByRole('navigation', { name: 'Navigasi' }).getByRole('link', { name: 'Pengguna' }).click();
    await page.getByRole('button', { name: 'Tambah pengguna' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Nama' }).fill('Kepala Kantor Wilayah Banuspa');
    await dialog.getByRole('textbox', { name: 'E-mail' }).fill('kakanwil.banuspa@test.example');
    await dialog.getByRole('checkbox').uncheck();
    await dialog.locator('input[type=password]').fill('gili-trawangan-2025');
    await dialog.getByLabel('Peran', { exact: true }).click();
    await page.getByRole('option', { name: 'Pemantau', exact: true }).click();
    // Required, so its label reads "Instansi *".
    await dialog.getByLabel(/^Instansi/).click();
    await page.getByRole('option', { name: 'BPJS Ketenagakerjaan (kantor pusat)' }).click();
    await dialog.getByLabel('Provinsi yang dipantau', { exact: true }).click();
    await page.getByRole('option', { name: /nusa tenggara barat/i }).click();
    await dialog.getByRole('heading').click();
    await screenshotBoth(page, 'observers-01-appoint');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('cell', { name: 'kakanwil.banuspa@test.example' }).waitFor();
    await page.getByText('BPJS Ketenagakerjaan (kantor pusat)', { exact: false }).first().waitFor();
    const user = (await findUserByEmail(server.database.db, 'kakanwil.banuspa@test.example'))!;
    expect((await rolesOf(server.database.db, [user.id])).get(user.id)).toEqual([{ role: 'observer', provinceCode: '52', candidateId: null, organisation: 'bpjs_ketenagakerjaan' }]);
  });

  it('lands on its own page, with only what it may read in the navigation', async () => {
    const observer = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'id-ID' });
    await signIn(observer, 'kakanwil.banuspa@test.example', 'gili-trawangan-2025');
    await observer.getByRole('heading', { name: 'Pemantauan Paritrana Award' }).waitFor();
    await observer.getByText('Anda memantau', { exact: false }).waitFor();
    expect(await observer.getByText('Anda memantau', { exact: false }).textContent()).toMatch(/nusa tenggara barat/i);
    const nav = await observer.getByRole('navigation', { name: 'Navigasi' }).getByRole('link').allTextContents();
    expect(nav).toEqual(['Edisi', 'Kandidat', 'Progres', 'Rekapitulasi', 'Pemberitahuan', 'Portal publik']);
    await screenshotBoth(observer, 'observers-02-home');

    await observer.getByRole('link', { name: 'Rekapitulasi per provinsi' }).click();
    await observer.getByRole('heading', { name: 'Rekapitulasi edisi' }).waitFor();
    await observer.getByText('provinsi yang Anda pantau', { exact: false }).waitFor();
    const rows = await observer.locator('table').last().locator('tbody tr').count();
    expect(rows).toBe(1);
    await screenshotBoth(observer, 'observers-03-recap');

    // Progress and a candidacy of its province, read-only: no action is offered.
    const editionPath = new URL(observer.url()).pathname.replace(/\/recap$/, '');
    await observer.goto(`${server.url}${editionPath}/progress`);
    await observer.getByRole('heading', { name: 'Progres kandidat' }).waitFor();
    await observer.getByText(/nusa tenggara barat/i).first().waitFor();
    await screenshotBoth(observer, 'observers-04-progress');
    const lotim = (await listCandidates(server.database.db, editionPath.split('/')[2]!, { all: true })).find((c) => c.regencyCode === '52.03' && c.level === 'provinsi')!;
    await observer.goto(`${server.url}/candidates/${lotim.id}`);
    await observer.getByRole('heading', { name: lotim.name }).waitFor();
    await screenshotBoth(observer, 'observers-05-candidate');
    expect(await observer.getByRole('main').getByRole('button', { name: /Simpan|Undang|Buka kembali|Perpanjang|Setujui/ }).count()).toBe(0);

    await observer.setViewportSize(phoneViewport);
    for (const path of ['/', `${editionPath}/recap`, `${editionPath}/progress`, `/candidates/${lotim.id}`]) {
      await observer.goto(`${server.url}${path}`);
      await observer.getByRole('heading').first().waitFor();
      expect(await observer.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(phoneViewport.width);
    }
    await observer.close();
  });
});

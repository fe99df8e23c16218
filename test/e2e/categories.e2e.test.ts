import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { drivers } from '../support/database.ts';
import { browserAvailable, launchBrowser, screenshotBoth, startE2eServer, type E2eServer } from '../support/browser.ts';
import { listEditions } from '../../src/db/repositories/editions.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';

describe.skipIf(!browserAvailable()).each(drivers())('a province nominates its own government and a village in the browser (%s)', (driver) => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let editionId: string;

  beforeAll(async () => {
    server = await startE2eServer(driver);
    editionId = (await listEditions(server.database.db))[0]!.id;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'id-ID' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const pick = async (label: string, option: RegExp, typed?: string) => {
    const input = page.getByRole('combobox', { name: label, exact: true });
    await input.click();
    if (typed) await input.fill(typed);
    await page.getByRole('option', { name: option }).first().click();
  };

  it('picks a village of Lombok Timur by searching its name, and names a provincial government after its province', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByRole('textbox', { name: 'E-mail' }).fill('ntb@paritrana.demo');
    await page.locator('input[type=password]').fill('paritrana-demo-2025');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('navigation', { name: 'Navigasi' }).waitFor({ state: 'attached' }); // signed in, on the role's start page

    await page.goto(`${server.url}/editions/${editionId}/candidates/new`);
    await page.getByRole('heading', { name: 'Nominasikan kandidat' }).waitFor();
    await pick('Kategori', /^Desa\/Kampung$/);
    await page.getByText('Pilih kabupaten/kota dahulu, lalu cari desanya.').waitFor();
    await pick('Kabupaten/kota tempat desa', /Lombok Timur/, 'Lombok Timur');
    await pick('Desa/kampung', /^Pijot · Kec\. Keruak \(52\.03\.01\.2002\)$/, 'pijot');
    await page.getByText('Kosongkan untuk memakai "Desa Pijot".').waitFor();
    await screenshotBoth(page, `${driver}-categories-01-village`);
    await page.getByRole('button', { name: 'Simpan nominasi', exact: true }).click();
    await page.getByRole('heading', { name: 'Desa Pijot' }).waitFor();
    await screenshotBoth(page, `${driver}-categories-02-village-candidate`);

    await page.goto(`${server.url}/editions/${editionId}/candidates/new`);
    await pick('Kategori', /^Pemerintah Provinsi$/);
    await page.getByText('Kosongkan nama untuk memakai "Pemerintah Provinsi Nusa Tenggara Barat".').waitFor();
    await screenshotBoth(page, `${driver}-categories-03-province`);
    await page.getByRole('button', { name: 'Simpan nominasi', exact: true }).click();
    await page.getByRole('heading', { name: 'Pemerintah Provinsi Nusa Tenggara Barat' }).waitFor();
    const stored = (await listCandidates(server.database.db, editionId, { all: true })).filter((c) => c.name === 'Pemerintah Provinsi Nusa Tenggara Barat' || c.name === 'Desa Pijot');
    expect(stored.map((c) => [c.name, c.level, c.provinceCode, c.regencyCode, c.villageCode])).toEqual(
      expect.arrayContaining([
        ['Desa Pijot', 'provinsi', '52', null, '52.03.01.2002'],
        ['Pemerintah Provinsi Nusa Tenggara Barat', 'nasional', '52', null, null],
      ]),
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, screenshotBoth, startE2eServer, type E2eServer } from '../support/browser.ts';
import { markPool, nusra, panelAndPool, sumatera, verifyWithValues, zonesEdition, type ZonesEdition } from '../support/zones.ts';
import type { Actor } from '../../src/server/policies/actor.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';

type Pool = { poolId: string; chair: Actor; jurors: Actor[] };

async function signIn(page: Page, url: string, email: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${url}/login`);
  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.locator('input[type=password]').fill('correct-horse-battery');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** The chair opens the pool's result tab and finalises it: its winner advances. */
async function finaliseInBrowser(page: Page, url: string, pool: Pool): Promise<void> {
  await signIn(page, url, pool.chair.email);
  await page.goto(`${url}/pools/${pool.poolId}`);
  await page.getByRole('tab', { name: 'Hasil' }).click();
  await page.getByRole('button', { name: 'Tetapkan hasil' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Tetapkan hasil' }).click();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  await page.getByText('Final', { exact: true }).first().waitFor();
}

/**
 * One category runs province → zone → nation with two zones: Lampung's and
 * NTB's chairs finalise their provincial results in the browser, the national
 * committee sees each winner in its own zone's pool, and the zones' chairs
 * send both on to the nation.
 */
describe.skipIf(!browserAvailable())('zones route winners in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let z: ZonesEdition;
  const p: Record<'lampung' | 'ntb' | 'sumatera' | 'nusra', Pool> = {} as never;

  beforeAll(async () => {
    server = await startE2eServer('pglite', {
      prepare: async (db) => {
        z = await zonesEdition(db);
        p.lampung = await panelAndPool(db, z, z.national, 'provinsi', '18', 'Tim Penilai Provinsi Lampung');
        p.ntb = await panelAndPool(db, z, z.national, 'provinsi', '52', 'Tim Penilai Provinsi NTB');
        p.sumatera = await panelAndPool(db, z, z.national, sumatera.code, '', 'Tim Penilai Regional Sumatera');
        p.nusra = await panelAndPool(db, z, z.national, nusra.code, '', 'Tim Penilai Regional Bali Nusra');
        await markPool(db, p.lampung.poolId, p.lampung.chair, p.lampung.jurors, ['18.06', '18.02', '18.04'].map((c) => z.ids.get(c)!));
        await markPool(db, p.ntb.poolId, p.ntb.chair, p.ntb.jurors, ['52.03', '52.01', '52.02'].map((c) => z.ids.get(c)!));
      },
    });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends each province’s winner to its own zone, and on to the nation', async () => {
    const url = server.url;
    const db = server.database.db;
    await finaliseInBrowser(page, url, p.lampung);
    await finaliseInBrowser(page, url, p.ntb);

    // The national committee looks at the zones: each winner in its own zone's pool.
    await signIn(page, url, z.national.email);
    await page.goto(`${url}/editions/${z.editionId}/zones`);
    await page.getByRole('heading', { name: 'Zona dan jalur' }).waitFor();
    expect(await page.locator('[data-route="pemkab-kota"]').textContent()).toContain('Tingkat Provinsi → Regional Sumatera / Regional Bali dan Nusa Tenggara → Tingkat Nasional');
    const sumCard = page.locator(`[data-zone="${sumatera.code}"]`);
    expect(await sumCard.textContent()).toContain('Lampung');
    await screenshotBoth(page, 'zones-01-overview');
    await sumCard.getByRole('link', { name: 'Buka pool' }).click();
    await page.getByRole('heading', { name: 'Pemerintah Kabupaten/Kota' }).waitFor();
    await page.getByText('Regional Sumatera', { exact: false }).first().waitFor();
    const sumNames = await page.getByRole('table').first().textContent();
    expect(sumNames).toContain('Kabupaten Tanggamus');
    expect(sumNames).not.toContain('Lombok');
    await screenshotBoth(page, 'zones-02-sumatera-pool');
    await page.goto(`${url}/editions/${z.editionId}/zones`);
    await page.locator(`[data-zone="${nusra.code}"]`).getByRole('link', { name: 'Buka pool' }).click();
    await page.getByText('Regional Bali dan Nusa Tenggara', { exact: false }).first().waitFor();
    const nusraNames = await page.getByRole('table').first().textContent();
    expect(nusraNames).toContain('Kabupaten Lombok Timur');
    expect(nusraNames).not.toContain('Tanggamus');

    // National verification of the zone candidacies (factory), the zones' panels mark them,
    // and each zone's chair finalises in the browser: both winners reach the nation.
    const atZones = (await listCandidates(db, z.editionId, { all: true })).filter((c) => c.level.startsWith('zona-'));
    for (const c of atZones) await verifyWithValues(db, c.id, {});
    await markPool(db, p.sumatera.poolId, p.sumatera.chair, p.sumatera.jurors, atZones.filter((c) => c.level === sumatera.code).map((c) => c.id));
    await markPool(db, p.nusra.poolId, p.nusra.chair, p.nusra.jurors, atZones.filter((c) => c.level === nusra.code).map((c) => c.id));
    await finaliseInBrowser(page, url, p.sumatera);
    await finaliseInBrowser(page, url, p.nusra);
    const atNation = (await listCandidates(db, z.editionId, { all: true })).filter((c) => c.level === 'nasional');
    expect(atNation.map((c) => c.name).sort()).toEqual(['Kabupaten Lombok Timur', 'Kabupaten Tanggamus']);
    expect(atNation.map((c) => atZones.find((a) => a.id === c.advancedFrom)?.level).sort()).toEqual([nusra.code, sumatera.code]);

    await signIn(page, url, z.national.email);
    await page.goto(`${url}/editions/${z.editionId}/zones`);
    await page.locator(`[data-zone="${sumatera.code}"]`).getByText('Final', { exact: true }).waitFor();
    await screenshotBoth(page, 'zones-03-finalised');
  });
});

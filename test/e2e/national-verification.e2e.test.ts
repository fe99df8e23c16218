import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, screenshotBoth, startE2eServer, type E2eServer } from '../support/browser.ts';
import { actorWith, finalisedPool, type FinalisedPool } from '../support/publication.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';
import { itemsOf } from '../../src/db/repositories/verification.ts';

/** A national verifier reads the province's decisions on an advanced candidacy and takes them over in the browser. */
describe.skipIf(!browserAvailable())('national verification in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let f: FinalisedPool;
  let nationalId = '';
  let email = '';

  beforeAll(async () => {
    server = await startE2eServer('pglite', {
      prepare: async (db) => {
        f = await finalisedPool(db);
        nationalId = (await listCandidates(db, f.editionId, { all: true })).find((c) => c.advancedFrom === f.ids.get('52.03'))!.id;
        email = (await actorWith(db, [{ role: 'national_verifier', provinceCode: null, candidateId: null }], 'Verifikator Nasional')).email;
      },
    });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the province’s decisions as history and takes them over', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
    await page.locator('input[type=password]').fill('correct-horse-battery');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${server.url}/candidates/${nationalId}`);
    await page.getByRole('tab', { name: 'Verifikasi' }).click();
    const earlier = page.getByTestId('earlier-decisions');
    await earlier.getByText('Keputusan verifikasi tingkat sebelumnya').waitFor();
    expect(await earlier.textContent()).toContain('Admin Nasional');
    await screenshotBoth(page, 'national-verification-01-earlier');
    await earlier.getByRole('button', { name: 'Ambil alih 6 keputusan' }).click();
    await earlier.getByText('Keputusan tingkat sebelumnya diambil alih.').waitFor();
    await screenshotBoth(page, 'national-verification-02-adopted');
    const items = await itemsOf(server.database.db, [nationalId]);
    expect(items.map((i) => i.status).sort()).toEqual(Array(6).fill('valid'));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { browserAvailable, launchBrowser, screenshotBoth, startE2eServer, type E2eServer } from '../support/browser.ts';
import { todayInWib } from '../../src/server/services/demo-calendar.ts';
import { listEditions } from '../../src/db/repositories/editions.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';
import { copyCandidacy } from '../../src/db/repositories/advancement.ts';
import { candidates } from '../../src/db/schema/index.ts';

const password = 'paritrana-demo-2025';

describe.skipIf(!browserAvailable())('each role lands on its own work', () => {
  let server: E2eServer;
  let browser: Browser;
  let editionId = '';

  beforeAll(async () => {
    server = await startE2eServer('pglite', {
      today: todayInWib(),
      // Kabupaten Lombok Timur went on to the national level: its operator acts for two candidacies.
      prepare: async (db) => {
        const edition = (await listEditions(db)).find((e) => e.status === 'open') ?? (await listEditions(db))[0]!;
        const lotim = (await listCandidates(db, edition.id, { all: true })).find((c) => c.name === 'Kabupaten Lombok Timur')!;
        const [row] = await db.select().from(candidates).where(eq(candidates.id, lotim.id));
        const { id: _id, createdAt: _created, ...copy } = row!;
        const [national] = await db.insert(candidates).values({ ...copy, level: 'nasional', advancedFrom: lotim.id, status: 'verified' }).returning();
        await copyCandidacy(db, lotim.id, national!.id);
      },
    });
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signInAs(email: string, lang: 'id' | 'en' = 'id'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: lang === 'en' ? 'en-US' : 'id-ID' });
    await context.addInitScript((l) => localStorage.setItem('paritrana.lang', l), lang);
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
    await page.locator('input[type=password]').fill(password);
    await page.getByRole('button', { name: lang === 'en' ? 'Sign in' : 'Masuk' }).click();
    return page;
  }

  it('the national admin on the editions; a provincial admin on its candidates, a verifier on its queue, a juror on its assessments', async () => {
    const national = await signInAs('admin@paritrana.demo');
    await national.getByRole('heading', { name: 'Edisi penghargaan' }).waitFor();
    expect(new URL(national.url()).pathname).toBe('/');
    await national.context().close();

    const current = (await listEditions(server.database.db)).find((e) => e.status === 'open') ?? (await listEditions(server.database.db))[0]!;
    editionId = current.id;
    const provincial = await signInAs('ntb@paritrana.demo');
    await provincial.waitForURL(`${server.url}/editions/${editionId}/candidates`);
    await screenshotBoth(provincial, 'landing-01-provincial-admin');
    // The editions table stays one click away.
    await provincial.getByRole('navigation', { name: 'Navigasi' }).getByRole('link', { name: 'Edisi', exact: true }).click();
    await provincial.getByRole('heading', { name: 'Edisi penghargaan' }).waitFor();
    expect(new URL(provincial.url()).pathname).toBe('/editions');
    await provincial.goto(`${server.url}/`);
    await provincial.waitForURL(`${server.url}/editions/${editionId}/candidates`);
    // A candidate that has sent nothing yet is not declared ineligible: its requirements are not checked yet.
    await provincial.getByRole('navigation', { name: 'Navigasi' }).getByRole('link', { name: 'Progres', exact: true }).click();
    await provincial.getByRole('heading', { name: 'Progres kandidat' }).waitFor();
    await expect.poll(() => provincial.locator('[data-eligibility="open"]').count()).toBeGreaterThan(0);
    // Only the page's own entry is marked current in the navigation.
    const nav = provincial.getByRole('navigation', { name: 'Navigasi' });
    expect(await nav.locator('a[aria-current="page"], a[data-active]').allInnerTexts()).toEqual(['Progres']);
    const unsent = provincial.getByRole('row').filter({ hasText: /Belum dibuka|Draf/ });
    expect(await unsent.count()).toBeGreaterThan(0);
    for (const text of await unsent.allInnerTexts()) expect(text).not.toContain('Tidak memenuhi syarat');
    await screenshotBoth(provincial, 'landing-05-progress-unchecked');
    await provincial.context().close();

    const verifier = await signInAs('verifikator.ntb@paritrana.demo');
    await verifier.waitForURL(`${server.url}/editions/${editionId}/verification`);
    await screenshotBoth(verifier, 'landing-02-verifier');
    await verifier.context().close();

    const juror = await signInAs('juri@paritrana.demo');
    await juror.waitForURL(`${server.url}/penilaian`);
    await screenshotBoth(juror, 'landing-03-juror');
    await juror.context().close();
  });

  it('a candidate with two candidacies sees one list of both, each named by its level, and one navigation entry per candidacy', async () => {
    for (const lang of ['id', 'en'] as const) {
      const page = await signInAs('lotim@paritrana.demo', lang);
      const words = lang === 'id' ? { title: 'Kandidat saya', province: 'Provinsi', national: 'Nasional', editions: 'Edisi' } : { title: 'My candidacies', province: 'Province', national: 'National', editions: 'Editions' };
      await page.getByRole('heading', { name: words.title }).waitFor();
      const list = page.locator('[data-candidacies]');
      await list.getByRole('link', { name: `Kabupaten Lombok Timur · ${words.province}` }).waitFor();
      await list.getByRole('link', { name: `Kabupaten Lombok Timur · ${words.national}` }).waitFor();
      expect(await list.locator('[data-candidacy]').count()).toBe(2);
      const nav = page.getByRole('navigation', { name: 'Navigasi' });
      const candidateLinks = lang === 'id' ? [`Kandidat saya · ${words.province}`, `Kandidat saya · ${words.national}`] : [`My candidate · ${words.province}`, `My candidate · ${words.national}`];
      for (const name of candidateLinks) await nav.getByRole('link', { name }).waitFor();
      expect(await nav.getByRole('link', { name: words.editions, exact: true }).count()).toBe(0);
      expect(await page.getByRole('table').filter({ hasText: lang === 'id' ? 'Periode' : 'Period' }).count()).toBe(0);
      if (lang === 'id') await screenshotBoth(page, 'landing-04-candidate-two-candidacies');
      await list.getByRole('link', { name: `Kabupaten Lombok Timur · ${words.national}` }).click();
      await page.waitForURL(/\/candidates\/[\w-]+$/);
      await page.context().close();
    }
  });
});

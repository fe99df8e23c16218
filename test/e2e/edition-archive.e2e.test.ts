import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, screenshot, startE2eServer, type E2eServer } from '../support/browser.ts';
import { testDatabase } from '../support/database.ts';
import { actorWith } from '../support/publication.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { exportEditionArchive } from '../../src/server/services/edition-archive.ts';
import { createFileStore } from '../../src/server/storage/file-store.ts';
import { listEditions } from '../../src/db/repositories/editions.ts';
import type { Actor } from '../../src/server/policies/actor.ts';

describe.skipIf(!browserAvailable())('an edition archive is imported in the browser after its signer is confirmed', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let admin: Actor;
  const archive = join(mkdtempSync(join(tmpdir(), 'paritrana-e2e-archive-')), 'paritrana-award-2025.tar.gz');
  let fingerprint = '';
  let editionId = '';

  beforeAll(async () => {
    // Another installation: its own demo edition, exported and signed there.
    const source = await testDatabase('pglite');
    try {
      await seedDemo(source.db);
      const [edition] = await listEditions(source.db);
      editionId = edition!.id;
      const store = createFileStore({ filesDir: mkdtempSync(join(tmpdir(), 'paritrana-e2e-files-')), s3: null });
      const manifest = await exportEditionArchive(source.db, store, editionId, archive, { installation: 'Paritrana Kantor Pusat' });
      fingerprint = manifest.signer.fingerprint;
    } finally {
      await source.close();
    }
    server = await startE2eServer('pglite', {
      prepare: async (db) => {
        admin = await actorWith(db, [{ role: 'national_admin', provinceCode: null, candidateId: null }], 'Admin Nasional');
      },
    });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the signing installation and its fingerprint, and imports only once the admin confirms it', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByRole('textbox', { name: 'E-mail' }).fill(admin.email);
    await page.locator('input[type=password]').fill('correct-horse-battery');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Edisi penghargaan' }).waitFor();
    await page.goto(`${server.url}/editions/import`);
    await page.getByRole('heading', { name: 'Impor arsip edisi' }).waitFor();
    await page.locator('input[type=file]').setInputFiles(archive);
    await page.getByRole('button', { name: 'Periksa arsip' }).click();

    const signer = page.getByTestId('archive-signer');
    await signer.waitFor();
    expect(await signer.getByRole('row').allInnerTexts()).toEqual([`Ditandatangani oleh instalasi\tParitrana Kantor Pusat`, `Sidik kunci\t${fingerprint}`]);
    await screenshot(page, 'archive-01-signer');
    const importButton = page.getByRole('button', { name: 'Impor', exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    await page.getByLabel('Saya sudah mencocokkan sidik kunci ini dengan instalasi pengekspor dan memercayainya').check();
    await importButton.click();
    await page.getByText('Edisi "Paritrana Award 2025" diimpor').waitFor();
    await screenshot(page, 'archive-02-imported');
    expect((await listEditions(server.database.db)).map((e) => e.id)).toContain(editionId);
  });
});

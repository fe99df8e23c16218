import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterResize, browserAvailable, launchBrowser, phoneViewport, screenshotBoth, screenshotDir, startE2eServer, type E2eServer } from '../support/browser.ts';
import { todayInWib } from '../../src/server/services/demo-calendar.ts';
import { appendAudit } from '../../src/db/repositories/audit.ts';
import { rowsOf } from '../support/database.ts';

const password = 'paritrana-demo-2025';

describe.skipIf(!browserAvailable())('the audit log page', () => {
  let server: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startE2eServer('pglite', {
      today: todayInWib(),
      // More than two pages: the admin changed its e-mail choices now and then.
      prepare: async (db) => {
        const [admin] = rowsOf<{ id: string }>(await db.execute(sql`select id::text as id from users where email = 'admin@paritrana.demo'`));
        for (let i = 0; i < 60; i++) {
          await db.transaction((tx) => appendAudit(tx, { id: admin!.id, label: 'Admin Nasional (Kemenko PMK)' }, { action: 'notification.preferences', entityType: 'user', entityId: admin!.id, after: { digest: i % 2 === 0 } }));
        }
      },
    });
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('names actions and objects in words, pages, filters on the server and opens one entry in full', async () => {
    const count = async (where: ReturnType<typeof sql>) => Number(rowsOf<{ n: string | number }>(await server.database.db.execute(sql`select count(*) as n from audit_log where ${where}`))[0]!.n);
    const total = await count(sql`true`);
    expect(total).toBeGreaterThan(100);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByRole('textbox', { name: 'E-mail' }).fill('admin@paritrana.demo');
    await page.locator('input[type=password]').fill(password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('navigation', { name: 'Navigasi' }).getByRole('link', { name: 'Log audit' }).click();
    const rows = page.locator('tbody tr[data-seq]');
    // One page of 50, newest first; the older ones on request.
    await expect.poll(() => rows.count()).toBe(50);
    await page.getByText('50 entri ditampilkan').waitFor();
    await screenshotBoth(page, 'audit-01-log');
    await page.getByRole('button', { name: 'Muat entri lebih lama' }).click();
    await expect.poll(() => rows.count()).toBe(Math.min(total, 100));
    // The demo's own entries are on the second page.
    const table = await page.locator('table').last().innerText();
    // No action or object as a code ("marks.submit", "pool 40eb688a").
    expect(table).not.toMatch(/\b[a-z-]+\.[a-z-]+\b/);
    expect(table).not.toMatch(/\b(candidate|pool|edition|user) [0-9a-f]{8}/);

    // Filter by an action, as its words: the server answers with exactly those entries.
    await page.getByRole('combobox', { name: 'Tindakan', exact: true }).click();
    await page.getByRole('option', { name: 'Kandidat dibuat', exact: true }).click();
    await page.getByRole('button', { name: 'Terapkan' }).click();
    const created = await count(sql`action = 'candidate.create'`);
    await expect.poll(() => rows.count()).toBe(Math.min(created, 50));
    expect(new Set(await rows.locator('td:nth-child(4)').allInnerTexts())).toEqual(new Set(['Kandidat dibuat']));
    await page.getByText('Kabupaten Lombok Timur').first().waitFor();

    // Free text finds nothing for a word found nowhere, and says so.
    await page.getByRole('textbox', { name: 'Cari' }).fill('tidak-ada-di-mana-pun');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.getByText('Tidak ada entri yang cocok dengan saringan ini.').waitFor();
    await page.getByRole('button', { name: 'Hapus saringan' }).click();
    // Back to the whole log, as far as it was read.
    await expect.poll(() => rows.count()).toBe(Math.min(total, 100));

    // One entry in full, with its place in the chain.
    const seq = Number(await rows.first().getAttribute('data-seq'));
    await rows.first().getByRole('button', { name: `Rincian #${seq}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`Entri #${seq}`).waitFor();
    await dialog.getByText('Isi entri cocok dengan hash-nya.').waitFor();
    await dialog.getByText('Hash entri sebelumnya').waitFor();
    // The dialog as it is seen, not the long page behind it.
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: join(screenshotDir, 'audit-02-entry.png') });
    await page.setViewportSize(phoneViewport);
    await afterResize(page);
    await page.screenshot({ path: join(screenshotDir, 'audit-02-entry-phone.png') });
    expect(await dialog.evaluate((d) => d.scrollWidth <= d.clientWidth + 1)).toBe(true);
    await context.close();
  });
});

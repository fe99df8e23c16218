import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, screenshotBoth, startE2eServer, type E2eServer } from '../support/browser.ts';
import { finalisedPool, type FinalisedPool } from '../support/publication.ts';
import { deleteEvent, listEvents } from '../../src/db/repositories/editions.ts';

describe.skipIf(!browserAvailable())('the announce page shows the ceremony that will be printed, and records the hand-over', () => {
  let server: E2eServer;
  let browser: Browser;
  let admin: Page;
  let f: FinalisedPool;

  beforeAll(async () => {
    server = await startE2eServer('pglite', {
      prepare: async (db) => {
        f = await finalisedPool(db);
      },
    });
    browser = await launchBrowser();
    admin = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows NTB’s own ceremony before the button, warns once it is gone, and saves a hand-over', async () => {
    await admin.goto(`${server.url}/login`);
    await admin.getByRole('textbox', { name: 'E-mail' }).fill(f.provincial.email);
    await admin.locator('input[type=password]').fill('correct-horse-battery');
    await admin.getByRole('button', { name: 'Masuk' }).click();
    await admin.getByRole('navigation', { name: 'Navigasi' }).waitFor({ state: 'attached' }); // signed in, on the role's start page
    await admin.goto(`${server.url}/pools/${f.poolId}/publication`);
    const printed = admin.getByTestId('ceremony-printed');
    await printed.waitFor();
    expect(await printed.textContent()).toContain('Rabu, 13 Agustus 2025, Gedung Sangkareang, Kantor Gubernur NTB, Mataram');

    // The hand-over as it happened: the Wakil Gubernur presented, a Sekda received for Lombok Timur.
    await admin.getByLabel('Nama', { exact: true }).fill('Hj. Indah Dhamayanti Putri');
    await admin.getByLabel('Jabatan', { exact: true }).fill('Wakil Gubernur Nusa Tenggara Barat');
    await admin.getByLabel('Nama wakil: Kabupaten Lombok Timur').fill('H. Muhammad Juaini Taofik');
    // A representative's name without a title: the title is marked, and nothing is sent.
    const puts: string[] = [];
    admin.on('request', (r) => void (r.method() === 'PUT' && puts.push(new URL(r.url()).pathname)));
    await admin.getByRole('button', { name: 'Simpan catatan penyerahan' }).click();
    const repTitle = admin.getByLabel('Jabatan wakil: Kabupaten Lombok Timur');
    await expect.poll(() => repTitle.getAttribute('aria-invalid')).toBe('true');
    const describedBy = ((await repTitle.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
    expect(await Promise.all(describedBy.map((id) => admin.locator(`[id="${id}"]`).innerText()))).toContain('Wajib diisi.');
    expect(await admin.getByLabel('Nama', { exact: true }).getAttribute('aria-invalid')).not.toBe('true');
    expect(puts.filter((p) => p.endsWith('/handover'))).toEqual([]);
    await admin.getByLabel('Jabatan wakil: Kabupaten Lombok Timur').fill('Sekretaris Daerah Kabupaten Lombok Timur');
    await admin.getByLabel('Mewakili: Kabupaten Lombok Timur').fill('Bupati Lombok Timur');
    await admin.getByRole('button', { name: 'Simpan catatan penyerahan' }).click();
    await admin.getByTestId('handover-saved').waitFor();
    await screenshotBoth(admin, 'ceremony-01-own');

    // NTB's ceremony removed: Lampung's is never offered in its place.
    const ntb = (await listEvents(server.database.db, f.editionId)).find((e) => e.kind === 'provincial_ceremony' && e.provinceCode === '52')!;
    await deleteEvent(server.database.db, ntb.id);
    await admin.reload();
    const missing = admin.getByTestId('ceremony-missing');
    await missing.waitFor();
    expect(await missing.textContent()).toContain('belum mencatat penyerahan');
    expect(await admin.locator('body').textContent()).not.toContain('Balai Keratun');
    // The saved hand-over is shown again after a reload.
    expect(await admin.getByLabel('Jabatan', { exact: true }).inputValue()).toBe('Wakil Gubernur Nusa Tenggara Barat');
    await admin.getByRole('button', { name: 'Umumkan hasil' }).click();
    await admin.getByRole('dialog').getByText('Belum ada tanggal dan tempat penyerahan').waitFor();
    await screenshotBoth(admin, 'ceremony-02-missing');
    await admin.getByRole('dialog').getByRole('button', { name: 'Batal' }).click();
    // In English too.
    await admin.getByText('EN', { exact: true }).click();
    await admin.getByText('This province has not recorded its award ceremony').waitFor();
    await admin.getByRole('heading', { name: 'The hand-over as it happened' }).waitFor();
    await screenshotBoth(admin, 'ceremony-03-english');
  });
});

import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { drivers } from '../support/database.ts';
import { browserAvailable, launchBrowser, screenshotBoth, startE2eServer, type E2eServer } from '../support/browser.ts';
import { listOutbox } from '../../src/db/repositories/messages.ts';
import { listEditions } from '../../src/db/repositories/editions.ts';
import { insertPanel, membersOf } from '../../src/db/repositories/panels.ts';
import { findUserByEmail, rolesOf } from '../../src/db/repositories/users.ts';

describe.skipIf(!browserAvailable()).each(drivers())('a provincial admin staffs its province from sheets in the browser (%s)', (driver) => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let panelId: string;
  const dir = mkdtempSync(join(tmpdir(), 'paritrana-staff-'));

  beforeAll(async () => {
    server = await startE2eServer(driver, {
      prepare: async (db) => {
        const edition = (await listEditions(db))[0]!;
        panelId = (await insertPanel(db, { editionId: edition.id, level: 'provinsi', area: '52', name: 'Tim Sembilan NTB (baru)', categoryCodes: [] })).id;
      },
    });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'id-ID' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function uploadSheet(name: string, content: string) {
    const path = join(dir, name);
    writeFileSync(path, content);
    await page.locator('input[type=file]').setInputFiles(path);
    await page.getByRole('button', { name: 'Undang', exact: true }).click();
  }

  it('invites the verification team and seats the whole panel from sheets, naming bad rows', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByRole('textbox', { name: 'E-mail' }).fill('ntb@paritrana.demo');
    await page.locator('input[type=password]').fill('paritrana-demo-2025');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('navigation', { name: 'Navigasi' }).waitFor({ state: 'attached' }); // signed in, on the role's start page
    await page.getByRole('link', { name: 'Pengguna' }).first().click();
    await page.getByText('Anda mengelola verifikator, juri, dan pengguna kandidat provinsi Anda.', { exact: false }).waitFor();
    // Only its province's accounts: the NTB verifier, not the national admin.
    await page.getByRole('cell', { name: 'verifikator.ntb@paritrana.demo' }).waitFor();
    expect(await page.getByRole('cell', { name: 'admin@paritrana.demo' }).count()).toBe(0);
    await screenshotBoth(page, `${driver}-staff-01-users`);

    await page.getByRole('tab', { name: 'Undang dari berkas' }).click();
    // A bad sheet: every problem named, nothing saved.
    await uploadSheet('salah.csv', 'email,nama\nverifikator.ntb@paritrana.demo,Sudah Ada\nkc.baru@test.example,K\n');
    await page.getByText('Berkas ditolak; tidak ada yang disimpan').waitFor();
    await page.getByRole('cell', { name: 'verifikator.ntb@paritrana.demo sudah memiliki akun', exact: true }).waitFor();
    await page.getByRole('cell', { name: 'wajib diisi (paling sedikit 2 karakter)', exact: true }).waitFor();
    await screenshotBoth(page, `${driver}-staff-02-bad-sheet`);
    expect(await findUserByEmail(server.database.db, 'kc.baru@test.example')).toBeNull();

    await uploadSheet('verifikator.csv', 'email;nama\nkc.mataram@test.example;Kepala KC Mataram\nkc.bima@test.example;Kepala KC Bima\n');
    await page.getByText('2 orang diundang, 0 didudukkan di tim.').waitFor();

    await page.locator('label.mantine-SegmentedControl-label', { hasText: 'Juri' }).click();
    await page.getByRole('combobox', { name: 'Edisi' }).click();
    await page.getByRole('option', { name: 'Paritrana Award 2025' }).click();
    await page.getByRole('combobox', { name: 'Dudukkan di tim penilai (opsional)' }).click();
    await page.getByRole('option', { name: 'Tim Sembilan NTB (baru)' }).click();
    const unsur = ['pemda', 'bps', 'bpjs', 'apindo', 'serikat-pekerja', 'akademisi', 'ahli-jaminan-sosial', 'ahli-ekonomi', 'ahli-hukum'];
    const rows = unsur.map((u, i) => `juri${i + 1}.ntb@test.example,Juri ${u},${u},${i === 0 ? 'ketua' : i === 1 ? 'sekretaris' : 'anggota'}`);
    await uploadSheet('juri.csv', ['email,nama,unsur,jabatan_panel', ...rows].join('\n'));
    await page.getByText('9 orang diundang, 9 didudukkan di tim.').waitFor();
    await screenshotBoth(page, `${driver}-staff-03-imported`);
    const seated = await membersOf(server.database.db, [panelId]);
    expect(seated.map((m) => m.role).sort()).toEqual(['chair', 'member', 'member', 'member', 'member', 'member', 'member', 'member', 'secretary']);

    await page.getByRole('tab', { name: 'Undangan' }).click();
    await page.getByRole('cell', { name: 'juri1.ntb@test.example' }).waitFor();
    await screenshotBoth(page, `${driver}-staff-04-invitations`);
  });

  it('invites a verifier limited to a branch office’s regencies', async () => {
    await page.getByRole('tab', { name: 'Akun' }).click();
    await page.getByRole('button', { name: 'Tambah pengguna' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Nama' }).fill('Kepala KC Selong');
    await dialog.getByRole('textbox', { name: 'E-mail' }).fill('kc.selong@test.example');
    await dialog.getByLabel('Wilayah kantor cabang (opsional)', { exact: true }).click();
    await page.getByRole('option', { name: /LOMBOK TIMUR/i }).click();
    await dialog.getByRole('heading').click();
    await screenshotBoth(page, `${driver}-staff-06-scoped-verifier`);
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Akun dibuat; tautan undangan ada di outbox.').waitFor();
    const user = (await findUserByEmail(server.database.db, 'kc.selong@test.example'))!;
    expect((await rolesOf(server.database.db, [user.id])).get(user.id)).toEqual([{ role: 'verifier', provinceCode: '52', candidateId: null, regencyCodes: ['52.03'] }]);
  });

  it('lets an invited juror set a password from the e-mailed link and sign in', async () => {
    const message = (await listOutbox(server.database.db, { all: true })).find((m) => m.to === 'juri1.ntb@test.example')!;
    const link = /\/undangan-staf\/[\w-]+/.exec(message.body)![0];
    const fresh = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'id-ID' });
    await fresh.goto(`${server.url}${link}`);
    await fresh.getByRole('heading', { name: 'Aktifkan akun Anda' }).waitFor();
    await fresh.getByText('juri1.ntb@test.example', { exact: false }).first().waitFor();
    await screenshotBoth(fresh, `${driver}-staff-05-accept`);
    await fresh.locator('input[type=password]').nth(0).fill('rinjani-3726-mdpl');
    await fresh.locator('input[type=password]').nth(1).fill('rinjani-3726-mdpl');
    await fresh.getByRole('button', { name: 'Aktifkan akun' }).click();
    await fresh.getByText('Akun Anda aktif.', { exact: false }).waitFor();
    await fresh.getByRole('link', { name: 'Masuk' }).click();
    await fresh.getByRole('textbox', { name: 'E-mail' }).fill('juri1.ntb@test.example');
    await fresh.locator('input[type=password]').fill('rinjani-3726-mdpl');
    await fresh.getByRole('button', { name: 'Masuk' }).click();
    await fresh.getByRole('navigation', { name: 'Navigasi' }).waitFor({ state: 'attached' }); // signed in, on the role's start page
    await fresh.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { drivers } from '../support/database.ts';
import { browserAvailable, launchBrowser, screenshot, startE2eServer, type E2eServer } from '../support/browser.ts';
import { listOutbox } from '../../src/db/repositories/messages.ts';
import { listEditions } from '../../src/db/repositories/editions.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';
import { findUserByEmail, rolesOf } from '../../src/db/repositories/users.ts';
import { createUser } from '../../src/server/services/users.ts';
import { queueInvitation } from '../../src/server/services/invitations.ts';

describe.skipIf(!browserAvailable()).each(drivers())('passwords and invitations in the browser (%s)', (driver) => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startE2eServer(driver);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'id-ID' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The path of the newest link of that kind e-mailed to the address. */
  async function linkTo(email: string, kind: 'atur-ulang-sandi' | 'undangan'): Promise<string> {
    const message = (await listOutbox(server.database.db, { all: true })).find((m) => m.to === email)!;
    return new RegExp(`/${kind}/[\\w-]+`).exec(message.body)![0];
  }

  async function signIn(email: string, password: string) {
    await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
    await page.locator('input[type=password]').fill(password);
    await page.getByRole('button', { name: 'Masuk' }).click();
  }

  it('resets a forgotten password from the log-in page, then changes it on the account page', async () => {
    const email = 'verifikator.ntb@paritrana.demo';
    await page.goto(`${server.url}/login`);
    await page.getByRole('link', { name: 'Lupa kata sandi?' }).click();
    await page.getByRole('heading', { name: 'Lupa kata sandi' }).waitFor();
    await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
    await page.getByRole('button', { name: 'Kirim tautan' }).click();
    await page.getByText('Bila e-mail itu terdaftar, tautan sudah dikirim.', { exact: false }).waitFor();
    await screenshot(page, `${driver}-accounts-01-forgot`);

    await page.goto(`${server.url}${await linkTo(email, 'atur-ulang-sandi')}`);
    await page.getByRole('heading', { name: 'Buat kata sandi baru' }).waitFor();
    await page.locator('input[type=password]').nth(0).fill('angin-timur-bertiup');
    await page.locator('input[type=password]').nth(1).fill('angin-timur-bertiup');
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await page.getByText('Kata sandi baru tersimpan. Silakan masuk.').waitFor();
    await page.getByRole('link', { name: 'Masuk' }).click();

    await signIn(email, 'angin-timur-bertiup');
    await page.getByRole('navigation', { name: 'Navigasi' }).waitFor({ state: 'attached' }); // signed in, on the role's start page
    await page.getByRole('button', { name: 'Verifikator BPJS NTB' }).click();
    await page.getByRole('menuitem', { name: 'Akun saya' }).click();
    await page.getByRole('heading', { name: 'Akun saya' }).waitFor();
    const fields = page.locator('input[type=password]');
    await fields.nth(0).fill('angin-timur-bertiup');
    await fields.nth(1).fill('qwerty123456');
    await fields.nth(2).fill('qwerty123456');
    await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    // The refusal is put on the new password itself, in Indonesian; the alert only says to check the marked field.
    await expect.poll(() => fields.nth(1).getAttribute('aria-invalid'), { timeout: 30_000 }).toBe('true');
    await page.getByText('Minimal 12 karakter; kata sandi yang umum ditolak, juga kata sandi saat ini.').waitFor();
    await page.getByRole('alert').getByText('Data belum benar. Periksa isian yang ditandai.').waitFor();
    await fields.nth(1).fill('angin-barat-bertiup');
    await fields.nth(2).fill('angin-barat-bertiup');
    await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    await page.getByText('Kata sandi diganti. Sesi di perangkat lain sudah diakhiri.').waitFor();
    await screenshot(page, `${driver}-accounts-02-account`);
  });

  it('sends a person whose e-mail has an account to sign in, then accepts the invitation for that account', async () => {
    const db = server.database.db;
    const editionId = (await listEditions(db))[0]!.id;
    const [first, second] = (await listCandidates(db, editionId, { all: true })).filter((c) => c.provinceCode === '52');
    const email = 'operator.ganda@paritrana.test';
    await createUser({ db, actor: null }, { email, name: 'Operator Ganda', password: 'operator-ganda-2025', locale: 'id', roles: [{ role: 'candidate', provinceCode: null, candidateId: first!.id }] });
    await db.transaction((tx) => queueInvitation(tx, null, second!, email, server.url));
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'id-ID' });
    page = await context.newPage();

    await page.goto(`${server.url}${await linkTo(email, 'undangan')}`);
    await page.getByRole('heading', { name: 'Terima undangan' }).waitFor();
    await page.getByRole('textbox', { name: 'Nama lengkap' }).fill('Operator Ganda');
    await page.locator('input[type=password]').fill('operator-ganda-2025');
    await page.getByRole('button', { name: 'Buat akun' }).click();
    await page.getByText('E-mail ini sudah punya akun. Masuk dengan akun itu, lalu terima undangan ini.').waitFor();
    await screenshot(page, `${driver}-accounts-03-invitation-sign-in`);
    await page.getByRole('button', { name: 'Masuk lalu terima undangan' }).click();
    await page.getByRole('heading', { name: 'Masuk ke Paritrana' }).waitFor();
    await signIn(email, 'operator-ganda-2025');
    await page.getByText('Anda masuk sebagai Operator Ganda', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Terima undangan untuk akun ini' }).click();
    // Accepted: the app opens the signed-in pages.
    await page.waitForURL((url) => !url.pathname.startsWith('/undangan/'));

    const user = (await findUserByEmail(db, email))!;
    const candidates = ((await rolesOf(db, [user.id])).get(user.id) ?? []).map((r) => r.candidateId).sort();
    expect(candidates).toEqual([first!.id, second!.id].sort());
    await context.close();
  });
});

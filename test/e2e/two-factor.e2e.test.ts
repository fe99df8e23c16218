import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { drivers } from '../support/database.ts';
import { browserAvailable, launchBrowser, screenshotBoth, startE2eServer, type E2eServer } from '../support/browser.ts';
import { demoPassword } from '../../src/server/services/demo.ts';
import { totpAt } from '../../src/server/auth/totp.ts';
import { findUserByEmail } from '../../src/db/repositories/users.ts';
import { activeSessionsOf } from '../../src/db/repositories/account-security.ts';
import { sql } from 'drizzle-orm';

describe.skipIf(!browserAvailable()).each(drivers())('two-step verification in the browser (%s)', (driver) => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const admin = 'admin@paritrana.demo';
  /** The national admin's recovery codes, from the enrolment. */
  let recoveryCodes: string[] = [];

  beforeAll(async () => {
    server = await startE2eServer(driver);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'id-ID' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function enterPassword(p: Page, email: string) {
    await p.goto(`${server.url}/login`);
    await p.getByRole('textbox', { name: 'E-mail' }).fill(email);
    await p.locator('input[type=password]').fill(demoPassword);
    await p.getByRole('button', { name: 'Masuk' }).click();
  }
  async function signOut(p: Page, name: string) {
    await p.getByRole('button', { name }).click();
    await p.getByRole('menuitem', { name: 'Keluar' }).click();
    await p.getByRole('heading', { name: 'Masuk ke Paritrana' }).waitFor();
  }

  it('enrols, signs out, signs in with a code of the app, then with a recovery code', async () => {
    await enterPassword(page, admin);
    await page.getByRole('heading', { name: 'Edisi penghargaan' }).waitFor();
    await page.goto(`${server.url}/akun`);
    await page.getByRole('heading', { name: 'Verifikasi dua langkah (TOTP)' }).waitFor();
    await page.getByRole('button', { name: 'Aktifkan verifikasi dua langkah' }).click();
    await page.locator('section[aria-labelledby="two-factor"] input[type=password]').fill(demoPassword);
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByRole('img', { name: 'Kode QR untuk aplikasi autentikator' }).waitFor();
    const secret = (await page.locator('[data-totp-secret]').textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await screenshotBoth(page, `${driver}-two-factor-01-enrol`);
    await page.getByRole('textbox', { name: 'Kode 6 angka' }).fill(totpAt(secret, Date.now()));
    await page.getByRole('button', { name: 'Aktifkan', exact: true }).click();
    await page.getByText('Simpan kode-kode ini di tempat aman.', { exact: false }).waitFor();
    recoveryCodes = (await page.locator('[data-recovery-code]').allTextContents()).map((c) => c.trim());
    expect(recoveryCodes).toHaveLength(10);
    await screenshotBoth(page, `${driver}-two-factor-02-recovery-codes`);
    await page.getByRole('button', { name: 'Sudah saya simpan' }).click();
    await page.getByText('Sisa kode pemulihan: 10.', { exact: false }).waitFor();

    await signOut(page, 'Admin Nasional (Kemenko PMK)');
    await enterPassword(page, admin);
    await page.getByRole('heading', { name: 'Verifikasi dua langkah' }).waitFor();
    // A wrong code is refused with a clear message.
    await page.getByRole('textbox', { name: 'Kode' }).fill('000000');
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await page.getByText('Kode salah atau sudah pernah dipakai.', { exact: false }).waitFor();
    await screenshotBoth(page, `${driver}-two-factor-03-code`);
    await page.getByRole('textbox', { name: 'Kode' }).fill(totpAt(secret, Date.now() + 30_000));
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await page.getByRole('heading', { name: 'Edisi penghargaan' }).waitFor();

    await signOut(page, 'Admin Nasional (Kemenko PMK)');
    await enterPassword(page, admin);
    await page.getByRole('textbox', { name: 'Kode' }).fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await page.getByRole('heading', { name: 'Edisi penghargaan' }).waitFor();
    await page.goto(`${server.url}/akun`);
    await page.getByText('Sisa kode pemulihan: 9.', { exact: false }).waitFor();
  });

  it('lists the sessions and signs out everywhere else', async () => {
    const other = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'id-ID', userAgent: 'Mozilla/5.0 (Linux; Android 14) Chrome/120.0 Mobile Safari/537.36' });
    const phone = await other.newPage();
    await enterPassword(phone, 'verifikator.ntb@paritrana.demo');
    await phone.getByRole('navigation', { name: 'Navigasi' }).waitFor({ state: 'attached' }); // signed in, on the role's start page
    await enterPassword(page, 'verifikator.ntb@paritrana.demo');
    await page.getByRole('navigation', { name: 'Navigasi' }).waitFor({ state: 'attached' }); // signed in, on the role's start page
    await page.goto(`${server.url}/akun`);
    await page.getByRole('heading', { name: 'Sesi aktif' }).waitFor();
    await page.getByRole('cell', { name: 'Chrome, Android' }).waitFor();
    await page.getByText('Sesi ini').waitFor();
    await screenshotBoth(page, `${driver}-two-factor-04-sessions`);
    await page.getByRole('button', { name: 'Keluar dari semua perangkat lain' }).click();
    await page.getByText('1 sesi lain diakhiri.').waitFor();
    const user = (await findUserByEmail(server.database.db, 'verifikator.ntb@paritrana.demo'))!;
    expect(await activeSessionsOf(server.database.db, user.id)).toHaveLength(1);
    // The phone's session has ended: it is sent to the log-in page.
    await phone.reload();
    await phone.getByRole('heading', { name: 'Masuk ke Paritrana' }).waitFor();
    await other.close();
  });

  it('leads a provincial admin to switch it on when the national admin requires it', async () => {
    const adminContext = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'id-ID' });
    const national = await adminContext.newPage();
    await enterPassword(national, admin);
    // The app's codes of this minute are used up already: a recovery code.
    await national.getByRole('textbox', { name: 'Kode' }).fill(recoveryCodes[1]!);
    await national.getByRole('button', { name: 'Verifikasi' }).click();
    await national.getByRole('heading', { name: 'Edisi penghargaan' }).waitFor();
    await national.goto(`${server.url}/akun`);
    await national.getByRole('checkbox', { name: 'Wajibkan verifikasi dua langkah bagi admin nasional dan provinsi' }).click();
    await national.getByText('Pengaturan tersimpan.').waitFor();
    expect(await national.getByRole('checkbox', { name: 'Wajibkan verifikasi dua langkah bagi admin nasional dan provinsi' }).isChecked()).toBe(true);
    await screenshotBoth(national, `${driver}-two-factor-06-settings`);
    await adminContext.close();

    const provincialContext = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'id-ID' });
    const provincial = await provincialContext.newPage();
    await enterPassword(provincial, 'ntb@paritrana.demo');
    await provincial.waitForURL(`${server.url}/akun`);
    await provincial.getByText('Verifikasi dua langkah wajib bagi admin nasional dan provinsi.', { exact: false }).waitFor();
    await screenshotBoth(provincial, `${driver}-two-factor-05-required`);
    await provincial.goto(`${server.url}/`);
    await provincial.waitForURL(`${server.url}/akun`);
    await provincialContext.close();
  });

  it('lets the national admin switch off a verifier’s two-step verification with a reason, from the accounts page', async () => {
    const verifier = (await findUserByEmail(server.database.db, 'verifikator.ntb@paritrana.demo'))!;
    // The verifier had switched it on (its secret's content does not matter here) and lost the phone and the codes.
    await server.database.db.execute(sql`update users set totp_secret = 'JBSWY3DPEHPK3PXP', totp_enabled_at = now() where id = ${verifier.id}::uuid`);
    const adminContext = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'id-ID' });
    const national = await adminContext.newPage();
    await enterPassword(national, admin);
    await national.getByRole('textbox', { name: 'Kode' }).fill(recoveryCodes[2]!);
    await national.getByRole('button', { name: 'Verifikasi' }).click();
    await national.getByRole('heading', { name: 'Edisi penghargaan' }).waitFor();
    await national.goto(`${server.url}/users`);
    const row = national.getByRole('row').filter({ hasText: 'verifikator.ntb@paritrana.demo' });
    // Its own two-step verification is switched off from its account page, not here.
    await expect(national.getByRole('row').filter({ hasText: admin }).getByRole('button', { name: 'Matikan dua langkah' }).count()).resolves.toBe(0);
    await row.getByRole('button', { name: 'Matikan dua langkah' }).click();
    const dialog = national.getByRole('dialog');
    // Empty: marked before anything is sent; too short: the server's refusal lands on the field, with its rule.
    await dialog.getByRole('button', { name: 'Matikan', exact: true }).click();
    await dialog.getByText('Wajib diisi.').waitFor();
    await dialog.getByRole('textbox', { name: 'Alasan' }).fill('hilang');
    await dialog.getByRole('button', { name: 'Matikan', exact: true }).click();
    await dialog.getByText('Tuliskan alasannya (10–500 karakter).').waitFor();
    await dialog.getByRole('textbox', { name: 'Alasan' }).fill('Ponsel hilang, kode pemulihan tidak disimpan; dikonfirmasi lewat telepon.');
    await screenshotBoth(national, `${driver}-two-factor-07-reset`);
    await dialog.getByRole('button', { name: 'Matikan', exact: true }).click();
    await national.getByText('Verifikasi dua langkah verifikator.ntb@paritrana.demo dimatikan; pemiliknya diberi tahu lewat e-mail.').waitFor();
    await expect(row.getByRole('button', { name: 'Matikan dua langkah' }).count()).resolves.toBe(0);
    await screenshotBoth(national, `${driver}-two-factor-08-reset-done`);
    expect((await findUserByEmail(server.database.db, verifier.email))!.totpEnabledAt).toBeNull();
    await adminContext.close();
  });
});

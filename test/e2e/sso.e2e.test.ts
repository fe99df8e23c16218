import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { drivers } from '../support/database.ts';
import { browserAvailable, launchBrowser, screenshotBoth, startE2eServer, type E2eServer } from '../support/browser.ts';

// The full redirect flow runs against a real provider in test/server/oidc.test.ts; here, the pages.
describe.skipIf(!browserAvailable()).each(drivers())('single sign-on pages (%s)', (driver) => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startE2eServer(driver, { env: { OIDC_ISSUER: 'https://sso.example.go.id', OIDC_CLIENT_ID: 'paritrana', OIDC_CLIENT_SECRET: 'secret', OIDC_BUTTON_LABEL: 'SSO Kemnaker' } });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'id-ID' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('offers the configured button on the log-in page', async () => {
    await page.goto(`${server.url}/login`);
    const button = page.getByRole('link', { name: 'Masuk dengan SSO Kemnaker' });
    await button.waitFor();
    if ((await button.getAttribute('href')) !== '/api/auth/oidc/start') throw new Error('the button does not start the sign-on');
    await screenshotBoth(page, `${driver}-sso-01-login`);
  });

  it('says why a sign-on was refused, in Indonesian and in English', async () => {
    await page.goto(`${server.url}/sso-gagal?alasan=unknown`);
    await page.getByText('E-mail akun SSO Anda tidak terdaftar di Paritrana.', { exact: false }).waitFor();
    await screenshotBoth(page, `${driver}-sso-02-unknown`);
    await page.getByText('EN', { exact: true }).click();
    await page.getByText('The e-mail of your SSO account is not registered in Paritrana.', { exact: false }).waitFor();
    await page.goto(`${server.url}/sso-gagal?alasan=unverified`);
    await page.getByText('does not state that your e-mail is verified', { exact: false }).waitFor();
    await screenshotBoth(page, `${driver}-sso-03-unverified-en`);
  });
});

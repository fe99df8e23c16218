import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, screenshot, screenshotDir, startE2eServer, type E2eServer } from '../support/browser.ts';
import { finalisedPool, type FinalisedPool } from '../support/publication.ts';
import { codeAlphabet } from '../../src/domain/publication/certificate-code.ts';

const phone = { width: 390, height: 844 };

describe.skipIf(!browserAvailable())('a result is announced and its certificate verified in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let admin: Page;
  let visitor: Page;
  let f: FinalisedPool;

  beforeAll(async () => {
    server = await startE2eServer('pglite', {
      prepare: async (db) => {
        f = await finalisedPool(db);
      },
    });
    browser = await launchBrowser();
    admin = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    visitor = await (await browser.newContext({ viewport: phone, locale: 'id-ID', isMobile: true, hasTouch: true })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('publishes a pool, shows it to anyone, and confirms its certificate while refusing an altered code', async () => {
    // The province's committee announces the result.
    await admin.goto(`${server.url}/login`);
    await admin.getByRole('textbox', { name: 'E-mail' }).fill(f.provincial.email);
    await admin.locator('input[type=password]').fill('correct-horse-battery');
    await admin.getByRole('button', { name: 'Masuk' }).click();
    await admin.getByRole('navigation', { name: 'Navigasi' }).waitFor({ state: 'attached' }); // signed in, on the role's start page
    await admin.goto(`${server.url}/editions/${f.editionId}/publication`);
    await admin.getByRole('link', { name: 'Kelola publikasi' }).click();
    await admin.getByText('Final, belum diumumkan').waitFor();
    await screenshot(admin, 'publication-01-before');
    await admin.getByRole('button', { name: 'Umumkan hasil' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Konfirmasi' }).click();
    await admin.getByText('Diumumkan', { exact: true }).waitFor();
    await admin.getByRole('button', { name: 'Buat draf' }).first().click();
    await admin.getByRole('heading', { name: 'Siaran pers: Kabupaten Lombok Timur' }).waitFor();
    expect(await admin.getByLabel('Isi').inputValue()).toContain('Pemerintah Kabupaten Lombok Timur meraih Juara 1 Paritrana Award 2025 tingkat Provinsi Nusa Tenggara Barat');
    await screenshot(admin, 'publication-02-press-release');
    await admin.goBack();
    await admin.getByText('Diumumkan', { exact: true }).waitFor();
    await screenshot(admin, 'publication-03-published');

    // Anyone, on a phone, without signing in.
    await visitor.goto(`${server.url}/publik`);
    await visitor.getByRole('heading', { name: 'Hasil Paritrana Award' }).waitFor();
    await screenshot(visitor, 'publication-04-portal');
    await visitor.getByRole('link', { name: 'Paritrana Award 2025' }).click();
    const card = visitor.getByRole('link', { name: /Pemerintah Kabupaten\/Kota · Tingkat Provinsi · Nusa Tenggara Barat/ });
    await card.waitFor();
    await screenshot(visitor, 'publication-04b-edition-phone');
    await card.click();
    const winner = visitor.locator('[data-winner="52.03"]');
    await winner.waitFor();
    expect(await winner.textContent()).toContain('Kabupaten Lombok Timur');
    expect(await winner.textContent()).toContain('Cakupan kepesertaan: 41,20%');
    expect(await visitor.getByRole('table', { name: 'Peringkat dan nilai per tahap' }).locator('tbody tr').count()).toBe(3);
    await screenshot(visitor, 'publication-05-result-phone');

    // The certificate, as a PDF; a page of it as PNG to look at.
    const href = (await winner.getByRole('link', { name: 'Unduh piagam' }).getAttribute('href'))!;
    const pdf = await visitor.request.get(`${server.url}${href}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const pdfPath = join(screenshotDir, 'publication-certificate.pdf');
    writeFileSync(pdfPath, await pdf.body());
    if (existsSync('/usr/bin/pdftoppm')) execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '80', '-singlefile', pdfPath, join(screenshotDir, 'publication-06-certificate')]);
    const code = href.split('/')[4]!;

    // Its verification link confirms it.
    await winner.getByRole('link', { name: 'Cek keaslian' }).click();
    await visitor.getByText('ASLI — piagam ini sah').waitFor();
    expect(await visitor.getByRole('status').getAttribute('data-status')).toBe('valid');
    expect(await visitor.getByRole('table').textContent()).toContain('Pemerintah Kabupaten Lombok Timur');
    await screenshot(visitor, 'publication-07-verified-phone');

    // An altered code is refused.
    const altered = code.slice(0, 6) + codeAlphabet[(codeAlphabet.indexOf(code[6]!) + 1) % 32] + code.slice(7);
    await visitor.getByLabel('Kode piagam').fill(altered);
    await visitor.getByRole('button', { name: 'Periksa' }).click();
    await visitor.getByText('TIDAK ASLI').waitFor();
    expect(await visitor.getByRole('status').textContent()).toContain('Kode ini tidak sah');
    await screenshot(visitor, 'publication-08-altered-phone');

    // In English.
    await visitor.goto(`${server.url}/verifikasi/${code}`);
    await visitor.getByText('EN', { exact: true }).click();
    await visitor.getByText('GENUINE — this certificate is valid').waitFor();
    await screenshot(visitor, 'publication-09-verified-english');
  });
});

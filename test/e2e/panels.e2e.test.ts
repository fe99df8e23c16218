import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, screenshot, startE2eServer, type E2eServer } from '../support/browser.ts';
import { assessingEditionWithCandidates, lampungCandidates } from '../support/panels.ts';
import { createUser } from '../../src/server/services/users.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';
import { marksOf, listPools } from '../../src/db/repositories/pools.ts';
import type { RoleGrant } from '../../src/shared/contracts/index.ts';
import { pemdaV1 } from '../../src/domain/instruments/index.ts';
import { rubricIndicators } from '../../src/domain/panels/scoring-setup.ts';

const password = 'paritrana-demo-2025';
const desk = 'Penilaian dokumen (desk evaluation)';
const interview = 'Wawancara';

async function signIn(context: BrowserContext, url: string, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.locator('input[type=password]').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('navigation', { name: 'Navigasi' }).waitFor({ state: 'attached' }); // signed in, on the role's start page
  return page;
}

/** Marks every indicator of an open stage of the sheet with one value, then submits the sheet. */
async function markSheet(page: Page, stage: string, value: number, submit = true) {
  const paper = page.locator(`[aria-label="${stage}"]`);
  const groups = paper.getByRole('radiogroup');
  const count = await groups.count();
  for (let i = 0; i < count; i += 1) await groups.nth(i).getByRole('radio').nth(value - 1).check();
  if (submit) {
    await page.getByText('Semua nilai tersimpan').waitFor();
    await paper.getByRole('button', { name: 'Kirim dan kunci lembar' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ya, kirim dan kunci' }).click();
    await paper.getByText('Lembar ini sudah dikirim dan terkunci.').waitFor();
  }
}

describe.skipIf(!browserAvailable())('a provincial panel runs its assessment in the browser', { timeout: 300_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let ids: Map<string, string>;
  let editionId: string;
  const pages: Record<string, Page> = {};

  beforeAll(async () => {
    server = await startE2eServer('pglite');
    const db = server.database.db;
    ({ ids, editionId } = await assessingEditionWithCandidates(db, lampungCandidates));
    const ctx = { db, actor: null };
    const grant = (role: RoleGrant['role'], provinceCode: string | null = null): RoleGrant[] => [{ role, provinceCode, candidateId: null }];
    await createUser(ctx, { email: 'admin.lampung@paritrana.test', name: 'Admin Provinsi Lampung', password, locale: 'id', roles: grant('provincial_admin', '18') });
    for (const [i, name] of ['Sekda Provinsi Lampung', 'Dosen Universitas Lampung', 'Ketua APINDO Lampung'].entries()) {
      // Jurors of Lampung: the province's admin sees and seats them.
      await createUser(ctx, { email: `juri${i + 1}@paritrana.test`, name, password, locale: 'id', roles: grant('juror', '18') });
    }
    browser = await launchBrowser();
    for (const who of ['admin.lampung', 'juri1', 'juri2', 'juri3']) {
      const context = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta', viewport: who === 'juri2' ? { width: 1024, height: 768 } : { width: 1280, height: 900 } });
      pages[who] = await signIn(context, server.url, `${who}@paritrana.test`);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a juror records a tie; the committee forms the panel by unsur and creates the pool', async () => {
    const juror3 = pages.juri3!;
    await juror3.goto(`${server.url}/profil-juri`);
    await juror3.getByRole('button', { name: 'Tambah keterkaitan' }).click();
    await juror3.getByLabel('Kode Kemendagri').fill('18.06');
    await juror3.getByLabel('Keterangan').fill('Anggota tim ahli Bupati Tanggamus');
    await juror3.getByRole('button', { name: 'Simpan' }).click();
    await juror3.getByText('Tersimpan').waitFor();
    await screenshot(juror3, 'panels-01-juror-profile');

    const admin = pages['admin.lampung']!;
    await admin.goto(`${server.url}/editions/${editionId}/panels`);
    await admin.getByRole('button', { name: 'Bentuk tim penilai' }).click();
    await admin.getByLabel('Nama tim').fill('Tim Penilai Paritrana Award Provinsi Lampung');
    await admin.getByLabel('Nomor SK').fill('G/456/V.07/HK/2025');
    await admin.getByLabel('Tanggal SK').fill('2025-06-02');
    await admin.getByRole('dialog').getByRole('button', { name: 'Simpan' }).click();
    await admin.getByRole('heading', { name: 'Tim Penilai Paritrana Award Provinsi Lampung' }).waitFor();

    await admin.getByRole('button', { name: 'Anggota' }).click();
    const dialog = admin.getByRole('dialog');
    for (const name of ['Sekda Provinsi Lampung', 'Dosen Universitas Lampung', 'Ketua APINDO Lampung']) {
      await dialog.getByRole('combobox', { name: 'Tambah anggota' }).click();
      await admin.getByRole('option', { name }).click();
    }
    // The first member chairs; set each member's unsur.
    const unsur = dialog.getByRole('combobox', { name: 'Unsur' });
    for (const [i, label] of ['Pemerintah daerah', 'Akademisi', 'Pengusaha (APINDO)'].entries()) {
      await unsur.nth(i).click();
      await admin.getByRole('option', { name: label, exact: true }).click();
    }
    await screenshot(admin, 'panels-02-members');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await admin.getByRole('cell', { name: 'Pengusaha (APINDO)' }).waitFor();

    await admin.getByRole('combobox', { name: 'Pool baru' }).click();
    await admin.getByRole('option', { name: 'Pemerintah Kabupaten/Kota' }).click();
    await admin.getByRole('button', { name: 'Buat pool' }).click();
    await admin.getByRole('link', { name: 'Buka' }).click();
    await admin.getByRole('heading', { name: 'Pemerintah Kabupaten/Kota' }).waitFor();
    await admin.getByText('Terkait dengan pemerintah daerah 18.06 (Anggota tim ahli Bupati Tanggamus)').waitFor();
    await screenshot(admin, 'panels-03-pool-overview');
  });

  it('the chair is warned of the juror shortfall and opens the desk stage', async () => {
    const chair = pages.juri1!;
    await chair.goto(`${server.url}/penilaian`);
    await chair.getByRole('link', { name: 'Kelola' }).click();
    await chair.getByRole('tab', { name: 'Tahap penilaian' }).click();
    await chair.getByRole('button', { name: 'Buka penilaian' }).first().click();
    await chair.getByRole('dialog').getByText('Kandidat dengan juri kurang dari 5').waitFor();
    await screenshot(chair, 'panels-04-shortfall-warning');
    await chair.getByRole('button', { name: 'Tetap buka' }).click();
    await chair.getByRole('button', { name: 'Tutup tahap' }).waitFor();
  });

  const deskPlan: [string, string, number][] = [
    ['juri1', 'Kabupaten Lampung Tengah', 5], ['juri1', 'Kabupaten Tanggamus', 3], ['juri1', 'Kabupaten Lampung Barat', 2],
    ['juri2', 'Kabupaten Lampung Tengah', 4], ['juri2', 'Kabupaten Tanggamus', 4], ['juri2', 'Kabupaten Lampung Barat', 3],
    ['juri3', 'Kabupaten Lampung Tengah', 4], ['juri3', 'Kabupaten Lampung Barat', 2],
  ];

  it('jurors mark the desk stage; the conflicted juror cannot reach the candidate; a dropped connection loses nothing', async () => {
    const juror3 = pages.juri3!;
    await juror3.goto(`${server.url}/penilaian`);
    await juror3.getByRole('row', { name: /Kabupaten Tanggamus/ }).getByText('Konflik kepentingan').waitFor();
    await screenshot(juror3, 'panels-05-my-marking');
    const lampungPool = (await listPools(server.database.db, editionId)).find((p) => p.area === '18')!;
    await juror3.goto(`${server.url}/pools/${lampungPool.id}/sheets/${ids.get('18.06')}`);
    await juror3.getByRole('alert').getByText('Anda memiliki konflik kepentingan dengan kandidat ini').waitFor();

    const juror2 = pages.juri2!;
    await juror2.goto(`${server.url}/penilaian`);
    await juror2.getByRole('link', { name: 'Kabupaten Lampung Tengah' }).click();
    // The sheet is loaded before the connection drops: what is tested is marking while offline.
    await juror2.getByRole('heading', { name: 'Kabupaten Lampung Tengah' }).waitFor();
    await juror2.context().setOffline(true);
    await markSheet(juror2, desk, 4, false);
    await juror2.getByText(/Tanpa koneksi: \d+ nilai menunggu/).waitFor();
    await screenshot(juror2, 'panels-06-offline');
    await juror2.context().setOffline(false);
    await juror2.getByText('Semua nilai tersimpan').waitFor({ timeout: 40_000 });
    await juror2.locator(`[aria-label="${desk}"]`).getByRole('button', { name: 'Kirim dan kunci lembar' }).click();
    await juror2.getByRole('dialog').getByRole('button', { name: 'Ya, kirim dan kunci' }).click();
    await juror2.getByText('Lembar ini sudah dikirim dan terkunci.').waitFor();

    // A session that ends while marking keeps the marks on the device; once the juror signs in again they are sent.
    const juror1 = pages.juri1!;
    await juror1.goto(`${server.url}/penilaian`);
    await juror1.getByRole('link', { name: 'Kabupaten Lampung Tengah' }).click();
    await juror1.getByRole('heading', { name: 'Kabupaten Lampung Tengah' }).waitFor();
    await juror1.context().clearCookies();
    await markSheet(juror1, desk, 5, false);
    await juror1.getByRole('alert').getByText('Sesi Anda telah berakhir').waitFor();
    await juror1.getByText(/Sesi berakhir: \d+ nilai menunggu/).waitFor();
    await screenshot(juror1, 'panels-06b-signed-out');
    const again = await signIn(juror1.context(), server.url, 'juri1@paritrana.test');
    await again.close();
    await juror1.reload();
    await juror1.getByText('Semua nilai tersimpan').waitFor({ timeout: 40_000 });
    const lampung = (await listPools(server.database.db, editionId)).find((p) => p.area === '18')!;
    const kept = (await marksOf(server.database.db, lampung.id, { candidateId: ids.get('18.02') })).filter((m) => m.value === 5);
    expect(kept).toHaveLength(rubricIndicators(pemdaV1, 'desk').length);

    for (const [who, candidate, value] of deskPlan) {
      if (who === 'juri2' && candidate === 'Kabupaten Lampung Tengah') continue;
      const page = pages[who]!;
      await page.goto(`${server.url}/penilaian`);
      await page.getByRole('link', { name: candidate }).click();
      await page.getByRole('heading', { name: candidate }).waitFor();
      await markSheet(page, desk, value);
    }
    await screenshot(pages.juri1!, 'panels-07-sheet-submitted');
    // Each of juror 2's marks for Lampung Tengah is stored once, with the value given offline.
    const pool = (await listPools(server.database.db, editionId)).find((p) => p.area === '18')!;
    const marks = await marksOf(server.database.db, pool.id, { candidateId: ids.get('18.02') });
    const mine = marks.filter((m) => m.value === 4 && m.comment === null);
    expect(mine.length).toBeGreaterThanOrEqual(5);
    expect(new Set(marks.map((m) => `${m.userId}|${m.indicatorId}`)).size).toBe(marks.length);
  });

  it('the chair closes the desk, reads the moderation, schedules the interviews and records attendance', async () => {
    const chair = pages.juri1!;
    await chair.goto(`${server.url}/penilaian`);
    await chair.getByRole('link', { name: 'Kelola' }).click();
    await chair.getByRole('tab', { name: 'Tahap penilaian' }).click();
    await chair.getByRole('button', { name: 'Tutup tahap' }).click();
    await chair.getByRole('dialog').getByRole('button', { name: 'Ya, tutup tahap' }).click();
    await chair.getByRole('button', { name: 'Buka penilaian' }).waitFor();
    await screenshot(chair, 'panels-08-progress');
    await chair.getByRole('tab', { name: 'Moderasi' }).click();
    await chair.getByText('Juri dibandingkan dengan tim').waitFor();
    await screenshot(chair, 'panels-09-moderation');

    await chair.getByRole('tab', { name: 'Wawancara' }).click();
    for (const [name, time, attendance] of [
      ['Kabupaten Lampung Tengah', '09:00', 'Kepala daerah hadir sendiri'],
      ['Kabupaten Tanggamus', '10:00', 'Diwakili wakil kepala daerah'],
      ['Kabupaten Lampung Barat', '11:00', 'Diwakili sekretaris daerah'],
    ]) {
      const card = chair.locator(`[aria-label="${name}"]`);
      await card.getByLabel('Tanggal').fill('2025-07-14');
      await card.getByLabel('Mulai').fill(time!);
      await card.getByLabel('Tempat').fill('Balai Keratun, Bandar Lampung');
      await card.getByRole('button', { name: 'Simpan jadwal' }).click();
      await card.getByRole('combobox', { name: 'Yang hadir' }).click();
      await chair.getByRole('option', { name: attendance! }).click();
      await card.getByRole('button', { name: 'Catat kehadiran' }).click();
    }
    await chair.getByText('Belum dijadwalkan').waitFor({ state: 'detached' });
    await screenshot(chair, 'panels-10-interviews');
    await chair.getByRole('tab', { name: 'Tahap penilaian' }).click();
    await chair.getByRole('button', { name: 'Buka penilaian' }).click();
    await chair.getByRole('button', { name: 'Tetap buka' }).click();
    await chair.getByRole('button', { name: 'Tutup tahap' }).waitFor();
  });

  it('jurors mark the interview; the chair closes it and finalises: Juara 1–3, and Juara 1 goes to the national level', async () => {
    const plan: [string, string, number][] = [
      ['juri1', 'Kabupaten Lampung Tengah', 5], ['juri1', 'Kabupaten Tanggamus', 4], ['juri1', 'Kabupaten Lampung Barat', 3],
      ['juri2', 'Kabupaten Lampung Tengah', 5], ['juri2', 'Kabupaten Tanggamus', 3], ['juri2', 'Kabupaten Lampung Barat', 3],
      ['juri3', 'Kabupaten Lampung Tengah', 4], ['juri3', 'Kabupaten Lampung Barat', 2],
    ];
    for (const [who, candidate, value] of plan) {
      const page = pages[who]!;
      await page.goto(`${server.url}/penilaian`);
      await page.getByRole('link', { name: candidate }).click();
      await page.getByRole('heading', { name: candidate }).waitFor();
      await markSheet(page, interview, value);
    }
    const chair = pages.juri1!;
    await chair.goto(`${server.url}/penilaian`);
    await chair.getByRole('link', { name: 'Kelola' }).click();
    await chair.getByRole('tab', { name: 'Tahap penilaian' }).click();
    await chair.getByRole('button', { name: 'Tutup tahap' }).click();
    await chair.getByRole('dialog').getByRole('button', { name: 'Ya, tutup tahap' }).click();
    await chair.getByRole('button', { name: 'Tutup tahap' }).waitFor({ state: 'detached' });
    await chair.getByRole('tab', { name: 'Hasil' }).click();
    await chair.getByText('Ini pratinjau dari mesin penilaian.', { exact: false }).waitFor();
    await chair.getByRole('button', { name: 'Tetapkan hasil' }).click();
    await chair.getByRole('dialog').getByRole('button', { name: 'Tetapkan hasil' }).click();
    await chair.getByText('Hasil final, versi 1').waitFor();
    const rows = chair.getByRole('table', { name: 'Peringkat' }).getByRole('row');
    await expect.poll(() => rows.allInnerTexts(), { timeout: 30_000 }).toEqual([
      expect.stringContaining('Peringkat'),
      expect.stringMatching(/^1\s+Kabupaten Lampung Tengah[\s\S]*Juara 1/i),
      expect.stringMatching(/^2\s+Kabupaten Tanggamus[\s\S]*Juara 2/i),
      expect.stringMatching(/^3\s+Kabupaten Lampung Barat[\s\S]*Juara 3/i),
    ]);
    await screenshot(chair, 'panels-11-result');

    const national = (await listCandidates(server.database.db, editionId, { all: true })).filter((c) => c.level === 'nasional' && c.advancedFrom !== null);
    expect(national.map((c) => [c.name, c.advancedFrom])).toEqual([['Kabupaten Lampung Tengah', ids.get('18.02')]]);
  });
});

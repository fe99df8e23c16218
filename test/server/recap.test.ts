import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { finalisedPool, type FinalisedPool } from '../support/publication.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import type { EditionRecap } from '../../src/shared/contracts/index.ts';

describe.each(drivers())('the recap of an edition on %s', (driver) => {
  let t: TestApp;
  let f: FinalisedPool;
  let national: Client;
  let ntb: Client;
  let lampung: Client;

  beforeAll(async () => {
    t = await startTestApp(driver);
    await seedDemo(t.database.db);
    f = await finalisedPool(t.database.db);
    national = await signIn(t, f.national.email);
    ntb = await signIn(t, f.provincial.email);
    lampung = await signIn(t, (await makeUser(t, roles.provincialAdmin('18'))).email);
  });
  afterAll(async () => t?.close());

  it('gives the national committee every province, and the winners of a final result before it is announced', async () => {
    const res = await national.request('GET', `/api/editions/${f.editionId}/recap`);
    expect(res.statusCode).toBe(200);
    const recap = res.json<EditionRecap>();
    expect(recap.national).toBe(true);
    expect(recap.provinces).toHaveLength(38);
    const ntbRow = recap.provinces.find((p) => p.code === '52')!;
    expect(ntbRow.name).toBe('Nusa Tenggara Barat');
    expect(ntbRow.candidates).toBeGreaterThanOrEqual(3);
    expect(ntbRow.submitted).toBeGreaterThanOrEqual(1);
    expect(ntbRow).toMatchObject({ poolsFinal: 1, poolsAnnounced: 0, winners: 3 });
    const ntbWinners = recap.winners.filter((w) => w.area === '52');
    expect(ntbWinners.map((w) => [w.award, w.candidateName, w.announced])).toEqual([
      [1, 'Kabupaten Lombok Timur', false],
      [2, 'Kabupaten Lombok Barat', false],
      [3, 'Kabupaten Lombok Tengah', false],
    ]);
    expect(ntbWinners[0]).toMatchObject({ levelKind: 'provinsi', areaName: 'Nusa Tenggara Barat', categoryCode: 'pemkab-kota', candidateProvince: 'Nusa Tenggara Barat' });
    expect(recap.totals.winners).toBe(recap.winners.length);
    expect(recap.totals.candidates).toBe(recap.provinces.reduce((n, p) => n + p.candidates, 0));
  });

  it('marks the winners announced once the committee publishes', async () => {
    expect((await ntb.request('POST', `/api/pools/${f.poolId}/publish`)).statusCode).toBe(200);
    const recap = (await national.request('GET', `/api/editions/${f.editionId}/recap`)).json<EditionRecap>();
    expect(recap.winners.filter((w) => w.area === '52').every((w) => w.announced)).toBe(true);
    expect(recap.provinces.find((p) => p.code === '52')).toMatchObject({ poolsAnnounced: 1 });
  });

  it('gives a province’s committee its own province only', async () => {
    const mine = (await ntb.request('GET', `/api/editions/${f.editionId}/recap`)).json<EditionRecap>();
    expect(mine.national).toBe(false);
    expect(mine.provinces.map((p) => p.code)).toEqual(['52']);
    expect(mine.winners.every((w) => w.area === '52')).toBe(true);
    const other = (await lampung.request('GET', `/api/editions/${f.editionId}/recap`)).json<EditionRecap>();
    expect(other.provinces.map((p) => p.code)).toEqual(['18']);
    expect(other.winners).toEqual([]);
    expect(other.provinces[0]!.candidates).toBeGreaterThanOrEqual(0);
  });

  it('exports the recap as an Excel workbook with Indonesian or English headings', async () => {
    const res = await national.request('GET', `/api/editions/${f.editionId}/recap/document?format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="rekap-.*\.xlsx"/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Provinsi', 'Pemenang']);
    const winners = book.getWorksheet('Pemenang')!;
    expect(winners.getRow(1).getCell(1).value).toBe('Tingkat');
    const lotim = winners.getRows(2, winners.rowCount - 1)!.find((r) => r.getCell(5).value === 'Kabupaten Lombok Timur')!;
    expect(lotim.getCell(4).value).toBe(1);
    expect(typeof lotim.getCell(7).value).toBe('number');
    const provinces = book.getWorksheet('Provinsi')!;
    expect(provinces.rowCount).toBe(39);

    const en = await national.request('GET', `/api/editions/${f.editionId}/recap/document?format=xlsx&lang=en`);
    const bookEn = new ExcelJS.Workbook();
    await bookEn.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    expect(bookEn.worksheets.map((s) => s.name)).toEqual(['Provinces', 'Winners']);
    expect(en.headers['content-disposition']).toMatch(/filename="recap-/);
  });

  it('prints the recap as a PDF', async () => {
    const res = await national.request('GET', `/api/editions/${f.editionId}/recap/document?format=pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.length).toBeGreaterThan(2000);
  });

  it('drafts the decision naming the winners, for the national committee only', async () => {
    expect((await ntb.request('GET', `/api/editions/${f.editionId}/recap/decision-draft`)).statusCode).toBe(403);
    const res = await national.request('GET', `/api/editions/${f.editionId}/recap/decision-draft`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/rancangan-sk-penetapan-pemenang-/);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('answers 404 for an edition that does not exist', async () => {
    expect((await national.request('GET', '/api/editions/00000000-0000-4000-8000-000000000000/recap')).statusCode).toBe(404);
  });
});

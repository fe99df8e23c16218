import ExcelJS from 'exceljs';
import type * as WorkerThreads from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { readTable } from '../../src/server/services/candidate-sheet.ts';

/** The workers started, by their script: the real Worker, counted. */
const started = vi.hoisted(() => [] as string[]);
vi.mock('node:worker_threads', async (original) => {
  const real = await original<typeof WorkerThreads>();
  class Counted extends real.Worker {
    constructor(script: string | URL, options?: WorkerThreads.WorkerOptions) {
      super(script, options);
      started.push(String(script));
    }
  }
  return { ...real, Worker: Counted, default: { ...real, Worker: Counted } };
});

async function workbook(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Kandidat');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('an uploaded XLSX sheet', () => {
  it('is read on a worker thread, so that parsing it holds no other request', async () => {
    started.length = 0;
    const rows = await readTable(await workbook([['kategori', 'npp'], ['usaha-besar', '12345678']]));
    expect(rows).toEqual([
      ['kategori', 'npp'],
      ['usaha-besar', '12345678'],
    ]);
    expect(started).toHaveLength(1);
    expect(started[0]).toMatch(/xlsx-rows\.worker\.js$/);
  });

  it('reads cells as a person sees them: a formula by its result, rich text joined, a date as its day, empty rows left out', async () => {
    const rows = await readTable(
      await workbook([
        ['nama', 'angka', 'tanggal'],
        [{ richText: [{ text: 'PT ' }, { text: 'Sejahtera', font: { bold: true } }] }, { formula: '1+1', result: 2 }, new Date(Date.UTC(2026, 10, 30))],
        [null, null, null],
        ['  CV Maju  ', 7, null],
      ]),
    );
    expect(rows).toEqual([
      ['nama', 'angka', 'tanggal'],
      ['PT Sejahtera', '2', '2026-11-30'],
      ['CV Maju', '7'],
    ]);
  });

  it('refuses a zip that is not a workbook as invalid input', async () => {
    const notAWorkbook = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 1)]);
    await expect(readTable(notAWorkbook)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

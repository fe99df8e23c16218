import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { AppError } from '../../domain/errors.ts';
import { reasoned } from '../../domain/sheets/row-reasons.ts';
import { importColumns, type ImportRow } from '../../domain/candidates/import-rows.ts';
import { checkZipLimits } from './zip-limits.ts';
import { csvField } from './tabular.ts';

/** Rows one import may hold: larger lists are split into several files. */
export const maxImportRows = 5000;

/** Splits CSV text (comma or semicolon, as Excel in Indonesia writes) into rows. */
export function parseCsv(text: string): string[][] {
  const clean = text.replace(/^\uFEFF/, '');
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < clean.length; i++) {
    const ch = clean[i]!;
    if (quoted) {
      if (ch === '"' && clean[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && clean[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((v) => v.trim() !== ''));
}

/**
 * The rows of an XLSX workbook's first sheet, read on a worker thread
 * (`xlsx-rows.worker.js`) so that parsing a large sheet holds no other
 * request; `null` when the file is not a workbook ExcelJS can read.
 */
function readXlsxRows(buffer: Buffer): Promise<string[][] | null> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./xlsx-rows.worker.js', import.meta.url), { workerData: buffer, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    worker.once('message', (answer: { rows?: string[][]; unreadable?: true }) => resolve(answer.unreadable ? null : (answer.rows ?? [])));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`The XLSX reader stopped with code ${code}`));
    });
  });
}

async function parseXlsx(buffer: Buffer): Promise<string[][]> {
  checkZipLimits(buffer);
  const rows = await readXlsxRows(buffer);
  if (!rows) throw new AppError('VALIDATION_FAILED', 'The file is not a readable XLSX', [{ path: 'file', ...reasoned('file-unreadable') }]);
  return rows;
}

/** The rows of an uploaded sheet: XLSX (first worksheet) by its content, else UTF-8 CSV. */
export async function readTable(buffer: Buffer): Promise<string[][]> {
  const isZip = buffer.length > 3 && buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04;
  return isZip ? parseXlsx(buffer) : parseCsv(buffer.toString('utf8'));
}

/**
 * Reads an uploaded candidate sheet (XLSX by its content, else UTF-8 CSV).
 * The header row must use the template's column names.
 */
export async function readCandidateSheet(buffer: Buffer): Promise<ImportRow[]> {
  const table = await readTable(buffer);
  const [header, ...body] = table;
  if (!header) throw new AppError('VALIDATION_FAILED', 'The file is empty', [{ path: 'file', ...reasoned('file-empty') }]);
  if (body.length > maxImportRows) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The file has ${body.length} rows; one import takes at most ${maxImportRows}: split it into several files.`,
      [{ path: 'file', ...reasoned('too-many-rows', { count: body.length, max: maxImportRows }) }],
    );
  }
  const names = header.map((h) => h.trim().toLowerCase());
  const unknown = names.filter((n) => n !== '' && !(importColumns as readonly string[]).includes(n));
  if (unknown.length > 0 || !names.includes('kategori')) {
    throw new AppError(
      'VALIDATION_FAILED',
      'The columns do not match the template',
      [
        ...unknown.map((u) => ({ path: `baris 1.${u}`, ...reasoned('column-unknown', { column: u }) })),
        ...(names.includes('kategori') ? [] : [{ path: 'baris 1.kategori', ...reasoned('column-missing', { column: 'kategori' }) }]),
      ],
    );
  }
  return body.map((values) => Object.fromEntries(names.map((n, i) => [n, values[i] ?? '']).filter(([n]) => n !== '')) as ImportRow);
}

const guide: Record<(typeof importColumns)[number], string> = {
  kategori: 'kode kategori edisi (lihat lembar Kategori), wajib',
  kode_wilayah: 'kode Kemendagri: kabupaten/kota mis. 52.03; desa mis. 52.03.03.2006; pemerintah provinsi: kode provinsi atau kosong',
  npp: 'nomor pendaftaran perusahaan BPJS Ketenagakerjaan (untuk badan usaha)',
  nama: 'nama badan usaha (untuk pemerintah daerah diambil dari kode wilayah)',
  kelas_usaha: 'besar, menengah, kecil atau mikro',
  sektor: 'sektor usaha, bebas',
  alamat: 'alamat, bebas',
  nama_kontak: 'nama narahubung',
  jabatan_kontak: 'jabatan narahubung',
  telepon_kontak: 'telepon narahubung',
  email_kontak: 'e-mail narahubung',
};

/** The template's example rows: shown on their own sheet, never on the one that is read. */
const examples: Record<string, string>[] = [
  { kategori: 'pemkab-kota', kode_wilayah: '52.03', nama_kontak: 'Nama Narahubung', jabatan_kontak: 'Kepala Disnaker', email_kontak: 'narahubung@example.go.id' },
  { kategori: 'usaha-besar', npp: '12345678', nama: 'PT Contoh Sejahtera', kelas_usaha: 'besar', sektor: 'Manufaktur', alamat: 'Mataram' },
];

/**
 * The import template. The sheet that is read (the first, "Kandidat"; the
 * CSV) holds the column names only, so the template imported unchanged
 * creates nothing; the example rows are on the "Contoh" sheet, beside the
 * guide and the edition's categories.
 */
export async function candidateTemplate(format: 'xlsx' | 'csv', categories: { code: string; nameId: string }[]): Promise<Buffer> {
  if (format === 'csv') {
    const line = (values: string[]) => values.map((v) => csvField(v, ',;')).join(',');
    return Buffer.from(`${line([...importColumns])}\n`, 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Kandidat');
  sheet.addRow([...importColumns]).font = { bold: true };
  sheet.columns.forEach((column) => (column.width = 22));
  const help = workbook.addWorksheet('Petunjuk');
  help.addRow(['kolom', 'isi']).font = { bold: true };
  for (const c of importColumns) help.addRow([c, guide[c]]);
  help.addRow([]);
  help.addRow(['Isi lembar Kandidat, satu baris per kandidat, di bawah judul kolom. Hanya lembar pertama yang dibaca; lembar Contoh tidak diimpor.']);
  help.addRow(['Semua baris disimpan atau tidak sama sekali: bila ada kesalahan, setiap baris yang salah disebut dengan kolom dan alasannya.']);
  help.getColumn(1).width = 18;
  help.getColumn(2).width = 80;
  const sample = workbook.addWorksheet('Contoh');
  sample.addRow([...importColumns]).font = { bold: true };
  for (const e of examples) sample.addRow(importColumns.map((c) => e[c] ?? ''));
  sample.columns.forEach((column) => (column.width = 22));
  const cats = workbook.addWorksheet('Kategori');
  cats.addRow(['kategori', 'nama']).font = { bold: true };
  for (const c of categories) cats.addRow([c.code, c.nameId]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The five input files of an extract and the columns each must have. */
export const inputColumns = {
  workforce: ['regency_code', 'year', 'working_population', 'informal_workers'],
  min_wage: ['regency_code', 'year', 'monthly_min_wage'],
  employers: ['npp', 'name', 'regency_code', 'size', 'declared_workers'],
  participants: ['participant_id', 'segment', 'npp', 'regency_code', 'programs', 'monthly_wage', 'funded_by', 'start_date', 'end_date'],
  contributions: ['npp', 'month', 'due_amount', 'paid_amount', 'paid_date'],
} as const;
export type InputName = keyof typeof inputColumns;
export const inputNames = Object.keys(inputColumns) as InputName[];

/** NAME.parquet, NAME.csv or NAME.csv.gz in the directory, or null. */
export function findInput(dataDir: string, name: string): string | null {
  for (const ext of ['.parquet', '.csv', '.csv.gz']) {
    const path = join(dataDir, `${name}${ext}`);
    if (existsSync(path)) return path;
  }
  return null;
}

export const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** A DuckDB table expression reading the file with every column as text. */
export function readAsText(path: string): string {
  return path.endsWith('.parquet')
    ? `(select columns(*)::varchar from read_parquet(${sqlString(path)}))`
    : `read_csv(${sqlString(path)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"', null_padding = true)`;
}

/** A DuckDB table expression reading the file as it is: Parquet with its own column types, CSV as text. */
export function rawSource(path: string): string {
  return path.endsWith('.parquet') ? `read_parquet(${sqlString(path)})` : readAsText(path);
}

/** The Kemendagri regencies/cities file of the `idn-area-data` package. */
export function regenciesCsv(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('idn-area-data/package.json')), 'data', 'regencies.csv');
}

export function provincesCsv(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('idn-area-data/package.json')), 'data', 'provinces.csv');
}

/** An input file that cannot be read at all: one line naming the file and what is wrong with it. */
export class InputFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'InputFileError';
  }
}

const headBytes = 64 * 1024;

/**
 * Looks at the first and last bytes of an input file before DuckDB reads it,
 * so that a file of the wrong kind gets one clear line instead of the reader's
 * own text: a Parquet file without its PAR1 markers (truncated, or not
 * Parquet), a `.csv.gz` that is not gzip, a CSV in UTF-16 or another
 * encoding than UTF-8, or binary bytes.
 */
export function checkInputFile(path: string): string | null {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, headBytes));
    readSync(fd, head, 0, head.length, 0);
    if (path.endsWith('.parquet')) {
      const tail = Buffer.alloc(Math.min(size, 4));
      readSync(fd, tail, 0, tail.length, Math.max(0, size - 4));
      if (size < 12 || head.subarray(0, 4).toString('latin1') !== 'PAR1') return 'not a Parquet file (it does not start with the PAR1 marker)';
      if (tail.toString('latin1') !== 'PAR1') return 'a truncated Parquet file (the PAR1 marker at its end is missing); copy it again';
      return null;
    }
    if (path.endsWith('.gz')) {
      return head[0] === 0x1f && head[1] === 0x8b ? null : 'not gzip-compressed although its name ends in .gz (name it .csv, or compress it with gzip)';
    }
    if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return 'encoded as UTF-16; save it as CSV in UTF-8';
    const nul = head.indexOf(0);
    if (nul >= 0) return `contains a NUL byte at offset ${nul}: a binary file, not CSV text`;
    const bad = firstInvalidUtf8(head, size > head.length);
    if (bad !== null) return `not UTF-8 text (byte 0x${head[bad]!.toString(16).padStart(2, '0')} at offset ${bad}, as in Latin-1 or Windows-1252); save it as CSV in UTF-8`;
    return null;
  } finally {
    closeSync(fd);
  }
}

/** Offset of the first byte that breaks UTF-8, or null; a sequence cut by the end of a partial read is not counted. */
function firstInvalidUtf8(bytes: Buffer, partial: boolean): number | null {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    if (i + length > bytes.length) return partial ? null : i;
    for (let k = 1; k < length; k += 1) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return null;
}

/** DuckDB's error on reading a file as one line: its first line, without the error class. */
export function readErrorLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = /CSV Error on Line: (\d+)/.exec(text)?.[1];
  if (/not utf-8 encoded|Invalid unicode/i.test(text)) return `not UTF-8 text${line ? ` (line ${line})` : ''}; save it as CSV in UTF-8`;
  if (/sniffing file|parsing dialect/i.test(text)) return 'cannot be read as comma-separated text with a header row';
  const first = (text.split('\n').find((l) => l.trim() !== '') ?? text).replace(/^[A-Za-z ]*Error: /, '').trim();
  return `cannot be read: ${first.slice(0, 200)}`;
}

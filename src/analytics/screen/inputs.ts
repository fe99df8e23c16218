import { existsSync } from 'node:fs';
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

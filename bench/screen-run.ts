/**
 * One timed run of `npm run bench:screen`, in its own process so that its
 * peak memory and CPU time are its own: either `paritrana screen` itself
 * (runScreen) or the plain SQL script of bench/screen-plain.sql on the same
 * extract. Prints one line `BENCH_RESULT {json}` with the process's resource
 * use when done.
 *
 *     tsx bench/screen-run.ts screen|plain DATA_DIR OUT_DIR YEAR
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { findInput, inputNames, provincesCsv, regenciesCsv, sqlString } from '../src/analytics/screen/inputs.ts';
import { runScreen } from '../src/analytics/screen/run.ts';

const [mode, dataDir, outDir, yearText] = process.argv.slice(2);
if ((mode !== 'screen' && mode !== 'plain') || !dataDir || !outDir || !yearText) {
  process.stderr.write('usage: screen-run.ts screen|plain DATA_DIR OUT_DIR YEAR\n');
  process.exit(2);
}
const year = Number(yearText);
/** The same DuckDB settings as runScreen's. */
const duckdbSettings = { threads: '2', memory_limit: '4GB', preserve_insertion_order: 'true' };

/** Column types for reading the CSV form of an extract in the plain script. */
const csvTypes: Record<string, Record<string, string>> = {
  workforce: { regency_code: 'VARCHAR', year: 'INTEGER', working_population: 'BIGINT', informal_workers: 'BIGINT' },
  min_wage: { regency_code: 'VARCHAR', year: 'INTEGER', monthly_min_wage: 'BIGINT' },
  employers: { npp: 'VARCHAR', name: 'VARCHAR', regency_code: 'VARCHAR', size: 'VARCHAR', declared_workers: 'BIGINT' },
  participants: {
    participant_id: 'VARCHAR', segment: 'VARCHAR', npp: 'VARCHAR', regency_code: 'VARCHAR', programs: 'VARCHAR',
    monthly_wage: 'BIGINT', funded_by: 'VARCHAR', start_date: 'DATE', end_date: 'DATE',
  },
  contributions: { npp: 'VARCHAR', month: 'VARCHAR', due_amount: 'BIGINT', paid_amount: 'BIGINT', paid_date: 'DATE' },
};

function source(name: string): string {
  const path = findInput(dataDir!, name);
  if (!path) throw new Error(`${name}: not in ${dataDir}`);
  if (path.endsWith('.parquet')) return `read_parquet(${sqlString(path)})`;
  const columns = Object.entries(csvTypes[name]!)
    .map(([c, t]) => `${sqlString(c)}: ${sqlString(t)}`)
    .join(', ');
  return `read_csv(${sqlString(path)}, header = true, delim = ',', quote = '"', escape = '"', columns = {${columns}})`;
}

/** The Kemendagri list with names in title case, as the screen writes them. */
const kemendagri = (csv: string, columns: string) =>
  `(select ${columns}, list_aggregate(list_transform(string_split(name, ' '),
      w -> case when w in ('DKI', 'DI') then w else upper(w[1]) || lower(w[2:]) end), 'string_agg', ' ') as name
    from read_csv(${sqlString(csv)}, header = true, all_varchar = true))`;

async function plain(): Promise<void> {
  const template = await readFile(new URL('./screen-plain.sql', import.meta.url), 'utf8');
  const replacements: Record<string, string> = {
    Y: String(year),
    Y0: String(year - 1),
    out: outDir!.replace(/'/g, "''"),
    regencies: kemendagri(regenciesCsv(), 'code, province_code'),
    provinces: kemendagri(provincesCsv(), 'code'),
    ...Object.fromEntries(inputNames.map((n) => [n, source(n)])),
  };
  const sql = template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = replacements[key];
    if (value === undefined) throw new Error(`screen-plain.sql: unknown placeholder {{${key}}}`);
    return value;
  });
  const instance = await DuckDBInstance.create(':memory:', { ...duckdbSettings, temp_directory: join(tmpdir(), `paritrana-duckdb-${process.pid}`) });
  const connection = await instance.connect();
  try {
    await mkdir(outDir!, { recursive: true });
    await connection.run(sql);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function screen(): Promise<void> {
  const result = await runScreen({ dataDir: dataDir!, year, outDir: outDir! });
  if (!result.ok) throw new Error(`screen refused the extract:\n${result.problems.join('\n')}`);
}

await rm(outDir, { recursive: true, force: true });
if (mode === 'screen') await screen();
else await plain();
const usage = process.resourceUsage();
process.stdout.write(
  `BENCH_RESULT ${JSON.stringify({ maxRssKiB: usage.maxRSS, userCpuS: usage.userCPUTime / 1e6, systemCpuS: usage.systemCPUTime / 1e6 })}\n`,
);

import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

/**
 * Reads what `paritrana screen` wrote (docs/coverage-data.md, Output) back
 * into typed rows, and the workforce input of the year, for loading into
 * the application's database.
 */

export type RegionOutput = {
  code: string;
  active: number;
  activePu: number;
  activeBpu: number;
  activeJakon: number;
  activePmi: number;
  activePrev: number;
  growthPct: number | null;
  coveragePct: number | null;
  bpuCoveragePct: number | null;
  govFunded: number;
  employersActive: number;
};

export type ShortlistOutput = { provinceCode: string; category: string; rank: number; candidateKey: string; name: string; score: number };

/** The small outputs, read whole; the employers (800,000 nationally) are only counted here and streamed by `streamEmployerOutputs`. */
export type ScreenOutputs = {
  regencies: RegionOutput[];
  provinces: RegionOutput[];
  employerCount: number;
  shortlist: ShortlistOutput[];
};

type Raw = Record<string, string | null>;

const num = (v: string | null | undefined): number | null => (v == null || v === '' ? null : Number(v));
const int = (v: string | null | undefined): number => (v == null || v === '' ? 0 : Number(v));
const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

async function withDuck<T>(run: (query: (sql: string) => Promise<Raw[]>) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  try {
    return await run(async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS() as Raw[]);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const readCsv = (path: string) => `read_csv(${sqlString(path)}, header = true, all_varchar = true, delim = ',', quote = '"')`;

function region(r: Raw, key: 'regency_code' | 'province_code'): RegionOutput {
  return {
    code: r[key]!,
    active: int(r.active),
    activePu: int(r.active_pu),
    activeBpu: int(r.active_bpu),
    activeJakon: int(r.active_jakon),
    activePmi: int(r.active_pmi),
    activePrev: int(r.active_prev),
    growthPct: num(r.growth_pct),
    coveragePct: num(r.coverage_pct),
    bpuCoveragePct: num(r.bpu_coverage_pct),
    govFunded: int(r.gov_funded),
    employersActive: int(r.employers_active),
  };
}

export async function readScreenOutputs(outDir: string): Promise<ScreenOutputs> {
  return withDuck(async (query) => {
    const regencies = (await query(`select * from ${readCsv(join(outDir, 'regency_indicators.csv'))}`)).map((r) => region(r, 'regency_code'));
    const provinces = (await query(`select * from ${readCsv(join(outDir, 'province_indicators.csv'))}`)).map((r) => region(r, 'province_code'));
    const [count] = await query(`select count(*)::varchar as n from ${readCsv(join(outDir, 'employer_indicators.csv'))}`);
    const shortlist = (await query(`select * from ${readCsv(join(outDir, 'shortlist.csv'))}`)).map((r) => ({
      provinceCode: r.province_code!,
      category: r.category!,
      rank: int(r.rank),
      candidateKey: r.candidate_id!,
      name: r.name ?? '',
      score: num(r.score) ?? 0,
    }));
    return { regencies, provinces, employerCount: int(count?.n), shortlist };
  });
}

/**
 * The columns of `employer_indicators.csv` in the order `streamEmployerOutputs`
 * yields them, each as its text: what the old typed reading made of an
 * empty cell is applied here (an empty name, region or size is '', an empty
 * count is 0, an empty percentage stays null).
 */
export const employerOutputColumns = [
  ['npp', 'npp'],
  ['name', `coalesce(name, '')`],
  ['regency_code', `coalesce(regency_code, '')`],
  ['size', `coalesce(size, '')`],
  ['workers', `coalesce(nullif(workers, ''), '0')`],
  ['workers_prev', `coalesce(nullif(workers_prev, ''), '0')`],
  ['growth_pct', `nullif(growth_pct, '')`],
  ['declared_coverage_pct', `nullif(declared_coverage_pct, '')`],
  ['program_complete_pct', `nullif(program_complete_pct, '')`],
  ['below_min_wage_pct', `nullif(below_min_wage_pct, '')`],
  ['months_due', `coalesce(nullif(months_due, ''), '0')`],
  ['months_in_arrears', `coalesce(nullif(months_in_arrears, ''), '0')`],
  ['on_time_pct', `nullif(on_time_pct, '')`],
] as const;

/**
 * Streams the employer indicators the screen wrote in batches of
 * `batchRows` rows (the last one smaller), each batch as one array per column (in the order of
 * `employerOutputColumns`) of the cells' text, so that the whole file is
 * never held in memory. The next batch is read once `onBatch` has finished
 * with the last. Answers how many rows were read.
 */
export async function streamEmployerOutputs(
  outDir: string,
  batchRows: number,
  onBatch: (columns: (string | null)[][], rows: number) => Promise<void>,
): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  try {
    const select = employerOutputColumns.map(([name, expression]) => `${expression} as ${name}`).join(', ');
    const result = await connection.stream(`select ${select} from ${readCsv(join(outDir, 'employer_indicators.csv'))}`);
    let columns: (string | null)[][] = employerOutputColumns.map(() => []);
    let rows = 0;
    let total = 0;
    const flush = async () => {
      await onBatch(columns, rows);
      total += rows;
      columns = employerOutputColumns.map(() => []);
      rows = 0;
    };
    for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
      const values = chunk.getColumns() as (string | null)[][];
      for (let r = 0; r < chunk.rowCount; r++) {
        for (let c = 0; c < columns.length; c++) columns[c]!.push(values[c]![r] ?? null);
        if (++rows === batchRows) await flush();
      }
    }
    if (rows > 0) await flush();
    return total;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

export { findInput as inputPath } from './screen/inputs.ts';
import { findInput as inputPath } from './screen/inputs.ts';

/** Working population and informal workers per regency for year Y (BPS). */
export async function readWorkforce(dataDir: string, year: number): Promise<Map<string, { working: number; informal: number | null }>> {
  const path = inputPath(dataDir, 'workforce');
  const map = new Map<string, { working: number; informal: number | null }>();
  if (!path) return map;
  const source = path.endsWith('.parquet') ? `read_parquet(${sqlString(path)})` : readCsv(path);
  await withDuck(async (query) => {
    const rows = await query(
      `select cast(regency_code as varchar) as regency_code, cast(working_population as varchar) as working_population,
              cast(informal_workers as varchar) as informal_workers
         from ${source} where cast(year as varchar) = ${sqlString(String(year))}`,
    );
    for (const r of rows) map.set(r.regency_code!, { working: int(r.working_population), informal: num(r.informal_workers) });
  });
  return map;
}

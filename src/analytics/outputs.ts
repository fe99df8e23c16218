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

export type EmployerOutput = {
  npp: string;
  name: string;
  regencyCode: string;
  size: string;
  workers: number;
  workersPrev: number;
  growthPct: number | null;
  declaredCoveragePct: number | null;
  programCompletePct: number | null;
  belowMinWagePct: number | null;
  monthsDue: number;
  monthsInArrears: number;
  onTimePct: number | null;
};

export type ShortlistOutput = { provinceCode: string; category: string; rank: number; candidateKey: string; name: string; score: number };

export type ScreenOutputs = {
  regencies: RegionOutput[];
  provinces: RegionOutput[];
  employers: EmployerOutput[];
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
    const employers = (await query(`select * from ${readCsv(join(outDir, 'employer_indicators.csv'))}`)).map((r) => ({
      npp: r.npp!,
      name: r.name ?? '',
      regencyCode: r.regency_code ?? '',
      size: r.size ?? '',
      workers: int(r.workers),
      workersPrev: int(r.workers_prev),
      growthPct: num(r.growth_pct),
      declaredCoveragePct: num(r.declared_coverage_pct),
      programCompletePct: num(r.program_complete_pct),
      belowMinWagePct: num(r.below_min_wage_pct),
      monthsDue: int(r.months_due),
      monthsInArrears: int(r.months_in_arrears),
      onTimePct: num(r.on_time_pct),
    }));
    const shortlist = (await query(`select * from ${readCsv(join(outDir, 'shortlist.csv'))}`)).map((r) => ({
      provinceCode: r.province_code!,
      category: r.category!,
      rank: int(r.rank),
      candidateKey: r.candidate_id!,
      name: r.name ?? '',
      score: num(r.score) ?? 0,
    }));
    return { regencies, provinces, employers, shortlist };
  });
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

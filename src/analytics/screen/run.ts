import { mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { parseScreeningConfig } from './config.ts';
import { checkInputFile, findInput, InputFileError, inputColumns, inputNames, provincesCsv, rawSource, readAsText, readErrorLine, regenciesCsv, sqlString, type InputName } from './inputs.ts';
import { contributionAggregates, participantAggregates } from './fast-sql.ts';
import { outputSql } from './output-sql.ts';
import { problemsOf, typedInputs } from './validate-sql.ts';

export type ScreenProgress = { stage: string; rowsRead: number; elapsedMs: number; message: string };
export type ScreenOptions = {
  dataDir: string;
  year: number;
  outDir: string;
  parquet?: boolean;
  config?: unknown;
  onProgress?: (progress: ScreenProgress) => void;
  /** DuckDB memory limit, e.g. '4GB'. */
  memoryLimit?: string;
};
export type ScreenResult =
  | { ok: true; counts: { participants: number; employers: number; contributions: number; shortlist: number } }
  | { ok: false; problems: string[] };

export const outputNames = ['regency_indicators', 'province_indicators', 'employer_indicators', 'shortlist'] as const;
const maxListed = 20;

function titleCase(name: string): string {
  return name
    .split(/\s+/)
    .map((w) => (w === 'DKI' || w === 'DI' ? w : w.charAt(0) + w.slice(1).toLowerCase()))
    .join(' ');
}

async function all(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJS();
}

async function count(connection: DuckDBConnection, table: string): Promise<number> {
  const [row] = await all(connection, `select count(*)::bigint as n from ${table}`);
  return Number(row?.n ?? 0);
}

/**
 * Reads participants and contributions in one pass each into `part_agg` and
 * `contrib_agg` (fast-sql.ts), and tells whether any row is bad.
 */
async function foldLargeFiles(
  connection: DuckDBConnection,
  paths: Record<string, string | null>,
  year: number,
  onRead: (name: InputName, rows: number) => void,
  reading: <T>(name: InputName, step: () => Promise<T>) => Promise<T>,
): Promise<{ bad: boolean; participants: number; contributions: number }> {
  const sourceTypes = async (name: InputName) =>
    Object.fromEntries((await all(connection, `describe select * from ${rawSource(paths[name]!)}`)).map((r) => [String(r.column_name), String(r.column_type)]));
  const rows = async (table: string) => Number((await all(connection, `select coalesce(sum(rows), 0)::bigint as n from ${table}`))[0]?.n ?? 0);
  await connection.run(`create table emp_umk as select e.npp, u.monthly_min_wage as umk from employers e
    left join (select regency_code, monthly_min_wage from min_wage where year = ${year}) u on u.regency_code = e.regency_code`);
  await reading('participants', async () =>
    connection.run(`create table part_agg as ${participantAggregates(rawSource(paths.participants!), await sourceTypes('participants'), year)}`),
  );
  const participants = await rows('part_agg');
  onRead('participants', participants);
  await reading('contributions', async () =>
    connection.run(`create table contrib_agg as ${contributionAggregates(rawSource(paths.contributions!), await sourceTypes('contributions'), year)}`),
  );
  const contributions = await rows('contrib_agg');
  onRead('contributions', contributions);
  const knownNpp = `(select npp from employers where npp is not null)`;
  const [flagged] = await all(
    connection,
    `select (select coalesce(sum(bad), 0) from part_agg)
      + (select count(*) from part_agg where regency_code is null or regency_code not in (select code from regencies))
      + (select count(*) from part_agg where segment = 'PU' and npp is not null and npp not in ${knownNpp})
      + (select coalesce(sum(bad), 0) from contrib_agg)
      + (select count(*) from contrib_agg where rows > months)
      + (select count(*) from contrib_agg where npp is not null and npp <> '' and npp not in ${knownNpp}) as n`,
  );
  return { bad: Number(flagged?.n ?? 0) > 0, participants, contributions };
}

/**
 * Runs the coverage screen (docs/coverage-data.md): reads and checks the
 * extract, computes the indicators and the shortlist, and writes them to
 * `outDir` only when the whole input is sound.
 */
export async function runScreen(options: ScreenOptions): Promise<ScreenResult> {
  const started = Date.now();
  const { config, problems: configProblems } = parseScreeningConfig(options.config);
  if (configProblems.length > 0) return { ok: false, problems: configProblems.map((p) => `config: ${p}`) };
  if (!Number.isInteger(options.year) || options.year < 1900 || options.year > 2200) return { ok: false, problems: [`--year: not a year: ${options.year}`] };

  const paths = Object.fromEntries(inputNames.map((n) => [n, findInput(options.dataDir, n)])) as Record<string, string | null>;
  const missing = inputNames.filter((n) => !paths[n]);
  if (missing.length > 0) return { ok: false, problems: missing.map((n) => `${n}: missing file (expected ${n}.csv, ${n}.csv.gz or ${n}.parquet in ${options.dataDir})`) };
  const fileName = (n: string) => paths[n]!.split('/').pop()!;
  const unreadable = inputNames.flatMap((n) => {
    const problem = checkInputFile(paths[n]!);
    return problem ? [`${fileName(n)}: ${problem}`] : [];
  });
  if (unreadable.length > 0) return { ok: false, problems: unreadable };
  try {
    return await screenInputs(options, paths, config, started);
  } catch (error) {
    if (error instanceof InputFileError) return { ok: false, problems: [error.message] };
    throw error;
  }
}

async function screenInputs(
  options: ScreenOptions,
  paths: Record<string, string | null>,
  config: ReturnType<typeof parseScreeningConfig>['config'],
  started: number,
): Promise<ScreenResult> {
  const progress = (stage: string, rowsRead: number) =>
    options.onProgress?.({ stage, rowsRead, elapsedMs: Date.now() - started, message: `screen: ${stage} ${rowsRead} rows (${((Date.now() - started) / 1000).toFixed(1)} s)` });
  const fileName = (n: string) => paths[n]!.split('/').pop()!;
  // Any error of the reader while it reads one file names that file, in one line.
  const reading = async <T>(name: InputName, step: () => Promise<T>): Promise<T> => {
    try {
      return await step();
    } catch (error) {
      throw new InputFileError(fileName(name), readErrorLine(error));
    }
  };

  const instance = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: options.memoryLimit ?? '4GB', preserve_insertion_order: 'true', temp_directory: join(tmpdir(), `paritrana-duckdb-${process.pid}`) });
  const connection = await instance.connect();
  try {
    const columnProblems: string[] = [];
    for (const name of inputNames) {
      const columns = (await reading(name, () => all(connection, `describe select * from ${readAsText(paths[name]!)} limit 0`))).map((r) => String(r.column_name));
      for (const c of inputColumns[name]) if (!columns.includes(c)) columnProblems.push(`${fileName(name)}: missing column ${c}`);
    }
    if (columnProblems.length > 0) return { ok: false, problems: columnProblems };

    const regencies = (await readFile(regenciesCsv(), 'utf8')).split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.split(','));
    const provinces = (await readFile(provincesCsv(), 'utf8')).split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.split(','));
    await connection.run(
      `create table regencies as select * from (values ${regencies.map(([c, p, n]) => `(${sqlString(c!)}, ${sqlString(p!)}, ${sqlString(titleCase(n!))})`).join(',')}) t(code, province_code, name)`,
    );
    await connection.run(`create table provinces as select * from (values ${provinces.map(([c, n]) => `(${sqlString(c!)}, ${sqlString(titleCase(n!))})`).join(',')}) t(code, name)`);

    // The three small files are read the detailed way at once: their problems are few to look for.
    const small = ['workforce', 'min_wage', 'employers'] as const;
    for (const name of small) {
      await reading(name, () => connection.run(`create table ${name} as ${typedInputs[name]!(readAsText(paths[name]!))}`));
      progress(`read ${fileName(name)}:`, await count(connection, name));
    }
    const listProblems = async (names: readonly InputName[]): Promise<ScreenResult | null> => {
      await connection.run(`create or replace table problems as ${problemsOf(names)}`);
      const total = await count(connection, 'problems');
      if (total === 0) return null;
      const first = await all(connection, `select file, __row, col, msg from problems order by list_position(['workforce', 'min_wage', 'employers', 'participants', 'contributions'], file), __row, col limit ${maxListed}`);
      const lines = first.map((p) => `${fileName(String(p.file))} row ${String(p.__row)}, column ${String(p.col)}: ${String(p.msg)}`);
      if (total > maxListed) lines.push(`… and ${total - maxListed} more problems`);
      return { ok: false, problems: lines };
    };
    const [smallFlagged] = await all(connection, `select count(*) as n from (${problemsOf(small)})`);
    const smallBad = Number(smallFlagged?.n ?? 0) > 0;

    // The two large files are folded into aggregates in one pass each, every row marked good or bad
    // (sound small files first: a second row for an npp would count its workers twice).
    const folded = smallBad ? null : await foldLargeFiles(connection, paths, options.year, (name, rows) => progress(`read ${fileName(name)}:`, rows), reading);
    if (!folded || folded.bad) {
      // Bad input: read the two files again, row by row, to name every problem.
      const large = ['participants', 'contributions'] as const;
      for (const name of large) await reading(name, () => connection.run(`create table ${name} as ${typedInputs[name]!(readAsText(paths[name]!))}`));
      const found = await listProblems([...small, ...large]);
      if (found) return found;
      throw new Error('screen: the one-pass check found a problem that the detailed check does not name');
    }

    const sql = outputSql(options.year, config);
    await connection.run(sql.macro);
    for (const [stage, statement] of [
      ['workforce', sql.workforceY],
      ['regencies', sql.regencyAgg],
      ['provinces', sql.provinceAgg],
      ['regency indicators', sql.regencyIndicators],
      ['province indicators', sql.provinceIndicators],
      ['employer indicators', sql.employerIndicators],
      ['shortlist', sql.shortlist],
    ] as const) {
      await connection.run(statement);
      progress(`computed ${stage}:`, 0);
    }

    // Write everything beside OUTDIR first, then move it in: nothing partial is ever left there.
    const outDir = resolve(options.outDir);
    await mkdir(dirname(outDir), { recursive: true });
    const staging = await mkdtemp(join(dirname(outDir), '.screen-'));
    try {
      const files: string[] = [];
      for (const name of outputNames) {
        await connection.run(`copy ${name} to ${sqlString(join(staging, `${name}.csv`))} (header, delimiter ',')`);
        files.push(`${name}.csv`);
        if (options.parquet) {
          await connection.run(`copy ${name} to ${sqlString(join(staging, `${name}.parquet`))} (format parquet)`);
          files.push(`${name}.parquet`);
        }
      }
      await mkdir(outDir, { recursive: true });
      for (const f of files) await rename(join(staging, f), join(outDir, f));
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
    const counts = {
      participants: folded.participants,
      employers: await count(connection, 'employers'),
      contributions: folded.contributions,
      shortlist: await count(connection, 'shortlist'),
    };
    progress('done:', counts.participants);
    return { ok: true, counts };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

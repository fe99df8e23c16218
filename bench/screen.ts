/**
 * Benchmark (not a test): `paritrana screen` on a national extract (about 40
 * million participants, 800,000 employers, 13 months of contributions), on
 * Parquet and on CSV, beside the same definitions written as one plain DuckDB
 * script (bench/screen-plain.sql) on the same files. Each run is its own
 * process (bench/screen-run.ts), so its peak memory and CPU time are its own.
 * The extract is generated once and kept in bench/.cache/.
 *
 *     npm run bench:screen [-- --scale national|province|small --seed 1 --year 2024 --runs 1]
 *
 * Prints wall time, CPU time (user + system), peak resident memory and input
 * rows per second for each run, checks that the screen and the plain script
 * wrote the very same files, and says whether the goals are met: on Parquet no
 * slower than the plain script and under 6 GiB; on CSV within 2× of Parquet.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { inputNames, sqlString } from '../src/analytics/screen/inputs.ts';
import { outputNames } from '../src/analytics/screen/run.ts';
import { ensureExtract, extractCache, extractOptions, option } from './extract-cache.ts';

const extract = extractOptions();
const { scale, seed, year } = extract;
const runs = Math.max(1, Number(option('runs', '1')));

const here = fileURLToPath(new URL('.', import.meta.url));
const cache = extractCache(extract);
const log = (message: string) => process.stderr.write(`bench:screen ${message}\n`);

async function inputRows(parquet: string): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    let total = 0;
    for (const name of inputNames) {
      const reader = await connection.runAndReadAll(`select count(*)::bigint as n from read_parquet(${sqlString(join(parquet, `${name}.parquet`))})`);
      total += Number(reader.getRowObjectsJS()[0]?.n ?? 0);
    }
    return total;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

type Measure = { label: string; wallS: number; cpuS: number; peakGiB: number };

/** Runs bench/screen-run.ts in a child process and reads its resource use. */
function timed(label: string, mode: 'screen' | 'plain', dataDir: string, outDir: string): Promise<Measure> {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'screen-run.ts'), mode, dataDir, outDir, String(year)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallS = Number(process.hrtime.bigint() - started) / 1e9;
      const line = stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      if (code !== 0 || !line) return reject(new Error(`${label}: exited with ${code}\n${stdout}`));
      const usage = JSON.parse(line.slice('BENCH_RESULT '.length)) as { maxRssKiB: number; userCpuS: number; systemCpuS: number };
      resolvePromise({ label, wallS, cpuS: usage.userCpuS + usage.systemCpuS, peakGiB: usage.maxRssKiB / 1024 / 1024 });
    });
  });
}

async function sameFiles(a: string, b: string): Promise<string[]> {
  const differing: string[] = [];
  for (const name of outputNames) {
    const [x, y] = await Promise.all([readFile(join(a, `${name}.csv`)), readFile(join(b, `${name}.csv`))]);
    if (!x.equals(y)) differing.push(`${name}.csv`);
  }
  return differing;
}

const { parquet, csv: csvDir } = await ensureExtract({ ...extract, csv: true, log });
const csv = csvDir!;
const rows = await inputRows(parquet);
const out = join(cache, 'out');
const variants = [
  { key: 'screen-parquet', label: 'paritrana screen, Parquet', mode: 'screen', data: parquet },
  { key: 'plain-parquet', label: 'plain SQL script, Parquet', mode: 'plain', data: parquet },
  { key: 'screen-csv', label: 'paritrana screen, CSV', mode: 'screen', data: csv },
  { key: 'plain-csv', label: 'plain SQL script, CSV', mode: 'plain', data: csv },
] as const;
const best = new Map<string, Measure>();
for (let run = 1; run <= runs; run++) {
  for (const v of variants) {
    log(`run ${run}/${runs}: ${v.label}`);
    const m = await timed(v.label, v.mode, v.data, join(out, v.key));
    log(`  ${m.wallS.toFixed(1)} s`);
    const previous = best.get(v.key);
    if (!previous || m.wallS < previous.wallS) best.set(v.key, m);
  }
}

const differences = [
  ...(await sameFiles(join(out, 'screen-parquet'), join(out, 'plain-parquet'))).map((f) => `Parquet: ${f}`),
  ...(await sameFiles(join(out, 'screen-csv'), join(out, 'plain-csv'))).map((f) => `CSV: ${f}`),
  ...(await sameFiles(join(out, 'screen-parquet'), join(out, 'screen-csv'))).map((f) => `screen Parquet vs CSV: ${f}`),
];

const fmt = (n: number, d = 1) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
console.log(`\nExtract: ${scale}, seed ${seed}, year ${year}: ${rows.toLocaleString('en-US')} input rows (all five files).`);
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${fmt(totalmem() / 2 ** 30)} GiB, Node.js ${process.version}; best of ${runs} run(s).\n`);
console.log('| run | wall (s) | CPU (s) | peak memory (GiB) | rows/s (million) |');
console.log('|---|---:|---:|---:|---:|');
for (const v of variants) {
  const m = best.get(v.key)!;
  console.log(`| ${m.label} | ${fmt(m.wallS)} | ${fmt(m.cpuS)} | ${fmt(m.peakGiB, 2)} | ${fmt(rows / m.wallS / 1e6, 2)} |`);
}
const screenParquet = best.get('screen-parquet')!;
const plainParquet = best.get('plain-parquet')!;
const screenCsv = best.get('screen-csv')!;
const goals = [
  [`Parquet no slower than the plain script (${fmt(screenParquet.wallS)} s vs ${fmt(plainParquet.wallS)} s)`, screenParquet.wallS <= plainParquet.wallS],
  [`Parquet under 6 GiB peak memory (${fmt(screenParquet.peakGiB, 2)} GiB)`, screenParquet.peakGiB < 6],
  [`CSV within 2× of Parquet (${fmt(screenCsv.wallS / screenParquet.wallS, 2)}×)`, screenCsv.wallS <= 2 * screenParquet.wallS],
  ['the screen writes exactly the plain script’s files, and the same from CSV as from Parquet', differences.length === 0],
] as const;
console.log('');
for (const [goal, met] of goals) console.log(`${met ? 'met    ' : 'NOT met'}  ${goal}`);
if (differences.length > 0) console.log(`\nDiffering outputs: ${differences.join(', ')}`);

/**
 * Benchmark (not a test): `paritrana load-extract` beside `paritrana screen`
 * on the same national extract, in one run. The screen only writes its
 * output files; load-extract runs the same screen and stores its result as a
 * snapshot of an edition in a fresh database (PGlite in its own data
 * directory; PostgreSQL too when BENCH_DATABASE_URL is set, in a database of
 * its own created and dropped here). The extract is the one of
 * `npm run bench:screen`, generated once in bench/.cache/.
 *
 *     npm run bench:load-extract [-- --scale national|province|small --seed 1 --year 2024 --format parquet|csv --database pglite|postgres|both]
 *
 * Each command runs in its own process; its peak memory is the largest sum
 * of the resident memory of the process and all its children (load-extract
 * runs the screen as a child), polled from /proc every 100 ms. Prints wall
 * time, peak memory, the ratio to the screen, and the load average of the
 * machine at the start and end of each run; then checks that the snapshot
 * holds every row the screen wrote, and says whether the goals are met
 * (load-extract within 2× of the screen's time and under 2 GiB).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { sql } from 'drizzle-orm';
import { sqlString } from '../src/analytics/screen/inputs.ts';
import { openDatabase } from '../src/db/client.ts';
import { listEditions } from '../src/db/repositories/editions.ts';
import { ensureExtract, extractOptions, option } from './extract-cache.ts';

const extract = extractOptions();
const { scale, seed, year } = extract;
const format = option('format', 'parquet');
if (format !== 'parquet' && format !== 'csv') throw new Error('--format must be parquet or csv');
const postgresUrl = process.env.BENCH_DATABASE_URL ?? '';
const databases = ((): ('pglite' | 'postgres')[] => {
  const chosen = option('database', postgresUrl ? 'both' : 'pglite');
  if (chosen === 'both') return postgresUrl ? ['pglite', 'postgres'] : ['pglite'];
  if (chosen === 'pglite' || chosen === 'postgres') return [chosen];
  throw new Error('--database must be pglite, postgres or both');
})();
if (databases.includes('postgres') && !postgresUrl) throw new Error('--database postgres needs BENCH_DATABASE_URL');

const here = fileURLToPath(new URL('.', import.meta.url));
const bin = join(here, '..', 'bin', 'paritrana');
const log = (message: string) => process.stderr.write(`bench:load-extract ${message}\n`);
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

/** Resident memory (bytes) of a process and all its descendants, read from /proc. */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces), in parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      const ppid = Number(fields[1]);
      rss.set(pid, Number(fields[21]) * 4096);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      // The process ended while being read.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

type Measure = { label: string; wallS: number; peakGiB: number; loadStart: string; loadEnd: string; screenDoneS: number | null };

/**
 * Runs `paritrana …args` with `env`, timing it and polling its memory; its
 * output goes to stderr. For load-extract, also when (seconds after the
 * job started, from its progress lines) its own screen was done.
 */
function timed(label: string, args: string[], env: Record<string, string>): Promise<Measure> {
  return new Promise((resolvePromise, reject) => {
    const loadStart = load();
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'inherit', 'pipe'], env: { ...process.env, ...env } });
    let peak = 0;
    let screenDoneS: number | null = null;
    let partial = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      process.stderr.write(chunk);
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      // "  screen: done: 40000000 rows (62.6 s) (64.7 s)": the last figure is the job's elapsed time.
      for (const line of lines) {
        const done = /screen: done: .*\(([\d.]+) s\)$/.exec(line.trimEnd());
        if (done) screenDoneS = Number(done[1]);
      }
    });
    const poll = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 100);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      const wallS = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return reject(new Error(`${label}: exited with status ${code}`));
      resolvePromise({ label, wallS, peakGiB: peak / 2 ** 30, loadStart, loadEnd: load(), screenDoneS });
    });
  });
}

/** Runs `paritrana …args` untimed (setting up the database). */
function untimed(args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolvePromise() : reject(new Error(`paritrana ${args[0]}: exited with status ${code}`))));
  });
}

/** Rows of each output file of the screen. */
async function outputRows(outDir: string): Promise<Record<string, number>> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const counts: Record<string, number> = {};
    for (const name of ['regency_indicators', 'province_indicators', 'employer_indicators', 'shortlist']) {
      const reader = await connection.runAndReadAll(`select count(*)::bigint as n from read_csv(${sqlString(join(outDir, `${name}.csv`))}, header = true, all_varchar = true)`);
      counts[name] = Number(reader.getRowObjectsJS()[0]?.n ?? 0);
    }
    return counts;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const rowsOf = (result: unknown) => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];

/** The edition to load into, and after the load what the newest snapshot holds. */
async function inDatabase<T>(target: { dataDir: string } | { url: string }, run: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = await openDatabase(target);
  try {
    return await run(database.db);
  } finally {
    await database.close();
  }
}

async function stored(db: Awaited<ReturnType<typeof openDatabase>>['db']) {
  const [snapshot] = rowsOf(await db.execute(sql`select id, status from coverage_snapshots order by created_at desc limit 1`));
  const id = String(snapshot?.id);
  const count = async (table: string, extra = '') =>
    Number(rowsOf(await db.execute(sql.raw(`select count(*)::int as n from ${table} where snapshot_id = '${id}' ${extra}`)))[0]?.n);
  return {
    status: String(snapshot?.status),
    regency_indicators: await count('coverage_regions', 'and not is_province'),
    province_indicators: await count('coverage_regions', 'and is_province'),
    employer_indicators: await count('coverage_employers'),
    shortlist: await count('coverage_shortlist'),
    candidateValues: Number(rowsOf(await db.execute(sql.raw(`select count(*)::int as n from candidate_values where snapshot_id = '${id}'`)))[0]?.n),
  };
}

const extractFiles = await ensureExtract({ ...extract, csv: format === 'csv', log });
const data = format === 'csv' ? extractFiles.csv! : extractFiles.parquet;
const work = await mkdtemp(join(tmpdir(), 'paritrana-bench-load-'));
const results: Measure[] = [];
const checks: string[] = [];
try {
  log(`paritrana screen on ${data}`);
  const screenOut = join(work, 'screen-out');
  const screen = await timed('paritrana screen', ['screen', '--data', data, '--year', String(year), '--out', screenOut], {});
  results.push(screen);
  const expected = await outputRows(screenOut);
  log(`  ${screen.wallS.toFixed(1)} s; ${JSON.stringify(expected)}`);

  for (const database of databases) {
    let env: Record<string, string>;
    let target: { dataDir: string } | { url: string };
    let drop: (() => Promise<void>) | null = null;
    if (database === 'pglite') {
      const dir = join(work, 'pglite');
      env = { PARITRANA_DATA_DIR: dir, DATABASE_URL: '' };
      target = { dataDir: join(dir, 'db') };
    } else {
      const { default: pg } = await import('pg');
      const name = `paritrana_bench_load_${process.pid}`;
      const admin = new pg.Client({ connectionString: postgresUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(postgresUrl);
      url.pathname = `/${name}`;
      env = { PARITRANA_DATA_DIR: join(work, 'pg-files'), DATABASE_URL: url.toString() };
      target = { url: url.toString() };
      drop = async () => {
        const dropper = new pg.Client({ connectionString: postgresUrl });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name} with (force)`);
        await dropper.end();
      };
    }
    try {
      log(`${database}: migrate and seed the demo (not timed)`);
      await untimed(['migrate'], env);
      await untimed(['seed-demo'], env);
      const edition = await inDatabase(target, async (db) => (await listEditions(db))[0]!);
      log(`${database}: paritrana load-extract into "${edition.label}"`);
      const measure = await timed(`paritrana load-extract, ${database === 'pglite' ? 'PGlite' : 'PostgreSQL'}`, ['load-extract', '--edition', edition.id, '--data', data, '--year', String(year)], env);
      results.push(measure);
      log(`  ${measure.wallS.toFixed(1)} s`);
      const got = await inDatabase(target, stored);
      const wrong = Object.keys(expected).filter((k) => got[k as keyof typeof got] !== expected[k]);
      checks.push(
        got.status === 'ready' && wrong.length === 0
          ? `${database}: snapshot ready with every row the screen wrote (${got.employer_indicators.toLocaleString('en-US')} employers, ${got.candidateValues} candidate figures)`
          : `${database}: WRONG: status ${got.status}, ${wrong.map((k) => `${k} ${String(got[k as keyof typeof got])} instead of ${expected[k]}`).join(', ')}`,
      );
    } finally {
      await drop?.();
    }
  }
} finally {
  await rm(work, { recursive: true, force: true });
}

const fmt = (n: number, d = 1) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const screen = results[0]!;
console.log(`\nExtract: ${scale}, seed ${seed}, year ${year}, ${format}.`);
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${fmt(totalmem() / 2 ** 30)} GiB, Node.js ${process.version}.\n`);
console.log('| run | wall (s) | × screen | peak memory (GiB) | load average at start / end (1, 5, 15 min) |');
console.log('|---|---:|---:|---:|---|');
for (const m of results) console.log(`| ${m.label} | ${fmt(m.wallS)} | ${fmt(m.wallS / screen.wallS, 2)} | ${fmt(m.peakGiB, 2)} | ${m.loadStart} / ${m.loadEnd} |`);
console.log('');
// The machine's load moves the screen's time from one run to the next: load-extract's own screen,
// timed within the same process, is the fairer yardstick for what the storing adds.
for (const m of results.slice(1)) {
  if (m.screenDoneS == null) continue;
  const rest = m.wallS - m.screenDoneS;
  console.log(
    `${m.label}: its own screen was done ${fmt(m.screenDoneS)} s after its job started; all the rest (start, hashing the inputs, reading and storing the results) took ${fmt(rest)} s: ${fmt(m.wallS / m.screenDoneS, 2)}× its own screen.`,
  );
}
console.log('');
for (const check of checks) console.log(check);
for (const m of results.slice(1)) {
  console.log(`${m.wallS <= 2 * screen.wallS ? 'met    ' : 'NOT met'}  ${m.label} within 2× of the screen's time (${fmt(m.wallS / screen.wallS, 2)}×)`);
  console.log(`${m.peakGiB <= 2 ? 'met    ' : 'NOT met'}  ${m.label} at most 2 GiB peak memory (${fmt(m.peakGiB, 2)} GiB)`);
}

/**
 * Benchmark (not a test): how long other requests wait while candidates are
 * imported. Starts the app on an embedded database (or PostgreSQL with
 * BENCH_DATABASE_URL, in a database of its own created and dropped here),
 * keeps `--probes` concurrent loops of GET /api/health running, and measures their latency (p50, p99, max) during:
 *
 *   1. nothing (the baseline),
 *   2. one import of 5,000 rows (the cap per file) as CSV,
 *   3. the same as XLSX (the sheet is read in the request),
 *   4. four 5,000-row CSV imports at once: 20,000 rows in all.
 *
 * Each import is timed from the upload to its job being done.
 *
 *     npm run bench:import [-- --probes 10]
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { migrateDatabase, openDatabase } from '../src/db/client.ts';
import { ensureRegions } from '../src/db/repositories/regions.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { seedDemo } from '../src/server/services/demo.ts';
import { listEditions } from '../src/db/repositories/editions.ts';
import { maxImportRows } from '../src/server/services/candidate-sheet.ts';

const option = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const probes = option('probes', 10);

/** On PostgreSQL, a database of its own, created here from BENCH_DATABASE_URL and dropped at the end, so runs never meet. */
const serverUrl = process.env.BENCH_DATABASE_URL;
const own = serverUrl ? `paritrana_bench_import_${randomBytes(4).toString('hex')}` : null;
async function onServer(statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
let url: string | undefined;
if (serverUrl && own) {
  await onServer(`create database ${own}`);
  const address = new URL(serverUrl);
  address.pathname = `/${own}`;
  url = address.toString();
}
const database = await openDatabase(url ? { url } : { dataDir: 'memory://' });
await migrateDatabase(database);
await ensureRegions(database.db);
await seedDemo(database.db);
const editionId = (await listEditions(database.db))[0]!.id;
const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database, version: 'bench' }, { logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'admin@paritrana.demo', password: 'paritrana-demo-2025' }),
});
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
const { csrfToken } = (await login.json()) as { csrfToken: string };

let nextNpp = 10_000_000;
const rows = () => Array.from({ length: maxImportRows }, () => nextNpp++).map((n) => ['usaha-besar', `${n}`, `PT Bangku ${n}`, 'besar']);
const header = ['kategori', 'npp', 'nama', 'kelas_usaha'];
const csv = () => Buffer.from([header, ...rows()].map((r) => r.join(',')).join('\n'));
async function xlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Kandidat');
  sheet.addRow(header);
  for (const r of rows()) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function importFile(name: string, content: Buffer): Promise<{ acceptedMs: number; doneMs: number }> {
  const started = performance.now();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)]), name);
  const res = await fetch(`${base}/api/editions/${editionId}/candidates/import?province=52`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken },
    body: form,
  });
  if (res.status !== 202) throw new Error(`import answered ${res.status}: ${await res.text()}`);
  const acceptedMs = performance.now() - started;
  const { jobId } = (await res.json()) as { jobId: string };
  for (;;) {
    const job = (await (await fetch(`${base}/api/jobs/${jobId}`, { headers: { cookie } })).json()) as { status: string; error: string | null };
    if (job.status === 'done') return { acceptedMs, doneMs: performance.now() - started };
    if (job.status === 'failed') throw new Error(`import failed: ${job.error}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Runs `work` while `probes` loops call /api/health; answers their latencies
 * and the longest the server's event loop was held at once (on PGlite that
 * includes every statement, which runs in this thread).
 */
async function probeDuring<T>(work: () => Promise<T>): Promise<{ result: T; latencies: number[]; stallMs: number }> {
  const latencies: number[] = [];
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let running = true;
  const loops = Array.from({ length: probes }, async () => {
    while (running) {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/health`);
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
    }
  });
  const result = await work();
  running = false;
  await Promise.all(loops);
  loop.disable();
  return { result, latencies, stallMs: loop.max / 1e6 };
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const ms = (v: number) => `${v.toFixed(1)} ms`;
const report = (name: string, run: { latencies: number[]; stallMs: number }, extra: string) =>
  process.stdout.write(
    `${name.padEnd(40)} health n=${String(run.latencies.length).padStart(6)}  p50 ${ms(pct(run.latencies, 50)).padStart(9)}  p99 ${ms(pct(run.latencies, 99)).padStart(9)}  max ${ms(Math.max(...run.latencies)).padStart(9)}  loop held ${ms(run.stallMs).padStart(9)}  ${extra}\n`,
  );

process.stdout.write(`database: ${database.driver}; ${probes} concurrent /api/health loops; ${maxImportRows} rows per import (the cap)\n`);
const idle = await probeDuring(() => new Promise((resolve) => setTimeout(resolve, 3000)));
report('idle (3 s)', idle, '');
const csvFile = csv();
const one = await probeDuring(() => importFile('kandidat.csv', csvFile));
report(`one CSV import (${maxImportRows} rows)`, one, `202 after ${ms(one.result.acceptedMs)}, done after ${ms(one.result.doneMs)}`);
const xlsxFile = await xlsx();
const sheet = await probeDuring(() => importFile('kandidat.xlsx', xlsxFile));
report(`one XLSX import (${maxImportRows} rows)`, sheet, `202 after ${ms(sheet.result.acceptedMs)}, done after ${ms(sheet.result.doneMs)}`);
const files = [csv(), csv(), csv(), csv()];
const four = await probeDuring(() => Promise.all(files.map((f) => importFile('kandidat.csv', f))));
report(
  `four CSV imports at once (${4 * maxImportRows} rows)`,
  four,
  `all done after ${ms(Math.max(...four.result.map((r) => r.doneMs)))}`,
);
await app.close();
await database.close();
if (own) await onServer(`drop database if exists ${own} with (force)`);

import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { DuckDBInstance } from '@duckdb/node-api';
import { drivers, testDatabase } from '../support/database.ts';
import type { Database } from '../../src/db/client.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { listEditions } from '../../src/db/repositories/editions.ts';
import { bulkInsertEmployerIndicators, findSnapshotById } from '../../src/db/repositories/coverage.ts';
import { candidateValues, coverageEmployers, coverageRegions, coverageShortlist } from '../../src/db/schema/index.ts';
import { coverageSnapshotJob, coverageSnapshotKind, hashInputs, startSnapshot } from '../../src/server/services/coverage-import.ts';
import { cliScreenRunner } from '../../src/server/services/screen-runner.ts';
import { JobRunner } from '../../src/server/job-runner.ts';
import type { SnapshotProgress } from '../../src/db/schema/index.ts';

const bin = fileURLToPath(new URL('../../bin/paritrana', import.meta.url));

/** Names that CSV, COPY and array literals each treat specially. */
const awkwardNames = [
  'PT "Maju", Jaya\nCabang Mataram',
  'CV Garis\\Miring \\N dan \\.',
  'NULL',
  '',
  ' Koperasi; \'petik\' , tepi ',
  'Baris\r\nCRLF dan\ttab',
  'Ünïcödé — PT Åbc 日本 🚀',
  '{"a","b"}',
];

const csvField = (value: string) => (/[",\r\n]/.test(value) || value === '' ? `"${value.replaceAll('"', '""')}"` : value);
const csvLine = (values: string[]) => values.map(csvField).join(',');

/** The employers file of an extract as header and rows (its fields hold no quotes or commas as generated). */
async function employersOf(dir: string): Promise<{ header: string[]; rows: string[][] }> {
  const lines = (await readFile(join(dir, 'employers.csv'), 'utf8')).split('\n').filter((l) => l !== '');
  return { header: lines[0]!.split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

async function copyExtract(from: string, prefix: string, employers: { header: string[]; rows: string[][] }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  for (const name of await readdir(from)) if (name !== 'employers.csv') await writeFile(join(dir, name), await readFile(join(from, name)));
  await writeFile(join(dir, 'employers.csv'), [csvLine(employers.header), ...employers.rows.map(csvLine)].join('\n') + '\n');
  return dir;
}

/** `employer_indicators.csv` as the screen writes it for an extract, read independently of the app. */
async function screenEmployers(dir: string): Promise<Record<string, string | null>[]> {
  const out = await mkdtemp(join(tmpdir(), 'paritrana-bulk-screen-'));
  execFileSync(process.execPath, [bin, 'screen', '--data', dir, '--year', '2024', '--out', out], { stdio: 'pipe' });
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const path = join(out, 'employer_indicators.csv').replaceAll("'", "''");
    const reader = await connection.runAndReadAll(`select * from read_csv('${path}', header = true, all_varchar = true) order by npp`);
    return reader.getRowObjectsJS() as Record<string, string | null>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe.each(drivers())('bulk loading a coverage snapshot on %s', (driver) => {
  let database: Database;
  let editionId: string;
  let generated: string;
  let awkward: string;
  let tooLong: string;
  const longNpp = 'N9999999999999999999999999';

  /** Runs the snapshot job as `paritrana load-extract` does, storing employers in batches of `batch`. */
  const load = async (dir: string, batch: number) => {
    const db = database.db;
    const ctx = { db, actor: null };
    const { snapshot, job } = await startSnapshot(ctx, editionId, { year: 2024, inputFiles: await hashInputs(dir), dataDir: dir, removeData: false });
    const progress: SnapshotProgress[] = [];
    const errors: unknown[] = [];
    const runner = new JobRunner({
      db,
      handlers: { [coverageSnapshotKind]: coverageSnapshotJob(cliScreenRunner, (p) => progress.push(p), { employerBatch: batch }) },
      onError: (error) => errors.push(error),
    });
    await runner.runOne(job.id);
    expect(errors).toEqual([]);
    const stored = progress.filter((p) => p.stage === 'storing employers').map((p) => p.rowsRead);
    return { snapshot: (await findSnapshotById(db, snapshot.id))!, stored };
  };

  beforeAll(async () => {
    generated = await mkdtemp(join(tmpdir(), 'paritrana-bulk-'));
    execFileSync(process.execPath, [bin, 'gen-extract', '--out', generated, '--scale', 'small', '--seed', '7'], { stdio: 'pipe' });
    const employers = await employersOf(generated);
    const name = employers.header.indexOf('name');
    const withAwkwardNames = { ...employers, rows: employers.rows.map((row, i) => (i < awkwardNames.length ? row.map((v, c) => (c === name ? awkwardNames[i]! : v)) : row)) };
    awkward = await copyExtract(generated, 'paritrana-bulk-awkward-', withAwkwardNames);
    // An employer the screen accepts but the database cannot hold (its npp is longer than 20
    // characters); it sorts last, so the batches before it are stored before the load fails.
    const last = employers.rows.at(-1)!;
    tooLong = await copyExtract(generated, 'paritrana-bulk-long-', { ...employers, rows: [...employers.rows, [longNpp, 'PT Terakhir', ...last.slice(2)]] });
    database = await testDatabase(driver);
    await seedDemo(database.db);
    editionId = (await listEditions(database.db))[0]!.id;
  });
  afterAll(async () => database?.close());

  it('stores every employer the screen wrote, in batches, with awkward names and empty figures exactly as written', async () => {
    const { snapshot, stored } = await load(awkward, 150);
    expect(snapshot.status).toBe('ready');
    // 400 employers in batches of 150: the progress counts each batch stored.
    expect(stored).toEqual([150, 300, 400]);

    const expected = await screenEmployers(awkward);
    const rows = await database.db.select().from(coverageEmployers).where(eq(coverageEmployers.snapshotId, snapshot.id)).orderBy(asc(coverageEmployers.npp));
    expect(rows).toHaveLength(expected.length);
    expect(rows.slice(0, awkwardNames.length).map((r) => r.name)).toEqual(awkwardNames);
    const num = (v: string | null | undefined) => (v == null || v === '' ? null : Math.round(Number(v) * 10_000) / 10_000);
    expect(rows.map((r) => ({ ...r, snapshotId: undefined }))).toEqual(
      expected.map((e) => ({
        snapshotId: undefined,
        npp: e.npp,
        name: e.name ?? '',
        regencyCode: e.regency_code,
        size: e.size,
        workers: Number(e.workers),
        workersPrev: Number(e.workers_prev),
        growthPct: num(e.growth_pct),
        declaredCoveragePct: num(e.declared_coverage_pct),
        programCompletePct: num(e.program_complete_pct),
        belowMinWagePct: num(e.below_min_wage_pct),
        monthsDue: Number(e.months_due),
        monthsInArrears: Number(e.months_in_arrears),
        onTimePct: num(e.on_time_pct),
      })),
    );
    expect(rows.some((r) => r.declaredCoveragePct === null)).toBe(true);
  });

  it('stores nothing of a snapshot whose load fails after some batches were stored, and says why', async () => {
    const before = await database.db.select().from(candidateValues);
    const { snapshot, stored } = await load(tooLong, 150);
    // Two batches were stored (and committed) before the third failed.
    expect(stored).toEqual([150, 300]);
    expect(snapshot.status).toBe('failed');
    expect(snapshot.problems).toEqual([expect.stringMatching(/character varying\(20\)/)]);
    expect(await database.db.select().from(coverageEmployers).where(eq(coverageEmployers.snapshotId, snapshot.id))).toEqual([]);
    expect(await database.db.select().from(coverageRegions).where(eq(coverageRegions.snapshotId, snapshot.id))).toEqual([]);
    expect(await database.db.select().from(coverageShortlist).where(eq(coverageShortlist.snapshotId, snapshot.id))).toEqual([]);
    expect(await database.db.select().from(candidateValues)).toEqual(before);
  });

  it('refuses to store employers under a snapshot that does not exist', async () => {
    const columns = ['N1', 'PT Yatim', '52.01', 'kecil', '1', '1', null, null, null, null, '0', '0', null].map((v) => [v]);
    const missing = randomUUID();
    await expect(database.db.transaction((tx) => bulkInsertEmployerIndicators(tx, missing, columns))).rejects.toThrow();
    expect(await database.db.select().from(coverageEmployers).where(eq(coverageEmployers.snapshotId, missing))).toEqual([]);
  });
});

/**
 * Benchmark (not a test): what durability costs the embedded database.
 * 1,000 single-row committed inserts into PGlite on disk, three ways:
 * - durable: as Paritrana opens it (fsync on, wal_sync_method=fsync, a real
 *   fsync(2) per commit: src/db/pglite-durable.ts);
 * - PGlite's default: fsync off, nothing flushed (what ran before);
 * - in memory, for scale.
 *
 *     npm run bench:durability [-- --rows 1000 --dir /path/on/the/disk/to/measure]
 *
 * Prints the wall time, commits per second and the cost of a commit. The
 * numbers depend on the disk: run it where the data directory will live.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openDurablePglite } from '../src/db/pglite-durable.ts';

const option = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const rows = Number(option('rows', '1000'));
const base = option('dir', tmpdir());

async function run(label: string, open: (dir: string) => Promise<PGlite>): Promise<void> {
  const dir = mkdtempSync(join(base, 'paritrana-bench-'));
  const client = await open(join(dir, 'db'));
  try {
    await client.exec('create table marks (id serial primary key, value numeric not null, at timestamptz not null default now())');
    const started = process.hrtime.bigint();
    for (let i = 0; i < rows; i++) await client.query('insert into marks (value) values ($1)', [i % 100]);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const fsync = (await client.query<{ fsync: string }>('show fsync')).rows[0]!.fsync;
    process.stdout.write(`${label.padEnd(30)} fsync=${fsync.padEnd(3)} ${rows} commits in ${ms.toFixed(0).padStart(6)} ms  ${((rows * 1000) / ms).toFixed(0).padStart(6)}/s  ${(ms / rows).toFixed(2)} ms per commit\n`);
  } finally {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

process.stdout.write(`PGlite ${rows} single-row committed inserts, data under ${base}\n`);
await run('durable (Paritrana)', async (dir) => (await openDurablePglite(dir)).client);
await run('PGlite default (fsync off)', (dir) => PGlite.create(dir));
await run('in memory', () => PGlite.create('memory://'));

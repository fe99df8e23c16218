/**
 * Benchmark (not a test): the public results endpoint under concurrent load,
 * as on announcement day. Builds a published provincial pool on an embedded
 * database (or PostgreSQL with BENCH_DATABASE_URL), starts the app and drives
 * it with autocannon:
 *
 *   1. GET /api/public/pools/:id/result            (served from the public cache)
 *   2. the same with If-None-Match                 (304, no body)
 *   3. GET /api/public/editions/:id/results        (every ranking of the edition)
 *   4. GET /api/public/certificates/:code          (certificate check)
 *
 * and, for comparison, a bare Fastify server (no hooks, no plugins) on the
 * same machine answering the same pool-result body: the ratio of the two
 * rates is what the app's own work per request costs; and how long building
 * the pool result takes without the cache (the database reads and
 * serialisation one request would cost).
 *
 *     npm run bench:public [-- --connections 100 --duration 10 --rounds 1]
 */
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { migrateDatabase, openDatabase } from '../src/db/client.ts';
import { ensureRegions } from '../src/db/repositories/regions.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { seedDemo } from '../src/server/services/demo.ts';
import { publishResult } from '../src/server/services/publication.ts';
import { publicPoolResult } from '../src/server/services/public-portal.ts';
import { publicResult } from '../src/shared/contracts/index.ts';
import { finalisedPool } from '../test/support/publication.ts';

const option = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const connections = option('connections', 100);
const duration = option('duration', 10);
// On a machine shared with other work the rate drifts with the load: several rounds, each running
// the bare server and then the app, give the ratio from the sums of both over the same stretch of time.
const rounds = option('rounds', 1);

const url = process.env.BENCH_DATABASE_URL;
const database = await openDatabase(url ? { url } : { dataDir: 'memory://' });
await migrateDatabase(database);
await ensureRegions(database.db);
await seedDemo(database.db);
const f = await finalisedPool(database.db);
const status = await publishResult({ db: database.db, actor: f.provincial }, f.poolId);
const code = status.winners[0]!.certificate!.code;

const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database, version: 'bench' }, { logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const first = await fetch(`${base}/api/public/pools/${f.poolId}/result`);
const etag = first.headers.get('etag')!;
const body = Buffer.from(await first.arrayBuffer());
const bytes = body.byteLength;

// The same body from a bare Fastify route: the ceiling of a Node HTTP server on this machine.
const bare = Fastify({ logger: false });
bare.get('/result', (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
await bare.listen({ port: 0, host: '127.0.0.1' });
const bareBase = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}`;

type Run = { name: string; path: string; headers?: Record<string, string>; base?: string };
const runs: Run[] = [
  { name: 'bare Fastify, same body', path: '/result', base: bareBase },
  { name: 'pool result (cached)', path: `/api/public/pools/${f.poolId}/result` },
  { name: 'pool result, If-None-Match (304)', path: `/api/public/pools/${f.poolId}/result`, headers: { 'if-none-match': etag } },
  { name: 'edition results (cached)', path: `/api/public/editions/${f.editionId}/results` },
  { name: 'certificate check (cached)', path: `/api/public/certificates/${code}` },
];

process.stdout.write(
  `${cpus().length} CPU(s), Node ${process.version}, ${database.driver}; ${connections} connections for ${duration} s per run, ${rounds} round(s); the pool result is ${bytes} bytes\n\n` +
    `${'run'.padEnd(36)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p97.5 ms'.padStart(9)} ${'p99 ms'.padStart(7)} ${'errors'.padStart(7)}\n`,
);
// Warm-up (not counted): the first second of a run pays for compiling the code paths.
for (const run of runs) await autocannon({ url: run.base ?? base, connections, duration: 1, headers: run.headers ?? {}, requests: [{ method: 'GET', path: run.path }] });
const rates = new Map<string, number>();
const worstP99 = new Map<string, number>();
for (let round = 1; round <= rounds; round += 1) {
  if (rounds > 1) process.stdout.write(`round ${round}\n`);
  for (const run of runs) {
    const result = await autocannon({
      url: run.base ?? base,
      connections,
      duration,
      headers: run.headers ?? {},
      requests: [{ method: 'GET', path: run.path }],
    });
    rates.set(run.name, (rates.get(run.name) ?? 0) + result.requests.average);
    worstP99.set(run.name, Math.max(worstP99.get(run.name) ?? 0, result.latency.p99));
    const bad = result.errors + result.timeouts + result.non2xx - (run.headers?.['if-none-match'] ? result['3xx'] : 0);
    process.stdout.write(
      `${run.name.padEnd(36)} ${result.requests.average.toFixed(0).padStart(8)} ${String(result.latency.p50).padStart(7)} ${String(result.latency.p97_5).padStart(9)} ${String(result.latency.p99).padStart(7)} ${String(bad).padStart(7)}\n`,
    );
  }
}
const ratio = rates.get('pool result (cached)')! / rates.get('bare Fastify, same body')!;
process.stdout.write(`\npool result (cached) / bare Fastify: ${ratio.toFixed(2)}× (rates summed over ${rounds} round(s)); pool result p99 at most ${worstP99.get('pool result (cached)')} ms\n`);
await bare.close();
const builds = 200;
const start = performance.now();
for (let i = 0; i < builds; i += 1) JSON.stringify(publicResult.parse(await publicPoolResult(database.db, f.poolId)));
process.stdout.write(`\nwithout the cache: ${((performance.now() - start) / builds).toFixed(2)} ms to build the pool result once (mean of ${builds}, one at a time)\n`);
await app.close();
await database.close();

/**
 * The rehearsal's own installation: a fresh data directory (PGlite) or a
 * fresh PostgreSQL database created from DATABASE_URL and dropped after the
 * run, `paritrana create-admin` for the first national admin, and N app
 * servers as child processes. With several servers on PostgreSQL the
 * evidence goes to an S3-compatible store (s3rver on loopback) that every
 * server shares, as a real deployment behind a load balancer would.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import S3rver from 's3rver';
import { paritrana, startServer, type ServerProcess } from '../../test/support/server-process.ts';

export type Installation = {
  urls: string[];
  servers: ServerProcess[];
  dataDirs: string[];
  /** The sum of the servers' resident memory now, in MB. */
  rssMb: () => number;
  stop: () => Promise<void>;
};

export const adminEmail = 'admin.nasional@rehearsal.example';
export const password = 'rehearsal-password-2025';

/** The environment every server runs with: log-ins come from one loopback address here, from many in reality. */
const serverEnv = { LOGIN_RATE_PER_MINUTE: '1000000', LOGIN_ACCOUNT_RATE_PER_MINUTE: '1000000', REGISTRATION_RATE_PER_HOUR: '1000000' };

function rssOf(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.replace(/\D+/g, '')) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function stopServer(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 15_000);
  await gone;
  clearTimeout(timer);
}

export async function startInstallation(database: 'pglite' | 'postgres', count: number): Promise<Installation> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const env: Record<string, string> = { ...serverEnv };
  const dataDirs: string[] = [];
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'paritrana-rehearsal-'));
    dataDirs.push(d);
    cleanups.push(() => rmSync(d, { recursive: true, force: true }));
    return d;
  };
  if (database === 'postgres') {
    const base = process.env.DATABASE_URL;
    if (!base) throw new Error('--database postgres needs DATABASE_URL (a role that may create databases)');
    const name = `paritrana_rehearsal_${randomBytes(4).toString('hex')}`;
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    cleanups.push(async () => {
      const dropper = new pg.Client({ connectionString: base });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    });
    const url = new URL(base);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    if (count > 1) {
      const s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir(), configureBuckets: [{ name: 'paritrana-evidence', configs: [] }] });
      const { port } = (await s3.run()) as unknown as { port: number };
      cleanups.push(() => s3.close());
      // Shared by every server, as docs/scaling.md asks: the evidence bucket and the two-factor secrets' key.
      Object.assign(env, { S3_ENDPOINT: `http://127.0.0.1:${port}`, S3_BUCKET: 'paritrana-evidence', S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER', SECRETS_KEY: randomBytes(32).toString('hex') });
    }
  } else if (count > 1) {
    throw new Error('--servers above 1 needs --database postgres: an embedded database is opened by one process');
  }
  const first = dir();
  // Migrates the fresh database and creates the one account made outside the API.
  const created = paritrana(first, ['create-admin', '--email', adminEmail, '--name', 'Admin Nasional Rehearsal', '--password', password], env);
  if (created.status !== 0) throw new Error(`create-admin failed: ${created.stderr}`);
  const servers: ServerProcess[] = [];
  try {
    for (let i = 0; i < count; i += 1) servers.push(await startServer(i === 0 ? first : dir(), env));
  } catch (error) {
    for (const s of servers) await stopServer(s);
    throw error;
  }
  return {
    urls: servers.map((s) => s.url),
    servers,
    dataDirs,
    rssMb: () => servers.reduce((sum, s) => sum + rssOf(s.child.pid), 0),
    stop: async () => {
      for (const s of servers) await stopServer(s);
      for (const c of cleanups.reverse()) await c();
    },
  };
}

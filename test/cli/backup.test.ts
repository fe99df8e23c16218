import { createReadStream, createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import tar from 'tar-stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type Database, type Db } from '../../src/db/client.ts';
import { ensureRegions } from '../../src/db/repositories/regions.ts';
import { verifyAuditChain } from '../../src/db/repositories/audit.ts';
import { countRows, tablesInOrder } from '../../src/db/repositories/snapshot.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { publishResult } from '../../src/server/services/publication.ts';
import { uploadEvidence } from '../../src/server/services/evidence.ts';
import { reopenSelfAssessment } from '../../src/server/services/self-assessment.ts';
import { verifyCertificate } from '../../src/server/services/certificates.ts';
import { DiskFileStore } from '../../src/server/storage/disk-store.ts';
import { keyOf } from '../../src/server/storage/keys.ts';
import { finalisedPool } from '../support/publication.ts';
import { paritrana } from '../support/server-process.ts';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const fresh = (name: string) => mkdtempSync(join(tmpdir(), `paritrana-${name}-`));

type Census = { counts: Record<string, number>; audit: string[]; chain: Awaited<ReturnType<typeof verifyAuditChain>>; certificate: string };

/** Every table's row count, every audit entry as PostgreSQL writes it, the chain, and a certificate's verification. */
async function census(db: Db, code: string): Promise<Census> {
  const counts: Record<string, number> = {};
  for (const t of await tablesInOrder(db)) counts[t] = await countRows(db, t);
  const result: unknown = await db.execute(sql`select row_to_json(a)::text as r from audit_log a order by seq`);
  const audit = (result as { rows: { r: string }[] }).rows.map((r) => r.r);
  return { counts, audit, chain: await verifyAuditChain(db), certificate: (await verifyCertificate(db, code)).status };
}

async function withDatabase<T>(open: Promise<Database>, use: (db: Db) => Promise<T>): Promise<T> {
  const database = await open;
  try {
    return await use(database.db);
  } finally {
    await database.close();
  }
}

/** Rewrites a backup, letting `change` alter an entry's text (or the manifest). */
async function tamper(from: string, to: string, change: (name: string, text: string) => string): Promise<void> {
  const extract = tar.extract();
  const pack = tar.pack();
  const reading = pipeline(createReadStream(from), createGunzip(), extract);
  const writing = pipeline(pack, createGzip(), createWriteStream(to));
  for await (const entry of extract) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    const name = entry.header.name;
    const bytes = name.startsWith('files/') ? Buffer.concat(chunks) : Buffer.from(change(name, Buffer.concat(chunks).toString('utf8')));
    pack.entry({ name }, bytes);
  }
  await reading;
  pack.finalize();
  await writing;
}

describe('paritrana backup and restore', () => {
  const source = fresh('backup-src');
  const work = fresh('backup-work');
  const backup = join(work, 'backup.tar.gz');
  let code = '';
  let before: Census;
  let evidenceSha = '';

  beforeAll(async () => {
    await withDatabase(openDatabase({ dataDir: join(source, 'db') }), async (db) => {
      await migrateDatabase({ db, driver: 'pglite', close: () => Promise.resolve() });
      await ensureRegions(db);
      await seedDemo(db);
      const f = await finalisedPool(db);
      await publishResult({ db, actor: f.provincial }, f.poolId);
      // Evidence closes with the submission: the committee reopens it first.
      await reopenSelfAssessment({ db, actor: f.provincial }, f.ids.get('52.03')!, 'Melengkapi bukti');
      const stored = await uploadEvidence({ db, actor: f.provincial }, new DiskFileStore(join(source, 'files')), f.ids.get('52.03')!, { name: 'perkada.pdf', bytes: pdf });
      evidenceSha = stored.sha256;
      const certificates: unknown = await db.execute(sql`select code from certificates order by code limit 1`);
      const [certificate] = (certificates as { rows: { code: string }[] }).rows;
      code = certificate!.code;
      before = await census(db, code);
    });
  });

  it('backs up a demo installation with evidence and restores it into a fresh directory: same rows, same audit chain, same evidence', { timeout: 300_000 }, async () => {
    expect(before.chain.ok).toBe(true);
    expect(before.certificate).toBe('valid');
    expect(before.counts.evidence_files).toBe(1);
    const made = paritrana(source, ['backup', '--out', backup]);
    expect(made.status, made.stderr).toBe(0);
    const rows = Object.values(before.counts).reduce((n, v) => n + v, 0);
    expect(made.stdout).toBe(`${backup}: ${rows} rows in ${Object.keys(before.counts).length} tables, 1 evidence files, migration ${readdirSync(new URL('../../drizzle', import.meta.url)).filter((n) => n.endsWith('.sql')).length}\n`);

    const target = fresh('backup-dst');
    const restored = paritrana(target, ['restore', backup]);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toContain(`${rows} rows in ${Object.keys(before.counts).length} tables, 1 evidence files, audit chain of ${before.chain.entries} entries verified`);
    const after = await withDatabase(openDatabase({ dataDir: join(target, 'db') }), (db) => census(db, code));
    expect(after).toEqual(before);
    expect(readFileSync(join(target, 'files', ...keyOf(evidenceSha).split('/'))).equals(pdf)).toBe(true);

    // The restored installation serves and verifies as the original did.
    const verified = paritrana(target, ['audit', 'verify']);
    expect(verified.status, verified.stderr).toBe(0);
  });

  it('refuses a damaged backup and changes nothing', { timeout: 300_000 }, async () => {
    const damaged = join(work, 'damaged.tar.gz');
    await tamper(backup, damaged, (name, text) => (name === 'tables/audit_log.jsonl' ? text.replace(/"hash":"(.)/, (_, c: string) => `"hash":"${c === '0' ? '1' : '0'}`) : text));
    const target = fresh('backup-damaged');
    const refused = paritrana(target, ['restore', damaged]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe('The backup is damaged; nothing was restored\n  tables/audit_log.jsonl: missing or its checksum does not match the manifest\n');
    expect(readdirSync(target)).toEqual([]);

    const truncated = join(work, 'truncated.tar.gz');
    const whole = readFileSync(backup);
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    const cut = paritrana(target, ['restore', truncated]);
    expect(cut.status).toBe(2);
    expect(cut.stderr.split('\n')[0]).toBe('The backup is damaged; nothing was restored');
    expect(readdirSync(target)).toEqual([]);
  });

  it('refuses to overwrite a directory holding data without --force, and is all or nothing with it', { timeout: 300_000 }, async () => {
    const target = fresh('backup-force');
    expect(paritrana(target, ['restore', backup]).status).toBe(0);
    const again = paritrana(target, ['restore', backup]);
    expect(again.status).toBe(2);
    expect(again.stderr).toBe(`${target} already holds a database or files; restore replaces them only with --force\n`);

    // A backup that loads nothing (made at another migration level) leaves the data it would replace as it was.
    const otherLevel = join(work, 'other-level.tar.gz');
    await tamper(backup, otherLevel, (name, text) => (name === 'manifest.json' ? text.replace(/"count": \d+/, '"count": 999') : text));
    const refused = paritrana(target, ['restore', '--force', otherLevel]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('The backup was made at migration 999');
    expect(readdirSync(target).sort()).toEqual(['db', 'files']);
    expect((await withDatabase(openDatabase({ dataDir: join(target, 'db') }), (db) => census(db, code))).counts).toEqual(before.counts);

    const forced = paritrana(target, ['restore', '--force', backup]);
    expect(forced.status, forced.stderr).toBe(0);
    const kept = readdirSync(target).filter((n) => n.startsWith('replaced-'));
    expect(kept.length).toBe(1);
    expect(readdirSync(join(target, kept[0]!)).sort()).toEqual(['db', 'files']);
    expect(await withDatabase(openDatabase({ dataDir: join(target, 'db') }), (db) => census(db, code))).toEqual(before);
  });

  describe.runIf(Boolean(process.env.TEST_DATABASE_URL))('on PostgreSQL', () => {
    const created: string[] = [];
    const newDatabase = async (): Promise<string> => {
      const { default: pg } = await import('pg');
      const name = `paritrana_move_${process.pid}_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      created.push(name);
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${name}`;
      return url.toString();
    };
    afterAll(async () => {
      const { default: pg } = await import('pg');
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      for (const name of created) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    });

    it('moves the embedded installation to a fresh PostgreSQL database, where the audit chain and a certificate verify', { timeout: 300_000 }, async () => {
      const url = await newDatabase();
      const moved = paritrana(source, ['move-to-postgres', '--to', url]);
      expect(moved.status, moved.stderr).toBe(0);
      expect(moved.stdout).toContain(`audit chain of ${before.chain.entries} entries verified there`);
      const there = await withDatabase(openDatabase({ url }), (db) => census(db, code));
      expect(there).toEqual(before);
      const verified = paritrana(source, ['audit', 'verify'], { DATABASE_URL: url });
      expect(verified.status, verified.stderr).toBe(0);
      // A second move onto the same database is refused: it is not empty.
      const again = paritrana(source, ['move-to-postgres', '--to', url]);
      expect(again.status).toBe(2);
      expect(again.stderr.split('\n')[0]).toBe('The target database is not empty; nothing was restored');
    });

    it('restores a backup into an empty PostgreSQL database', { timeout: 300_000 }, async () => {
      const url = await newDatabase();
      const restored = paritrana(fresh('backup-pg'), ['restore', backup], { DATABASE_URL: url });
      expect(restored.status, restored.stderr).toBe(0);
      expect(await withDatabase(openDatabase({ url }), (db) => census(db, code))).toEqual(before);
    });
  });

  it('leaves no lock behind after the commands have ended', () => {
    expect(existsSync(join(source, 'paritrana.lock'))).toBe(false);
  });
});

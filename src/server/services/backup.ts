import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../db/client.ts';
import * as snapshot from '../../db/repositories/snapshot.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import { auditActor, type Actor } from '../policies/actor.ts';
import type { FileStore } from '../storage/file-store.ts';

/**
 * A backup of a whole installation (`.tar.gz`): `manifest.json`, one JSON
 * Lines file per table (`tables/<table>.jsonl`, each line PostgreSQL's JSON
 * of one row) and every evidence file the rows name (`files/<sha256>`).
 *
 * Consistent while the server runs: the rows are read in one REPEATABLE READ,
 * READ ONLY transaction, so they are one moment of the database (on PGlite the
 * transaction holds its only connection, so no write interleaves; on
 * PostgreSQL it reads one snapshot while writes go on). Evidence files are
 * stored by their SHA-256 and never change, so the files the snapshot's rows
 * name are read after it, unchanged.
 *
 * The same file restores an embedded installation, loads a fresh PostgreSQL
 * database, and moves an embedded installation to PostgreSQL: the rows go
 * back with their ids, hashes and signatures as they were.
 */
export const backupFormat = 'paritrana.backup/v1';

export type BackupManifest = {
  format: typeof backupFormat;
  /** The application's version that wrote it. */
  version: string;
  createdAt: string;
  driver: 'pglite' | 'postgres';
  /** The migrations the database had run: a backup loads only into the same level. */
  migrations: snapshot.MigrationLevel;
  /** In the order they are loaded. */
  tables: { name: string; rows: number; sha256: string }[];
  files: { sha256: string; bytes: number }[];
  /** Evidence rows whose file was missing from the store when the backup was made. */
  missingFiles: string[];
};

async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

async function addStream(pack: tar.Pack, name: string, size: number, stream: Readable): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const entry = pack.entry({ name, size, mode: 0o644 }, (error) => (error ? reject(error) : resolve()));
    stream.on('error', reject).pipe(entry);
  });
}

/**
 * Writes a backup of the database and of the evidence files its rows name to
 * `out` (a file or an HTTP response); returns its manifest.
 */
export async function writeBackup(db: Db, store: FileStore, out: Writable, meta: { version: string; driver: 'pglite' | 'postgres' }): Promise<BackupManifest> {
  const work = await mkdtemp(join(tmpdir(), 'paritrana-backup-'));
  try {
    const manifest: BackupManifest = {
      format: backupFormat,
      version: meta.version,
      createdAt: new Date().toISOString(),
      driver: meta.driver,
      migrations: { count: 0, lastHash: null },
      tables: [],
      files: [],
      missingFiles: [],
    };
    const evidence = new Map<string, number>();
    await db.transaction(
      async (tx) => {
        manifest.migrations = await snapshot.migrationLevel(tx);
        for (const name of await snapshot.tablesInOrder(tx)) {
          const path = join(work, `${name}.jsonl`);
          const file = createWriteStream(path);
          const hash = createHash('sha256');
          let rows = 0;
          for await (const page of snapshot.tableJsonRows(tx, name)) {
            const text = page.map((row) => `${row}\n`).join('');
            hash.update(text);
            if (!file.write(text)) await new Promise<void>((resolve) => file.once('drain', () => resolve()));
            rows += page.length;
            if (name === 'evidence_files') {
              for (const row of page) {
                const { sha256: key, bytes } = JSON.parse(row) as { sha256: string; bytes: number | string };
                evidence.set(key, Number(bytes));
              }
            }
          }
          file.end();
          await finished(file);
          manifest.tables.push({ name, rows, sha256: hash.digest('hex') });
        }
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    for (const [hash, bytes] of [...evidence].sort()) {
      if (await store.has(hash)) manifest.files.push({ sha256: hash, bytes });
      else manifest.missingFiles.push(hash);
    }
    const pack = tar.pack();
    const written = pipeline(pack, createGzip(), out);
    pack.entry({ name: 'manifest.json' }, JSON.stringify(manifest, null, 2));
    for (const t of manifest.tables) {
      const path = join(work, `${t.name}.jsonl`);
      await addStream(pack, `tables/${t.name}.jsonl`, (await stat(path)).size, createReadStream(path));
    }
    for (const f of manifest.files) await addStream(pack, `files/${f.sha256}`, f.bytes, await store.read(f.sha256));
    pack.finalize();
    await written;
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Records in the audit log that a backup of everything was taken, and by whom. */
export async function auditBackup(db: Db, actor: Actor | null, manifest: BackupManifest): Promise<void> {
  await db.transaction(async (tx) => {
    await appendAudit(tx, auditActor(actor), {
      action: 'installation.backup',
      entityType: 'installation',
      entityId: 'database',
      after: { createdAt: manifest.createdAt, tables: manifest.tables.length, rows: manifest.tables.reduce((n, t) => n + t.rows, 0), files: manifest.files.length },
    });
  });
}

const entryName = /^(manifest\.json|tables\/[a-z0-9_]+\.jsonl|files\/[0-9a-f]{64})$/;

/** A checked, unpacked backup: its manifest and where each part is. */
export type UnpackedBackup = { manifest: BackupManifest; dir: string; table: (name: string) => string; file: (sha256: string) => string };

const damaged = (problems: { path: string; message: string }[]) => new AppError('VALIDATION_FAILED', 'The backup is damaged; nothing was restored', problems);

/**
 * Unpacks a backup into `dir` and checks it against its manifest: every part
 * present with its SHA-256, nothing more. Throws (VALIDATION_FAILED) when the
 * backup is not whole; nothing is changed anywhere but `dir`.
 */
export async function unpackBackup(path: string, dir: string): Promise<UnpackedBackup> {
  const local = (name: string) => join(dir, name.replace('/', '__'));
  try {
    const extract = tar.extract();
    const reading = pipeline(createReadStream(path), createGunzip(), extract);
    reading.catch(() => undefined);
    for await (const entry of extract) {
      const name = entry.header.name;
      if (entry.header.type !== 'file' || !entryName.test(name)) {
        extract.destroy();
        throw damaged([{ path: name.slice(0, 100), message: 'not part of a backup' }]);
      }
      await pipeline(entry, createWriteStream(local(name)));
    }
    await reading;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw damaged([{ path: 'file', message: `not a readable backup (.tar.gz): ${error instanceof Error ? error.message : String(error)}` }]);
  }
  let manifest: BackupManifest | null;
  try {
    manifest = JSON.parse(await readText(local('manifest.json'))) as BackupManifest;
  } catch {
    manifest = null;
  }
  if (manifest?.format !== backupFormat) throw damaged([{ path: 'manifest.json', message: `missing or not of the format ${backupFormat}` }]);
  const problems: { path: string; message: string }[] = [];
  const expected = new Set(['manifest.json']);
  for (const t of manifest.tables) {
    expected.add(`tables__${t.name}.jsonl`);
    if ((await fileSha256(local(`tables/${t.name}.jsonl`)).catch(() => null)) !== t.sha256) problems.push({ path: `tables/${t.name}.jsonl`, message: 'missing or its checksum does not match the manifest' });
  }
  for (const f of manifest.files) {
    expected.add(`files__${f.sha256}`);
    if ((await fileSha256(local(`files/${f.sha256}`)).catch(() => null)) !== f.sha256) problems.push({ path: `files/${f.sha256}`, message: 'missing or its content does not match its SHA-256' });
  }
  for (const name of await readdir(dir)) if (!expected.has(name)) problems.push({ path: name.replace('__', '/'), message: 'not listed in the manifest' });
  if (problems.length > 0) throw damaged(problems);
  return { manifest, dir, table: (name) => local(`tables/${name}.jsonl`), file: (hash) => local(`files/${hash}`) };
}

async function readText(path: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of createReadStream(path)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export type LoadResult = { tables: Record<string, number>; files: number };

/**
 * Loads a checked backup into an empty database migrated to the backup's
 * level: its evidence files into the store, then every row in one
 * transaction (all or nothing).
 * Refuses a database that already holds rows, or that is at another
 * migration level.
 */
export async function loadBackup(db: Db, store: FileStore, backup: UnpackedBackup): Promise<LoadResult> {
  const { manifest } = backup;
  const level = await snapshot.migrationLevel(db);
  if (level.count !== manifest.migrations.count || level.lastHash !== manifest.migrations.lastHash) {
    throw new AppError('CONFLICT', `The backup was made at migration ${manifest.migrations.count} and this database is at ${level.count}: restore it with the version that made it (${manifest.version})`);
  }
  const tables = await snapshot.tablesInOrder(db);
  const listed = manifest.tables.map((t) => t.name);
  if ([...listed].sort().join(',') !== [...tables].sort().join(',')) {
    throw new AppError('CONFLICT', 'The backup holds other tables than this database', [{ path: 'tables', message: `backup: ${listed.join(', ')}; database: ${tables.join(', ')}` }]);
  }
  const refuseOccupied = async (on: Db) => {
    const occupied: string[] = [];
    for (const name of tables) if ((await snapshot.countRows(on, name)) > 0) occupied.push(name);
    if (occupied.length > 0) throw new AppError('CONFLICT', 'The target database is not empty; nothing was restored', occupied.map((name) => ({ path: name, message: 'holds rows' })));
  };
  await refuseOccupied(db);
  // Files first: they are stored by their SHA-256 and never change, so storing one the rows
  // then do not name (the load refused) harms nothing, while rows naming a missing file would.
  for (const f of manifest.files) {
    const chunks: Buffer[] = [];
    for await (const chunk of createReadStream(backup.file(f.sha256))) chunks.push(chunk as Buffer);
    await store.put(Buffer.concat(chunks));
  }
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    await refuseOccupied(tx);
    for (const name of tables) {
      let batch: string[] = [];
      counts[name] = 0;
      const lines = createInterface({ input: createReadStream(backup.table(name)), crlfDelay: Infinity });
      for await (const line of lines) {
        if (line === '') continue;
        batch.push(line);
        counts[name] += 1;
        if (batch.length >= 1000) {
          await snapshot.loadRows(tx, name, batch);
          batch = [];
        }
      }
      await snapshot.loadRows(tx, name, batch);
      const expected = manifest.tables.find((t) => t.name === name)!.rows;
      if (counts[name] !== expected) throw new AppError('VALIDATION_FAILED', `The backup's ${name} holds ${counts[name]} rows, its manifest says ${expected}; nothing was restored`);
    }
    await snapshot.resetSequences(tx);
  });
  return { tables: counts, files: manifest.files.length };
}

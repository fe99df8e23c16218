import { createWriteStream, existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AppError } from '../../domain/errors.ts';
import { migrateDatabase, openDatabase, type Database } from '../../db/client.ts';
import { lockDataDir } from '../../db/data-dir-lock.ts';
import { verifyAuditChain } from '../../db/repositories/audit.ts';
import { countRows } from '../../db/repositories/snapshot.ts';
import { openLocked } from '../bootstrap.ts';
import type { Config } from '../config.ts';
import { DiskFileStore } from '../storage/disk-store.ts';
import { createFileStore } from '../storage/file-store.ts';
import { loadBackup, unpackBackup, writeBackup, type BackupManifest, type LoadResult, type UnpackedBackup } from './backup.ts';

export type RestoreResult = LoadResult & { manifest: BackupManifest; auditEntries: number; target: string; replaced?: string | null };

const nonEmpty = (dir: string): boolean => existsSync(dir) && readdirSync(dir).length > 0;

/** Loads a checked backup into a freshly migrated database, then checks counts and the audit chain there. */
async function loadAndCheck(database: Database, store: Parameters<typeof loadBackup>[1], backup: UnpackedBackup): Promise<LoadResult & { auditEntries: number }> {
  await migrateDatabase(database);
  const loaded = await loadBackup(database.db, store, backup);
  for (const t of backup.manifest.tables) {
    const rows = await countRows(database.db, t.name);
    if (rows !== t.rows) throw new AppError('INTERNAL', `${t.name} holds ${rows} rows after loading, the backup ${t.rows}`);
  }
  const chain = await verifyAuditChain(database.db);
  if (!chain.ok) throw new AppError('INTERNAL', `The audit chain does not verify after loading (entry ${chain.firstBadSeq}: ${chain.reason})`);
  return { ...loaded, auditEntries: chain.entries };
}

/**
 * Restores a backup, all or nothing.
 *
 * Embedded (no DATABASE_URL): under the data directory's lock (so never under
 * a running server), into a new database and file store beside the current
 * ones, which replace the current ones only once everything is loaded and
 * checked; a data directory that holds a database or files is replaced only
 * with `force`.
 *
 * PostgreSQL (DATABASE_URL): into that database, which must be empty (create
 * a new one); every row in one transaction.
 */
export async function restoreInstallation(config: Config, path: string, options: { force: boolean }): Promise<RestoreResult> {
  if ('url' in config.database) {
    const work = await mkdtemp(join(tmpdir(), 'paritrana-restore-'));
    try {
      const backup = await unpackBackup(path, work);
      const database = await openDatabase(config.database);
      try {
        return { ...(await loadAndCheck(database, createFileStore(config), backup)), manifest: backup.manifest, target: 'DATABASE_URL' };
      } finally {
        await database.close();
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  const lock = lockDataDir(config.dataDir);
  const dbDir = config.database.dataDir;
  const filesDir = config.filesDir;
  const staging = join(config.dataDir, `.restore-${process.pid}`);
  try {
    if (!options.force && (nonEmpty(dbDir) || (!config.s3 && nonEmpty(filesDir)))) {
      throw new AppError('CONFLICT', `${config.dataDir} already holds a database or files; restore replaces them only with --force`);
    }
    await rm(staging, { recursive: true, force: true });
    await mkdir(join(staging, 'parts'), { recursive: true });
    const backup = await unpackBackup(path, join(staging, 'parts'));
    const stagedDb = join(staging, 'db');
    const stagedFiles = join(staging, 'files');
    // Evidence on S3 is stored by SHA-256 and never changes: it goes straight to the bucket.
    const store = config.s3 ? createFileStore(config) : new DiskFileStore(stagedFiles);
    const database = await openDatabase({ dataDir: stagedDb });
    let result: LoadResult & { auditEntries: number };
    try {
      result = await loadAndCheck(database, store, backup);
    } finally {
      await database.close();
    }
    // Everything is loaded and checked: swap the new database (and files) in, the old ones aside.
    // Kept until the operator removes it: a forced restore must not be the end of the data it replaced.
    const aside = join(config.dataDir, `replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    const swaps: [string, string][] = [[stagedDb, dbDir]];
    if (!config.s3) {
      await mkdir(stagedFiles, { recursive: true });
      swaps.push([stagedFiles, filesDir]);
    }
    const done: { from: string; to: string; old: string | null }[] = [];
    try {
      for (const [from, to] of swaps) {
        const old = existsSync(to) ? join(aside, basename(to)) : null;
        if (old) {
          await mkdir(aside, { recursive: true });
          await rename(to, old);
        }
        await rename(from, to);
        done.push({ from, to, old });
      }
    } catch (error) {
      // Put back what was moved, newest first.
      for (const d of done.reverse()) {
        await rename(d.to, d.from);
        if (d.old) await rename(d.old, d.to);
      }
      throw error;
    }
    return { ...result, manifest: backup.manifest, target: dbDir, replaced: done.some((d) => d.old) ? aside : null };
  } finally {
    await rm(staging, { recursive: true, force: true });
    lock.release();
  }
}

/**
 * Moves an embedded installation to PostgreSQL: under the data directory's
 * lock, a backup of the embedded database is loaded into the PostgreSQL
 * database at `url` (migrated here, and which must be empty), keeping every
 * id, hash and signature; the audit chain is verified there. The embedded
 * database is left as it was. Evidence files stay where they are (the local
 * file store or the bucket), named by SHA-256.
 */
export async function moveToPostgres(config: Config, url: string, version: string): Promise<RestoreResult> {
  if ('url' in config.database) throw new AppError('VALIDATION_FAILED', 'DATABASE_URL is set: this installation already runs on PostgreSQL');
  const work = await mkdtemp(join(tmpdir(), 'paritrana-move-'));
  try {
    const file = join(work, 'backup.tar.gz');
    const source = await openLocked(config);
    try {
      await migrateDatabase(source);
      const store = createFileStore(config);
      await writeBackup(source.db, store, createWriteStream(file), { version, driver: 'pglite' });
      await mkdir(join(work, 'parts'));
      const backup = await unpackBackup(file, join(work, 'parts'));
      const target = await openDatabase({ url });
      try {
        return { ...(await loadAndCheck(target, store, backup)), manifest: backup.manifest, target: url.replace(/\/\/[^@/]*@/, '//') };
      } finally {
        await target.close();
      }
    } finally {
      await source.close();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

import type { Command } from 'commander';
import type { ExitStatus } from './index.ts';

/** Prints an application error's message and details; returns whether it was one (exit 2). */
async function reportRefusal(error: unknown, status: ExitStatus): Promise<boolean> {
  const { AppError } = await import('../../domain/errors.ts');
  if (!(error instanceof AppError)) return false;
  process.stderr.write(`${error.message}\n`);
  for (const d of error.details ?? []) process.stderr.write(`  ${d.path}: ${d.message}\n`);
  status.code = 2;
  return true;
}

/**
 * `paritrana backup`, `paritrana restore` and `paritrana move-to-postgres`:
 * the whole installation (every row, the evidence files) in one checked file,
 * back into an installation, or onto PostgreSQL (docs/operations.md).
 */
export function registerBackup(program: Command, status: ExitStatus): void {
  program
    .command('backup')
    .description('Write a backup of the whole installation (every row, the evidence files) to one .tar.gz with a manifest of SHA-256 checksums. While the server runs on the embedded database, take it through the server: POST /api/admin/backup')
    .requiredOption('--out <file>', 'the backup to write, e.g. paritrana-2026-11-30.tar.gz')
    .action(async (opts: { out: string }) => {
      const { createWriteStream } = await import('node:fs');
      const { rename, rm } = await import('node:fs/promises');
      const { loadConfig } = await import('../../server/config.ts');
      const { openLocked, version } = await import('../../server/bootstrap.ts');
      const { DataDirLockedError } = await import('../../db/data-dir-lock.ts');
      const { createFileStore } = await import('../../server/storage/file-store.ts');
      const { writeBackup } = await import('../../server/services/backup.ts');
      const config = loadConfig();
      let database;
      try {
        database = await openLocked(config);
      } catch (error) {
        if (error instanceof DataDirLockedError) {
          error.message += '\nWhile the server runs, take the backup through it: POST /api/admin/backup as a national admin (docs/operations.md).';
        }
        throw error;
      }
      const partial = `${opts.out}.partial`;
      try {
        const manifest = await writeBackup(database.db, createFileStore(config), createWriteStream(partial), { version, driver: database.driver });
        await rename(partial, opts.out);
        const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
        process.stdout.write(`${opts.out}: ${rows} rows in ${manifest.tables.length} tables, ${manifest.files.length} evidence files, migration ${manifest.migrations.count}\n`);
        if (manifest.missingFiles.length > 0) process.stderr.write(`warning: ${manifest.missingFiles.length} evidence file(s) named by rows are missing from the file store and are not in the backup\n`);
      } finally {
        await rm(partial, { force: true });
        await database.close();
      }
    });

  program
    .command('restore')
    .description('Restore a backup made by `paritrana backup`, all or nothing (exit 2 when refused): into PARITRANA_DATA_DIR (the server stopped), or into the empty PostgreSQL database of DATABASE_URL')
    .argument('<backup>', 'a .tar.gz written by `paritrana backup` or POST /api/admin/backup')
    .option('--force', 'replace a data directory that already holds a database or files (the old ones are kept aside)')
    .action(async (file: string, opts: { force?: boolean }) => {
      const { loadConfig } = await import('../../server/config.ts');
      const { restoreInstallation } = await import('../../server/services/restore.ts');
      try {
        const result = await restoreInstallation(loadConfig(), file, { force: opts.force === true });
        const rows = Object.values(result.tables).reduce((n, v) => n + v, 0);
        process.stdout.write(`restored ${file} (made ${result.manifest.createdAt}): ${rows} rows in ${Object.keys(result.tables).length} tables, ${result.files} evidence files, audit chain of ${result.auditEntries} entries verified\n`);
        if (result.replaced) process.stdout.write(`the data it replaced is kept in ${result.replaced}\n`);
      } catch (error) {
        if (!(await reportRefusal(error, status))) throw error;
      }
    });

  program
    .command('move-to-postgres')
    .description('Copy this embedded installation into an empty PostgreSQL database (migrated here), keeping every id, hash and signature; then run with DATABASE_URL set to it')
    .requiredOption('--to <url>', 'postgres:// URL of the target database, e.g. postgres://paritrana@db.example.go.id/paritrana')
    .action(async (opts: { to: string }) => {
      const { loadConfig } = await import('../../server/config.ts');
      const { version } = await import('../../server/bootstrap.ts');
      const { moveToPostgres } = await import('../../server/services/restore.ts');
      if (!/^postgres(ql)?:\/\//.test(opts.to)) {
        process.stderr.write('--to must be a postgres:// or postgresql:// URL\n');
        status.code = 2;
        return;
      }
      try {
        const result = await moveToPostgres(loadConfig(), opts.to, version);
        const rows = Object.values(result.tables).reduce((n, v) => n + v, 0);
        process.stdout.write(`moved to ${result.target}: ${rows} rows in ${Object.keys(result.tables).length} tables, audit chain of ${result.auditEntries} entries verified there\n`);
        process.stdout.write('now set DATABASE_URL to it and start the server; the embedded database is left as it was\n');
      } catch (error) {
        if (!(await reportRefusal(error, status))) throw error;
      }
    });
}

import type { Command } from 'commander';
import type { ExitStatus } from './index.ts';

/** `paritrana export-edition` and `paritrana import-edition`: move a whole edition between installations. */
export function registerEditionArchive(program: Command, status: ExitStatus): void {
  program
    .command('export-edition')
    .description('Write a whole edition (every row as JSON, the evidence files by SHA-256) to a .tar.gz archive')
    .requiredOption('--edition <id-or-label>', 'edition id, or its exact label such as "Paritrana Award 2025"')
    .requiredOption('--out <file>', 'the archive to write, e.g. paritrana-award-2025.tar.gz')
    .action(async (opts: { edition: string; out: string }) => {
      const { loadConfig } = await import('../../server/config.ts');
      const { startDatabase } = await import('../../server/bootstrap.ts');
      const { createFileStore } = await import('../../server/storage/file-store.ts');
      const { exportEditionArchive } = await import('../../server/services/edition-archive.ts');
      const { findEdition, listEditions } = await import('../../db/repositories/editions.ts');
      const config = loadConfig();
      const database = await startDatabase(config);
      try {
        const db = database.db;
        const edition = /^[0-9a-f-]{36}$/.test(opts.edition) ? await findEdition(db, opts.edition) : ((await listEditions(db)).find((e) => e.label === opts.edition) ?? null);
        if (!edition) {
          process.stderr.write(`No edition ${opts.edition}\n`);
          status.code = 2;
          return;
        }
        const manifest = await exportEditionArchive(db, createFileStore(config), edition.id, opts.out);
        const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
        process.stdout.write(`${opts.out}: "${edition.label}", ${rows} rows in ${manifest.tables.length} tables, ${manifest.files.length} evidence files\n`);
        if (manifest.missingFiles.length > 0) process.stderr.write(`warning: ${manifest.missingFiles.length} evidence file(s) were already missing from this installation and are not in the archive\n`);
      } finally {
        await database.close();
      }
    });

  program
    .command('import-edition')
    .description('Restore an edition from an archive made by export-edition, all or nothing (exit 2 when it is refused)')
    .argument('<archive>', 'a .tar.gz written by `paritrana export-edition`')
    .action(async (file: string) => {
      const { loadConfig } = await import('../../server/config.ts');
      const { startDatabase } = await import('../../server/bootstrap.ts');
      const { createFileStore } = await import('../../server/storage/file-store.ts');
      const { importEditionArchive } = await import('../../server/services/edition-archive.ts');
      const { AppError } = await import('../../domain/errors.ts');
      const config = loadConfig();
      const database = await startDatabase(config);
      try {
        const result = await importEditionArchive(database.db, createFileStore(config), null, file);
        const rows = Object.values(result.tables).reduce((n, v) => n + v, 0);
        process.stdout.write(
          `imported "${result.label}" (${result.editionId}): ${rows} rows, ${result.files} evidence files, accounts ${result.users.matched} matched and ${result.users.created} created inactive\n`,
        );
      } catch (error) {
        if (error instanceof AppError) {
          process.stderr.write(`${error.message}\n`);
          for (const d of error.details ?? []) process.stderr.write(`  ${d.path}: ${d.message}\n`);
          status.code = 2;
          return;
        }
        throw error;
      } finally {
        await database.close();
      }
    });
}

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
        const manifest = await exportEditionArchive(db, createFileStore(config), edition.id, opts.out, { installation: config.installationName });
        const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
        process.stdout.write(`${opts.out}: "${edition.label}", ${rows} rows in ${manifest.tables.length} tables, ${manifest.files.length} evidence files\n`);
        process.stdout.write(`signed by installation "${manifest.signer.installation}", key fingerprint ${manifest.signer.fingerprint}\n`);
        if (manifest.withheldPools.length > 0) process.stdout.write(`left out: the marks, sheets and results of ${manifest.withheldPools.length} pool(s) not finalised\n`);
        if (manifest.missingFiles.length > 0) process.stderr.write(`warning: ${manifest.missingFiles.length} evidence file(s) were already missing from this installation and are not in the archive\n`);
      } finally {
        await database.close();
      }
    });

  program
    .command('import-edition')
    .description(
      'Restore an edition from an archive made by export-edition, all or nothing, once its signer is confirmed with --trust (exit 2 when it is refused or not confirmed)',
    )
    .argument('<archive>', 'a .tar.gz written by `paritrana export-edition`')
    .option('--trust <fingerprint>', "the fingerprint of the archive's signing key, checked with the exporting installation; without it the archive is only inspected")
    .action(async (file: string, opts: { trust?: string }) => {
      const { loadConfig } = await import('../../server/config.ts');
      const { startDatabase } = await import('../../server/bootstrap.ts');
      const { createFileStore } = await import('../../server/storage/file-store.ts');
      const { importEditionArchive, inspectEditionArchive } = await import('../../server/services/edition-archive.ts');
      const { AppError } = await import('../../domain/errors.ts');
      const config = loadConfig();
      const database = await startDatabase(config);
      try {
        if (!opts.trust) {
          const seen = await inspectEditionArchive(database.db, file, config.archiveLimits);
          const rows = Object.values(seen.tables).reduce((n, v) => n + v, 0);
          process.stdout.write(`archive of "${seen.edition.label}" (${seen.edition.id}), exported ${seen.exportedAt}\n`);
          process.stdout.write(`signed by installation "${seen.signer.installation}", key fingerprint ${seen.signer.fingerprint}\n`);
          process.stdout.write(`${rows} rows in ${Object.keys(seen.tables).length} tables, ${seen.files} evidence files, ${seen.users} accounts\n`);
          process.stderr.write(`nothing imported: check the fingerprint with the exporting installation, then run again with --trust ${seen.signer.fingerprint}\n`);
          status.code = 2;
          return;
        }
        const result = await importEditionArchive(database.db, createFileStore(config), null, file, { trust: opts.trust.trim(), limits: config.archiveLimits });
        const rows = Object.values(result.tables).reduce((n, v) => n + v, 0);
        process.stdout.write(
          `imported "${result.label}" (${result.editionId}) signed by "${result.signer.installation}" (${result.signer.fingerprint}): ${rows} rows, ${result.files} evidence files, accounts ${result.users.matched} matched and ${result.users.created} created inactive\n`,
        );
      } catch (error) {
        if (error instanceof AppError) {
          process.stderr.write(`${error.message}\n`);
          // Details that the message already names (one file, one problem) are not repeated.
          for (const d of error.details ?? []) if (!error.message.includes(d.path.split(':')[0]!)) process.stderr.write(`  ${d.path}: ${d.message}\n`);
          status.code = 2;
          return;
        }
        throw error;
      } finally {
        await database.close();
      }
    });
}

import type { Command } from 'commander';
import type { ExitStatus } from './index.ts';
import { refusalsToStatus } from './refusals.ts';

export function registerLoadExtract(program: Command, status: ExitStatus): void {
  program
    .command('load-extract')
    .description('Screen a national coverage extract and store its indicators as a new snapshot of an edition')
    .requiredOption('--edition <id-or-label>', 'edition id, or its exact label such as "Paritrana Award 2025"')
    .requiredOption('--data <dir>', 'directory with the extract files (see `paritrana screen`)')
    .option('--year <year>', 'assessment year (default: the year the edition’s period ends)')
    .action(async (opts: { edition: string; data: string; year?: string }) => {
      const { loadConfig } = await import('../../server/config.ts');
      const { startDatabase } = await import('../../server/bootstrap.ts');
      const { coverageSnapshotJob, coverageSnapshotKind, hashInputs, startSnapshot } = await import('../../server/services/coverage-import.ts');
      const { JobRunner } = await import('../../server/job-runner.ts');
      const { findSnapshotById } = await import('../../db/repositories/coverage.ts');
      const { cliScreenRunner } = await import('../../server/services/screen-runner.ts');
      const { findEdition, listEditions } = await import('../../db/repositories/editions.ts');
      const database = await startDatabase(loadConfig());
      try {
        await refusalsToStatus(status, async () => {
          const db = database.db;
          const edition = /^[0-9a-f-]{36}$/.test(opts.edition)
            ? await findEdition(db, opts.edition)
            : ((await listEditions(db)).find((e) => e.label === opts.edition) ?? null);
          if (!edition) {
            process.stderr.write(`No edition ${opts.edition}\n`);
            status.code = 2;
            return;
          }
          const ctx = { db, actor: null };
          const inputFiles = await hashInputs(opts.data);
          const { snapshot, job } = await startSnapshot(ctx, edition.id, { year: opts.year ? Number(opts.year) : undefined, inputFiles, dataDir: opts.data, removeData: false });
          process.stderr.write(`snapshot v${snapshot.version} of "${edition.label}" (year ${snapshot.year})\n`);
          // Runs the snapshot's job here, through the same job table the app servers use.
          const outcome: { error: Error | null } = { error: null };
          const runner = new JobRunner({
            db,
            handlers: {
              [coverageSnapshotKind]: coverageSnapshotJob(cliScreenRunner, (p) =>
                process.stderr.write(`  ${p.message ?? `${p.stage}: ${p.rowsRead} rows`} (${(p.elapsedMs / 1000).toFixed(1)} s)\n`),
              ),
            },
            onError: (error) => (outcome.error = error instanceof Error ? error : new Error('The snapshot job failed', { cause: error })),
          });
          await runner.runOne(job.id);
          if (outcome.error) throw outcome.error;
          const done = (await findSnapshotById(db, snapshot.id))!;
          if (done.status === 'ready') {
            process.stdout.write(`snapshot v${done.version} ready\n`);
          } else {
            for (const line of done.problems ?? []) process.stderr.write(`${line}\n`);
            status.code = 2;
          }
        });
      } finally {
        await database.close();
      }
    });
}

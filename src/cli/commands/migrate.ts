import type { Command } from 'commander';
import type { ExitStatus } from './index.ts';

export function registerMigrate(program: Command, _status: ExitStatus): void {
  program
    .command('migrate')
    .description('Apply the database migrations and load the regions (DATABASE_URL, or PGlite in PARITRANA_DATA_DIR)')
    .action(async () => {
      const { loadConfig } = await import('../../server/config.ts');
      const { startDatabase } = await import('../../server/bootstrap.ts');
      const config = loadConfig();
      // Whatever MIGRATE_ON_START says for the server, this command is the one that migrates.
      const database = await startDatabase({ ...config, migrateOnStart: true });
      await database.close();
      process.stdout.write(`migrations applied (${database.driver})\n`);
    });
}

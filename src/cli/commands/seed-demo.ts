import type { Command } from 'commander';
import type { ExitStatus } from './index.ts';

export function registerSeedDemo(program: Command, status: ExitStatus): void {
  program
    .command('seed-demo')
    .description('Create the demo editions, laid out around today, and one account per role in an empty database')
    .action(async () => {
      const { loadConfig } = await import('../../server/config.ts');
      const { startDatabase } = await import('../../server/bootstrap.ts');
      const { demoLogins, demoPassword, seedDemo } = await import('../../server/services/demo.ts');
      const database = await startDatabase(loadConfig());
      try {
        const { todayInWib } = await import('../../server/services/demo-calendar.ts');
        const today = todayInWib();
        const { created } = await seedDemo(database.db, { today });
        if (!created) {
          process.stderr.write('The database already has users; the demo is only created in an empty database.\n');
          status.code = 1;
          return;
        }
        const { seedShowcase } = await import('../../server/services/demo-showcase.ts');
        await seedShowcase(database.db, { today });
        process.stdout.write(`demo created; log-ins (password "${demoPassword}"):\n`);
        for (const a of demoLogins) process.stdout.write(`  ${a.email.padEnd(34)} ${a.label}\n`);
      } finally {
        await database.close();
      }
    });
}

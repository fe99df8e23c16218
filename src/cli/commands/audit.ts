import type { Command } from 'commander';
import type { ExitStatus } from './index.ts';

export function registerAudit(program: Command, status: ExitStatus): void {
  const audit = program.command('audit').description('The append-only audit log');
  audit
    .command('verify')
    .description('Recompute the SHA-256 chain of the whole audit log; exit 1 when it is broken')
    .action(async () => {
      const { loadConfig } = await import('../../server/config.ts');
      const { startDatabase } = await import('../../server/bootstrap.ts');
      const { verifyAuditChain } = await import('../../db/repositories/audit.ts');
      const database = await startDatabase(loadConfig());
      try {
        const result = await verifyAuditChain(database.db);
        if (result.ok) {
          process.stdout.write(`audit chain intact: ${result.entries} entries\n`);
        } else {
          process.stderr.write(`audit chain BROKEN at entry ${result.firstBadSeq}: ${result.reason} (${result.entries} entries before it are intact)\n`);
          status.code = 1;
        }
      } finally {
        await database.close();
      }
    });
}

import type { Command } from 'commander';
import type { ExitStatus } from './index.ts';
import { refusalsToStatus } from './refusals.ts';

/**
 * `paritrana reset-two-factor`: for the national admin who lost both the app
 * and the recovery codes, when no other national admin can reset it from
 * the accounts page. Same effect as there: the secret and recovery codes go,
 * every session ends, the owner is e-mailed, audited (by `system`).
 */
export function registerResetTwoFactor(program: Command, status: ExitStatus): void {
  program
    .command('reset-two-factor')
    .description('Switch off the two-step verification of an account (its owner lost the app and the recovery codes)')
    .requiredOption('--email <email>', 'the account’s e-mail')
    .requiredOption('--reason <reason>', 'why (10 to 500 characters), kept in the audit log and told to the owner')
    .action(async (opts: { email: string; reason: string }) => {
      const { loadConfig } = await import('../../server/config.ts');
      const { startDatabase } = await import('../../server/bootstrap.ts');
      const { resetTwoFactor } = await import('../../server/services/users.ts');
      const { findUserByEmail } = await import('../../db/repositories/users.ts');
      const { twoFactorReset } = await import('../../shared/contracts/index.ts');
      const { AppError } = await import('../../domain/errors.ts');
      const parsed = twoFactorReset.safeParse({ reason: opts.reason });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) process.stderr.write(`--${issue.path.join('.')}: ${issue.message}\n`);
        status.code = 2;
        return;
      }
      const database = await startDatabase(loadConfig());
      try {
        await refusalsToStatus(status, async () => {
          const user = await findUserByEmail(database.db, opts.email);
          if (!user) throw new AppError('NOT_FOUND', `No account has the e-mail ${opts.email}`);
          await resetTwoFactor({ db: database.db, actor: null }, user.id, parsed.data);
          process.stdout.write(`two-step verification of ${user.email} switched off; every session of the account ended and its owner is e-mailed\n`);
        });
      } finally {
        await database.close();
      }
    });
}

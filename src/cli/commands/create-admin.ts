import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import type { ExitStatus } from './index.ts';
import { refusalsToStatus } from './refusals.ts';

export function registerCreateAdmin(program: Command, status: ExitStatus): void {
  program
    .command('create-admin')
    .description('Create a national admin account')
    .requiredOption('--email <email>', 'e-mail used to sign in')
    .requiredOption('--name <name>', 'full name')
    .option('--password <password>', 'at least 12 characters, not a common one; PARITRANA_ADMIN_PASSWORD, or a generated one printed once')
    .action(async (opts: { email: string; name: string; password?: string }) => {
      const { loadConfig } = await import('../../server/config.ts');
      const { startDatabase } = await import('../../server/bootstrap.ts');
      const { createUser } = await import('../../server/services/users.ts');
      const { userInput } = await import('../../shared/contracts/index.ts');
      const generated = !opts.password && !process.env.PARITRANA_ADMIN_PASSWORD;
      const password = opts.password ?? process.env.PARITRANA_ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
      const parsed = userInput.safeParse({
        email: opts.email,
        name: opts.name,
        password,
        locale: 'id',
        roles: [{ role: 'national_admin', provinceCode: null, candidateId: null }],
      });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) process.stderr.write(`${issue.path.join('.')}: ${issue.message}\n`);
        status.code = 2;
        return;
      }
      const database = await startDatabase(loadConfig());
      try {
        await refusalsToStatus(status, async () => {
          await createUser({ db: database.db, actor: null }, parsed.data);
          process.stdout.write(`national admin ${parsed.data.email} created${generated ? `; password: ${password}` : ''}\n`);
        });
      } finally {
        await database.close();
      }
    });
}

import type { Command } from 'commander';
import { registerServe } from './serve.ts';
import { registerMigrate } from './migrate.ts';
import { registerSeedDemo } from './seed-demo.ts';
import { registerCreateAdmin } from './create-admin.ts';
import { registerResetTwoFactor } from './reset-two-factor.ts';
import { registerAudit } from './audit.ts';
import { registerLoadExtract } from './load-extract.ts';
import { registerScreen } from './screen.ts';
import { registerGenExtract } from './gen-extract.ts';
import { registerScore } from './score.ts';
import { registerEditionArchive } from './edition-archive.ts';
import { registerBackup } from './backup.ts';

/** The exit status a command sets; 0 unless it says otherwise. */
export type ExitStatus = { code: number };

/**
 * Every command of `paritrana` is registered here, one module per command.
 */
export function registerCommands(program: Command, status: ExitStatus): void {
  registerServe(program, status);
  registerMigrate(program, status);
  registerSeedDemo(program, status);
  registerCreateAdmin(program, status);
  registerResetTwoFactor(program, status);
  registerAudit(program, status);
  registerLoadExtract(program, status);
  registerScreen(program, status);
  registerGenExtract(program, status);
  registerScore(program, status);
  registerEditionArchive(program, status);
  registerBackup(program, status);
}

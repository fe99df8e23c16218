import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index.ts';

/** Runs the `paritrana` command line and returns the process exit status. */
export async function run(argv: string[]): Promise<number> {
  const program = new Command('paritrana')
    .description('Paritrana Award: penghargaan jaminan sosial ketenagakerjaan')
    .showHelpAfterError()
    .exitOverride();
  const status = { code: 0 };
  registerCommands(program, status);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    // An error may carry its own exit status (e.g. 75: the data directory is in use).
    const code = error instanceof Error && 'exitCode' in error ? error.exitCode : undefined;
    return typeof code === 'number' ? code : 1;
  }
  return status.code;
}

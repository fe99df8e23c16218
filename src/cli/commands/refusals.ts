import { AppError } from '../../domain/errors.ts';
import type { ExitStatus } from './index.ts';

/**
 * Runs a command's work: a refusal (an AppError: an unknown e-mail, a value
 * the rules do not take) is the caller's to fix, written on stderr with exit
 * status 2; anything else is thrown on, as a bug.
 */
export async function refusalsToStatus(status: ExitStatus, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    process.stderr.write(`${error.message}\n`);
    status.code = 2;
  }
}

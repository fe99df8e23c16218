import type { Db } from '../../db/client.ts';
import { AppError } from '../../domain/errors.ts';
import { databaseFault } from '../../db/faults.ts';
import { writeHealthRow } from '../../db/repositories/health.ts';
import { fileStoreFault } from '../storage/faults.ts';
import type { FileStore } from '../storage/file-store.ts';

export type HealthCheck = { ok: true } | { ok: false; reason: string };
export type Health = { ok: boolean; checks: { database: HealthCheck; files: HealthCheck; secrets: HealthCheck } };

/** How long one check may take before it counts as failed (a database that hangs is not healthy). */
export const checkTimeoutMs = 5000;

async function check(run: () => Promise<void>, reasonOf: (error: unknown) => string): Promise<HealthCheck> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<HealthCheck>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: `no answer within ${checkTimeoutMs / 1000} s` }), checkTimeoutMs);
  });
  try {
    return await Promise.race([
      run().then((): HealthCheck => ({ ok: true })),
      timeout,
    ]);
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  } finally {
    clearTimeout(timer);
  }
}

function databaseReason(error: unknown): string {
  const fault = databaseFault(error);
  if (fault?.kind === 'storage') return `cannot write: ${fault.reason} (${fault.sqlState})`;
  if (fault?.kind === 'unavailable') return `unreachable${fault.sqlState ? ` (${fault.sqlState})` : ''}`;
  const code = (error as { cause?: { code?: unknown } }).cause?.code;
  return `write failed${typeof code === 'string' ? ` (${code})` : ''}`;
}

function filesReason(error: unknown): string {
  if (error instanceof AppError && error.details?.[0]) return `cannot write: ${error.details[0].message}`;
  const known = fileStoreFault(error);
  if (known) return `cannot write: ${known} (${(error as { code: string }).code})`;
  return `cannot write: ${(error as Error).message}`;
}

/** Said when this server's key opens none of the stored two-step secrets. */
export const secretsMismatchReason = 'SECRETS_KEY does not open the stored two-step secrets: users with two-step verification cannot sign in here';

function secretsReason(error: unknown): string {
  if (error instanceof Error && error.message === secretsMismatchReason) return secretsMismatchReason;
  return databaseFault(error)?.kind === 'unavailable' ? 'not checked: the database is unreachable' : `not checked: ${(error as Error).message}`;
}

/**
 * What the app needs to do its work: a database that commits a write, a
 * file store that takes a file, and a secrets key that opens the stored
 * two-step secrets (`secretsOpen`; a server given another key than its
 * peers would refuse those users' sign-ins). The database and the file store
 * are written on every call, so a read-only or full disk shows here, not only
 * when a user saves.
 */
export async function checkHealth(db: Db, store: FileStore, secretsOpen: () => Promise<boolean>): Promise<Health> {
  const secretsCheck = async () => {
    if (!(await secretsOpen())) throw new Error(secretsMismatchReason);
  };
  // The handle is the pool (each check its own connection), never a transaction.
  const [database, files, secrets] = await Promise.all([
    check(() => writeHealthRow(db), databaseReason),
    check(() => store.probe(), filesReason),
    check(secretsCheck, secretsReason),
  ]);
  return { ok: database.ok && files.ok && secrets.ok, checks: { database, files, secrets } };
}

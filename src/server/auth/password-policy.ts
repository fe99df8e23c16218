import { readFileSync } from 'node:fs';
import { AppError } from '../../domain/errors.ts';
import { minPasswordLength } from '../../shared/contracts/auth.ts';

/**
 * Passwords refused wherever one is set: the list shipped beside this file
 * (its header says where it comes from), compared without regard to case.
 */
const common: ReadonlySet<string> = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#')),
);

export function isCommonPassword(password: string): boolean {
  return common.has(password.trim().toLowerCase());
}

/**
 * Checks a password about to be set: long enough, not a common or breached
 * one, not the account's own e-mail. Throws VALIDATION_FAILED on `path`.
 */
export function checkNewPassword(password: string, { email, path = 'password' }: { email?: string; path?: string } = {}): void {
  const lower = password.trim().toLowerCase();
  const problem =
    password.length < minPasswordLength
      ? `at least ${minPasswordLength} characters`
      : isCommonPassword(password)
        ? 'too common: it is on the list of passwords known from breaches'
        : email && (lower === email.toLowerCase() || lower === email.toLowerCase().split('@')[0])
          ? 'must not be the e-mail address'
          : null;
  if (problem) throw new AppError('VALIDATION_FAILED', `Choose another password: ${problem}`, [{ path, message: problem }]);
}

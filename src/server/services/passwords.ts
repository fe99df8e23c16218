import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../db/client.ts';
import * as users from '../../db/repositories/users.ts';
import * as messages from '../../db/repositories/messages.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { PasswordChange } from '../../shared/contracts/index.ts';
import type { Config } from '../config.ts';
import { dummyHash, hashPassword, verifyPassword } from '../auth/passwords.ts';
import { checkNewPassword } from '../auth/password-policy.ts';
import { auditActor, type Actor } from '../policies/actor.ts';

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
/** How long a reset link works. */
export const resetMinutes = 60;

/**
 * The signed-in user changes their password: the current one is needed (a
 * wrong one counts as a failed log-in), the new one must pass the rules, and
 * every other session of the user ends.
 */
export async function changePassword(db: Db, config: Config, actor: Actor, input: PasswordChange): Promise<void> {
  const user = await users.findUserById(db, actor.id);
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  const locked = user.lockedUntil !== null && user.lockedUntil.getTime() > Date.now();
  const current = await verifyPassword(locked ? await dummyHash() : user.passwordHash, input.currentPassword);
  if (locked || !current) {
    if (!locked) await users.recordFailedLogin(db, user.id, config.login);
    throw new AppError('VALIDATION_FAILED', 'The current password is wrong', [{ path: 'currentPassword', message: 'wrong password' }]);
  }
  checkNewPassword(input.newPassword, { email: user.email, path: 'newPassword' });
  if (await verifyPassword(user.passwordHash, input.newPassword)) {
    throw new AppError('VALIDATION_FAILED', 'Choose a password other than the current one', [{ path: 'newPassword', message: 'same as the current password' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await users.updateUser(tx, user.id, { passwordHash, failedLogins: 0, lockedUntil: null, lockouts: 0 });
    await users.deleteOtherSessionsOf(tx, user.id, actor.sessionId);
    await users.closePasswordResetsOf(tx, user.id);
    await appendAudit(tx, auditActor(actor), { action: 'user.password-change', entityType: 'user', entityId: user.id, after: { passwordChanged: true } });
  });
}

/**
 * Sends a reset link to the e-mail when it belongs to an active account, and
 * does nothing otherwise: the answer is the same either way. The link works
 * once, for an hour; the token is stored hashed.
 */
export async function requestPasswordReset(db: Db, email: string, baseUrl: string): Promise<void> {
  const user = await users.findUserByEmail(db, email);
  if (!user || !user.active) return;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + resetMinutes * 60_000);
  const link = `${baseUrl.replace(/\/$/, '')}/atur-ulang-sandi/${token}`;
  await db.transaction(async (tx) => {
    const reset = await users.insertPasswordReset(tx, { userId: user.id, tokenHash: tokenHash(token), expiresAt });
    await messages.queueMessage(tx, {
      to: user.email,
      // No province: the message is for its addressee only (the outbox hides reset links).
      provinceCode: null,
      subject: 'Atur ulang kata sandi Paritrana / Reset your Paritrana password',
      body: [
        `Yth. ${user.name},`,
        ``,
        `Ada permintaan untuk mengatur ulang kata sandi akun Paritrana Anda. Buka tautan berikut untuk membuat kata sandi baru:`,
        link,
        ``,
        `Tautan berlaku ${resetMinutes} menit dan hanya dapat dipakai sekali. Abaikan pesan ini bila Anda tidak memintanya.`,
        ``,
        `(English) Someone asked to reset the password of your Paritrana account. Open the link above to choose a new one; it works once, for ${resetMinutes} minutes. Ignore this message if it was not you.`,
      ].join('\n'),
    });
    await appendAudit(tx, { id: null, label: 'system' }, { action: 'user.password-reset-request', entityType: 'user', entityId: user.id, after: { resetId: reset.id, expiresAt } });
  });
}

/** Sets a new password from a reset link: once, within the hour; every session of the user ends. */
export async function confirmPasswordReset(db: Db, token: string, password: string): Promise<void> {
  await db.transaction(async (tx) => {
    const reset = await users.findPasswordResetByHash(tx, tokenHash(token));
    const user = reset && reset.expiresAt.getTime() > Date.now() ? await users.findUserById(tx, reset.userId) : null;
    if (!reset || !user || !user.active) {
      throw new AppError('NOT_FOUND', 'This reset link is unknown, used or expired; ask for a new one');
    }
    checkNewPassword(password, { email: user.email });
    const passwordHash = await hashPassword(password);
    await users.updateUser(tx, user.id, { passwordHash, failedLogins: 0, lockedUntil: null, lockouts: 0 });
    await users.closePasswordResetsOf(tx, user.id);
    await users.deleteSessionsOf(tx, user.id);
    await appendAudit(tx, { id: user.id, label: user.email }, { action: 'user.password-reset', entityType: 'user', entityId: user.id, after: { resetId: reset.id } });
  });
}

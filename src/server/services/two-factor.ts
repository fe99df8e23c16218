import QRCode from 'qrcode';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../db/client.ts';
import * as users from '../../db/repositories/users.ts';
import * as security from '../../db/repositories/account-security.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { RecoveryCodesAnswer, TwoFactorDisable, TwoFactorSetup, TwoFactorStatus } from '../../shared/contracts/index.ts';
import type { Config } from '../config.ts';
import { dummyHash, verifyPassword } from '../auth/passwords.ts';
import { matchingStep, newRecoveryCode, newTotpSecret, otpauthUrl, recoveryCodeHash } from '../auth/totp.ts';
import { auditActor, type Actor } from '../policies/actor.ts';
import { SecretBox, SecretKeyMismatch, secretBoxOf } from '../auth/secret-box.ts';

/** How many recovery codes a user gets at a time. */
export const recoveryCodeCount = 10;
const issuer = 'Paritrana';

async function userOf(db: Db, actor: Actor) {
  const user = await users.findUserById(db, actor.id);
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return user;
}

const wrongCode = () => new AppError('VALIDATION_FAILED', 'The code is wrong or already used', [{ path: 'code', message: 'wrong code' }]);

/**
 * Checks the password like a log-in (a wrong one counts towards the lock;
 * while locked, even the right one is refused).
 */
async function checkPassword(db: Db, config: Config, user: users.UserRow, password: string): Promise<void> {
  const locked = user.lockedUntil !== null && user.lockedUntil.getTime() > Date.now();
  const right = await verifyPassword(locked ? await dummyHash() : user.passwordHash, password);
  if (locked || !right) {
    if (!locked) await users.recordFailedLogin(db, user.id, config.login);
    throw new AppError('VALIDATION_FAILED', 'The password is wrong', [{ path: 'password', message: 'wrong password' }]);
  }
}

export async function twoFactorStatus(db: Db, actor: Actor): Promise<TwoFactorStatus> {
  const user = await userOf(db, actor);
  return {
    enabled: user.totpSecret !== null,
    enabledAt: user.totpEnabledAt?.toISOString() ?? null,
    recoveryCodesLeft: user.totpSecret ? await security.unusedRecoveryCodes(db, user.id) : 0,
    setupRequired: actor.twoFactor?.setupRequired ?? false,
  };
}

/**
 * Offers a new secret (needs the password). It counts only once confirmed
 * with a code of the app; until then the account signs in as before.
 */
export async function beginTwoFactor(db: Db, config: Config, actor: Actor, password: string): Promise<TwoFactorSetup> {
  const user = await userOf(db, actor);
  if (user.totpSecret) throw new AppError('CONFLICT', 'Two-factor sign-in is already on; switch it off first to enrol another app');
  await checkPassword(db, config, user, password);
  const secret = newTotpSecret();
  await security.setPendingTotpSecret(db, user.id, secretBoxOf(config).seal(secret, user.id));
  const url = otpauthUrl(secret, user.email, issuer);
  const qrCode = await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, width: 220 });
  return { secret, otpauthUrl: url, qrCode };
}

/** Fresh recovery codes replace the old ones; returns them in clear, this once. */
async function issueRecoveryCodes(db: Db, userId: string): Promise<string[]> {
  const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
  await security.replaceRecoveryCodes(db, userId, codes.map(recoveryCodeHash));
  return codes;
}

/** Switches two-factor on with the offered secret once a code of it is given; returns the recovery codes. */
export async function confirmTwoFactor(db: Db, config: Config, actor: Actor, code: string): Promise<RecoveryCodesAnswer> {
  const box = secretBoxOf(config);
  return db.transaction(async (tx) => {
    const user = await userOf(tx, actor);
    if (user.totpSecret) throw new AppError('CONFLICT', 'Two-factor sign-in is already on');
    if (!user.totpPendingSecret) throw new AppError('CONFLICT', 'Start the enrolment first: no secret is waiting for a code');
    const secret = box.open(user.totpPendingSecret, user.id);
    const step = matchingStep(secret, code);
    if (step === null) throw wrongCode();
    await security.enableTotp(tx, user.id, box.seal(secret, user.id), step);
    const recoveryCodes = await issueRecoveryCodes(tx, user.id);
    await appendAudit(tx, auditActor(actor), { action: 'user.two-factor-enable', entityType: 'user', entityId: user.id, after: { method: 'totp', recoveryCodes: recoveryCodeCount } });
    return { recoveryCodes };
  });
}

/** New recovery codes (the old ones stop working); needs a current code of the app. */
export async function regenerateRecoveryCodes(db: Db, config: Config, actor: Actor, code: string): Promise<RecoveryCodesAnswer> {
  return db.transaction(async (tx) => {
    const user = await userOf(tx, actor);
    if (!user.totpSecret) throw new AppError('CONFLICT', 'Two-factor sign-in is off');
    const step = matchingStep(secretBoxOf(config).open(user.totpSecret, user.id), code);
    if (step === null || !(await security.claimTotpStep(tx, user.id, step))) throw wrongCode();
    const recoveryCodes = await issueRecoveryCodes(tx, user.id);
    await appendAudit(tx, auditActor(actor), { action: 'user.recovery-codes-regenerate', entityType: 'user', entityId: user.id, after: { recoveryCodes: recoveryCodeCount } });
    return { recoveryCodes };
  });
}

/** Switches two-factor off: needs the password and a code of the app or a recovery code. */
export async function disableTwoFactor(db: Db, config: Config, actor: Actor, input: TwoFactorDisable): Promise<void> {
  const user = await userOf(db, actor);
  if (!user.totpSecret) throw new AppError('CONFLICT', 'Two-factor sign-in is already off');
  await checkPassword(db, config, user, input.password);
  const secret = secretBoxOf(config).open(user.totpSecret, user.id);
  await db.transaction(async (tx) => {
    const step = matchingStep(secret, input.code);
    const ok = step !== null ? await security.claimTotpStep(tx, user.id, step) : await security.useRecoveryCode(tx, user.id, recoveryCodeHash(input.code));
    if (!ok) throw wrongCode();
    await security.disableTotp(tx, user.id);
    await appendAudit(tx, auditActor(actor), { action: 'user.two-factor-disable', entityType: 'user', entityId: user.id, after: { method: null } });
  });
}

/** The national admin requires (or stops requiring) two-factor of national and provincial admins. */
export async function setTwoFactorRequirement(db: Db, actor: Actor, required: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await security.twoFactorRequiredForAdmins(tx);
    await security.setTwoFactorRequiredForAdmins(tx, required);
    await appendAudit(tx, auditActor(actor), {
      action: 'security.two-factor-requirement',
      entityType: 'security_settings',
      entityId: '1',
      before: { twoFactorRequiredForAdmins: before },
      after: { twoFactorRequiredForAdmins: required },
    });
  });
}

/**
 * Whether this server's key opens the two-factor secrets in the database,
 * tried on the three newest: a key that opens none of them is the wrong key
 * (e.g. a server added without the others' SECRETS_KEY), while one row that
 * does not open (changed by hand) does not condemn the key. True when none is
 * stored yet.
 */
export async function secretsKeyOpensStored(db: Db, config: Config): Promise<boolean> {
  const stored = await security.someSealedTotpSecrets(db, 3);
  if (stored.length === 0) return true;
  const box = secretBoxOf(config);
  // Sealed secrets and no key at all (a data directory restored without its secrets.key): a key made now would open none.
  if (!box.hasKey()) return false;
  return stored.some(({ sealed, userId }) => {
    try {
      box.open(sealed, userId);
      return true;
    } catch (error) {
      if (error instanceof SecretKeyMismatch) return false;
      throw error;
    }
  });
}

/**
 * Seals the two-factor secrets stored before they were sealed (run when the
 * server starts): each user's own, with one audit entry per user. A secret
 * changed meanwhile (by another server) is left to that change. Returns how
 * many users' secrets were sealed.
 */
export async function sealStoredTotpSecrets(db: Db, config: Config): Promise<number> {
  const plain = await security.plainTotpSecrets(db);
  if (plain.length === 0) return 0;
  const box = secretBoxOf(config);
  const sealOf = (value: string | null, owner: string) => (value === null || SecretBox.isSealed(value) ? value : box.seal(value, owner));
  let sealed = 0;
  for (const row of plain) {
    await db.transaction(async (tx) => {
      const next = { totpSecret: sealOf(row.totpSecret, row.id), totpPendingSecret: sealOf(row.totpPendingSecret, row.id) };
      if (!(await security.replaceTotpSecrets(tx, row.id, row, next))) return;
      await appendAudit(tx, { id: null, label: 'system' }, { action: 'user.two-factor-secret-seal', entityType: 'user', entityId: row.id, after: { sealed: true } });
      sealed += 1;
    });
  }
  return sealed;
}


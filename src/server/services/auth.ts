import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../db/client.ts';
import * as users from '../../db/repositories/users.ts';
import * as security from '../../db/repositories/account-security.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { Config } from '../config.ts';
import type { Me } from '../../shared/contracts/index.ts';
import type { Actor } from '../policies/actor.ts';
import { committeeOf, roleAbilitiesOf } from '../policies/roles.ts';
import { dummyHash, verifyPassword } from '../auth/passwords.ts';
import { matchingStep, recoveryCodeHash } from '../auth/totp.ts';
import { secretBoxOf } from '../auth/secret-box.ts';

export const sessionIdOf = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Where a session was opened from, as the request tells (user agent, client address). */
export type ClientInfo = { userAgent: string | null; ip: string | null };

/** A new session; `me` is null when the two-factor code is still owed (the session grants nothing yet). */
export type LoginResult = { token: string; expiresAt: Date; me: Me | null };

/** How long the step between a right password and the two-factor code may take. */
export const secondFactorMinutes = 5;

const invalidCredentials = () =>
  new AppError('INVALID_CREDENTIALS', 'E-mail or password is wrong, or the account is locked for a while after too many failed attempts');
const invalidSecondFactor = () =>
  new AppError('INVALID_SECOND_FACTOR', 'The code is wrong or already used, or the account is locked for a while after too many failed attempts');

const isAdmin = (roles: { role: string }[]) => roles.some((r) => r.role === 'national_admin' || r.role === 'provincial_admin');

/** Whether two-factor is on for the user, and whether they must switch it on first. */
async function twoFactorOf(db: Db, user: { totpSecret: string | null }, roles: { role: string }[]) {
  const enabled = user.totpSecret !== null;
  const setupRequired = !enabled && isAdmin(roles) && (await security.twoFactorRequiredForAdmins(db));
  return { enabled, setupRequired };
}

async function openSession(db: Db, config: Config, user: users.UserRow, client: ClientInfo): Promise<LoginResult> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + config.sessionTtlHours * 3_600_000);
  await users.insertSession(db, { id: sessionIdOf(token), userId: user.id, csrfToken, expiresAt, userAgent: client.userAgent?.slice(0, 300) ?? null, ip: client.ip?.slice(0, 64) ?? null });
  const roles = (await users.rolesOf(db, [user.id])).get(user.id) ?? [];
  const actor: Actor = {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale as 'id' | 'en',
    roles,
    csrfToken,
    sessionId: sessionIdOf(token),
    twoFactor: await twoFactorOf(db, user, roles),
  };
  return { token, expiresAt, me: meOf(actor) };
}

/**
 * Checks e-mail and password. Every failure gives the same answer after the
 * same work (an argon2 verify, against a dummy hash when there is no usable
 * account), so that neither the answer nor its timing tells an unknown e-mail
 * from a wrong password, a locked or an inactive account. After
 * `lockAfter` failures in a row the account is locked, each lock twice as long
 * as the one before (capped); a lock that has run out is forgotten.
 * With two-factor on, a right password opens only a pending session, for a
 * few minutes, that `secondFactor` turns into a real one.
 */
export async function login(db: Db, config: Config, email: string, password: string, client: ClientInfo = { userAgent: null, ip: null }): Promise<LoginResult> {
  const user = await users.findUserByEmail(db, email);
  const now = Date.now();
  // An invited account that has not set its password yet has no usable one (`invitedPasswordHash`).
  if (!user || !user.active || (user.lockedUntil && user.lockedUntil.getTime() > now) || !user.passwordHash.startsWith('$argon2')) {
    await verifyPassword(await dummyHash(), password);
    throw invalidCredentials();
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordFailure(db, config, user.id);
    throw invalidCredentials();
  }
  return signInVerified(db, config, user, client, { secondFactorDone: false });
}

/**
 * Opens the session of a user whose first factor is proven (a password, or
 * a single sign-on): a pending one while the two-factor code is owed
 * (`secondFactorDone` false and two-factor on), a real one otherwise.
 */
export async function signInVerified(
  db: Db,
  config: Config,
  user: users.UserRow,
  client: ClientInfo,
  { secondFactorDone, audit }: { secondFactorDone: boolean; audit?: (tx: Db, result: LoginResult) => Promise<void> },
): Promise<LoginResult> {
  const result = await db.transaction(async (tx) => {
    let opened: LoginResult;
    if (user.totpSecret && !secondFactorDone) {
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + secondFactorMinutes * 60_000);
      await users.insertSession(tx, { id: sessionIdOf(token), userId: user.id, csrfToken: randomBytes(24).toString('base64url'), expiresAt, secondFactorPending: true });
      opened = { token, expiresAt, me: null };
    } else {
      if (user.failedLogins > 0 || user.lockedUntil || user.lockouts > 0) await users.updateUser(tx, user.id, { failedLogins: 0, lockedUntil: null, lockouts: 0 });
      opened = await openSession(tx, config, user, client);
    }
    // The sign-in and its audit entry stand or fall together.
    if (audit) await audit(tx, opened);
    return opened;
  });
  if (result.me !== null) await users.purgeExpiredSessions(db);
  return result;
}

/** A failed password or code: counted, and the lock (when it comes) audited. */
async function recordFailure(db: Db, config: Config, userId: string): Promise<void> {
  const now = Date.now();
  await db.transaction(async (tx) => {
    const row = await users.recordFailedLogin(tx, userId, config.login);
    if (row.lockedUntil && row.lockedUntil.getTime() > now) {
      await appendAudit(tx, { id: null, label: 'system' }, {
        action: 'user.lock',
        entityType: 'user',
        entityId: userId,
        after: { failedLogins: row.failedLogins, lockedUntil: row.lockedUntil, lockouts: row.lockouts },
      });
    }
  });
}

/**
 * The second step of a log-in with two-factor: the pending session's token and
 * a code of the authenticator app (each code once: a code of a step already
 * used is refused) or an unused recovery code. A wrong code counts as a failed
 * log-in (the same lock). On success the pending session is replaced by a new
 * one under a new token.
 */
export async function secondFactor(db: Db, config: Config, pendingToken: string, code: string, client: ClientInfo): Promise<LoginResult> {
  const row = await users.findSession(db, sessionIdOf(pendingToken));
  if (!row || !row.session.secondFactorPending) throw new AppError('UNAUTHENTICATED', 'Sign in again with your e-mail and password');
  const user = row.user;
  if (!user.active || !user.totpSecret || (user.lockedUntil && user.lockedUntil.getTime() > Date.now())) throw invalidSecondFactor();
  const secret = secretBoxOf(config).open(user.totpSecret, user.id);
  const result = await db.transaction(async (tx) => {
    let method: 'totp' | 'recovery-code' | null = null;
    if (/^\d{6}$/.test(code)) {
      const step = matchingStep(secret, code);
      if (step !== null && (await security.claimTotpStep(tx, user.id, step))) method = 'totp';
    } else if (await security.useRecoveryCode(tx, user.id, recoveryCodeHash(code))) {
      method = 'recovery-code';
      const left = await security.unusedRecoveryCodes(tx, user.id);
      await appendAudit(tx, { id: user.id, label: user.email }, { action: 'user.recovery-code-use', entityType: 'user', entityId: user.id, after: { recoveryCodesLeft: left } });
    }
    if (!method) return null;
    await users.deleteSession(tx, row.session.id);
    await users.updateUser(tx, user.id, { failedLogins: 0, lockedUntil: null, lockouts: 0 });
    return openSession(tx, config, user, client);
  });
  if (!result) {
    await recordFailure(db, config, user.id);
    throw invalidSecondFactor();
  }
  return result;
}

/** The actor behind a session token, or null when it is unknown, expired or still owes its two-factor code. */
export async function actorForToken(db: Db, token: string): Promise<Actor | null> {
  const sessionId = sessionIdOf(token);
  const row = await users.findSession(db, sessionId);
  if (!row || !row.user.active || row.session.secondFactorPending) return null;
  const roles = (await users.rolesOf(db, [row.user.id])).get(row.user.id) ?? [];
  if (row.session.lastSeenAt.getTime() < Date.now() - 60_000) await security.touchSession(db, sessionId);
  return {
    id: row.user.id,
    email: row.user.email,
    name: row.user.name,
    locale: row.user.locale as 'id' | 'en',
    roles,
    csrfToken: row.session.csrfToken,
    sessionId,
    twoFactor: await twoFactorOf(db, row.user, roles),
  };
}

export async function logout(db: Db, actor: Actor): Promise<void> {
  await users.deleteSession(db, actor.sessionId);
}

export function meOf(actor: Actor): Me {
  return {
    user: { id: actor.id, email: actor.email, name: actor.name, locale: actor.locale, roles: actor.roles },
    abilities: roleAbilitiesOf(actor),
    committee: committeeOf(actor),
    csrfToken: actor.csrfToken,
    twoFactor: actor.twoFactor ?? { enabled: false, setupRequired: false },
  };
}

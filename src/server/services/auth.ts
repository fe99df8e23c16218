import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../db/client.ts';
import * as users from '../../db/repositories/users.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { Config } from '../config.ts';
import type { Me } from '../../shared/contracts/index.ts';
import type { Actor } from '../policies/actor.ts';
import { committeeOf, roleAbilitiesOf } from '../policies/roles.ts';
import { dummyHash, verifyPassword } from '../auth/passwords.ts';

export const sessionIdOf = (token: string): string => createHash('sha256').update(token).digest('hex');

export type LoginResult = { token: string; expiresAt: Date; me: Me };

const invalidCredentials = () =>
  new AppError('INVALID_CREDENTIALS', 'E-mail or password is wrong, or the account is locked for a while after too many failed attempts');

/**
 * Checks e-mail and password. Every failure gives the same answer after the
 * same work (an argon2 verify, against a dummy hash when there is no usable
 * account), so that neither the answer nor its timing tells an unknown e-mail
 * from a wrong password, a locked or an inactive account. After
 * `lockAfter` failures in a row the account is locked, each lock twice as long
 * as the one before (capped); a lock that has run out is forgotten.
 */
export async function login(db: Db, config: Config, email: string, password: string): Promise<LoginResult> {
  const user = await users.findUserByEmail(db, email);
  const now = Date.now();
  // An invited account that has not set its password yet has no usable one (`invitedPasswordHash`).
  if (!user || !user.active || (user.lockedUntil && user.lockedUntil.getTime() > now) || !user.passwordHash.startsWith('$argon2')) {
    await verifyPassword(await dummyHash(), password);
    throw invalidCredentials();
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    await db.transaction(async (tx) => {
      const row = await users.recordFailedLogin(tx, user.id, config.login);
      if (row.lockedUntil && row.lockedUntil.getTime() > now) {
        await appendAudit(tx, { id: null, label: 'system' }, {
          action: 'user.lock',
          entityType: 'user',
          entityId: user.id,
          after: { failedLogins: row.failedLogins, lockedUntil: row.lockedUntil, lockouts: row.lockouts },
        });
      }
    });
    throw invalidCredentials();
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now + config.sessionTtlHours * 3_600_000);
  await db.transaction(async (tx) => {
    if (user.failedLogins > 0 || user.lockedUntil || user.lockouts > 0) await users.updateUser(tx, user.id, { failedLogins: 0, lockedUntil: null, lockouts: 0 });
    await users.insertSession(tx, { id: sessionIdOf(token), userId: user.id, csrfToken, expiresAt });
  });
  await users.purgeExpiredSessions(db);
  const roles = (await users.rolesOf(db, [user.id])).get(user.id) ?? [];
  const actor: Actor = { id: user.id, email: user.email, name: user.name, locale: user.locale as 'id' | 'en', roles, csrfToken, sessionId: sessionIdOf(token) };
  return {
    token,
    expiresAt,
    me: {
      user: { id: user.id, email: user.email, name: user.name, locale: user.locale as 'id' | 'en', roles },
      abilities: roleAbilitiesOf(actor),
      committee: committeeOf(actor),
      csrfToken,
    },
  };
}

/** The actor behind a session token, or null when it is unknown or expired. */
export async function actorForToken(db: Db, token: string): Promise<Actor | null> {
  const sessionId = sessionIdOf(token);
  const row = await users.findSession(db, sessionId);
  if (!row || !row.user.active) return null;
  const roles = (await users.rolesOf(db, [row.user.id])).get(row.user.id) ?? [];
  return {
    id: row.user.id,
    email: row.user.email,
    name: row.user.name,
    locale: row.user.locale as 'id' | 'en',
    roles,
    csrfToken: row.session.csrfToken,
    sessionId,
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
  };
}

import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../db/client.ts';
import * as users from '../../db/repositories/users.ts';
import * as security from '../../db/repositories/account-security.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { AccountSession, ProfileUpdate } from '../../shared/contracts/index.ts';
import { auditActor, type Actor } from '../policies/actor.ts';

/** The signed-in user's live sessions, the one asking marked `current`. */
export async function listOwnSessions(db: Db, actor: Actor): Promise<AccountSession[]> {
  const rows = await security.activeSessionsOf(db, actor.id);
  return rows.map((s) => ({
    id: s.id,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    userAgent: s.userAgent,
    ip: s.ip,
    current: s.id === actor.sessionId,
  }));
}

/** Ends one of one's own sessions (another person's is NOT_FOUND, like one that does not exist). */
export async function endOwnSession(db: Db, actor: Actor, sessionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await security.deleteSessionOf(tx, actor.id, sessionId))) throw new AppError('NOT_FOUND', 'No such session of yours; it may have ended already');
    await appendAudit(tx, auditActor(actor), { action: 'user.session-end', entityType: 'user', entityId: actor.id, after: { current: sessionId === actor.sessionId } });
  });
}

/** Ends every session of the user but the one asking ("sign out everywhere else"). */
export async function endOtherSessions(db: Db, actor: Actor): Promise<number> {
  return db.transaction(async (tx) => {
    const others = (await security.activeSessionsOf(tx, actor.id)).filter((s) => s.id !== actor.sessionId).length;
    await users.deleteOtherSessionsOf(tx, actor.id, actor.sessionId);
    await appendAudit(tx, auditActor(actor), { action: 'user.sessions-end-others', entityType: 'user', entityId: actor.id, after: { ended: others } });
    return others;
  });
}

/** One's own name and language. */
export async function updateProfile(db: Db, actor: Actor, input: ProfileUpdate): Promise<void> {
  await db.transaction(async (tx) => {
    const user = await users.findUserById(tx, actor.id);
    if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    await users.updateUser(tx, actor.id, { name: input.name, locale: input.locale });
    await appendAudit(tx, auditActor(actor), {
      action: 'user.profile-update',
      entityType: 'user',
      entityId: actor.id,
      before: { name: user.name, locale: user.locale },
      after: { name: input.name, locale: input.locale },
    });
  });
}

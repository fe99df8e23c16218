import { createHash, randomBytes } from 'node:crypto';
import { AppError, forbidden, notFound } from '../../domain/errors.ts';
import type { Db } from '../../db/client.ts';
import * as repo from '../../db/repositories/candidates.ts';
import * as messages from '../../db/repositories/messages.ts';
import * as users from '../../db/repositories/users.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import { hashPassword } from '../auth/passwords.ts';
import { checkNewPassword } from '../auth/password-policy.ts';
import { auditActor, type Actor } from '../policies/actor.ts';
import { authorizeCandidate } from '../policies/candidates.ts';
import type { ServiceContext } from './context.ts';
import { visibleCandidate } from './candidates.ts';
import { notifyAboutCandidate } from '../notifications/events.ts';
import { candidateFacts, dateFact } from '../notifications/facts.ts';
import { notifyAddressInBothLanguages } from '../notifications/notify.ts';
import { candidateDeadline } from './calendars.ts';

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
const inviteDays = 14;

/**
 * Writes an invitation and its e-mail (to the outbox) inside the caller's
 * transaction, audited; the link works once, for two weeks.
 */
export async function queueInvitation(tx: Db, actor: Actor | null, candidate: repo.CandidateRow, email: string, baseUrl: string) {
  const candidateId = candidate.id;
  await refuseStaffAccount(tx, email, 'email');
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + inviteDays * 86_400_000);
  const invitation = await messages.insertInvitation(tx, { tokenHash: tokenHash(token), email, candidateId, createdBy: actor?.id ?? null, expiresAt });
  const link = `${baseUrl.replace(/\/$/, '')}/undangan/${token}`;
  await notifyAddressInBothLanguages(tx, {
    to: email,
    kind: 'candidate.invitation',
    facts: { ...(await candidateFacts(tx, candidate)), days: String(inviteDays) },
    link,
    event: `candidate:${candidateId}`,
    provinceCode: candidate.provinceCode,
  });
  await appendAudit(tx, auditActor(actor), { action: 'candidate.invite', entityType: 'candidate', entityId: candidateId, after: { email, invitationId: invitation.id, expiresAt } });
  return { id: invitation.id, email, expiresAt: expiresAt.toISOString(), acceptedAt: null };
}

/** Invites a person by e-mail to act for a candidate; the link works once. */
export async function inviteCandidateUser(ctx: ServiceContext, candidateId: string, email: string, baseUrl: string) {
  const { db, actor } = ctx;
  const candidate = await repo.findCandidate(db, candidateId);
  if (!candidate) throw notFound('candidate');
  authorizeCandidate(actor, 'invite', candidate);
  if (candidate.status === 'registered' || candidate.status === 'rejected') {
    throw new AppError('CONFLICT', 'Approve the self-registration first; approving it invites its contact');
  }
  return db.transaction((tx) => queueInvitation(tx, actor, candidate, email, baseUrl));
}

/** Roles that make an account staff: such an account never acts for a candidate. */
const isStaffRole = (r: users.RoleRow) => r.role !== 'candidate';

/** A staff account (any role but candidate) cannot be invited as a candidate's user. */
async function refuseStaffAccount(db: Db, email: string, path: string): Promise<void> {
  const existing = await users.findUserByEmail(db, email);
  if (!existing) return;
  const roles = (await users.rolesOf(db, [existing.id])).get(existing.id) ?? [];
  if (roles.some(isStaffRole)) {
    throw new AppError('CONFLICT', 'This e-mail belongs to a committee account; a candidate needs an e-mail of its own', [
      { path, message: 'belongs to a committee account' },
    ]);
  }
}

/**
 * Redeems an invitation. Without an account for the invited e-mail, creates
 * it with the name and password given. With one, the person must be signed in
 * as that account (their explicit consent; no password is checked here, so the
 * link is no way to guess it) and it must be a candidate account: a staff
 * account is never widened. The caller passes the signed-in actor only when
 * the request carried its CSRF token.
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  input: { name?: string | undefined; password?: string | undefined },
  actor: Actor | null,
): Promise<{ email: string; joined: boolean }> {
  return db.transaction(async (tx) => {
    const invitation = await messages.findInvitationByHash(tx, tokenHash(token));
    if (!invitation || invitation.acceptedAt || invitation.expiresAt.getTime() < Date.now()) {
      throw new AppError('NOT_FOUND', 'This invitation link is unknown, used or expired; ask the committee for a new one');
    }
    const role = { role: 'candidate' as const, provinceCode: null, candidateId: invitation.candidateId };
    // Signed in as someone else: neither their account nor a new one (sign out first).
    if (actor && actor.email.toLowerCase() !== invitation.email.toLowerCase()) {
      throw forbidden(`This invitation is for ${invitation.email}: sign in with that account to accept it, or sign out to create it`);
    }
    const existing = await users.findUserByEmail(tx, invitation.email);
    let userId: string;
    if (existing) {
      if (!actor) throw new AppError('SIGN_IN_REQUIRED', 'An account with this e-mail exists: sign in with it, then accept the invitation');
      await refuseStaffAccount(tx, invitation.email, 'token');
      const roles = (await users.rolesOf(tx, [existing.id])).get(existing.id) ?? [];
      if (!roles.some((r) => r.candidateId === invitation.candidateId)) await users.replaceRoles(tx, existing.id, [...roles, role]);
      userId = existing.id;
    } else {
      const problems = [
        ...(input.name ? [] : [{ path: 'name', message: 'required' }]),
        ...(input.password ? [] : [{ path: 'password', message: 'required' }]),
      ];
      if (problems.length > 0 || !input.name || !input.password) throw new AppError('VALIDATION_FAILED', 'Give your name and a password for the new account', problems);
      checkNewPassword(input.password, { email: invitation.email });
      userId = await users.insertUser(tx, { email: invitation.email, name: input.name, passwordHash: await hashPassword(input.password), locale: 'id', roles: [role] });
    }
    await messages.markInvitationAccepted(tx, invitation.id);
    const candidate = (await repo.findCandidate(tx, invitation.candidateId))!;
    await notifyAboutCandidate(tx, candidate, 'candidate.nominated', [], { deadline: dateFact((await candidateDeadline(tx, candidate)).deadline) }, { users: [userId] });
    await appendAudit(tx, { id: userId, label: invitation.email }, {
      action: 'invitation.accept',
      entityType: 'candidate',
      entityId: invitation.candidateId,
      after: { email: invitation.email, userId, joined: existing !== null },
    });
    return { email: invitation.email, joined: existing !== null };
  });
}

export async function listInvitations(ctx: ServiceContext, candidateId: string) {
  const candidate = await visibleCandidate(ctx, candidateId);
  return (await messages.invitationsOf(ctx.db, candidate.id)).map((i) => ({
    id: i.id,
    email: i.email,
    expiresAt: i.expiresAt.toISOString(),
    acceptedAt: i.acceptedAt?.toISOString() ?? null,
  }));
}

import { createHash, randomBytes } from 'node:crypto';
import { AppError, notFound } from '../../domain/errors.ts';
import type { Db } from '../../db/client.ts';
import * as repo from '../../db/repositories/candidates.ts';
import * as messages from '../../db/repositories/messages.ts';
import * as users from '../../db/repositories/users.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { auditActor, type Actor } from '../policies/actor.ts';
import { authorizeCandidate } from '../policies/candidates.ts';
import type { ServiceContext } from './context.ts';
import { visibleCandidate } from './candidates.ts';

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
const inviteDays = 14;

/**
 * Writes an invitation and its e-mail (to the outbox) inside the caller's
 * transaction, audited; the link works once, for two weeks.
 */
export async function queueInvitation(tx: Db, actor: Actor | null, candidate: repo.CandidateRow, email: string, baseUrl: string) {
  const candidateId = candidate.id;
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + inviteDays * 86_400_000);
  const invitation = await messages.insertInvitation(tx, { tokenHash: tokenHash(token), email, candidateId, createdBy: actor?.id ?? null, expiresAt });
  const link = `${baseUrl.replace(/\/$/, '')}/undangan/${token}`;
  await messages.queueMessage(tx, {
    to: email,
    provinceCode: candidate.provinceCode,
    subject: `Undangan Paritrana Award: ${candidate.name}`,
    body: [
      `Yth. Bapak/Ibu,`,
      ``,
      `${candidate.name} dinominasikan sebagai kandidat Paritrana Award. Buka tautan berikut untuk membuat akun dan mengisi penilaian mandiri:`,
      link,
      ``,
      `Tautan berlaku ${inviteDays} hari dan hanya dapat dipakai sekali.`,
      ``,
      `(English) ${candidate.name} has been nominated for the Paritrana Award. Open the link above to create your account; it works once, for ${inviteDays} days.`,
    ].join('\n'),
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

/**
 * Redeems an invitation: creates the account, or adds the candidate role to
 * an existing account whose password is given.
 */
export async function acceptInvitation(db: Db, token: string, input: { name: string; password: string }): Promise<{ email: string }> {
  return db.transaction(async (tx) => {
    const invitation = await messages.findInvitationByHash(tx, tokenHash(token));
    if (!invitation || invitation.acceptedAt || invitation.expiresAt.getTime() < Date.now()) {
      throw new AppError('NOT_FOUND', 'This invitation link is unknown, used or expired; ask the committee for a new one');
    }
    const role = { role: 'candidate' as const, provinceCode: null, candidateId: invitation.candidateId };
    const existing = await users.findUserByEmail(tx, invitation.email);
    let userId: string;
    if (existing) {
      if (!(await verifyPassword(existing.passwordHash, input.password))) {
        throw new AppError('INVALID_CREDENTIALS', 'An account with this e-mail exists: enter its password to join');
      }
      const roles = (await users.rolesOf(tx, [existing.id])).get(existing.id) ?? [];
      if (!roles.some((r) => r.candidateId === invitation.candidateId)) await users.replaceRoles(tx, existing.id, [...roles, role]);
      userId = existing.id;
    } else {
      userId = await users.insertUser(tx, { email: invitation.email, name: input.name, passwordHash: await hashPassword(input.password), locale: 'id', roles: [role] });
    }
    await messages.markInvitationAccepted(tx, invitation.id);
    await appendAudit(tx, { id: userId, label: invitation.email }, {
      action: 'invitation.accept',
      entityType: 'candidate',
      entityId: invitation.candidateId,
      after: { email: invitation.email, userId },
    });
    return { email: invitation.email };
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

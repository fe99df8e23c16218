import { createHash, randomBytes } from 'node:crypto';
import { AppError, notFound } from '../../domain/errors.ts';
import type { Db } from '../../db/client.ts';
import * as users from '../../db/repositories/users.ts';
import * as invites from '../../db/repositories/staff-invitations.ts';
import * as messages from '../../db/repositories/messages.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { StaffInvitationAccept, StaffInvitationStatus, StaffInvitationSummary } from '../../shared/contracts/index.ts';
import { hashPassword } from '../auth/passwords.ts';
import { checkNewPassword } from '../auth/password-policy.ts';
import { auditActor, type Actor } from '../policies/actor.ts';
import { authorizeUser, userAbilities } from '../policies/users.ts';
import type { ServiceContext } from './context.ts';
import { grantsOf } from './user-grants.ts';

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
/** How long a staff invitation link works. */
export const staffInviteDays = 14;
/**
 * The password hash of an account created by invitation until its holder
 * sets a password: not an argon2 hash, so no password ever matches it.
 */
export const invitedPasswordHash = '!invited';

const roleWords: Record<string, string> = {
  national_admin: 'admin nasional / national admin',
  provincial_admin: 'admin provinsi / provincial admin',
  verifier: 'verifikator / verifier',
  juror: 'juri / juror',
  candidate: 'pengguna kandidat / candidate user',
};

export function invitationStatus(i: invites.StaffInvitationRow, now = Date.now()): StaffInvitationStatus {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  return i.expiresAt.getTime() <= now ? 'expired' : 'open';
}

/**
 * Writes an invitation for an existing account and its e-mail (to the
 * outbox) in the caller's transaction, audited; revokes the account's
 * earlier open links. The link works once, for two weeks.
 */
export async function queueStaffInvitation(tx: Db, actor: Actor | null, user: { id: string; email: string; name: string }, roles: users.RoleRow[], baseUrl: string) {
  await invites.revokeOpenStaffInvitationsOf(tx, user.id);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + staffInviteDays * 86_400_000);
  const invitation = await invites.insertStaffInvitation(tx, { userId: user.id, tokenHash: tokenHash(token), createdBy: actor?.id ?? null, expiresAt });
  const link = `${baseUrl.replace(/\/$/, '')}/undangan-staf/${token}`;
  const what = [...new Set(roles.map((r) => roleWords[r.role] ?? r.role))].join(', ');
  await messages.queueMessage(tx, {
    to: user.email,
    // The province whose admins may pass the link on by hand (without SMTP).
    provinceCode: roles.find((r) => r.provinceCode)?.provinceCode ?? null,
    subject: 'Undangan akun Paritrana Award / Your Paritrana Award account',
    body: [
      `Yth. ${user.name},`,
      ``,
      `Anda diundang sebagai ${what} pada aplikasi Paritrana Award. Buka tautan berikut untuk membuat kata sandi Anda:`,
      link,
      ``,
      `Tautan berlaku ${staffInviteDays} hari dan hanya dapat dipakai sekali.`,
      ``,
      `(English) You are invited to the Paritrana Award application as ${what}. Open the link above to choose your password; it works once, for ${staffInviteDays} days.`,
    ].join('\n'),
  });
  await appendAudit(tx, auditActor(actor), { action: 'user.invite', entityType: 'user', entityId: user.id, after: { email: user.email, invitationId: invitation.id, expiresAt } });
  return invitation;
}

/** The latest invitation of every account the actor manages, newest first. */
export async function listStaffInvitations({ db, actor }: ServiceContext): Promise<StaffInvitationSummary[]> {
  const all = await users.listUsers(db);
  const grants = await grantsOf(db, all.flatMap((u) => u.roles));
  const managed = new Map(all.filter((u) => userAbilities.can(actor, 'see', { grants: grants(u.roles) })).map((u) => [u.id, u]));
  const rows = await invites.staffInvitationsOf(db, [...managed.keys()]);
  const latest = new Map<string, invites.StaffInvitationRow>();
  for (const r of rows) if (!latest.has(r.userId)) latest.set(r.userId, r);
  return [...latest.values()].map((i) => {
    const u = managed.get(i.userId)!;
    return { id: i.id, userId: u.id, email: u.email, name: u.name, roles: u.roles, status: invitationStatus(i), createdAt: i.createdAt.toISOString(), expiresAt: i.expiresAt.toISOString() };
  });
}

/** Loads an invitation and checks that the actor manages its account. */
export async function managedInvitation(db: Db, actor: Actor | null, id: string) {
  const invitation = await invites.findStaffInvitation(db, id);
  if (!invitation) throw notFound('invitation');
  const user = await users.getUserWithRoles(db, invitation.userId);
  if (!user) throw notFound('invitation');
  authorizeUser(actor, 'manage', { grants: (await grantsOf(db, user.roles))(user.roles) });
  return { invitation, user };
}

async function presentOne(db: Db, id: string): Promise<StaffInvitationSummary> {
  const i = (await invites.findStaffInvitation(db, id))!;
  const u = (await users.getUserWithRoles(db, i.userId))!;
  return { id: i.id, userId: u.id, email: u.email, name: u.name, roles: u.roles, status: invitationStatus(i), createdAt: i.createdAt.toISOString(), expiresAt: i.expiresAt.toISOString() };
}

/** Revokes an open invitation: its link stops working. An accepted one cannot be taken back (deactivate the account instead). */
export async function revokeStaffInvitation({ db, actor }: ServiceContext, id: string): Promise<StaffInvitationSummary> {
  await db.transaction(async (tx) => {
    const { invitation } = await managedInvitation(tx, actor, id);
    if (invitation.acceptedAt) throw new AppError('CONFLICT', 'This invitation was accepted: deactivate the account instead');
    if (invitation.revokedAt) throw new AppError('CONFLICT', 'This invitation is already revoked');
    await invites.revokeOpenStaffInvitationsOf(tx, invitation.userId);
    await appendAudit(tx, auditActor(actor), { action: 'user.invite-revoke', entityType: 'user', entityId: invitation.userId, after: { invitationId: id } });
  });
  return presentOne(db, id);
}

/** Sends a new link for an invitation not yet accepted (expired, revoked or lost); the earlier link stops working. */
export async function resendStaffInvitation({ db, actor }: ServiceContext, id: string, baseUrl: string): Promise<StaffInvitationSummary> {
  const newId = await db.transaction(async (tx) => {
    const { invitation, user } = await managedInvitation(tx, actor, id);
    if (invitation.acceptedAt) throw new AppError('CONFLICT', 'This invitation was accepted: the account has its password (a forgotten one is reset from the log-in page)');
    if (!user.active) throw new AppError('CONFLICT', 'The account is deactivated: reactivate it first');
    return (await queueStaffInvitation(tx, actor, user, user.roles, baseUrl)).id;
  });
  return presentOne(db, newId);
}

async function openInvitation(db: Db, token: string) {
  const invitation = await invites.findOpenStaffInvitationByHash(db, tokenHash(token));
  const user = invitation && invitation.expiresAt.getTime() > Date.now() ? await users.findUserById(db, invitation.userId) : null;
  if (!invitation || !user || !user.active) throw new AppError('NOT_FOUND', 'This invitation link is unknown, used, revoked or expired; ask your committee for a new one');
  return { invitation, user };
}

/** What the invitation page shows: the account's e-mail and name, and until when the link works. */
export async function lookupStaffInvitation(db: Db, token: string) {
  return db.transaction(async (tx) => {
    const { invitation, user } = await openInvitation(tx, token);
    return { email: user.email, name: user.name, expiresAt: invitation.expiresAt.toISOString() };
  });
}

/** The invited person sets name and password (the same rules as everywhere): once; the account can then sign in. */
export async function acceptStaffInvitation(db: Db, input: StaffInvitationAccept): Promise<{ email: string }> {
  return db.transaction(async (tx) => {
    const { invitation, user } = await openInvitation(tx, input.token);
    checkNewPassword(input.password, { email: user.email });
    const passwordHash = await hashPassword(input.password);
    await users.updateUser(tx, user.id, { name: input.name, passwordHash, failedLogins: 0, lockedUntil: null, lockouts: 0 });
    await invites.markStaffInvitationAccepted(tx, invitation.id);
    await invites.revokeOpenStaffInvitationsOf(tx, user.id);
    await users.deleteSessionsOf(tx, user.id);
    await appendAudit(tx, { id: user.id, label: user.email }, { action: 'user.invite-accept', entityType: 'user', entityId: user.id, after: { invitationId: invitation.id, name: input.name } });
    return { email: user.email };
  });
}

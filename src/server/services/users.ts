import { AppError, forbidden, notFound } from '../../domain/errors.ts';
import type { Db } from '../../db/client.ts';
import * as repo from '../../db/repositories/users.ts';
import { findProvince, findRegency } from '../../db/repositories/regions.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { RoleGrant, StaffInvitationStatus, TwoFactorReset, UserInput, UserPatch, UserSummary } from '../../shared/contracts/index.ts';
import { disableTotp } from '../../db/repositories/account-security.ts';
import { queueMessage } from '../../db/repositories/messages.ts';
import { hashPassword } from '../auth/passwords.ts';
import { checkNewPassword } from '../auth/password-policy.ts';
import { auditActor, type Actor } from '../policies/actor.ts';
import { authorizeUser, canGrant, userAbilities } from '../policies/users.ts';
import type { ServiceContext } from './context.ts';
import { invitationStatus, invitedPasswordHash, queueStaffInvitation } from './staff-invitations.ts';
import { grantsOf } from './user-grants.ts';
import { staffInvitationsOf, revokeOpenStaffInvitationsOf } from '../../db/repositories/staff-invitations.ts';

function present(u: repo.UserWithRoles, invitation?: StaffInvitationStatus | null): UserSummary {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    active: u.active,
    locale: u.locale as 'id' | 'en',
    roles: u.roles,
    invitation: invitation ?? null,
    twoFactor: u.totpEnabledAt !== null,
  };
}

async function presentOne(db: Db, id: string): Promise<UserSummary> {
  const [latest] = await staffInvitationsOf(db, [id]);
  return present((await repo.getUserWithRoles(db, id))!, latest ? invitationStatus(latest) : null);
}

/**
 * Refuses grants the actor may not give (403): a provincial admin gives only
 * verifier, juror and candidate roles of its own province. Without an actor
 * (the command line, the demo) the caller is the system.
 */
export async function authorizeGrants(db: Db, actor: Actor | null, roles: RoleGrant[]): Promise<void> {
  if (!actor) return;
  const grants = (await grantsOf(db, roles))(roles);
  if (!grants.every((g) => canGrant(actor, g))) {
    throw forbidden('A provincial committee gives only the verifier, juror and candidate roles of its own province');
  }
}

/** Checks that each role carries exactly the scope it needs. */
export async function checkRoles(db: Db, roles: RoleGrant[]): Promise<void> {
  // An observer watches the nation (one grant without a province) or some provinces (one grant each), not both.
  const observing = roles.filter((r) => r.role === 'observer');
  if (observing.length > 1 && observing.some((r) => r.provinceCode == null)) {
    const i = roles.findIndex((r) => r.role === 'observer' && r.provinceCode == null);
    throw new AppError('VALIDATION_FAILED', 'An observer of every province holds no other observer grant', [{ path: `roles.${i}.provinceCode`, message: 'required' }]);
  }
  for (const [i, r] of roles.entries()) {
    const scoped = r.role === 'provincial_admin' || r.role === 'verifier';
    if (scoped && !r.provinceCode) {
      throw new AppError('VALIDATION_FAILED', `Role ${r.role} needs a province`, [{ path: `roles.${i}.provinceCode`, message: 'required' }]);
    }
    // A juror may belong to a province (its admin then sees and seats them), an observer watch one
    // (one grant per province; none: the nation); the other roles have none.
    if (!scoped && r.role !== 'juror' && r.role !== 'observer' && r.provinceCode) {
      throw new AppError('VALIDATION_FAILED', `Role ${r.role} has no province`, [{ path: `roles.${i}.provinceCode`, message: 'must be empty' }]);
    }
    if ((r.role === 'candidate') !== (r.candidateId != null)) {
      throw new AppError('VALIDATION_FAILED', 'Only a candidate user is tied to a candidate, and it must be', [
        { path: `roles.${i}.candidateId`, message: r.role === 'candidate' ? 'required' : 'must be empty' },
      ]);
    }
    if ((r.role === 'observer') !== (r.organisation != null)) {
      throw new AppError('VALIDATION_FAILED', 'An observer names its organisation, and only an observer does', [
        { path: `roles.${i}.organisation`, message: r.role === 'observer' ? 'required' : 'must be empty' },
      ]);
    }
    if (r.regencyCodes != null) {
      if (r.role !== 'verifier') throw new AppError('VALIDATION_FAILED', 'Only a verifier is limited to regencies', [{ path: `roles.${i}.regencyCodes`, message: 'must be empty' }]);
      for (const [j, code] of r.regencyCodes.entries()) {
        const regency = await findRegency(db, code);
        if (!regency || regency.provinceCode !== r.provinceCode) {
          throw new AppError('VALIDATION_FAILED', `${code} is not a regency of province ${r.provinceCode}`, [{ path: `roles.${i}.regencyCodes.${j}`, message: 'not a regency of the province' }]);
        }
      }
    }
    if (r.provinceCode && !(await findProvince(db, r.provinceCode))) {
      throw new AppError('VALIDATION_FAILED', `Unknown province ${r.provinceCode}`, [{ path: `roles.${i}.provinceCode`, message: 'unknown province' }]);
    }
  }
}

/** The accounts the actor manages: every one for the national admin, its province's verifiers, jurors and candidate users for a provincial admin. */
export async function listUserSummaries({ db, actor }: ServiceContext): Promise<UserSummary[]> {
  const all = await repo.listUsers(db);
  const grants = await grantsOf(db, all.flatMap((u) => u.roles));
  const visible = all.filter((u) => userAbilities.can(actor, 'see', { grants: grants(u.roles) }));
  const latest = new Map<string, StaffInvitationStatus>();
  for (const i of await staffInvitationsOf(db, visible.map((u) => u.id))) if (!latest.has(i.userId)) latest.set(i.userId, invitationStatus(i));
  return visible.map((u) => present(u, latest.get(u.id)));
}

/** Loads an account and checks that the actor manages it (404, then 403). */
export async function authorizeManagedUser(db: Db, actor: Actor | null, id: string): Promise<repo.UserWithRoles> {
  const user = await repo.getUserWithRoles(db, id);
  if (!user) throw notFound('user');
  // Without an actor the caller is the system (the command line, the demo).
  if (actor) authorizeUser(actor, 'manage', { grants: (await grantsOf(db, user.roles))(user.roles) });
  return user;
}

/**
 * Creates an account with a typed password or, with `invite`, without one:
 * the person then gets a link (outbox) to set it. `baseUrl` builds the link.
 */
export async function createUser({ db, actor }: ServiceContext, input: UserInput, baseUrl = ''): Promise<UserSummary> {
  await checkRoles(db, input.roles);
  await authorizeGrants(db, actor, input.roles);
  if (input.password !== undefined) checkNewPassword(input.password, { email: input.email });
  else if (input.invite !== true) throw new AppError('VALIDATION_FAILED', 'Give a password or invite the person', [{ path: 'password', message: 'required' }]);
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : invitedPasswordHash;
  const id = await db.transaction(async (tx) => {
    if (await repo.findUserByEmail(tx, input.email)) {
      throw new AppError('CONFLICT', `A user with e-mail ${input.email} exists`, [{ path: 'email', message: 'already used' }]);
    }
    const id = await repo.insertUser(tx, { ...input, passwordHash });
    await appendAudit(tx, auditActor(actor), {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      after: { email: input.email, name: input.name, locale: input.locale, roles: input.roles, invited: input.password === undefined },
    });
    if (input.password === undefined) await queueStaffInvitation(tx, actor, { id, email: input.email, name: input.name }, input.roles, baseUrl);
    return id;
  });
  return presentOne(db, id);
}

export async function updateUserAccount({ db, actor }: ServiceContext, id: string, patch: UserPatch): Promise<UserSummary> {
  await authorizeManagedUser(db, actor, id);
  if (patch.roles) {
    await checkRoles(db, patch.roles);
    await authorizeGrants(db, actor, patch.roles);
  }
  if (patch.password) checkNewPassword(patch.password);
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  await db.transaction(async (tx) => {
    const before = await authorizeManagedUser(tx, actor, id);
    if (actor?.id === id && (patch.active === false || (patch.roles && !patch.roles.some((r) => r.role === 'national_admin')))) {
      throw new AppError('CONFLICT', 'You cannot deactivate yourself or remove your own national admin role');
    }
    const changes = {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
      ...(passwordHash ? { passwordHash, failedLogins: 0, lockedUntil: null, lockouts: 0 } : {}),
    };
    // A PATCH of the roles alone changes no column of the account itself.
    if (Object.keys(changes).length > 0) await repo.updateUser(tx, id, changes);
    if (patch.roles) await repo.replaceRoles(tx, id, patch.roles);
    if (patch.active === false || passwordHash) await repo.deleteSessionsOf(tx, id);
    // A password set by the admin replaces the invitation link.
    if (passwordHash) await revokeOpenStaffInvitationsOf(tx, id);
    const after = await repo.getUserWithRoles(tx, id);
    await appendAudit(tx, auditActor(actor), {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      before: present(before),
      after: { ...present(after!), ...(passwordHash ? { passwordChanged: true } : {}) },
    });
  });
  return presentOne(db, id);
}

/**
 * Switches off two-step verification of an account the actor manages, for
 * its owner who lost both the app and the recovery codes: the secret and the
 * recovery codes are removed and every session of the account ends, so the
 * next sign-in is with the password alone (then the owner enrols again; an
 * admin whose two-step verification is required is led to it). Audited with
 * the reason; the owner is told by e-mail, so a reset they did not ask for
 * does not go unnoticed. One's own is switched off from one's account page.
 */
export async function resetTwoFactor({ db, actor }: ServiceContext, id: string, input: TwoFactorReset): Promise<UserSummary> {
  await authorizeManagedUser(db, actor, id);
  if (actor?.id === id) throw new AppError('CONFLICT', 'Switch off your own two-step verification from your account page');
  await db.transaction(async (tx) => {
    const user = await authorizeManagedUser(tx, actor, id);
    if (user.totpEnabledAt === null) throw new AppError('CONFLICT', 'Two-step verification is already off for this account');
    await disableTotp(tx, id);
    await repo.deleteSessionsOf(tx, id);
    await queueMessage(tx, {
      to: user.email,
      // No province: the notice is for its addressee only.
      provinceCode: null,
      subject: 'Verifikasi dua langkah akun Paritrana dimatikan / Two-step verification of your Paritrana account was switched off',
      body: [
        `Yth. ${user.name},`,
        ``,
        `${actor ? `${actor.name} (${actor.email})` : 'Administrator sistem'} mematikan verifikasi dua langkah akun Paritrana Anda, dengan alasan: "${input.reason}".`,
        `Semua sesi akun ini telah diakhiri. Masuk kembali dengan kata sandi Anda, lalu aktifkan lagi verifikasi dua langkah di halaman Akun saya.`,
        `Bila Anda tidak memintanya, segera hubungi panitia.`,
        ``,
        `(English) ${actor ? `${actor.name} (${actor.email})` : 'The system administrator'} switched off two-step verification of your Paritrana account, saying: "${input.reason}". Every session of the account was ended. Sign in again with your password and switch two-step verification on again from your account page. If you did not ask for this, contact the committee at once.`,
      ].join('\n'),
    });
    await appendAudit(tx, auditActor(actor), { action: 'user.two-factor-reset', entityType: 'user', entityId: id, before: { twoFactor: true }, after: { twoFactor: false, reason: input.reason } });
  });
  return presentOne(db, id);
}

import { AppError, notFound } from '../../domain/errors.ts';
import type { Db } from '../../db/client.ts';
import * as repo from '../../db/repositories/users.ts';
import { findProvince } from '../../db/repositories/regions.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { RoleGrant, UserInput, UserPatch, UserSummary } from '../../shared/contracts/index.ts';
import { hashPassword } from '../auth/passwords.ts';
import { checkNewPassword } from '../auth/password-policy.ts';
import { auditActor } from '../policies/actor.ts';
import type { ServiceContext } from './context.ts';

function present(u: repo.UserWithRoles): UserSummary {
  return { id: u.id, email: u.email, name: u.name, active: u.active, locale: u.locale as 'id' | 'en', roles: u.roles };
}

/** Checks that each role carries exactly the scope it needs. */
async function checkRoles(db: Db, roles: RoleGrant[]): Promise<void> {
  for (const [i, r] of roles.entries()) {
    const scoped = r.role === 'provincial_admin' || r.role === 'verifier';
    if (scoped && !r.provinceCode) {
      throw new AppError('VALIDATION_FAILED', `Role ${r.role} needs a province`, [{ path: `roles.${i}.provinceCode`, message: 'required' }]);
    }
    // A juror may belong to a province (its admin then sees and seats them); the other roles have none.
    if (!scoped && r.role !== 'juror' && r.provinceCode) {
      throw new AppError('VALIDATION_FAILED', `Role ${r.role} has no province`, [{ path: `roles.${i}.provinceCode`, message: 'must be empty' }]);
    }
    if ((r.role === 'candidate') !== (r.candidateId != null)) {
      throw new AppError('VALIDATION_FAILED', 'Only a candidate user is tied to a candidate, and it must be', [
        { path: `roles.${i}.candidateId`, message: r.role === 'candidate' ? 'required' : 'must be empty' },
      ]);
    }
    if (r.provinceCode && !(await findProvince(db, r.provinceCode))) {
      throw new AppError('VALIDATION_FAILED', `Unknown province ${r.provinceCode}`, [{ path: `roles.${i}.provinceCode`, message: 'unknown province' }]);
    }
  }
}

export async function listUserSummaries(db: Db): Promise<UserSummary[]> {
  return (await repo.listUsers(db)).map(present);
}

export async function createUser({ db, actor }: ServiceContext, input: UserInput): Promise<UserSummary> {
  await checkRoles(db, input.roles);
  checkNewPassword(input.password, { email: input.email });
  const passwordHash = await hashPassword(input.password);
  const id = await db.transaction(async (tx) => {
    if (await repo.findUserByEmail(tx, input.email)) {
      throw new AppError('CONFLICT', `A user with e-mail ${input.email} exists`, [{ path: 'email', message: 'already used' }]);
    }
    const id = await repo.insertUser(tx, { ...input, passwordHash });
    await appendAudit(tx, auditActor(actor), {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      after: { email: input.email, name: input.name, locale: input.locale, roles: input.roles },
    });
    return id;
  });
  return present((await repo.getUserWithRoles(db, id))!);
}

export async function updateUserAccount({ db, actor }: ServiceContext, id: string, patch: UserPatch): Promise<UserSummary> {
  if (patch.roles) await checkRoles(db, patch.roles);
  if (patch.password) checkNewPassword(patch.password);
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  await db.transaction(async (tx) => {
    const before = await repo.getUserWithRoles(tx, id);
    if (!before) throw notFound('user');
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
    const after = await repo.getUserWithRoles(tx, id);
    await appendAudit(tx, auditActor(actor), {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      before: present(before),
      after: { ...present(after!), ...(passwordHash ? { passwordChanged: true } : {}) },
    });
  });
  return present((await repo.getUserWithRoles(db, id))!);
}

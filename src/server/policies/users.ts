import type { RoleName } from '../../shared/contracts/auth.ts';
import { defineAbilities } from './abilities.ts';
import { isNationalAdmin, provincesAs, type Actor } from './actor.ts';

/** Roles a provincial admin may give, within its own province. */
export const delegableRoles: readonly RoleName[] = ['verifier', 'juror', 'candidate'];

/**
 * A role grant with the province it belongs to: the grant's own province,
 * or for a candidate user the province of its candidacy.
 */
export type GrantRef = { role: RoleName; province: string | null };
/** An account as the rules see it: its grants. */
export type UserRef = { grants: GrantRef[] };

const adminsOf = (actor: Actor) => provincesAs(actor, 'provincial_admin');

/**
 * Whether the actor may give (or take away) this grant: the national admin
 * any; a provincial admin a verifier, juror or candidate role of its own
 * province, never an admin role, a role of another province or one without
 * a province (national jurors are the national committee's).
 */
export function canGrant(actor: Actor | null, grant: GrantRef): boolean {
  if (!actor) return false;
  if (isNationalAdmin(actor)) return true;
  return delegableRoles.includes(grant.role) && grant.province !== null && adminsOf(actor).includes(grant.province);
}

/**
 * Accounts and roles: the national admin manages every account and appoints
 * provincial admins; a provincial admin manages the verifiers, jurors and
 * candidate users of its province (delegated administration).
 */
export const userPolicy = {
  list: (actor: Actor): boolean => isNationalAdmin(actor) || adminsOf(actor).length > 0,
  create: (actor: Actor): boolean => isNationalAdmin(actor) || adminsOf(actor).length > 0,
  update: (actor: Actor): boolean => isNationalAdmin(actor) || adminsOf(actor).length > 0,
};

/** An account is the actor's to see and manage when every one of its grants is one the actor may give. */
const manages = (actor: Actor, user: UserRef) =>
  isNationalAdmin(actor) || (user.grants.length > 0 && user.grants.every((g) => canGrant(actor, g)));

export const userAbilities = defineAbilities<UserRef>('account')(
  { see: manages, manage: manages },
  { manage: 'A provincial committee manages only the verifiers, jurors and candidate users of its province' },
);
export const authorizeUser = userAbilities.authorize;

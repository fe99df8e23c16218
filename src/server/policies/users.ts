import { isNationalAdmin, type Actor } from './actor.ts';

/** Accounts and roles are managed by the national committee. */
export const userPolicy = {
  list: (actor: Actor): boolean => isNationalAdmin(actor),
  create: (actor: Actor): boolean => isNationalAdmin(actor),
  update: (actor: Actor): boolean => isNationalAdmin(actor),
};

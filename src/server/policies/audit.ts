import { isNationalAdmin, type Actor } from './actor.ts';

/** The audit log is read and verified by the national committee. */
export const auditPolicy = {
  read: (actor: Actor): boolean => isNationalAdmin(actor),
  verify: (actor: Actor): boolean => isNationalAdmin(actor),
};

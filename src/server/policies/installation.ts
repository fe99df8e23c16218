import { isNationalAdmin, type Actor } from './actor.ts';

/** The whole installation (a backup holds every row and every evidence file) is the national committee's. */
export const installationPolicy = {
  backup: (actor: Actor): boolean => isNationalAdmin(actor),
};

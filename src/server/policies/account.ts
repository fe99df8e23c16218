import { isNationalAdmin, type Actor } from './actor.ts';

/** Installation-wide security settings (two-factor required for admins) are the national committee's. */
export const securityPolicy = {
  settings: (actor: Actor): boolean => isNationalAdmin(actor),
};

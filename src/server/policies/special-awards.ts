import { forbidden } from '../../domain/errors.ts';
import { isNationalAdmin, type Actor } from './actor.ts';

/**
 * Special awards are the national committee's: it defines them and chooses
 * their entrants. Their pools and panels follow the panels' own policy.
 */
export const specialAwardPolicy = {
  manage: (actor: Actor): boolean => isNationalAdmin(actor),
};

export function authorizeSpecialAwards(actor: Actor | null): void {
  if (!actor || !specialAwardPolicy.manage(actor)) throw forbidden('Only the national committee defines special awards and their entrants');
}

import { forbidden } from '../../domain/errors.ts';
import { isNationalAdmin, provincesAs, type Actor } from './actor.ts';

/** Who may do what with editions and their setup. */
export const editionPolicy = {
  /** Any signed-in user reads the editions they take part in. */
  read: (_actor: Actor): boolean => true,
  create: (actor: Actor): boolean => isNationalAdmin(actor),
  configure: (actor: Actor): boolean => isNationalAdmin(actor),
  changeStatus: (actor: Actor): boolean => isNationalAdmin(actor),
  /** Socialization events: the national committee, or a province's own admin. */
  manageEventsAnywhere: (actor: Actor): boolean => isNationalAdmin(actor) || provincesAs(actor, 'provincial_admin').length > 0,
  manageEventIn: (actor: Actor, provinceCode: string): boolean =>
    isNationalAdmin(actor) || provincesAs(actor, 'provincial_admin').includes(provinceCode),
};

export function assertManageEventIn(actor: Actor, provinceCode: string): void {
  if (!editionPolicy.manageEventIn(actor, provinceCode)) {
    throw forbidden(`only the committee of province ${provinceCode} may manage its events`);
  }
}

import type { EditionAction } from '../../shared/contracts/abilities.ts';
import { defineAbilities } from './abilities.ts';
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
};

/** What an actor may do with one edition (sent with the edition to the web app). */
export const editionAbilities = defineAbilities<{ id: string }>('edition')<EditionAction>({
  see: (actor) => editionPolicy.read(actor),
  configure: (actor) => editionPolicy.configure(actor),
  changeStatus: (actor) => editionPolicy.changeStatus(actor),
  copy: (actor) => editionPolicy.create(actor),
  manageEvents: (actor) => editionPolicy.manageEventsAnywhere(actor),
});

/** An event of an edition, held in a province. */
export const eventAbilities = defineAbilities<{ provinceCode: string }>('event')(
  {
    manage: (actor, e) => isNationalAdmin(actor) || provincesAs(actor, 'provincial_admin').includes(e.provinceCode),
  },
  { manage: 'Only the committee of the province may manage its events' },
);
export const authorizeEvent = eventAbilities.authorize;


import { defineAbilities } from './abilities.ts';
import { isNationalAdmin, provincesAs, type Actor } from './actor.ts';

/** Who may set a province's own dates: the national committee, or the province's own admin. */
export const calendarPolicy = {
  read: (_actor: Actor): boolean => true,
  manageAnywhere: (actor: Actor): boolean => isNationalAdmin(actor) || provincesAs(actor, 'provincial_admin').length > 0,
};

export const provinceCalendarAbilities = defineAbilities<{ provinceCode: string }>('province calendar')(
  {
    edit: (actor, c) => isNationalAdmin(actor) || provincesAs(actor, 'provincial_admin').includes(c.provinceCode),
  },
  { edit: 'Only the national committee or the province’s own admin sets its dates' },
);

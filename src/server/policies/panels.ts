import { hasRole, isNationalAdmin, provincesAs, type Actor } from './actor.ts';

type AreaRef = { area: string };
type Seat = { userId: string; role: 'chair' | 'secretary' | 'member' };

/**
 * Panels and their pools. The national committee runs every panel; a
 * province's admin runs its own province's panels. Jurors act only through
 * their seats: the chair opens, closes and finalises; members mark what they
 * are assigned. Nobody sees another juror's marks before the stage closes.
 */
export const panelPolicy = {
  /** Setting up panels and pools (the resource check narrows to the area). */
  manageAnywhere: (actor: Actor): boolean => isNationalAdmin(actor) || provincesAs(actor, 'provincial_admin').length > 0,
  manageIn: (actor: Actor, ref: AreaRef): boolean => isNationalAdmin(actor) || (ref.area !== '' && provincesAs(actor, 'provincial_admin').includes(ref.area)),
  /** Reading pools: admins and jurors (the resource check narrows to their panels). */
  readPools: (actor: Actor): boolean => panelPolicy.manageAnywhere(actor) || hasRole(actor, 'juror'),
  juror: (actor: Actor): boolean => hasRole(actor, 'juror'),
  seatOf: (actor: Actor, members: readonly Seat[]): Seat | null => members.find((m) => m.userId === actor.id) ?? null,
  isChair: (actor: Actor, members: readonly Seat[]): boolean => panelPolicy.seatOf(actor, members)?.role === 'chair',
  /** Opening and closing stages, interview slots and attendance: the chair or the area's admin. */
  runPool: (actor: Actor, ref: AreaRef, members: readonly Seat[]): boolean => panelPolicy.manageIn(actor, ref) || panelPolicy.isChair(actor, members),
  /** After a stage closes, the panel and the admins see its marks. */
  seeClosedMarks: (actor: Actor, ref: AreaRef, members: readonly Seat[]): boolean =>
    panelPolicy.manageIn(actor, ref) || panelPolicy.seatOf(actor, members) !== null,
};

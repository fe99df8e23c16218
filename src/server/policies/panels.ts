import type { PoolAction } from '../../shared/contracts/abilities.ts';
import { defineAbilities } from './abilities.ts';
import { hasRole, isNationalAdmin, provincesAs, type Actor } from './actor.ts';

type AreaRef = { area: string };
type Seat = { userId: string; role: 'chair' | 'secretary' | 'member' };
/** A pool as the rules need it: its area ('' national, '52' a province) and its panel's seats. */
export type PoolRef = { pool: AreaRef; members: readonly Seat[] };

const manages = (actor: Actor, ref: AreaRef): boolean => isNationalAdmin(actor) || (ref.area !== '' && provincesAs(actor, 'provincial_admin').includes(ref.area));
const seatOf = (actor: Actor, members: readonly Seat[]): Seat | null => members.find((m) => m.userId === actor.id) ?? null;
const isChair = (actor: Actor, members: readonly Seat[]): boolean => seatOf(actor, members)?.role === 'chair';

/**
 * Panels and their pools. The national committee runs every panel; a
 * province's admin runs its own province's panels. Jurors act only through
 * their seats: the chair opens, closes and finalises; members mark what they
 * are assigned. Nobody sees another juror's marks before the stage closes.
 */
export const panelAbilities = defineAbilities<AreaRef>('panel')(
  {
    /** Setting up a panel or a pool of the area, its members and its assignment. */
    manage: manages,
  },
  { manage: 'You may only set up the panels and pools of your own province' },
);
export const authorizePanel = panelAbilities.authorize;

export const poolAbilities = defineAbilities<PoolRef>('pool')<PoolAction>(
  {
    /** The area's committee, or a juror seated on the pool's panel. */
    see: (actor, p) => manages(actor, p.pool) || seatOf(actor, p.members) !== null,
    /** Assignment, publication, press releases, exports: the area's committee. */
    manage: (actor, p) => manages(actor, p.pool),
    /** Opening and closing stages, interview slots and attendance: the chair or the area's committee. */
    run: (actor, p) => manages(actor, p.pool) || isChair(actor, p.members),
    /** Marking and declaring conflicts: a seated juror (the candidate check narrows to the assignment). */
    mark: (actor, p) => seatOf(actor, p.members) !== null,
    declareConflict: (actor, p) => seatOf(actor, p.members) !== null,
    /** The result before it is final: the chair and the committee. */
    preview: (actor, p) => manages(actor, p.pool) || isChair(actor, p.members),
    finalise: (actor, p) => isChair(actor, p.members),
    reopen: (actor, p) => manages(actor, p.pool),
    /** After a stage closes, the panel and the committee see its marks. */
    seeClosedMarks: (actor, p) => manages(actor, p.pool) || seatOf(actor, p.members) !== null,
    publish: (actor, p) => manages(actor, p.pool),
  },
  {
    see: 'You do not sit on this panel',
    manage: 'Only the committee of the pool’s area may do this',
    run: 'Only the chair of the panel or the committee may do this',
    mark: 'You do not sit on this panel',
    declareConflict: 'You do not sit on this panel',
    preview: 'Only the chair and the committee see the result before it is final',
    finalise: 'Only the chair of the panel finalises its result',
    reopen: 'Only the committee reopens a final result',
    seeClosedMarks: 'You do not sit on this panel',
    publish: 'Only the committee of the pool’s area publishes its result',
  },
);
export const authorizePool = poolAbilities.authorize;

/** Role-level checks, for route policies (the resource checks above narrow them). */
export const panelPolicy = {
  manageAnywhere: (actor: Actor): boolean => isNationalAdmin(actor) || provincesAs(actor, 'provincial_admin').length > 0,
  manageIn: (actor: Actor, ref: AreaRef): boolean => manages(actor, ref),
  /** Reading pools: admins and jurors (the resource check narrows to their panels). */
  readPools: (actor: Actor): boolean => panelPolicy.manageAnywhere(actor) || hasRole(actor, 'juror'),
  juror: (actor: Actor): boolean => hasRole(actor, 'juror'),
  seatOf,
};

import { defineAbilities } from './abilities.ts';
import { candidatesOf, hasRole, isNationalAdmin, provincesAs, type Actor } from './actor.ts';
import type { CandidateRef } from './candidates.ts';

type Seat = { userId: string; role: 'chair' | 'secretary' | 'member' };
/** A candidacy with the seats of the panel that judged its pool (none when it has no pool). */
export type FeedbackRef = { candidate: Pick<CandidateRef, 'id' | 'provinceCode'>; members: readonly Seat[] };

/**
 * A candidate's feedback (its scores beside the pool's median and the
 * winners', the verifier's comments) is for the candidate itself, the
 * committee of its province and the national committee, and the chair of the
 * panel that judged it; nobody else: not the other candidates, not the
 * verifiers, not the panel's other members.
 */
export const feedbackAbilities = defineAbilities<FeedbackRef>('feedback')(
  {
    read: (actor, r) =>
      candidatesOf(actor).includes(r.candidate.id) ||
      isNationalAdmin(actor) ||
      provincesAs(actor, 'provincial_admin').includes(r.candidate.provinceCode) ||
      r.members.some((m) => m.userId === actor.id && m.role === 'chair'),
  },
  { read: 'Only the candidate, its committee and the chair of its panel read its feedback' },
);
export const authorizeFeedback = feedbackAbilities.authorize;

/** Role-level check for the routes (the resource check narrows it). */
export const feedbackPolicy = {
  read: (actor: Actor): boolean =>
    isNationalAdmin(actor) || provincesAs(actor, 'provincial_admin').length > 0 || candidatesOf(actor).length > 0 || hasRole(actor, 'juror'),
};

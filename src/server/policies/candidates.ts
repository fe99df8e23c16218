import type { CandidateScope } from '../../db/repositories/candidates.ts';
import { candidatesOf, isNationalAdmin, provincesAs, type Actor } from './actor.ts';

type CandidateRef = { id: string; provinceCode: string };

/**
 * A province's people see only their province; a candidate sees only itself.
 * Jurors see candidates only through their panel's assignments (not here).
 */
export const candidatePolicy = {
  list: (actor: Actor): boolean =>
    isNationalAdmin(actor) || provincesAs(actor, 'provincial_admin', 'verifier').length > 0 || candidatesOf(actor).length > 0,
  scope: (actor: Actor): CandidateScope =>
    isNationalAdmin(actor)
      ? { all: true }
      : { provinceCodes: provincesAs(actor, 'provincial_admin', 'verifier'), candidateIds: candidatesOf(actor) },
  see: (actor: Actor, c: CandidateRef): boolean =>
    isNationalAdmin(actor) || provincesAs(actor, 'provincial_admin', 'verifier').includes(c.provinceCode) || candidatesOf(actor).includes(c.id),
  /** The committee's view of a candidate (not the candidate's own users'). */
  seeAsCommittee: (actor: Actor, c: CandidateRef): boolean =>
    isNationalAdmin(actor) || provincesAs(actor, 'provincial_admin', 'verifier').includes(c.provinceCode),
  /** Creating, importing and inviting: the national committee or the province's admin. */
  manageAnywhere: (actor: Actor): boolean => isNationalAdmin(actor) || provincesAs(actor, 'provincial_admin').length > 0,
  manageIn: (actor: Actor, provinceCode: string): boolean =>
    isNationalAdmin(actor) || provincesAs(actor, 'provincial_admin').includes(provinceCode),
  /** Editing details: the admins, or the candidate itself (contacts, address, sector). */
  editAnywhere: (actor: Actor): boolean =>
    isNationalAdmin(actor) || provincesAs(actor, 'provincial_admin').length > 0 || candidatesOf(actor).length > 0,
  isSelf: (actor: Actor, c: CandidateRef): boolean => candidatesOf(actor).includes(c.id),
  respond: (actor: Actor): boolean => candidatesOf(actor).length > 0,
  /** The outbox: the national admin reads all of it, a provincial admin its province's messages. */
  readOutbox: (actor: Actor): boolean => isNationalAdmin(actor) || provincesAs(actor, 'provincial_admin').length > 0,
};

import { isNationalAdmin, isObserver, type Actor } from './actor.ts';
import { panelPolicy } from './panels.ts';

/**
 * Publication. The committee of a pool's area (the national admin anywhere,
 * a province's admin for its provincial pools) publishes and withdraws its
 * result, drafts the press releases and exports; the resource check narrows
 * to the area. Signatories and whole-edition archives are the national
 * committee's. The public reads through /api/public (policy 'public').
 */
export const publicationPolicy = {
  manage: (actor: Actor): boolean => panelPolicy.manageAnywhere(actor),
  national: (actor: Actor): boolean => isNationalAdmin(actor),
  /** The edition's recap (progress, coverage, winners per province): the committees, and the observers of the ministries and BPJS. */
  readRecap: (actor: Actor): boolean => panelPolicy.manageAnywhere(actor) || isObserver(actor),
};

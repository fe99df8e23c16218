import type { RoleAbilities, RoleAction } from '../../shared/contracts/abilities.ts';
import { isNationalAdmin, provincesAs, type Actor } from './actor.ts';
import { auditPolicy } from './audit.ts';
import { candidatePolicy } from './candidates.ts';
import { coveragePolicy } from './coverage.ts';
import { editionPolicy } from './editions.ts';
import { panelPolicy } from './panels.ts';
import { publicationPolicy } from './publication.ts';
import { userPolicy } from './users.ts';
import { verificationPolicy } from './verification.ts';

/**
 * What an actor may do anywhere, from the same role-level checks the routes
 * declare as their policy: the web app builds its navigation and "new"
 * buttons from these, each resource then says what may be done with it.
 */
const rules: Record<RoleAction, (actor: Actor) => boolean> = {
  createEditions: editionPolicy.create,
  configureEditions: editionPolicy.configure,
  manageEvents: editionPolicy.manageEventsAnywhere,
  listCandidates: candidatePolicy.list,
  nominate: candidatePolicy.manageAnywhere,
  readOutbox: candidatePolicy.readOutbox,
  readVerificationQueue: verificationPolicy.queue,
  verify: verificationPolicy.decideAnywhere,
  importCoverage: coveragePolicy.importExtract,
  readCoverageSnapshots: coveragePolicy.readSnapshots,
  readShortlist: coveragePolicy.nominateAnywhere,
  readDisputes: coveragePolicy.readDisputes,
  decideDisputes: coveragePolicy.decideDisputes,
  managePanels: panelPolicy.manageAnywhere,
  readPools: panelPolicy.readPools,
  mark: panelPolicy.juror,
  publish: publicationPolicy.manage,
  manageSignatories: publicationPolicy.national,
  exportData: publicationPolicy.manage,
  readRecap: publicationPolicy.readRecap,
  archiveEditions: publicationPolicy.national,
  manageUsers: userPolicy.list,
  readAudit: auditPolicy.read,
};

/** Where the actor runs the committee: every area, or its provinces (the rules of `provinceAbilities` and `panelAbilities`). */
export function committeeOf(actor: Actor): { national: boolean; provinces: string[] } {
  return { national: isNationalAdmin(actor), provinces: provincesAs(actor, 'provincial_admin') };
}

export function roleAbilitiesOf(actor: Actor): RoleAbilities {
  return Object.fromEntries(Object.entries(rules).map(([action, rule]) => [action, rule(actor)])) as RoleAbilities;
}

import type { CandidateScope } from '../../db/repositories/candidates.ts';
import { candidatesOf, isNationalAdmin, isObserver, provincesAs, type Actor } from './actor.ts';
import { branchRegenciesOf, wholeProvinceVerifierOf } from './candidates.ts';

/** Coverage data: imported nationally, used by provinces, disputed by candidates. */
export const coveragePolicy = {
  importExtract: (actor: Actor): boolean => isNationalAdmin(actor),
  readSnapshots: (actor: Actor): boolean => isNationalAdmin(actor) || provincesAs(actor, 'provincial_admin', 'verifier').length > 0,
  /** Aggregate coverage by region is no personal data: every signed-in role sees it. */
  readDashboard: (_actor: Actor): boolean => true,
  nominateAnywhere: (actor: Actor): boolean => isNationalAdmin(actor) || provincesAs(actor, 'provincial_admin').length > 0,
  /** A candidate's figures: its province's committee, the candidate, an observer of the province (the candidate check narrows). */
  seeCandidateFigures: (actor: Actor): boolean =>
    isNationalAdmin(actor) || provincesAs(actor, 'provincial_admin', 'verifier').length > 0 || candidatesOf(actor).length > 0 || isObserver(actor),
  raiseDisputes: (actor: Actor): boolean => candidatesOf(actor).length > 0,
  decideDisputes: (actor: Actor): boolean => isNationalAdmin(actor) || provincesAs(actor, 'verifier').length > 0,
  readDisputes: (actor: Actor): boolean => isNationalAdmin(actor) || provincesAs(actor, 'provincial_admin', 'verifier').length > 0,
  /** The disputes listed: a province's admin and whole-province verifiers see its disputes, a branch office's verifier only its regencies' (`verifierCovers`). */
  disputeScope: (actor: Actor): CandidateScope =>
    isNationalAdmin(actor)
      ? { all: true }
      : { provinceCodes: [...provincesAs(actor, 'provincial_admin'), ...wholeProvinceVerifierOf(actor)], candidateIds: [], regencyCodes: branchRegenciesOf(actor) },
};

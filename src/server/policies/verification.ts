import { isNationalAdmin, isNationalVerifier, provincesAs, type Actor } from './actor.ts';

/**
 * Verification is done by the BPJS verifiers of the candidate’s province, and
 * past the provincial round by the national verifiers (the candidacy check is
 * `candidateAbilities.verify`).
 */
export const verificationPolicy = {
  queue: (actor: Actor): boolean => isNationalAdmin(actor) || isNationalVerifier(actor) || provincesAs(actor, 'verifier', 'provincial_admin').length > 0,
  decideAnywhere: (actor: Actor): boolean => isNationalAdmin(actor) || isNationalVerifier(actor) || provincesAs(actor, 'verifier').length > 0,
};

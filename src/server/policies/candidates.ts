import type { CandidateScope } from '../../db/repositories/candidates.ts';
import type { CandidateAction } from '../../shared/contracts/abilities.ts';
import { defineAbilities } from './abilities.ts';
import { candidatesOf, isNationalAdmin, isNationalVerifier, isObserver, observedBy, observes, provincesAs, type Actor } from './actor.ts';

/** A candidacy as the rules need it: its province, regency (a regional government's; null for most employers) and the level it runs at. */
export type CandidateRef = { id: string; provinceCode: string; level: string; regencyCode?: string | null };

/**
 * Whether one of the actor's verifier roles covers the candidacy: a verifier
 * of its province, for the whole province or, when limited to a branch
 * office's regencies, for the candidacy's regency (a candidacy without one,
 * such as an employer, is left to the province's other verifiers).
 */
export const verifierCovers = (actor: Actor, c: Pick<CandidateRef, 'provinceCode' | 'regencyCode'>): boolean =>
  actor.roles.some(
    (r) => r.role === 'verifier' && r.provinceCode === c.provinceCode && (r.regencyCodes == null || (c.regencyCode != null && r.regencyCodes.includes(c.regencyCode))),
  );

/** Provinces the actor verifies as a whole (its verifier grants without regencies). */
export const wholeProvinceVerifierOf = (actor: Actor): string[] =>
  actor.roles.filter((r) => r.role === 'verifier' && r.provinceCode && r.regencyCodes == null).map((r) => r.provinceCode!);
/** Regencies the actor verifies as a branch office's verifier (its verifier grants limited to regencies). */
export const branchRegenciesOf = (actor: Actor): string[] => actor.roles.flatMap((r) => (r.role === 'verifier' && r.regencyCodes != null ? r.regencyCodes : []));

/**
 * The committee area a candidacy belongs to: a provincial candidacy to its
 * province ('52'), a candidacy at any later level (zona, nasional) to the
 * national committee (''). Pools and panels use the same codes.
 */
export const areaOfCandidacy = (c: Pick<CandidateRef, 'provinceCode' | 'level'>): string => (c.level === 'provinsi' ? c.provinceCode : '');

const isSelf = (actor: Actor, c: CandidateRef): boolean => candidatesOf(actor).includes(c.id);
/**
 * A province's admin and verifiers see every candidacy of the province, at any level (later levels read-only, as history);
 * an observer those of the provinces it watches, read-only.
 */
const sees = (actor: Actor, c: CandidateRef): boolean =>
  isNationalAdmin(actor) ||
  provincesAs(actor, 'provincial_admin').includes(c.provinceCode) ||
  verifierCovers(actor, c) ||
  observes(actor, c.provinceCode) ||
  (isNationalVerifier(actor) && areaOfCandidacy(c) === '') ||
  isSelf(actor, c);
/** A candidacy belongs to the committee of its level: the national admin, or the admin of its province for a provincial one. */
const runs = (actor: Actor, c: CandidateRef): boolean => {
  const area = areaOfCandidacy(c);
  return isNationalAdmin(actor) || (area !== '' && provincesAs(actor, 'provincial_admin').includes(area));
};
/**
 * Verification: the verifiers of the province for a provincial candidacy;
 * the national verifiers for a candidacy past the provincial round (national
 * verification); the national admin for every level.
 */
const verifies = (actor: Actor, c: CandidateRef): boolean => {
  const area = areaOfCandidacy(c);
  return isNationalAdmin(actor) || (area !== '' && verifierCovers(actor, c)) || (area === '' && isNationalVerifier(actor));
};

/**
 * What an actor may do with one candidacy. A province's people see only
 * their province; a candidate sees only itself; a candidacy belongs to the
 * committee of its level. Jurors see candidates only through their pools'
 * assignments (`evidenceAbilities`, the marking sheet).
 */
export const candidateAbilities = defineAbilities<CandidateRef>('candidate')<CandidateAction>(
  {
    see: sees,
    /** Contacts, address, sector: the committee or the candidate itself. */
    edit: (actor, c) => runs(actor, c) || isSelf(actor, c),
    /** Name and size class: the committee only. */
    rename: runs,
    respond: isSelf,
    invite: runs,
    decideRegistration: runs,
    uploadEvidence: (actor, c) => runs(actor, c) || isSelf(actor, c),
    fillSelfAssessment: isSelf,
    reopenSelfAssessment: runs,
    verify: verifies,
    dispute: isSelf,
    decideDispute: verifies,
    reviewConflicts: runs,
  },
  {
    see: 'You may not see this candidate',
    edit: 'You may not change this candidate',
    rename: 'Only the committee of the candidacy’s level changes its name or size class',
    respond: 'Only the candidate itself answers its nomination',
    invite: 'Only the committee of the candidacy’s level invites its users',
    decideRegistration: 'Only the province’s committee decides its registrations',
    uploadEvidence: 'You may not add evidence to this candidate',
    fillSelfAssessment: 'Only the candidate fills its self-assessment',
    reopenSelfAssessment: 'Only the committee of the candidacy’s level reopens a self-assessment',
    verify: 'Only a verifier of the candidacy’s level and province decides',
    dispute: 'Only the candidate itself may dispute its figures',
    decideDispute: 'Only a verifier of the candidacy’s level and province may decide',
    reviewConflicts: 'Only the committee of the candidate’s area reviews its conflicts',
  },
);
export const authorizeCandidate = candidateAbilities.authorize;

/** A province, for what is done in it before a candidacy exists (nominating, importing, events, the shortlist). */
export type ProvinceRef = { provinceCode: string };
export const provinceAbilities = defineAbilities<ProvinceRef>('province')(
  {
    nominate: (actor, p) => isNationalAdmin(actor) || provincesAs(actor, 'provincial_admin').includes(p.provinceCode),
  },
  { nominate: 'Only the committee of the province may add its candidates' },
);
export const authorizeProvince = provinceAbilities.authorize;

/** Role-level checks, for route policies (the resource check narrows them). */
export const candidatePolicy = {
  list: (actor: Actor): boolean =>
    isNationalAdmin(actor) ||
    isNationalVerifier(actor) ||
    provincesAs(actor, 'provincial_admin', 'verifier').length > 0 ||
    candidatesOf(actor).length > 0 ||
    isObserver(actor),
  scope: (actor: Actor): CandidateScope =>
    isNationalAdmin(actor) || observedBy(actor) === 'all'
      ? { all: true }
      : {
          // A verifier limited to a branch office's regencies lists only those (`verifierCovers`); an observer the provinces it watches.
          provinceCodes: [...provincesAs(actor, 'provincial_admin'), ...wholeProvinceVerifierOf(actor), ...provincesAs(actor, 'observer')],
          candidateIds: candidatesOf(actor),
          regencyCodes: branchRegenciesOf(actor),
          pastProvince: isNationalVerifier(actor),
        },
  /** The committee's view of a candidate (not the candidate's own users'): staff e-mails in its history. */
  seesAsCommittee: (actor: Actor, c: Pick<CandidateRef, 'provinceCode' | 'regencyCode'>): boolean =>
    isNationalAdmin(actor) || provincesAs(actor, 'provincial_admin').includes(c.provinceCode) || verifierCovers(actor, c),
  /** Creating, importing and inviting: the national committee or the province's admin. */
  manageAnywhere: (actor: Actor): boolean => isNationalAdmin(actor) || provincesAs(actor, 'provincial_admin').length > 0,
  /** Editing details: the admins, or the candidate itself (contacts, address, sector). */
  editAnywhere: (actor: Actor): boolean =>
    isNationalAdmin(actor) || provincesAs(actor, 'provincial_admin').length > 0 || candidatesOf(actor).length > 0,
  respond: (actor: Actor): boolean => candidatesOf(actor).length > 0,
  /** The outbox: the national admin reads all of it, a provincial admin its province's messages. */
  readOutbox: (actor: Actor): boolean => isNationalAdmin(actor) || provincesAs(actor, 'provincial_admin').length > 0,
};

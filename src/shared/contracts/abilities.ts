import { z } from 'zod';

/**
 * What the signed-in actor may do, computed by the server from the same
 * rules that authorize each request (src/server/policies). The web app shows
 * an action only when its ability is true; it never re-derives a rule from
 * roles. The server refuses anyway (403) what is not allowed.
 */
const flags = <const A extends string>(actions: readonly A[]) =>
  z.object(Object.fromEntries(actions.map((a) => [a, z.boolean()])) as Record<A, z.ZodBoolean>);

export const candidateActions = [
  'see',
  'edit',
  'rename',
  'respond',
  'invite',
  'decideRegistration',
  'uploadEvidence',
  'fillSelfAssessment',
  'reopenSelfAssessment',
  'verify',
  'dispute',
  'decideDispute',
  'reviewConflicts',
] as const;
export type CandidateAction = (typeof candidateActions)[number];
export const candidateAbilityFlags = flags(candidateActions);
export type CandidateAbilities = z.infer<typeof candidateAbilityFlags>;

export const poolActions = ['see', 'manage', 'run', 'mark', 'declareConflict', 'preview', 'finalise', 'reopen', 'seeClosedMarks', 'publish'] as const;
export type PoolAction = (typeof poolActions)[number];
export const poolAbilityFlags = flags(poolActions);
export type PoolAbilities = z.infer<typeof poolAbilityFlags>;

export const editionActions = ['see', 'configure', 'changeStatus', 'copy', 'manageEvents'] as const;
export type EditionAction = (typeof editionActions)[number];
export const editionAbilityFlags = flags(editionActions);
export type EditionAbilities = z.infer<typeof editionAbilityFlags>;

/**
 * What the actor may do anywhere, before any one resource (the navigation,
 * the "new" buttons): the route policies' answers for this actor.
 */
export const roleActions = [
  'createEditions',
  'configureEditions',
  'manageEvents',
  'listCandidates',
  'nominate',
  'readOutbox',
  'readVerificationQueue',
  'verify',
  'importCoverage',
  'readCoverageSnapshots',
  'readShortlist',
  'readDisputes',
  'decideDisputes',
  'managePanels',
  'readPools',
  'mark',
  'publish',
  'manageSignatories',
  'exportData',
  'readRecap',
  'archiveEditions',
  'manageUsers',
  'readAudit',
] as const;
export type RoleAction = (typeof roleActions)[number];
export const roleAbilityFlags = flags(roleActions);
export type RoleAbilities = z.infer<typeof roleAbilityFlags>;

import { defineAbilities } from './abilities.ts';
import { candidateAbilities, type CandidateRef } from './candidates.ts';

/**
 * An evidence file, with what the rules need to know about its candidate:
 * whether the actor is a juror assigned to it and not in conflict with it
 * (a conflict walls the juror off from every view of the candidate).
 */
export type EvidenceRef = { candidate: CandidateRef; assignedWithoutConflict: boolean };

export const evidenceAbilities = defineAbilities<EvidenceRef>('evidence')(
  {
    read: (actor, e) => candidateAbilities.can(actor, 'see', e.candidate) || e.assignedWithoutConflict,
  },
  { read: 'You may not see this evidence' },
);
export const authorizeEvidence = evidenceAbilities.authorize;

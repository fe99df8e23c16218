import { notFound } from '../../domain/errors.ts';
import type { Db } from '../../db/client.ts';
import { findCandidate } from '../../db/repositories/candidates.ts';
import { findDispute } from '../../db/repositories/coverage.ts';
import { findEvent } from '../../db/repositories/editions.ts';
import { findConflict, findPanel } from '../../db/repositories/panels.ts';
import { findResult } from '../../db/repositories/pools.ts';
import { findPressRelease } from '../../db/repositories/publication.ts';
import type { CandidateAction, PoolAction } from '../../shared/contracts/abilities.ts';
import { authorizeCandidate } from '../policies/candidates.ts';
import { authorizeEvent } from '../policies/editions.ts';
import { authorizePanel, authorizePool } from '../policies/panels.ts';
import type { ResourceScope } from '../policies/types.ts';
import { assertMarks } from '../services/marking.ts';
import { loadPool } from '../services/pool-context.ts';
import { feedbackTarget } from '../services/feedback.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Resource checks for routes (`config.scope`): each loads the resource the
 * path names and authorizes one action on it, before the body is validated
 * (see `ResourceScope`). `:id` is the resource, or the one it belongs to.
 */
export function scopes(db: Db) {
  const candidateById = async (id: string) => {
    const c = await findCandidate(db, id);
    if (!c) throw notFound('candidate');
    return c;
  };
  const poolById = (id: string) => loadPool(db, id);
  return {
    /** `/candidates/:id/...` */
    candidate:
      (action: CandidateAction): ResourceScope =>
      async (actor, params) =>
        authorizeCandidate(actor, action, await candidateById(params.id!)),
    /** `/disputes/:id/...`: the dispute's candidate. */
    dispute:
      (action: CandidateAction): ResourceScope =>
      async (actor, params) => {
        const dispute = await findDispute(db, params.id!);
        if (!dispute) throw notFound('dispute');
        authorizeCandidate(actor, action, await candidateById(dispute.candidateId));
      },
    /** `/conflicts/:id/...`: the conflict's candidate. */
    conflict:
      (action: CandidateAction): ResourceScope =>
      async (actor, params) => {
        const conflict = await findConflict(db, params.id!);
        if (!conflict) throw notFound('conflict');
        authorizeCandidate(actor, action, await candidateById(conflict.candidateId));
      },
    /** `/candidates/:id/feedback...`: the candidate itself, its committee or the chair of the panel that judged it. */
    feedback: (): ResourceScope => async (actor, params) => {
      await feedbackTarget(db, actor, params.id!);
    },
    /** `/pools/:id/...` */
    pool:
      (action: PoolAction): ResourceScope =>
      async (actor, params) =>
        authorizePool(actor, action, await poolById(params.id!)),
    /** `/pools/:id/sheets/:candidateId...`: a seat on the pool's panel, the candidate assigned, and no conflict with it. */
    sheet: (): ResourceScope => async (actor, params) => {
      if (!uuidPattern.test(params.candidateId ?? '')) return;
      await assertMarks(db, actor, await poolById(params.id!), params.candidateId!);
    },
    /** `/results/:id/...`: the result's pool. */
    result:
      (action: PoolAction): ResourceScope =>
      async (actor, params) => {
        const result = await findResult(db, params.id!);
        if (!result) throw notFound('result');
        authorizePool(actor, action, await poolById(result.poolId));
      },
    /** `/press-releases/:id`: the pool of its result. */
    pressRelease:
      (action: PoolAction): ResourceScope =>
      async (actor, params) => {
        const release = await findPressRelease(db, params.id!);
        if (!release) throw notFound('press release');
        const result = await findResult(db, release.resultId);
        if (!result) throw notFound('press release');
        authorizePool(actor, action, await poolById(result.poolId));
      },
    /** `/panels/:id/...` */
    panel: (): ResourceScope => async (actor, params) => {
      const panel = await findPanel(db, params.id!);
      if (!panel) throw notFound('panel');
      authorizePanel(actor, 'manage', panel);
    },
    /** `/editions/:id/events/:eventId` */
    event: (): ResourceScope => async (actor, params) => {
      if (!uuidPattern.test(params.eventId ?? '')) return;
      const event = await findEvent(db, params.id!, params.eventId!);
      if (!event) throw notFound('event');
      authorizeEvent(actor, 'manage', event);
    },
  };
}

import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import * as repo from '../../db/repositories/handovers.ts';
import * as pools from '../../db/repositories/pools.ts';
import type { Handover, HandoverInput } from '../../shared/contracts/index.ts';
import { auditActor } from '../policies/actor.ts';
import { authorizePool } from '../policies/panels.ts';
import type { ServiceContext } from './context.ts';
import { loadPool } from './pool-context.ts';

type Representative = HandoverInput['representatives'][number];

/** A pool's recorded hand-over, or an empty one when none is recorded. */
export async function handoverOf(db: Db, poolId: string): Promise<Handover> {
  const row = await repo.findHandover(db, poolId);
  if (!row) return { presenter: null, occasion: null, representatives: [], updatedAt: null };
  return {
    presenter: row.presenterName && row.presenterTitle ? { name: row.presenterName, title: row.presenterTitle } : null,
    occasion: row.occasion && row.occasionDate ? { name: row.occasion, date: row.occasionDate, place: row.occasionPlace } : null,
    representatives: row.representatives as Representative[],
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The pool's committee records how the awards were actually handed over:
 * who presented them, at which other event if not the ceremony, and who
 * received for each winner. Representatives must be the pool's candidates,
 * at most one per candidate. Replaces the record; audited.
 */
export async function saveHandover(ctx: ServiceContext, poolId: string, input: HandoverInput): Promise<Handover> {
  return ctx.db.transaction(async (tx) => {
    const pool = await loadPool(tx, poolId, true);
    authorizePool(ctx.actor, 'publish', pool);
    const inPool = new Set((await pools.candidatesOfPool(tx, pool.pool)).map((c) => c.id));
    const seen = new Set<string>();
    input.representatives.forEach((r, i) => {
      if (!inPool.has(r.candidateId)) throw new AppError('VALIDATION_FAILED', 'A representative names a candidate outside this pool', [{ path: `representatives.${i}.candidateId`, message: 'not a candidate of this pool' }]);
      if (seen.has(r.candidateId)) throw new AppError('VALIDATION_FAILED', 'One representative per candidate', [{ path: `representatives.${i}.candidateId`, message: 'already has a representative' }]);
      seen.add(r.candidateId);
    });
    const before = await handoverOf(tx, poolId);
    await repo.saveHandover(tx, {
      poolId,
      presenterName: input.presenter?.name ?? null,
      presenterTitle: input.presenter?.title ?? null,
      occasion: input.occasion?.name ?? null,
      occasionDate: input.occasion?.date ?? null,
      occasionPlace: input.occasion?.place ?? null,
      representatives: input.representatives,
      updatedBy: ctx.actor!.id,
      updatedAt: new Date(),
    });
    const after = await handoverOf(tx, poolId);
    await appendAudit(tx, auditActor(ctx.actor), { action: 'handover.save', entityType: 'pool', entityId: poolId, before, after });
    return after;
  });
}

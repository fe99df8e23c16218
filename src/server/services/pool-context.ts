import { AppError, notFound } from '../../domain/errors.ts';
import { scoringSetup, type ScoringSetup } from '../../domain/panels/scoring-setup.ts';
import type { Db } from '../../db/client.ts';
import { findCategory, findEdition, type CategoryRow, type EditionRow } from '../../db/repositories/editions.ts';
import { findPanel, membersOf, type MemberWithUser, type PanelRow } from '../../db/repositories/panels.ts';
import { findPool, type PoolRow } from '../../db/repositories/pools.ts';
import type { Actor } from '../policies/actor.ts';
import { authorizePool, panelPolicy, poolAbilities } from '../policies/panels.ts';
import { inTurn } from '../../db/in-turn.ts';

/** A pool with everything a use case about it needs. */
export type PoolContext = {
  pool: PoolRow;
  panel: PanelRow;
  members: MemberWithUser[];
  category: CategoryRow;
  edition: EditionRow;
  setup: ScoringSetup;
  stageIds: string[];
};

export async function loadPool(db: Db, poolId: string, forUpdate = false): Promise<PoolContext> {
  const pool = await findPool(db, poolId, forUpdate);
  if (!pool) throw notFound('pool');
  const [panel, members, category, edition] = await inTurn(
    () => findPanel(db, pool.panelId),
    () => membersOf(db, [pool.panelId]),
    () => findCategory(db, pool.editionId, pool.categoryId),
    () => findEdition(db, pool.editionId),
  );
  if (!panel || !category || !edition) throw notFound('pool');
  const setup = scoringSetup(category);
  return { pool, panel, members, category, edition, setup, stageIds: setup.instrument.stages.map((s) => s.id) };
}

export type PoolRole = 'admin' | 'chair' | 'secretary' | 'member' | 'none';

export function poolRoleOf(actor: Actor, ctx: Pick<PoolContext, 'pool' | 'members'>): PoolRole {
  if (poolAbilities.can(actor, 'manage', ctx)) return 'admin';
  return panelPolicy.seatOf(actor, ctx.members)?.role ?? 'none';
}

/** Refuses unless the actor administers the pool's area or sits on its panel. */
export function assertSeesPool(actor: Actor, ctx: PoolContext): PoolRole {
  authorizePool(actor, 'see', ctx);
  return poolRoleOf(actor, ctx);
}

export function assertRunsPool(actor: Actor, ctx: PoolContext): void {
  authorizePool(actor, 'run', ctx);
}

/** Marking and finalising happen while the edition is being assessed. */
export function assertAssessing(edition: EditionRow): void {
  if (edition.status !== 'assessing') {
    throw new AppError('EDITION_LOCKED', `The edition is ${edition.status}: marking and results happen while it is being assessed`);
  }
}

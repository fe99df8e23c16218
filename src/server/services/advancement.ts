import { appendAudit } from '../../db/repositories/audit.ts';
import { findCandidate, insertCandidate, updateCandidate } from '../../db/repositories/candidates.ts';
import { advancedFrom, copyCandidacy } from '../../db/repositories/advancement.ts';
import { listLevels } from '../../db/repositories/editions.ts';
import type { Db } from '../../db/client.ts';
import { auditActor, type Actor } from '../policies/actor.ts';
import type { PoolContext } from './pool-context.ts';
import { poolCandidates } from './pools.ts';
import { notifyAboutCandidate } from '../notifications/events.ts';

/** The level a category's winners go on to from `level`, or null at its last level. */
export function nextLevel(categoryLevels: readonly string[], level: string): string | null {
  const i = categoryLevels.indexOf(level);
  return i >= 0 ? (categoryLevels[i + 1] ?? null) : null;
}

/**
 * Winners advance by the category's rule: each gets a candidacy at the next
 * level with its data, evidence and self-assessment carried over (and its
 * users), ready for the national verification. A candidacy advanced by an
 * earlier version of the result that no longer advances is withdrawn.
 */
export async function advanceWinners(tx: Db, actor: Actor | null, ctx: PoolContext, winnerIds: string[]): Promise<{ created: string[]; withdrawn: string[] }> {
  const next = nextLevel(ctx.category.levels, ctx.pool.level);
  const created: string[] = [];
  const withdrawn: string[] = [];
  if (!next) return { created, withdrawn };
  const nextLevelRow = (await listLevels(tx, ctx.edition.id)).find((l) => l.code === next);
  const nextKind = nextLevelRow?.kind;
  const members = (await poolCandidates(tx, ctx.pool)).map((c) => c.id);
  const existing = await advancedFrom(tx, members);
  for (const prior of existing.filter((e) => !winnerIds.includes(e.advancedFrom!) && e.status !== 'withdrawn')) {
    const after = await updateCandidate(tx, prior.id, { status: 'withdrawn' });
    await appendAudit(tx, auditActor(actor), { action: 'candidate.advance.withdraw', entityType: 'candidate', entityId: prior.id, before: { status: prior.status }, after: { status: after.status } });
    withdrawn.push(prior.id);
  }
  for (const id of winnerIds) {
    const prior = existing.find((e) => e.advancedFrom === id);
    if (prior) {
      if (prior.status === 'withdrawn') {
        await updateCandidate(tx, prior.id, { status: 'accepted' });
        await appendAudit(tx, auditActor(actor), { action: 'candidate.advance.restore', entityType: 'candidate', entityId: prior.id, before: { status: 'withdrawn' }, after: { status: 'accepted' } });
      }
      continue;
    }
    const from = (await findCandidate(tx, id))!;
    const row = await insertCandidate(tx, {
      editionId: from.editionId,
      categoryId: from.categoryId,
      level: next,
      provinceCode: from.provinceCode,
      kind: from.kind,
      regencyCode: from.regencyCode,
      npp: from.npp,
      name: from.name,
      sizeClass: from.sizeClass,
      sector: from.sector,
      address: from.address,
      contacts: from.contacts,
      status: 'accepted',
      advancedFrom: from.id,
    });
    const copied = await copyCandidacy(tx, from.id, row.id);
    await appendAudit(tx, auditActor(actor), {
      action: 'candidate.advance',
      entityType: 'candidate',
      entityId: row.id,
      after: { ...row, levelKind: nextKind ?? null, copied },
    });
    await notifyAboutCandidate(tx, from, 'candidate.advanced', ['candidate', 'provincial_admins'], { level: nextLevelRow?.name ?? next }, { link: `/candidates/${row.id}` });
    created.push(row.id);
  }
  return { created, withdrawn };
}

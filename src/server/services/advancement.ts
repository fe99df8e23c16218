import { appendAudit } from '../../db/repositories/audit.ts';
import { findCandidate, insertCandidate, updateCandidate } from '../../db/repositories/candidates.ts';
import { advancedFrom, copyCandidacy } from '../../db/repositories/advancement.ts';
import { listLevels } from '../../db/repositories/editions.ts';
import { nextLevelOf, type LevelDef } from '../../domain/editions/levels.ts';
import type { Db } from '../../db/client.ts';
import { auditActor, type Actor } from '../policies/actor.ts';
import type { PoolContext } from './pool-context.ts';
import { poolCandidates } from './pools.ts';
import { notifyAboutCandidate } from '../notifications/events.ts';
import { levelWords } from '../notifications/wording.ts';

/**
 * The level a pool's winners go on to: the zone holding the pool's province
 * when the category runs zones, else the level after (src/domain/editions/levels.ts).
 * The winners of a provincial pool share its province; those of a zone pool
 * all go on to the nation.
 */
export function nextLevel(levels: readonly LevelDef[], categoryLevels: readonly string[], level: string, provinceCode: string): string | null {
  return nextLevelOf(levels, categoryLevels, level, provinceCode);
}

/**
 * Winners advance by the category's rule: each gets a candidacy at the next
 * level with its data, evidence and self-assessment carried over (and its
 * users), ready for the national verification. A candidacy advanced by an
 * earlier version of the result that no longer advances is withdrawn.
 */
export async function advanceWinners(tx: Db, actor: Actor | null, ctx: PoolContext, winnerIds: string[]): Promise<{ created: string[]; withdrawn: string[] }> {
  const levels = await listLevels(tx, ctx.edition.id);
  const created: string[] = [];
  const withdrawn: string[] = [];
  const at = ctx.category.levels.indexOf(ctx.pool.level);
  if (at < 0 || at === ctx.category.levels.length - 1) return { created, withdrawn };
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
    const next = nextLevel(levels, ctx.category.levels, ctx.pool.level, from.provinceCode);
    if (!next) continue;
    const nextKind = levels.find((l) => l.code === next)?.kind;
    const row = await insertCandidate(tx, {
      editionId: from.editionId,
      categoryId: from.categoryId,
      level: next,
      provinceCode: from.provinceCode,
      kind: from.kind,
      regencyCode: from.regencyCode,
      villageCode: from.villageCode,
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
    await notifyAboutCandidate(tx, from, 'candidate.advanced', ['candidate', 'provincial_admins'], { level: levelWords(levels.find((l) => l.code === next), next) }, { link: `/candidates/${row.id}` });
    created.push(row.id);
  }
  return { created, withdrawn };
}

import type { Db } from '../../db/client.ts';
import type { CandidateRow } from '../../db/repositories/candidates.ts';
import { findProvince } from '../../db/repositories/regions.ts';
import type { PoolContext } from '../services/pool-context.ts';
import { candidateFacts } from './facts.ts';
import { editionWords } from './wording.ts';
import { notify, type Facts, type RecipientSelector } from './notify.ts';
import type { NotificationKind } from './templates.ts';

/** Who, around a candidate, is told. */
export type CandidateAudience = 'candidate' | 'provincial_admins' | 'verifiers' | 'national';

function selectors(candidate: CandidateRow, audience: CandidateAudience[]): RecipientSelector[] {
  return audience.flatMap((a): RecipientSelector[] => {
    if (a === 'candidate') return [{ candidate: candidate.id }];
    if (a === 'national') return [{ national: true }];
    if (!candidate.provinceCode) return [{ national: true }];
    return [{ province: candidate.provinceCode, roles: [a === 'verifiers' ? 'verifier' : 'provincial_admin'] }];
  });
}

/** An event about one candidate: its facts, its page, its province. */
export async function notifyAboutCandidate(
  tx: Db,
  candidate: CandidateRow,
  kind: NotificationKind,
  audience: CandidateAudience[],
  facts: Facts = {},
  options: { link?: string; users?: string[] } = {},
) {
  return notify(tx, {
    kind,
    to: [...selectors(candidate, audience), ...(options.users ? [{ users: options.users }] : [])],
    facts: { ...(await candidateFacts(tx, candidate)), ...facts },
    link: options.link ?? `/candidates/${candidate.id}`,
    event: `candidate:${candidate.id}`,
    provinceCode: candidate.provinceCode,
  });
}

/** A pool as people name it: its area (national or a province) and category. */
export async function poolFacts(tx: Db, ctx: Pick<PoolContext, 'pool' | 'category' | 'edition'>): Promise<Facts> {
  const province = ctx.pool.area ? await findProvince(tx, ctx.pool.area) : null;
  const where = province ? { id: `Provinsi ${province.name}`, en: `Province of ${province.name}` } : { id: 'Tingkat Nasional', en: 'National level' };
  return {
    pool: { id: `${where.id} — ${ctx.category.nameId}`, en: `${where.en} — ${ctx.category.nameEn}` },
    edition: editionWords(ctx.edition.label),
  };
}

/** An event about a pool, to the given users (jurors) and, optionally, the committee of its area. */
export async function notifyAboutPool(
  tx: Db,
  ctx: Pick<PoolContext, 'pool' | 'category' | 'edition'>,
  kind: NotificationKind,
  to: { users?: string[]; committee?: boolean },
  facts: Facts = {},
  link = `/pools/${ctx.pool.id}`,
) {
  const selectors: RecipientSelector[] = [];
  if (to.users) selectors.push({ users: to.users });
  if (to.committee) selectors.push(ctx.pool.area ? { province: ctx.pool.area, roles: ['provincial_admin'] } : { national: true });
  return notify(tx, {
    kind,
    to: selectors,
    facts: { ...(await poolFacts(tx, ctx)), ...facts },
    link,
    event: `pool:${ctx.pool.id}`,
    provinceCode: ctx.pool.area || null,
  });
}

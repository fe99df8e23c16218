import type { Db } from '../../db/client.ts';
import { findCandidate, type CandidateRow } from '../../db/repositories/candidates.ts';
import * as pools from '../../db/repositories/pools.ts';
import { formatNumber } from '../../shared/i18n/format.ts';
import type { PoolContext } from '../services/pool-context.ts';
import { notifyAboutCandidate, notifyAboutPool, poolFacts } from './events.ts';
import { dateFact } from './facts.ts';
import { timeWords } from './wording.ts';
import { listMilestones } from '../../db/repositories/editions.ts';

/** The jurors who mark a candidate in a pool (its assignment), else the whole panel. */
async function jurorsOf(tx: Db, ctx: PoolContext, candidateId: string): Promise<string[]> {
  const assigned = (await pools.assignmentsOf(tx, ctx.pool.id)).filter((a) => a.candidateId === candidateId).map((a) => a.userId);
  return assigned.length > 0 ? assigned : ctx.members.map((m) => m.userId);
}


/** An interview slot set or moved: to the candidate, its province's admins and the jurors who will hear it. */
export async function notifyInterview(tx: Db, ctx: PoolContext, candidateId: string, slot: pools.SlotRow, kind: 'interview.scheduled' | 'interview.changed') {
  const candidate = (await findCandidate(tx, candidateId))!;
  const time = timeWords(slot.startsAt, slot.endsAt);
  const place = [slot.place, slot.onlineUrl].filter(Boolean).join(' · ');
  const attendees =
    candidate.kind === 'pemda'
      ? { id: 'Kepala daerah atau pejabat yang ditunjuk, didampingi kepala perangkat daerah terkait', en: 'The regional head or an appointed official, with the heads of the agencies concerned' }
      : { id: 'Pimpinan perusahaan atau pejabat yang ditunjuk', en: 'The company’s leader or an appointed official' };
  const facts = { date: dateFact(slot.heldOn), time, place, attendees };
  await notifyAboutCandidate(tx, candidate, kind, ['candidate', 'provincial_admins'], facts);
  await notifyAboutCandidate(tx, candidate, kind, [], facts, { users: await jurorsOf(tx, ctx, candidateId), link: `/pools/${ctx.pool.id}` });
}

/** The jurors of a pool told of their assignment, each with how many candidates they mark. */
export async function notifyAssignments(tx: Db, ctx: PoolContext, before: { userId: string; candidateId: string }[]) {
  const after = await pools.assignmentsOf(tx, ctx.pool.id);
  const had = new Set(before.map((a) => a.userId));
  const counts = new Map<string, number>();
  for (const a of after) counts.set(a.userId, (counts.get(a.userId) ?? 0) + 1);
  for (const [userId, n] of counts) {
    if (had.has(userId)) continue;
    await notifyAboutPool(tx, ctx, 'pool.juror-assigned', { users: [userId] }, { candidates: formatNumber(n) }, '/penilaian');
  }
}

/** A stage opened: to every juror with sheets to fill in it. */
export async function notifyStageOpened(tx: Db, ctx: PoolContext, stageId: string) {
  const jurors = [...new Set((await pools.assignmentsOf(tx, ctx.pool.id)).map((a) => a.userId))];
  const stage = ctx.setup.instrument.stages.find((s) => s.id === stageId);
  await notifyAboutPool(tx, ctx, 'stage.opened', { users: jurors }, { stage: stage ? stage.label : stageId, deadline: dateFact(await markingDeadline(tx, ctx)) }, '/penilaian');
}

/** A finalised result: to the committee of the pool's area (the national admins for a national pool). */
export async function notifyFinalised(tx: Db, ctx: PoolContext, top: string[]) {
  await notifyAboutPool(tx, ctx, 'result.finalised', { committee: true }, { winners: top.join(', ') || '—' });
}

/** An announced result: to each candidate, with its own rank and score. */
export async function notifyAnnounced(tx: Db, ctx: PoolContext, ranking: { candidate: CandidateRow; rank: number; score: number }[]) {
  const { pool } = await poolFacts(tx, ctx);
  for (const r of ranking) {
    await notifyAboutCandidate(tx, r.candidate, 'result.announced', ['candidate'], {
      pool: pool!,
      rank: String(r.rank),
      score: { id: formatNumber(r.score, 'id', 2), en: formatNumber(r.score, 'en', 2) },
    }, { link: `/publik/hasil/${ctx.pool.id}` });
  }
}

/** When a pool's marking must be done: the day its level's interviews start (the edition's timeline), if set. */
export async function markingDeadline(tx: Db, ctx: Pick<PoolContext, 'pool'>): Promise<string | null> {
  const kind = ctx.pool.area ? 'provincial_interview' : 'national_interview';
  return (await listMilestones(tx, ctx.pool.editionId)).find((m) => m.kind === kind)?.startsOn ?? null;
}

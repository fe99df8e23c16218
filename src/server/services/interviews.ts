import { AppError, forbidden, notFound } from '../../domain/errors.ts';
import { attendanceIndicator } from '../../domain/panels/scoring-setup.ts';
import { pairKey } from '../../domain/panels/conflicts.ts';
import type { Instrument } from '../../domain/instruments/index.ts';
import * as pools from '../../db/repositories/pools.ts';
import { findCandidate } from '../../db/repositories/candidates.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { InterviewSlot, SlotInput } from '../../shared/contracts/index.ts';
import { auditActor } from '../policies/actor.ts';
import { authorizeCandidate } from '../policies/candidates.ts';
import { panelPolicy } from '../policies/panels.ts';
import type { ServiceContext } from './context.ts';
import { assertRunsPool, loadPool, type PoolContext } from './pool-context.ts';
import { conflictedPairs, poolCandidates, presentSlot } from './pools.ts';
import { notifyInterview } from '../notifications/pool-events.ts';

/** The interview stage: the one holding the attendance indicator, else `wawancara`; null when the category has no interview (UKM). */
export function interviewStage(instrument: Instrument): string | null {
  const attendance = attendanceIndicator(instrument);
  const holder = attendance ? instrument.stages.find((s) => s.aspects.some((a) => a.indicators.includes(attendance))) : undefined;
  return holder?.id ?? instrument.stages.find((s) => s.id === 'wawancara')?.id ?? null;
}

async function interviewPool(ctx: ServiceContext, poolId: string, candidateId: string): Promise<PoolContext> {
  const pool = await loadPool(ctx.db, poolId, true);
  assertRunsPool(ctx.actor!, pool);
  // A chair in conflict with the candidate is walled off from its interview (attendance scores); the committee records it.
  if (!panelPolicy.manageIn(ctx.actor!, pool.pool) && (await conflictedPairs(ctx.db, [candidateId])).has(pairKey(ctx.actor!.id, candidateId))) {
    throw forbidden('You are in conflict with this candidate: its interview is scheduled and recorded by the committee');
  }
  if (!interviewStage(pool.setup.instrument)) throw new AppError('CONFLICT', 'This category has no interview');
  if (pool.pool.status === 'finalised') throw new AppError('INVALID_TRANSITION', 'The result is final: reopen it first');
  if (!(await poolCandidates(ctx.db, pool.pool)).some((c) => c.id === candidateId)) throw notFound('candidate');
  return pool;
}

/** The chair or the committee schedules a candidate's interview (e.g. 14 Juli, 09:00, Hotel Premier Park, Mataram). */
export async function setSlot(ctx: ServiceContext, poolId: string, candidateId: string, input: SlotInput): Promise<InterviewSlot> {
  if (input.endsAt && input.endsAt <= input.startsAt) throw new AppError('VALIDATION_FAILED', 'The interview ends before it starts', [{ path: 'endsAt', message: 'must be after the start' }]);
  if (!input.place && !input.onlineUrl) throw new AppError('VALIDATION_FAILED', 'Give a place or an online link', [{ path: 'place', message: 'a place or an online link is required' }]);
  return ctx.db.transaction(async (tx) => {
    const pool = await interviewPool({ ...ctx, db: tx }, poolId, candidateId);
    const before = await pools.slotOf(tx, poolId, candidateId);
    const row = await pools.upsertSlot(tx, { poolId, candidateId, ...input });
    await appendAudit(tx, auditActor(ctx.actor), { action: 'interview.schedule', entityType: 'candidate', entityId: candidateId, before, after: row });
    await notifyInterview(tx, pool, candidateId, row, before ? 'interview.changed' : 'interview.scheduled');
    return presentSlot(row);
  });
}

export async function removeSlot(ctx: ServiceContext, poolId: string, candidateId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await interviewPool({ ...ctx, db: tx }, poolId, candidateId);
    const before = await pools.slotOf(tx, poolId, candidateId);
    if (!before) throw notFound('interview');
    if (before.attendance) throw new AppError('CONFLICT', 'The interview took place: its attendance is recorded');
    await pools.deleteSlot(tx, poolId, candidateId);
    await appendAudit(tx, auditActor(ctx.actor), { action: 'interview.cancel', entityType: 'candidate', entityId: candidateId, before });
  });
}

/** Who attended for the candidate: an option of the attendance indicator, which scores it. */
export async function recordAttendance(ctx: ServiceContext, poolId: string, candidateId: string, input: { attendance: string; note: string | null }): Promise<InterviewSlot> {
  return ctx.db.transaction(async (tx) => {
    const pool = await interviewPool({ ...ctx, db: tx }, poolId, candidateId);
    const indicator = attendanceIndicator(pool.setup.instrument);
    const options = indicator?.scale.type === 'choice' ? Object.keys(indicator.scale.options) : [];
    if (!options.includes(input.attendance)) {
      throw new AppError('VALIDATION_FAILED', `Attendance must be one of ${options.join(', ')}`, [{ path: 'attendance', message: 'unknown option' }]);
    }
    const before = await pools.slotOf(tx, poolId, candidateId);
    if (!before) throw new AppError('CONFLICT', 'Schedule the interview before recording who attended');
    const row = await pools.updateSlot(tx, poolId, candidateId, { attendance: input.attendance, attendanceNote: input.note, recordedAt: new Date() });
    await appendAudit(tx, auditActor(ctx.actor), { action: 'interview.attendance', entityType: 'candidate', entityId: candidateId, before, after: row });
    return presentSlot(row!);
  });
}

/** A candidate's own interviews, with the pool's category. */
export async function candidateInterviews({ db, actor }: ServiceContext, candidateId: string): Promise<InterviewSlot[]> {
  const candidate = await findCandidate(db, candidateId);
  if (!candidate) throw notFound('candidate');
  authorizeCandidate(actor, 'see', candidate);
  return (await pools.slotsOfCandidate(db, candidateId)).map(presentSlot);
}

import { AppError, notFound } from '../../domain/errors.ts';
import { assignAll, assignAuto, shortfalls, type Pair } from '../../domain/panels/assignment.ts';
import { pairKey } from '../../domain/panels/conflicts.ts';
import { assertCanClose, assertCanOpen, initialStages } from '../../domain/panels/stages.ts';
import { attendanceIndicator, rubricIndicators, scoringSetup } from '../../domain/panels/scoring-setup.ts';
import type { Db } from '../../db/client.ts';
import * as pools from '../../db/repositories/pools.ts';
import { activeConflictsOf, conflictsOf, findPanel } from '../../db/repositories/panels.ts';
import { findCategory, findEdition } from '../../db/repositories/editions.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { PoolDetail, PoolSummary } from '../../shared/contracts/index.ts';
import { auditActor, type Actor } from '../policies/actor.ts';
import { authorizePanel, authorizePool, poolAbilities } from '../policies/panels.ts';
import type { ServiceContext } from './context.ts';
import { presentConflicts, presentPanel, recordTieConflicts } from './panels.ts';
import { assertAssessing, assertRunsPool, assertSeesPool, loadPool, poolRoleOf, type PoolContext } from './pool-context.ts';
import { notifyAssignments, notifyStageOpened } from '../notifications/pool-events.ts';
import { groupBy } from '../../shared/group-by.ts';

/** Verified candidates make up a pool. */
export const inPool = (status: string): boolean => status === 'verified';

export async function poolCandidates(db: Db, pool: pools.PoolRow) {
  return (await pools.candidatesOfPool(db, pool)).filter((c) => inPool(c.status));
}

/** Conflicted (juror, candidate) pairs of a pool that are in force. */
export async function conflictedPairs(db: Db, candidateIds: string[]): Promise<Set<string>> {
  return new Set((await activeConflictsOf(db, candidateIds)).map((c) => pairKey(c.userId, c.candidateId)));
}

/** Where a pool's result stands for the public: not final, final but not announced, announced, or its announcement withdrawn. */
export function publicationStateOf(status: string, result: pools.ResultRow | null): PoolSummary['publication'] {
  if (status !== 'finalised' || !result) return 'notFinal';
  if (result.publishedAt) return 'published';
  return result.withdrawnAt ? 'withdrawn' : 'final';
}

function summary(ctx: PoolContext, actor: Actor, candidates: number, result: pools.ResultRow | null): PoolSummary {
  return {
    id: ctx.pool.id,
    editionId: ctx.pool.editionId,
    level: ctx.pool.level,
    area: ctx.pool.area,
    categoryId: ctx.category.id,
    categoryCode: ctx.category.code,
    categoryName: ctx.category.nameId,
    panelId: ctx.panel.id,
    panelName: ctx.panel.name,
    status: ctx.pool.status,
    publication: publicationStateOf(ctx.pool.status, result),
    stages: ctx.stageIds.map((id) => ({ id, state: ctx.pool.stages[id] ?? 'pending' })),
    candidates,
    myRole: poolRoleOf(actor, ctx),
    abilities: poolAbilities.abilities(actor, ctx),
  };
}

/** Pools of an edition the actor administers or sits on. */
export async function listPools({ db, actor }: ServiceContext, editionId: string): Promise<PoolSummary[]> {
  if (!(await findEdition(db, editionId))) throw notFound('edition');
  const out: PoolSummary[] = [];
  for (const row of await pools.listPools(db, editionId)) {
    const ctx = await loadPool(db, row.id);
    if (poolRoleOf(actor!, ctx) === 'none') continue;
    out.push(summary(ctx, actor!, (await poolCandidates(db, row)).length, await pools.currentResult(db, row.id)));
  }
  return out;
}

/** Computes the assignment of a pool for a mode; `manual` keeps the given pairs minus conflicted ones. */
async function computeAssignment(db: Db, ctx: PoolContext, mode: 'all' | 'auto' | 'manual', manual: Pair[] = []): Promise<Pair[]> {
  const candidates = (await poolCandidates(db, ctx.pool)).map((c) => c.id);
  const jurors = ctx.members.map((m) => m.userId);
  const conflicted = await conflictedPairs(db, candidates);
  if (mode === 'all') return assignAll({ candidates, jurors, conflicted });
  if (mode === 'auto') return assignAuto({ candidates, jurors, conflicted, k: ctx.edition.minJurors });
  const problems = manual.flatMap((p, i) => {
    if (!jurors.includes(p.userId)) return [{ path: `pairs.${i}.userId`, message: 'not a member of the panel' }];
    if (!candidates.includes(p.candidateId)) return [{ path: `pairs.${i}.candidateId`, message: 'not a candidate of the pool' }];
    if (conflicted.has(pairKey(p.userId, p.candidateId))) return [{ path: `pairs.${i}`, message: 'the juror is in conflict with this candidate' }];
    return [];
  });
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 'The assignment is not valid', problems);
  return [...new Map(manual.map((p) => [pairKey(p.userId, p.candidateId), p])).values()];
}

/** The committee creates the pool of a level, area and category, judged by one of the area's panels. */
export async function createPool({ db, actor }: ServiceContext, editionId: string, input: { level: string; area: string; categoryId: string; panelId: string }): Promise<PoolSummary> {
  authorizePanel(actor, 'manage', input);
  const id = await db.transaction(async (tx) => {
    const edition = await findEdition(tx, editionId);
    if (!edition) throw notFound('edition');
    const panel = await findPanel(tx, input.panelId);
    if (!panel || panel.editionId !== editionId) throw notFound('panel');
    const category = await findCategory(tx, editionId, input.categoryId);
    if (!category) throw notFound('category');
    if (panel.level !== input.level || panel.area !== input.area) {
      throw new AppError('VALIDATION_FAILED', 'The panel sits for another level or area', [{ path: 'panelId', message: `the panel judges ${panel.level} ${panel.area}` }]);
    }
    if (!category.levels.includes(input.level) || (panel.categoryCodes.length > 0 && !panel.categoryCodes.includes(category.code))) {
      throw new AppError('VALIDATION_FAILED', `The panel does not judge ${category.code} at ${input.level}`, [{ path: 'categoryId', message: 'not judged by this panel' }]);
    }
    if (await pools.findPoolByKey(tx, { editionId, ...input })) throw new AppError('CONFLICT', 'This pool already exists');
    const setup = scoringSetup(category);
    const pool = await pools.insertPool(tx, { editionId, ...input, stages: initialStages(setup.instrument.stages.map((s) => s.id)) });
    const ctx = await loadPool(tx, pool.id);
    const candidates = await poolCandidates(tx, pool);
    await recordTieConflicts(tx, actor, ctx.members.map((m) => m.userId), candidates);
    await pools.replaceAssignments(tx, pool.id, await computeAssignment(tx, ctx, 'all'));
    await appendAudit(tx, auditActor(actor), { action: 'pool.create', entityType: 'pool', entityId: pool.id, after: pool });
    return pool.id;
  });
  const ctx = await loadPool(db, id);
  return summary(ctx, actor!, (await poolCandidates(db, ctx.pool)).length, null);
}

/** Who has marked what, without the marks: for the chair and the committee. */
async function progressOf(db: Db, ctx: PoolContext, assignments: pools.AssignmentRow[], conflicted: Set<string>) {
  const marks = await pools.marksOf(db, ctx.pool.id);
  const sheets = await pools.sheetsOf(db, ctx.pool.id);
  const started = ctx.stageIds.filter((id) => (ctx.pool.stages[id] ?? 'pending') !== 'pending');
  // Each pair's marks and submitted stages looked up once, not searched for every pair.
  const marksOfPair = groupBy(marks, (m) => pairKey(m.userId, m.candidateId));
  const submitted = new Set(sheets.map((s) => `${pairKey(s.userId, s.candidateId)}|${s.stageId}`));
  return started.flatMap((stageId) => {
    const indicators = new Set(rubricIndicators(ctx.setup.instrument, stageId).map((i) => i.id));
    return assignments
      .filter((a) => !conflicted.has(pairKey(a.userId, a.candidateId)))
      .map((a) => ({
        userId: a.userId,
        candidateId: a.candidateId,
        stageId,
        marked: (marksOfPair.get(pairKey(a.userId, a.candidateId)) ?? []).filter((m) => indicators.has(m.indicatorId) && m.value !== null).length,
        total: indicators.size,
        submitted: submitted.has(`${pairKey(a.userId, a.candidateId)}|${stageId}`),
      }));
  });
}

export async function poolDetail({ db, actor }: ServiceContext, poolId: string): Promise<PoolDetail> {
  const ctx = await loadPool(db, poolId);
  const role = assertSeesPool(actor!, ctx);
  const all = await pools.candidatesOfPool(db, ctx.pool);
  const ids = all.filter((c) => inPool(c.status)).map((c) => c.id);
  const assignments = await pools.assignmentsOf(db, poolId);
  const conflicted = await conflictedPairs(db, ids);
  const runs = role === 'admin' || role === 'chair';
  const conflictRows = runs ? await conflictsOf(db, ids) : [];
  const result = await pools.currentResult(db, poolId);
  const attendance = attendanceIndicator(ctx.setup.instrument);
  return {
    ...summary(ctx, actor!, ids.length, result),
    minJurors: ctx.edition.minJurors,
    assignmentMode: ctx.pool.assignmentMode,
    panel: presentPanel(ctx.panel, ctx.members),
    candidatesList: all.map((c) => ({ id: c.id, name: c.name, status: c.status, regencyCode: c.regencyCode, npp: c.npp, inPool: inPool(c.status) })),
    conflicts: presentConflicts(conflictRows, {
      jurors: new Map(ctx.members.map((m) => [m.userId, m.name])),
      candidates: new Map(all.map((c) => [c.id, c.name])),
    }),
    assignments: runs ? assignments.map((a) => ({ userId: a.userId, candidateId: a.candidateId })) : [],
    shortfalls: shortfalls({ candidates: ids, pairs: assignments, conflicted, k: ctx.edition.minJurors }),
    slots: (await pools.slotsOf(db, poolId)).map(presentSlot),
    attendanceOptions: attendance?.scale.type === 'choice' ? Object.keys(attendance.scale.options) : [],
    progress: runs ? await progressOf(db, ctx, assignments, conflicted) : [],
    currentResult: result
      ? { id: result.id, version: result.version, packageSha256: result.packageSha256, finalisedAt: result.finalisedAt.toISOString(), publishedAt: result.publishedAt?.toISOString() ?? null }
      : null,
  };
}

export function presentSlot(s: pools.SlotRow) {
  return {
    poolId: s.poolId,
    candidateId: s.candidateId,
    heldOn: s.heldOn,
    startsAt: s.startsAt.slice(0, 5),
    endsAt: s.endsAt?.slice(0, 5) ?? null,
    place: s.place,
    onlineUrl: s.onlineUrl,
    attendance: s.attendance,
    attendanceNote: s.attendanceNote,
  };
}

/** The committee sets who marks whom: the whole panel, an automatic K per candidate, or by hand. */
export async function setAssignments({ db, actor }: ServiceContext, poolId: string, input: { mode: 'all' | 'auto' | 'manual'; pairs?: Pair[] | undefined }): Promise<PoolDetail> {
  await db.transaction(async (tx) => {
    const ctx = await loadPool(tx, poolId, true);
    authorizePool(actor, 'manage', ctx);
    if (ctx.pool.status === 'finalised') throw new AppError('INVALID_TRANSITION', 'The result is final: reopen it first');
    if (input.mode === 'manual' && !input.pairs) throw new AppError('VALIDATION_FAILED', 'A manual assignment lists its pairs', [{ path: 'pairs', message: 'required' }]);
    const before = await pools.assignmentsOf(tx, poolId);
    const pairs = await computeAssignment(tx, ctx, input.mode, input.pairs ?? []);
    await pools.replaceAssignments(tx, poolId, pairs);
    await pools.updatePool(tx, poolId, { assignmentMode: input.mode });
    await appendAudit(tx, auditActor(actor), { action: 'pool.assign', entityType: 'pool', entityId: poolId, before, after: { mode: input.mode, pairs } });
    await notifyAssignments(tx, ctx, before);
  });
  return poolDetail({ db, actor }, poolId);
}

/**
 * Opens a stage for marking. Before the first stage opens the assignment is
 * refreshed (new verified candidates, conflicts from ties); when a candidate
 * has fewer than K jurors the chair is warned and must confirm.
 */
export async function openStage({ db, actor }: ServiceContext, poolId: string, stageId: string, acknowledgeShortfall: boolean): Promise<PoolDetail> {
  await db.transaction(async (tx) => {
    const ctx = await loadPool(tx, poolId, true);
    assertRunsPool(actor!, ctx);
    assertAssessing(ctx.edition);
    if (ctx.pool.status === 'finalised') throw new AppError('INVALID_TRANSITION', 'The result is final: reopen it first');
    assertCanOpen(ctx.stageIds, ctx.pool.stages, stageId);
    const candidates = await poolCandidates(tx, ctx.pool);
    if (candidates.length === 0) throw new AppError('CONFLICT', 'The pool has no verified candidate yet');
    if (ctx.members.length === 0) throw new AppError('CONFLICT', 'The panel has no members yet');
    if (ctx.pool.status === 'setup') {
      await recordTieConflicts(tx, actor, ctx.members.map((m) => m.userId), candidates);
      if (ctx.pool.assignmentMode !== 'manual') await pools.replaceAssignments(tx, poolId, await computeAssignment(tx, ctx, ctx.pool.assignmentMode));
    }
    const ids = candidates.map((c) => c.id);
    const short = shortfalls({ candidates: ids, pairs: await pools.assignmentsOf(tx, poolId), conflicted: await conflictedPairs(tx, ids), k: ctx.edition.minJurors });
    if (short.length > 0 && !acknowledgeShortfall) {
      const names = new Map(candidates.map((c) => [c.id, c.name]));
      throw new AppError(
        'JUROR_SHORTFALL',
        `${short.length} candidate(s) have fewer than ${ctx.edition.minJurors} jurors who may mark them`,
        short.map((s) => ({ path: names.get(s.candidateId) ?? s.candidateId, message: `${s.jurors} of ${ctx.edition.minJurors}` })),
      );
    }
    const stages = { ...ctx.pool.stages, [stageId]: 'open' as const };
    const after = await pools.updatePool(tx, poolId, { stages, status: 'marking' });
    await appendAudit(tx, auditActor(actor), {
      action: 'pool.stage.open',
      entityType: 'pool',
      entityId: poolId,
      before: { stages: ctx.pool.stages, status: ctx.pool.status },
      after: { stages: after.stages, status: after.status, shortfallAcknowledged: short.length > 0 ? short : null },
    });
    if (ctx.pool.status === 'setup') await notifyAssignments(tx, ctx, []);
    await notifyStageOpened(tx, ctx, stageId);
  });
  return poolDetail({ db, actor }, poolId);
}

/** Closes a stage once every juror has submitted every sheet assigned to them; the panel then sees its marks. */
export async function closeStage({ db, actor }: ServiceContext, poolId: string, stageId: string): Promise<PoolDetail> {
  await db.transaction(async (tx) => {
    const ctx = await loadPool(tx, poolId, true);
    assertRunsPool(actor!, ctx);
    assertCanClose(ctx.pool.stages, stageId);
    const ids = (await poolCandidates(tx, ctx.pool)).map((c) => c.id);
    const conflicted = await conflictedPairs(tx, ids);
    const sheets = await pools.sheetsOf(tx, poolId);
    const missing = (await pools.assignmentsOf(tx, poolId)).filter(
      (a) => ids.includes(a.candidateId) && !conflicted.has(pairKey(a.userId, a.candidateId)) && !sheets.some((s) => s.userId === a.userId && s.candidateId === a.candidateId && s.stageId === stageId),
    );
    if (missing.length > 0) {
      const jurors = new Map(ctx.members.map((m) => [m.userId, m.name]));
      const names = new Map((await pools.candidatesOfPool(tx, ctx.pool)).map((c) => [c.id, c.name]));
      throw new AppError(
        'CONFLICT',
        `${missing.length} sheet(s) of stage ${stageId} are not submitted yet`,
        missing.map((m) => ({ path: `${jurors.get(m.userId) ?? m.userId} · ${names.get(m.candidateId) ?? m.candidateId}`, message: 'not submitted' })),
      );
    }
    const stages = { ...ctx.pool.stages, [stageId]: 'closed' as const };
    await pools.updatePool(tx, poolId, { stages });
    await appendAudit(tx, auditActor(actor), { action: 'pool.stage.close', entityType: 'pool', entityId: poolId, before: { stages: ctx.pool.stages }, after: { stages } });
  });
  return poolDetail({ db, actor }, poolId);
}

import { AppError, notFound } from '../../domain/errors.ts';
import { pairKey } from '../../domain/panels/conflicts.ts';
import { rubricIndicators } from '../../domain/panels/scoring-setup.ts';
import type { Db } from '../../db/client.ts';
import * as pools from '../../db/repositories/pools.ts';
import { activeConflictsOf, seatsOf } from '../../db/repositories/panels.ts';
import { findCandidate } from '../../db/repositories/candidates.ts';
import { valuesOf } from '../../db/repositories/coverage.ts';
import { evidenceOf, type EvidenceRow } from '../../db/repositories/evidence.ts';
import { findSubmission } from '../../db/repositories/submissions.ts';
import { itemsOf } from '../../db/repositories/verification.ts';
import { verifiedEvidence } from '../../domain/candidates/verification.ts';
import { derivedValues } from '../../domain/instruments/index.ts';
import { upgradeAnswers } from '../../domain/candidates/self-assessment.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { MarkBatchResult, MarkingSheet, MarkWrite, MarkWriteResult, MyPool } from '../../shared/contracts/index.ts';
import { auditActor, type Actor } from '../policies/actor.ts';
import { authorizePool, panelPolicy, poolAbilities } from '../policies/panels.ts';
import type { ServiceContext } from './context.ts';
import { assertAssessing, loadPool, poolRoleOf, type PoolContext } from './pool-context.ts';
import { conflictedPairs, poolCandidates, presentSlot, publicationStateOf } from './pools.ts';

/** The pools a juror sits on, with the candidates and how far their sheets are. */
export async function myPools({ db, actor }: ServiceContext, editionId: string): Promise<MyPool[]> {
  const seats = (await seatsOf(db, actor!.id)).filter((s) => s.panel.editionId === editionId);
  const out: MyPool[] = [];
  for (const row of await pools.poolsOfPanels(
    db,
    seats.map((s) => s.panelId),
  )) {
    const ctx = await loadPool(db, row.id);
    const candidates = await poolCandidates(db, row);
    const conflicted = await conflictedPairs(
      db,
      candidates.map((c) => c.id),
    );
    const assigned = new Set((await pools.assignmentsOf(db, row.id)).filter((a) => a.userId === actor!.id).map((a) => a.candidateId));
    const marks = await pools.marksOf(db, row.id, { userId: actor!.id });
    const sheets = await pools.sheetsOf(db, row.id, { userId: actor!.id });
    const slots = await pools.slotsOf(db, row.id);
    const started = ctx.stageIds.filter((id) => (row.stages[id] ?? 'pending') !== 'pending');
    out.push({
      pool: {
        id: row.id,
        editionId: row.editionId,
        level: row.level,
        area: row.area,
        categoryId: ctx.category.id,
        categoryCode: ctx.category.code,
        categoryName: ctx.category.nameId,
        panelId: ctx.panel.id,
        panelName: ctx.panel.name,
        status: row.status,
        publication: publicationStateOf(row.status, row.status === 'finalised' ? await pools.currentResult(db, row.id) : null),
        stages: ctx.stageIds.map((id) => ({ id, state: row.stages[id] ?? 'pending' })),
        candidates: candidates.length,
        myRole: poolRoleOf(actor!, ctx),
        abilities: poolAbilities.abilities(actor, ctx),
      },
      candidates: candidates.map((c) => {
        const access = conflicted.has(pairKey(actor!.id, c.id)) ? ('conflict' as const) : assigned.has(c.id) ? ('assigned' as const) : ('other' as const);
        const slot = slots.find((s) => s.candidateId === c.id);
        return {
          id: c.id,
          name: c.name,
          access,
          sheets:
            access === 'assigned'
              ? started.map((stageId) => {
                  const ids = new Set(rubricIndicators(ctx.setup.instrument, stageId).map((i) => i.id));
                  return {
                    stageId,
                    marked: marks.filter((m) => m.candidateId === c.id && ids.has(m.indicatorId) && m.value !== null).length,
                    total: ids.size,
                    submitted: sheets.some((s) => s.candidateId === c.id && s.stageId === stageId),
                  };
                })
              : [],
          slot: slot ? presentSlot(slot) : null,
        };
      }),
    });
  }
  return out;
}

/** Refuses unless the actor sits on the pool's panel, is assigned the candidate and is not in conflict with it. */
export async function assertMarks(db: Db, actor: Actor, ctx: PoolContext, candidateId: string, lockAssignment = false): Promise<void> {
  authorizePool(actor, 'mark', ctx);
  if ((await conflictedPairs(db, [candidateId])).has(pairKey(actor.id, candidateId))) throw new AppError('FORBIDDEN', 'You are in conflict with this candidate', [{ path: 'refusal', message: 'conflict' }]);
  if (!(await pools.findAssignment(db, ctx.pool.id, actor.id, candidateId, lockAssignment))) throw new AppError('FORBIDDEN', 'This candidate is not assigned to you', [{ path: 'refusal', message: 'not-assigned' }]);
}

/** The evidence a panel sees of a candidate: files attached to items the verifier found valid, uploaded before that decision. */
export async function evidenceForPanel(db: Db, candidateId: string): Promise<EvidenceRow[]> {
  const submission = await findSubmission(db, candidateId);
  if (!submission) return [];
  const files = await evidenceOf(db, candidateId);
  const decisions = (await itemsOf(db, [candidateId])).map((i) => ({ key: i.itemKey, status: i.status, decidedAt: i.decidedAt }));
  const shown = new Set(verifiedEvidence(upgradeAnswers(submission.answers), decisions, files));
  return files.filter((f) => shown.has(f.id));
}

/** Whether a juror may see an evidence file: its candidate is assigned to them, not in conflict, and the panel sees the file. */
export async function jurorMaySee(db: Db, actor: Actor, evidence: Pick<EvidenceRow, 'id' | 'candidateId'>): Promise<boolean> {
  const assigned = (await pools.assignmentsOfUser(db, actor.id)).some((a) => a.candidateId === evidence.candidateId);
  if (!assigned) return false;
  if ((await activeConflictsOf(db, [evidence.candidateId])).some((c) => c.userId === actor.id)) return false;
  return (await evidenceForPanel(db, evidence.candidateId)).some((e) => e.id === evidence.id);
}

/** The juror's marking sheet of one candidate: rubric with descriptors, own marks, and the candidate's data and evidence beside it. */
export async function markingSheet({ db, actor }: ServiceContext, poolId: string, candidateId: string): Promise<MarkingSheet> {
  const ctx = await loadPool(db, poolId);
  await assertMarks(db, actor!, ctx, candidateId);
  return sheetOf(db, actor!, ctx, candidateId);
}

/** The sheet of a candidate the actor was just found to mark (assertMarks) in this pool. */
async function sheetOf(db: Db, actor: Actor, ctx: PoolContext, candidateId: string): Promise<MarkingSheet> {
  const poolId = ctx.pool.id;
  const candidate = await findCandidate(db, candidateId);
  if (!candidate) throw notFound('candidate');
  const sheets = await pools.sheetsOf(db, poolId, { userId: actor.id, candidateId });
  const values = new Map((await valuesOf(db, [candidateId])).map((v) => [v.key, v]));
  const slot = await pools.slotOf(db, poolId, candidateId);
  const dataIndicators = ctx.setup.instrument.stages.flatMap((s) => s.aspects.flatMap((a) => a.indicators)).filter((i) => i.source === 'data');
  return {
    poolId,
    candidate: { id: candidate.id, name: candidate.name, regencyCode: candidate.regencyCode, npp: candidate.npp, sizeClass: candidate.sizeClass, sector: candidate.sector },
    stages: ctx.setup.instrument.stages.map((stage) => ({
      id: stage.id,
      labelId: stage.label.id,
      labelEn: stage.label.en,
      state: ctx.pool.stages[stage.id] ?? 'pending',
      submitted: sheets.some((s) => s.stageId === stage.id),
      indicators: stage.aspects.flatMap((aspect) =>
        aspect.indicators.flatMap((i) =>
          i.source === 'rubric' ? [{ id: i.id, aspectId: aspect.id, labelId: i.label.id, labelEn: i.label.en, min: i.scale.min, max: i.scale.max, levels: [...i.levels] }] : [],
        ),
      ),
    })),
    marks: (await pools.marksOf(db, poolId, { userId: actor.id, candidateId })).map((m) => ({ indicatorId: m.indicatorId, value: m.value, comment: m.comment, seq: m.seq })),
    values: dataIndicators.map((i) => {
      const v = i.origin === 'interview' ? null : values.get(i.key);
      // A value derived from a verified fact and the workforce (budget per worker…) is shown as the scoring package computes it.
      const computed = i.origin === 'interview' || v ? undefined : derivedValues(Object.fromEntries([...values].map(([k, r]) => [k, r.valueNum ?? r.valueText])))[i.key];
      const derived = typeof computed === 'number' ? computed : undefined;
      const value = i.origin === 'interview' ? (slot?.attendance ?? null) : (v?.valueNum ?? v?.valueText ?? derived ?? null);
      const source = i.origin === 'interview' ? (slot?.attendance ? 'interview' : null) : (v?.source ?? (derived != null ? 'verification' : null));
      return { key: i.key, labelId: i.label.id, labelEn: i.label.en, value, source };
    }),
    evidence: (await evidenceForPanel(db, candidateId)).map((e) => ({ id: e.id, originalName: e.originalName, type: e.type, bytes: e.bytes })),
    slot: slot ? presentSlot(slot) : null,
  };
}

/** Why a juror may not mark a candidate, or null when they may (the caller holds the assignment's lock). */
async function markingRefusal(db: Db, actor: Actor, ctx: PoolContext, candidateId: string): Promise<MarkRefusal | null> {
  if (!panelPolicy.seatOf(actor, ctx.members)) return { reason: 'not-on-panel', message: 'You do not sit on this panel' };
  if ((await conflictedPairs(db, [candidateId])).has(pairKey(actor.id, candidateId))) return { reason: 'conflict', message: 'You are in conflict with this candidate' };
  if (!(await pools.findAssignment(db, ctx.pool.id, actor.id, candidateId, true))) return { reason: 'not-assigned', message: 'This candidate is not assigned to you' };
  return null;
}

type MarkRefusal = NonNullable<MarkWriteResult['refused']>;

/**
 * Saves a batch of marks. Each write carries the client's counter for its
 * field: a write sent again (after a dropped connection) or arriving after a
 * newer one changes nothing, so a mark is never lost or counted twice.
 *
 * Each write is answered on its own: applied, already stored, or refused
 * with its reason (a submitted sheet, a closed stage, a value out of range),
 * so one bad write never holds back the others. The juror's assignment to
 * each candidate is locked first, in a fixed order, the same lock a
 * submission takes: a write lands before the sheet is submitted, or is
 * refused after it.
 */
export async function writeMarks({ db, actor }: ServiceContext, poolId: string, writes: MarkWrite[]): Promise<MarkBatchResult> {
  return db.transaction(async (tx) => {
    const ctx = await loadPool(tx, poolId);
    const byCandidate = new Map<string, MarkRefusal | null>();
    const closed: MarkRefusal | null =
      ctx.edition.status !== 'assessing'
        ? { reason: 'edition-locked', message: `The edition is ${ctx.edition.status}: marking happens while it is being assessed` }
        : ctx.pool.status !== 'marking'
          ? { reason: 'marking-closed', message: 'Marking is not open in this pool' }
          : null;
    if (!closed) {
      for (const candidateId of [...new Set(writes.map((w) => w.candidateId))].sort()) byCandidate.set(candidateId, await markingRefusal(tx, actor!, ctx, candidateId));
    }
    // Read after the locks: a sheet submitted meanwhile is seen here.
    const sheets = await pools.sheetsOf(tx, poolId, { userId: actor!.id });
    const open = ctx.setup.instrument.stages.filter((s) => ctx.pool.stages[s.id] === 'open');
    const refusalOf = (w: MarkWrite): MarkRefusal | null => {
      const refusal = closed ?? byCandidate.get(w.candidateId) ?? null;
      if (refusal) return refusal;
      const stage = open.find((s) => rubricIndicators(ctx.setup.instrument, s.id).some((r) => r.id === w.indicatorId));
      const indicator = stage ? rubricIndicators(ctx.setup.instrument, stage.id).find((r) => r.id === w.indicatorId)! : null;
      if (!stage || !indicator) return { reason: 'stage-not-open', message: `${w.indicatorId} is not a rubric indicator of an open stage` };
      if (sheets.some((s) => s.candidateId === w.candidateId && s.stageId === stage.id)) return { reason: 'sheet-submitted', message: 'The sheet is already submitted' };
      if (w.value !== null && (w.value < indicator.scale.min || w.value > indicator.scale.max)) {
        return { reason: 'out-of-range', message: `${w.value} is outside ${indicator.scale.min}..${indicator.scale.max}` };
      }
      return null;
    };
    const checked = writes.map((w) => ({ w, refused: refusalOf(w) }));
    const accepted = checked.filter((c) => !c.refused).map(({ w }) => ({ poolId, userId: actor!.id, candidateId: w.candidateId, indicatorId: w.indicatorId, value: w.value, comment: w.comment, seq: w.seq }));
    const field = (w: { candidateId: string; indicatorId: string; seq: number }) => `${w.candidateId}|${w.indicatorId}|${w.seq}`;
    // One statement for the whole batch; a batch naming one field twice is written in order, one mark at a time.
    let written: boolean[];
    if (new Set(accepted.map((r) => `${r.candidateId}|${r.indicatorId}`)).size === accepted.length) {
      const rows = new Set((await pools.writeMarkRows(tx, accepted)).map(field));
      written = accepted.map((r) => rows.has(field(r)));
    } else {
      written = [];
      for (const row of accepted) written.push((await pools.writeMark(tx, row)) !== null);
    }
    const results: MarkWriteResult[] = [];
    const applied = [];
    let next = 0;
    for (const { w, refused } of checked) {
      const done = refused ? false : written[next++]!;
      results.push({ candidateId: w.candidateId, indicatorId: w.indicatorId, seq: w.seq, applied: done, refused });
      if (done) applied.push({ candidateId: w.candidateId, indicatorId: w.indicatorId, value: w.value, comment: w.comment, seq: w.seq });
    }
    // The audit log keeps every mark; its reader hides marks until the pool's result is final.
    if (applied.length > 0) await appendAudit(tx, auditActor(actor), { action: 'marks.save', entityType: 'pool', entityId: poolId, after: { juror: actor!.id, marks: applied } });
    return { results };
  });
}

/** Submits a sheet: every rubric indicator of the stage is marked; the sheet is then locked. */
export async function submitSheet({ db, actor }: ServiceContext, poolId: string, candidateId: string, stageId: string): Promise<MarkingSheet> {
  const ctx = await db.transaction(async (tx) => {
    const ctx = await loadPool(tx, poolId);
    assertAssessing(ctx.edition);
    // Takes the lock every write of marks to this candidate takes: the marks read below are the last ones.
    await assertMarks(tx, actor!, ctx, candidateId, true);
    if (ctx.pool.stages[stageId] !== 'open') throw new AppError('INVALID_TRANSITION', `Stage ${stageId} is not open for marking`);
    const indicators = rubricIndicators(ctx.setup.instrument, stageId);
    const marks = await pools.marksOf(tx, poolId, { userId: actor!.id, candidateId });
    const missing = indicators.filter((i) => !marks.some((m) => m.indicatorId === i.id && m.value !== null));
    if (missing.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        'Mark every indicator before submitting',
        missing.map((i) => ({ path: i.id, message: 'not marked' })),
      );
    }
    // Stamped under the lock (not at the transaction's start), so no mark it holds is newer than the sheet.
    const sheet = await pools.insertSheet(tx, { poolId, userId: actor!.id, candidateId, stageId, submittedAt: new Date() });
    if (!sheet) throw new AppError('CONFLICT', 'The sheet is already submitted');
    await appendAudit(tx, auditActor(actor), { action: 'marks.submit', entityType: 'pool', entityId: poolId, after: { juror: actor!.id, candidateId, stageId } });
    return ctx;
  });
  // The pool as it was when the sheet was submitted, with the stage state it found open.
  return sheetOf(db, actor!, ctx, candidateId);
}

import { createHash } from 'node:crypto';
import { organisationKey } from '../../domain/candidates/organisation.ts';
import { AppError, forbidden, notFound } from '../../domain/errors.ts';
import { buildScoringPackage } from '../../domain/instruments/index.ts';
import { scorePackage, type DataValue, type ScoringPackage, type ScoringResult } from '../../domain/scoring/index.ts';
import { assertCanFinalise } from '../../domain/panels/stages.ts';
import { pairKey } from '../../domain/panels/conflicts.ts';
import { indicatorAgreement, jurorModeration, outlierThreshold } from '../../domain/panels/moderation.ts';
import type { Db } from '../../db/client.ts';
import { canonicalJson } from '../../db/canonical-json.ts';
import * as pools from '../../db/repositories/pools.ts';
import { activeConflictsOf } from '../../db/repositories/panels.ts';
import { valuesOf } from '../../db/repositories/coverage.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { ModerationReport, PoolResultView } from '../../shared/contracts/index.ts';
import { auditActor, type Actor } from '../policies/actor.ts';
import { markPublicDataChanged } from '../public-cache.ts';
import { authorizePool } from '../policies/panels.ts';
import type { ServiceContext } from './context.ts';
import { advanceWinners } from './advancement.ts';
import { attendanceIndicator, rubricIndicators } from '../../domain/panels/scoring-setup.ts';
import { assertAssessing, assertSeesPool, loadPool, type PoolContext } from './pool-context.ts';
import { poolCandidates } from './pools.ts';
import { notifyFinalised } from '../notifications/pool-events.ts';
import { groupBy } from '../../shared/group-by.ts';

/**
 * The id a candidate has in its pool's scoring package, readable by an
 * auditor: its Kemendagri code (village, regency/city, or the province of a
 * provincial government) or NPP: the organisation's key across editions
 * (domain/candidates/organisation.ts).
 */
export const packageIdOf = (c: { id: string; kind: string; provinceCode: string; regencyCode: string | null; villageCode: string | null; npp: string | null }): string =>
  organisationKey(c);

/**
 * The pool's scoring package (docs/scoring.md) from the instrument, the
 * confirmed data values, the attendance recorded at the interview, the
 * panel's conflicts and every mark of an assigned juror.
 */
export async function buildPoolPackage(db: Db, ctx: PoolContext): Promise<{ pkg: ScoringPackage; names: Map<string, string>; ids: Map<string, string> }> {
  const candidates = (await poolCandidates(db, ctx.pool)).sort((a, b) => (packageIdOf(a) < packageIdOf(b) ? -1 : 1));
  const idOf = new Map(candidates.map((c) => [c.id, packageIdOf(c)]));
  const values = await valuesOf(
    db,
    candidates.map((c) => c.id),
  );
  const slots = await pools.slotsOf(db, ctx.pool.id);
  const attendance = attendanceIndicator(ctx.setup.instrument);
  const byCandidate: Record<string, Record<string, DataValue>> = {};
  const valuesOfCandidate = groupBy(values, (v) => v.candidateId);
  const slotOf = new Map(slots.map((s) => [s.candidateId, s]));
  for (const c of candidates) {
    const row: Record<string, DataValue> = {};
    for (const v of valuesOfCandidate.get(c.id) ?? []) row[v.key] = v.valueNum ?? v.valueText;
    const slot = slotOf.get(c.id);
    if (attendance) row[attendance.key] = slot?.attendance ?? null;
    byCandidate[idOf.get(c.id)!] = row;
  }
  const assignments = (await pools.assignmentsOf(db, ctx.pool.id)).filter((a) => idOf.has(a.candidateId));
  const assigned = new Set(assignments.map((a) => pairKey(a.userId, a.candidateId)));
  const conflicts = await activeConflictsOf(db, [...idOf.keys()]);
  const jurorIds = [...new Set(assignments.map((a) => a.userId))].sort();
  const marks = (await pools.marksOf(db, ctx.pool.id)).filter((m) => m.value !== null && assigned.has(pairKey(m.userId, m.candidateId)));
  const pkg = buildScoringPackage({
    instrument: ctx.setup.instrument,
    pool: {
      edition: ctx.edition.label,
      level: ctx.pool.level,
      ...(ctx.pool.area ? { area: ctx.pool.area } : {}),
      category: ctx.category.code,
      instrument: ctx.setup.instrument.id,
    },
    method: ctx.setup.method,
    candidates: candidates.map((c) => ({ id: idOf.get(c.id)!, name: c.name })),
    values: byCandidate,
    jurors: jurorIds.map((id) => ({
      id,
      conflicts: conflicts
        .filter((c) => c.userId === id)
        .map((c) => idOf.get(c.candidateId)!)
        .sort(),
    })),
    marks: marks
      .map((m) => ({ juror: m.userId, candidate: idOf.get(m.candidateId)!, indicator: m.indicatorId, value: m.value! }))
      .sort((a, b) => canonicalJson(a).localeCompare(canonicalJson(b))),
  });
  return { pkg, names: new Map(candidates.map((c) => [idOf.get(c.id)!, c.name])), ids: new Map(candidates.map((c) => [idOf.get(c.id)!, c.id])) };
}

/** The exported package's bytes: canonical JSON, so that its SHA-256 is the one recorded with the result. */
export const packageText = (pkg: unknown): string => canonicalJson(pkg);
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function rowsOf(result: ScoringResult, names: Map<string, string>): PoolResultView['rows'] {
  return result.results.map((r) => ({
    candidate: r.candidate,
    name: names.get(r.candidate) ?? r.candidate,
    rank: r.rank,
    score: r.score,
    award: r.award,
    advances: r.advances,
    stages: r.stages,
    aspects: r.aspects,
    flags: r.flags,
  }));
}

function assertSeesResult(ctx: ServiceContext, pool: PoolContext): void {
  authorizePool(ctx.actor, 'see', pool);
  authorizePool(ctx.actor, 'preview', pool);
}

/** The result the engine gives now, without freezing it: for the chair once every stage is closed. */
export async function previewResult(ctx: ServiceContext, poolId: string): Promise<PoolResultView> {
  const pool = await loadPool(ctx.db, poolId);
  const current = await pools.currentResult(ctx.db, poolId);
  if (current) return resultView(ctx, current.id);
  assertSeesResult(ctx, pool);
  assertCanFinalise(pool.stageIds, pool.pool.stages);
  const { pkg, names } = await buildPoolPackage(ctx.db, pool);
  return { id: null, version: null, status: 'preview', packageSha256: sha256(packageText(pkg)), finalisedAt: null, reopenReason: null, publishedAt: null, rows: rowsOf(scorePackage(pkg), names) };
}

/**
 * The chair finalises: the package is frozen with a version and its SHA-256,
 * the engine's result stored beside it, and the winners advance by the
 * category's rule.
 */
export async function finaliseResult({ db, actor }: ServiceContext, poolId: string): Promise<PoolResultView> {
  const id = await db.transaction(async (tx) => {
    const ctx = await loadPool(tx, poolId, true);
    authorizePool(actor, 'finalise', ctx);
    assertAssessing(ctx.edition);
    if (ctx.pool.status === 'finalised') throw new AppError('INVALID_TRANSITION', 'The result is already final');
    assertCanFinalise(ctx.stageIds, ctx.pool.stages);
    const { pkg, ids, names } = await buildPoolPackage(tx, ctx);
    const result = scorePackage(pkg);
    const text = packageText(pkg);
    const row = await pools.insertResult(tx, {
      poolId,
      version: await pools.nextResultVersion(tx, poolId),
      package: JSON.parse(text) as unknown,
      packageSha256: sha256(text),
      result,
      finalisedBy: actor!.id,
    });
    await pools.updatePool(tx, poolId, { status: 'finalised' });
    const advanced = await advanceWinners(tx, actor, ctx, result.results.filter((r) => r.advances).map((r) => ids.get(r.candidate)!));
    await appendAudit(tx, auditActor(actor), {
      action: 'result.finalise',
      entityType: 'pool',
      entityId: poolId,
      after: { resultId: row.id, version: row.version, packageSha256: row.packageSha256, ranking: result.results.map((r) => [r.candidate, r.rank, r.score, r.award]), advanced },
    });
    await notifyFinalised(tx, ctx, result.results.filter((r) => r.award !== null).map((r) => names.get(r.candidate) ?? r.candidate));
    return row.id;
  });
  return resultView({ db, actor }, id);
}

/** A final result changes only by an audited reopening with a reason; a stage may be reopened for marking. */
export async function reopenResult({ db, actor }: ServiceContext, poolId: string, input: { reason: string; stage: string | null }): Promise<void> {
  await db.transaction(async (tx) => {
    const ctx = await loadPool(tx, poolId, true);
    authorizePool(actor, 'reopen', ctx);
    const current = await pools.currentResult(tx, poolId);
    if (ctx.pool.status !== 'finalised' || !current) throw new AppError('INVALID_TRANSITION', 'The result is not final');
    if (input.stage !== null && !ctx.stageIds.includes(input.stage)) throw new AppError('VALIDATION_FAILED', `No stage ${input.stage}`, [{ path: 'stage', message: 'unknown stage' }]);
    const after = await pools.updateResult(tx, current.id, { status: 'superseded', reopenReason: input.reason, reopenedBy: actor!.id, reopenedAt: new Date() });
    const stages = input.stage ? { ...ctx.pool.stages, [input.stage]: 'open' as const } : ctx.pool.stages;
    if (input.stage) await pools.deleteSheets(tx, poolId, input.stage);
    await pools.updatePool(tx, poolId, { status: 'marking', stages });
    await appendAudit(tx, auditActor(actor), {
      action: 'result.reopen',
      entityType: 'pool',
      entityId: poolId,
      before: { resultId: current.id, status: current.status, stages: ctx.pool.stages },
      after: { resultId: after.id, status: after.status, reason: input.reason, stages },
    });
  });
  // A published result that is reopened leaves the public pages at once.
  markPublicDataChanged();
}

export async function resultView(ctx: ServiceContext, resultId: string): Promise<PoolResultView> {
  const row = await pools.findResult(ctx.db, resultId);
  if (!row) throw notFound('result');
  const pool = await loadPool(ctx.db, row.poolId);
  assertSeesPool(ctx.actor!, pool);
  const result = row.result as ScoringResult;
  const names = new Map((row.package as ScoringPackage).candidates.map((c) => [c.id, c.name ?? c.id]));
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    packageSha256: row.packageSha256,
    finalisedAt: row.finalisedAt.toISOString(),
    reopenReason: row.reopenReason,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    rows: rowsOf(result, names),
  };
}

/** Every version of a pool's result, newest first. */
export async function resultHistory(ctx: ServiceContext, poolId: string): Promise<PoolResultView[]> {
  const pool = await loadPool(ctx.db, poolId);
  assertSeesPool(ctx.actor!, pool);
  const out: PoolResultView[] = [];
  for (const row of await pools.resultsOf(ctx.db, poolId)) out.push(await resultView(ctx, row.id));
  return out;
}

/** The package ids of the pool's candidates the actor is in conflict with, now or when the package was frozen. */
async function walledCandidates(db: Db, actor: Actor, ctx: PoolContext, pkg: ScoringPackage): Promise<Set<string>> {
  const candidates = await pools.candidatesOfPool(db, ctx.pool);
  const idOf = new Map(candidates.map((c) => [c.id, packageIdOf(c)]));
  const now = (await activeConflictsOf(db, [...idOf.keys()])).filter((c) => c.userId === actor.id).map((c) => idOf.get(c.candidateId)!);
  const then = pkg.jurors?.find((j) => j.id === actor.id)?.conflicts ?? [];
  return new Set([...now, ...then]);
}

/**
 * The frozen package of a result, as exported: its SHA-256 is the recorded
 * one. Two walls stand in front of it. A superseded version of a reopened
 * pool carries the marks of the stage being marked again: the panel gets it
 * back only once the pool is final again (the committee keeps it for the
 * record). A juror in conflict with a candidate gets the package without
 * anyone's marks on that candidate, named as such and with its own SHA-256.
 */
export async function exportPackage(ctx: ServiceContext, resultId: string): Promise<{ text: string; sha256: string; filename: string; redacted: boolean }> {
  const row = await pools.findResult(ctx.db, resultId);
  if (!row) throw notFound('result');
  const pool = await loadPool(ctx.db, row.poolId);
  const role = assertSeesPool(ctx.actor!, pool);
  if (role !== 'admin' && row.status === 'superseded' && pool.pool.status !== 'finalised') {
    throw forbidden('This result was reopened: its package is kept from the panel until the result is final again');
  }
  const text = packageText(row.package);
  if (sha256(text) !== row.packageSha256) throw new AppError('INTERNAL', 'The stored package does not match its SHA-256');
  const area = pool.pool.area ? `-${pool.pool.area}` : '';
  const name = `paritrana-${pool.category.code}-${pool.pool.level}${area}-v${row.version}`;
  const pkg = row.package as ScoringPackage;
  const walled = await walledCandidates(ctx.db, ctx.actor!, pool, pkg);
  if (walled.size === 0) return { text, sha256: row.packageSha256, filename: `${name}.json`, redacted: false };
  const redacted = packageText({ ...pkg, marks: (pkg.marks ?? []).filter((m) => !walled.has(m.candidate)) });
  return { text: redacted, sha256: sha256(redacted), filename: `${name}-tanpa-konflik.json`, redacted: true };
}

/** How each juror marked against the panel, and the agreement per indicator, once a stage is closed. */
export async function moderationReport({ db, actor }: ServiceContext, poolId: string, stageId: string): Promise<ModerationReport> {
  const ctx = await loadPool(db, poolId);
  authorizePool(actor, 'seeClosedMarks', ctx);
  if (!ctx.stageIds.includes(stageId)) throw notFound('stage');
  if (ctx.pool.stages[stageId] !== 'closed') throw new AppError('CONFLICT', 'The marks are seen only after the chair closes the stage');
  const indicators = rubricIndicators(ctx.setup.instrument, stageId);
  const ranges = new Map(indicators.map((i) => [i.id, { min: i.scale.min, max: i.scale.max }]));
  const ids = (await poolCandidates(db, ctx.pool)).map((c) => c.id);
  const conflicts = await activeConflictsOf(db, ids);
  const conflicted = new Set(conflicts.map((c) => pairKey(c.userId, c.candidateId)));
  // A conflict walls the reader off too: a juror in conflict with a candidate reads nobody's marks or comments on it.
  const walled = new Set(conflicts.filter((c) => c.userId === actor!.id).map((c) => c.candidateId));
  const assigned = new Set((await pools.assignmentsOf(db, poolId)).map((a) => pairKey(a.userId, a.candidateId)));
  const marks = (await pools.marksOf(db, poolId)).filter(
    (m) =>
      m.value !== null &&
      ranges.has(m.indicatorId) &&
      assigned.has(pairKey(m.userId, m.candidateId)) &&
      !conflicted.has(pairKey(m.userId, m.candidateId)) &&
      !walled.has(m.candidateId),
  );
  const flat = marks.map((m) => ({ juror: m.userId, candidate: m.candidateId, indicator: m.indicatorId, value: m.value! }));
  const names = new Map(ctx.members.map((m) => [m.userId, m.name]));
  return {
    stage: stageId,
    jurors: jurorModeration(flat, ranges).map((j) => ({ ...j, name: names.get(j.juror) ?? j.juror })),
    agreement: indicatorAgreement(
      flat,
      indicators.map((i) => i.id),
    ).map((a) => {
      const label = indicators.find((i) => i.id === a.indicator)!.label;
      return { ...a, labelId: label.id, labelEn: label.en };
    }),
    marks: marks.map((m) => ({ userId: m.userId, candidateId: m.candidateId, indicatorId: m.indicatorId, value: m.value!, comment: m.comment })),
    outlierThreshold,
  };
}


import { AppError, notFound } from '../../domain/errors.ts';
import { verificationItems } from '../../domain/candidates/verification.ts';
import { upgradeAnswers } from '../../domain/candidates/self-assessment.ts';
import type { InstrumentAspect, InstrumentIndicator, InstrumentStage } from '../../domain/instruments/types.ts';
import { feedbackOf } from '../../domain/publication/feedback.ts';
import type { ScoringPackage } from '../../domain/scoring/index.ts';
import type { Db } from '../../db/client.ts';
import { findCandidate, type CandidateRow } from '../../db/repositories/candidates.ts';
import * as pools from '../../db/repositories/pools.ts';
import { findSubmission } from '../../db/repositories/submissions.ts';
import { itemsOf } from '../../db/repositories/verification.ts';
import type { CandidateFeedback, PublicResult } from '../../shared/contracts/index.ts';
import { areaOfCandidacy } from '../policies/candidates.ts';
import type { Actor } from '../policies/actor.ts';
import { authorizeFeedback } from '../policies/feedback.ts';
import type { ServiceContext } from './context.ts';
import { loadPool, type PoolContext } from './pool-context.ts';
import { packageIdOf } from './results.ts';
import { entryOf } from './verification.ts';
import { plainLabel } from './winner-facts.ts';

/** The candidacy and the pool it is judged in (none yet), once the actor may read its feedback: 404, then 403. */
export async function feedbackTarget(db: Db, actor: Actor | null, candidateId: string): Promise<{ candidate: CandidateRow; pool: PoolContext | null }> {
  const candidate = await findCandidate(db, candidateId);
  if (!candidate) throw notFound('candidate');
  const poolRow = await pools.findPoolByKey(db, { editionId: candidate.editionId, level: candidate.level, area: areaOfCandidacy(candidate), categoryId: candidate.categoryId });
  const pool = poolRow ? await loadPool(db, poolRow.id) : null;
  authorizeFeedback(actor, 'read', { candidate, members: pool?.members ?? [] });
  return { candidate, pool };
}

const notYet = (why: string) => new AppError('RESULT_NOT_PUBLISHED', why);

/**
 * A candidate's feedback once its pool's result is announced: its scores by
 * stage, aspect and indicator beside the pool's median and the published
 * winners', its rank, the rubric level its marks reach, and the verifier's
 * comments. Computed from the published scoring package; before the
 * announcement (or after a withdrawal) RESULT_NOT_PUBLISHED.
 */
export async function candidateFeedback(ctx: ServiceContext, candidateId: string): Promise<CandidateFeedback> {
  const { candidate, pool } = await feedbackTarget(ctx.db, ctx.actor, candidateId);
  const result = pool ? await pools.currentResult(ctx.db, pool.pool.id) : null;
  if (!pool || !result?.publishedAt || !result.publication) throw notYet('The result of the candidate’s pool has not been announced');
  const pkg = result.package as ScoringPackage;
  const packageId = packageIdOf(candidate);
  if (!pkg.candidates.some((c) => c.id === packageId)) throw notYet('The candidate is not in the announced result');
  const publication = result.publication as PublicResult;
  const fb = feedbackOf(pkg, packageId);
  const names = new Map(pkg.candidates.map((c) => [c.id, c.name ?? c.id]));
  const instrument = pool.setup.instrument;

  const stageOf = new Map<string, InstrumentStage>(instrument.stages.map((s) => [s.id, s]));
  const aspectOf = new Map<string, InstrumentAspect>(instrument.stages.flatMap((s) => s.aspects.map((a) => [a.id, a] as const)));
  const indicatorOf = new Map<string, InstrumentIndicator>(instrument.stages.flatMap((s) => s.aspects.flatMap((a) => a.indicators.map((i) => [i.id, i] as const))));
  const labels = (thing: { label: { id: string; en: string }; weight: number } | undefined, id: string) => ({
    labelId: thing ? plainLabel(thing.label.id) : id,
    labelEn: thing?.label.en ?? id,
    weight: thing?.weight ?? 0,
  });

  return {
    candidateId: candidate.id,
    name: candidate.name,
    poolId: pool.pool.id,
    resultId: result.id,
    version: result.version,
    packageSha256: result.packageSha256,
    publishedAt: result.publishedAt.toISOString(),
    edition: { id: pool.edition.id, label: pool.edition.label },
    level: publication.level,
    area: publication.area,
    category: publication.category,
    instrument: publication.instrument,
    rank: fb.rank,
    candidates: fb.candidates,
    award: fb.award,
    advances: fb.advances,
    total: fb.total,
    winners: fb.winners.map((w) => ({ name: names.get(w.candidate)!, award: w.award, score: w.score })),
    stages: fb.stages.map((s) => ({
      id: s.id,
      ...labels(stageOf.get(s.id), s.id),
      own: s.own,
      median: s.median,
      winners: s.winners,
      aspects: s.aspects.map((a) => ({
        id: a.id,
        ...labels(aspectOf.get(a.id), a.id),
        own: a.own,
        median: a.median,
        winners: a.winners,
        indicators: a.indicators.map((i) => {
          const def = indicatorOf.get(i.id);
          const level = i.level !== null && def?.source === 'rubric' ? (def.levels[i.level - def.scale.min] ?? null) : null;
          return {
            id: i.id,
            ...labels(def, i.id),
            source: i.source,
            own: i.own,
            median: i.median,
            winners: i.winners,
            value: typeof i.value === 'number' ? i.value : null,
            aggregate: i.aggregate,
            level: i.level,
            levelLabelId: level?.id ?? null,
            levelLabelEn: level?.en ?? null,
          };
        }),
      })),
    })),
    comments: await commentsOf(ctx, candidate.id),
  };
}

/** The verifier's comments, item by item in the order of the self-assessment. */
async function commentsOf(ctx: ServiceContext, candidateId: string): Promise<CandidateFeedback['comments']> {
  const submission = await findSubmission(ctx.db, candidateId);
  if (!submission) return [];
  const answers = upgradeAnswers(submission.answers);
  const decided = new Map((await itemsOf(ctx.db, [candidateId])).map((r) => [r.itemKey, r]));
  return verificationItems(answers).flatMap((item) => {
    const row = decided.get(item.key);
    const comment = row?.comment?.trim();
    return row && comment ? [{ key: item.key, section: item.section, entry: entryOf(answers, item.key), status: row.status, comment }] : [];
  });
}

import { AppError, notFound } from '../../domain/errors.ts';
import { draftPressRelease, draftText, type PressReleaseDraft } from '../../domain/publication/press-release.ts';
import type { ScoringResult } from '../../domain/scoring/index.ts';
import * as pools from '../../db/repositories/pools.ts';
import * as repo from '../../db/repositories/publication.ts';
import { findCandidate } from '../../db/repositories/candidates.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { PressRelease } from '../../shared/contracts/index.ts';
import { auditActor } from '../policies/actor.ts';
import { authorizePool } from '../policies/panels.ts';
import type { ServiceContext } from './context.ts';
import { loadPool } from './pool-context.ts';
import { packageIdOf } from './results.ts';
import { factList, idFormats, publicationContext, winnerFacts } from './winner-facts.ts';

type StoredFacts = { award: number; candidateName: string; list: ReturnType<typeof factList> };

function present(row: repo.PressReleaseRow): PressRelease {
  const facts = row.facts as StoredFacts;
  return {
    id: row.id,
    resultId: row.resultId,
    candidateId: row.candidateId,
    candidateName: facts.candidateName,
    award: facts.award,
    title: row.title,
    body: row.body,
    version: row.version,
    generatedAt: row.generatedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    draft: row.draft as PressReleaseDraft,
    facts: facts.list,
  };
}

async function managedRelease(ctx: ServiceContext, id: string, forUpdate = false) {
  const row = await repo.findPressRelease(ctx.db, id, forUpdate);
  if (!row) throw notFound('press release');
  const result = await pools.findResult(ctx.db, row.resultId);
  const pool = await loadPool(ctx.db, result!.poolId);
  authorizePool(ctx.actor, 'publish', pool);
  return row;
}

export async function getPressRelease(ctx: ServiceContext, id: string): Promise<PressRelease> {
  return present(await managedRelease(ctx, id));
}

/**
 * Drafts (or drafts again) the press release about a winner of a final
 * result from the facts the system holds now. Drafting again replaces the
 * edited text: the audit log keeps what it was.
 */
export async function generatePressRelease(ctx: ServiceContext, resultId: string, candidateId: string): Promise<PressRelease> {
  const id = await ctx.db.transaction(async (tx) => {
    const row = await pools.findResult(tx, resultId);
    if (!row) throw notFound('result');
    const pool = await loadPool(tx, row.poolId);
    authorizePool(ctx.actor, 'publish', pool);
    if (row.status !== 'final') throw new AppError('CONFLICT', 'This version of the result was reopened: draft from the current one');
    const candidate = await findCandidate(tx, candidateId);
    const winner = candidate ? (row.result as ScoringResult).results.find((r) => r.candidate === packageIdOf(candidate) && r.award !== null) : undefined;
    if (!candidate || !winner) throw new AppError('VALIDATION_FAILED', 'Press releases are written about the winners of the result', [{ path: 'candidateId', message: 'not a winner of this result' }]);
    const p = await publicationContext(tx, pool);
    const facts = await winnerFacts(tx, p, winner);
    const draft = draftPressRelease(facts, idFormats);
    const stored: StoredFacts = { award: winner.award!, candidateName: candidate.name, list: factList(facts) };
    const values = { title: draft.title, body: draftText(draft), facts: stored, draft, generatedAt: new Date(), updatedBy: ctx.actor!.id };
    const prior = await repo.pressReleaseOf(tx, resultId, candidateId);
    const saved = prior ? await repo.updatePressRelease(tx, prior.id, { ...values, version: prior.version + 1 }) : await repo.insertPressRelease(tx, { resultId, candidateId, ...values });
    await appendAudit(tx, auditActor(ctx.actor), {
      action: prior ? 'press-release.regenerate' : 'press-release.create',
      entityType: 'press-release',
      entityId: saved.id,
      before: prior ? { title: prior.title, body: prior.body, version: prior.version } : undefined,
      after: { resultId, candidateId, title: saved.title, body: saved.body, version: saved.version },
    });
    return saved.id;
  });
  return getPressRelease(ctx, id);
}

/** Saves the committee's edit of a draft; an edit made on an older version is refused rather than lost. */
export async function editPressRelease(ctx: ServiceContext, id: string, input: { title: string; body: string; version: number }): Promise<PressRelease> {
  await ctx.db.transaction(async (tx) => {
    const before = await managedRelease({ ...ctx, db: tx }, id, true);
    if (before.version !== input.version) {
      throw new AppError('CONFLICT', 'Someone else changed this press release; reload it and edit again', [{ path: 'version', message: `now ${before.version}` }]);
    }
    const after = await repo.updatePressRelease(tx, id, { title: input.title, body: input.body, version: before.version + 1, updatedBy: ctx.actor!.id });
    await appendAudit(tx, auditActor(ctx.actor), {
      action: 'press-release.edit',
      entityType: 'press-release',
      entityId: id,
      before: { title: before.title, body: before.body, version: before.version },
      after: { title: after.title, body: after.body, version: after.version },
    });
  });
  return getPressRelease(ctx, id);
}

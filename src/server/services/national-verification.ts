import { AppError, notFound } from '../../domain/errors.ts';
import { verificationItems } from '../../domain/candidates/verification.ts';
import type { AnswersShape } from '../../domain/candidates/self-assessment.ts';
import type { Db } from '../../db/client.ts';
import { findCandidate, type CandidateRow } from '../../db/repositories/candidates.ts';
import { listLevels } from '../../db/repositories/editions.ts';
import { findSubmission } from '../../db/repositories/submissions.ts';
import { usersByIds } from '../../db/repositories/users.ts';
import { itemsOf, upsertItem } from '../../db/repositories/verification.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { AdoptInput, EarlierVerification, VerificationView } from '../../shared/contracts/index.ts';
import { auditActor } from '../policies/actor.ts';
import { authorizeCandidate } from '../policies/candidates.ts';
import type { ServiceContext } from './context.ts';
import { verificationOf } from './verification.ts';

/** The candidacies a candidacy advanced from, nearest first (a zone's, then the province's). */
async function earlierCandidacies(db: Db, candidate: CandidateRow): Promise<CandidateRow[]> {
  const chain: CandidateRow[] = [];
  let from = candidate.advancedFrom;
  while (from && chain.length < 5) {
    const row = await findCandidate(db, from);
    if (!row) break;
    chain.push(row);
    from = row.advancedFrom;
  }
  return chain;
}

/**
 * The verification decisions taken on a candidacy at its earlier levels,
 * nearest first: the national verifier reads them as history, with who
 * decided and when.
 */
export async function earlierVerifications({ db, actor }: ServiceContext, candidateId: string): Promise<EarlierVerification[]> {
  const candidate = await findCandidate(db, candidateId);
  if (!candidate) throw notFound('candidate');
  authorizeCandidate(actor, 'see', candidate);
  const chain = await earlierCandidacies(db, candidate);
  const items = await itemsOf(db, chain.map((c) => c.id));
  const people = new Map((await usersByIds(db, [...new Set(items.map((i) => i.decidedBy).filter((x): x is string => x != null))])).map((u) => [u.id, u.name]));
  const levels = new Map((await listLevels(db, candidate.editionId)).map((l) => [l.code, l.name]));
  return chain.map((c) => ({
    candidateId: c.id,
    level: c.level,
    levelName: levels.get(c.level) ?? c.level,
    provinceCode: c.provinceCode,
    candidateStatus: c.status,
    items: items
      .filter((i) => i.candidateId === c.id)
      .sort((a, b) => a.itemKey.localeCompare(b.itemKey))
      .map((i) => ({
        key: i.itemKey,
        status: i.status,
        comment: i.comment,
        decidedAt: i.status === 'pending' ? null : i.decidedAt.toISOString(),
        decidedBy: i.decidedBy ? (people.get(i.decidedBy) ?? null) : null,
      })),
  }));
}

/**
 * The national verifier takes over the decisions of the level before on the
 * items it names (valid or rejected ones; a revision request is decided
 * again): each becomes this candidacy's decision, by the verifier, with the
 * earlier comment. Everything or nothing, with one audit entry.
 */
export async function adoptEarlierDecisions(ctx: ServiceContext, candidateId: string, input: AdoptInput): Promise<VerificationView> {
  const { db, actor } = ctx;
  await db.transaction(async (tx) => {
    const candidate = await findCandidate(tx, candidateId);
    if (!candidate) throw notFound('candidate');
    authorizeCandidate(actor, 'verify', candidate);
    if (candidate.status === 'verified') throw new AppError('CONFLICT', 'The candidate is already verified');
    const submission = await findSubmission(tx, candidateId, true);
    if (!submission || submission.status === 'draft') throw new AppError('CONFLICT', 'The self-assessment has not been submitted');
    const [earlier] = await earlierCandidacies(tx, candidate);
    if (!earlier) throw new AppError('CONFLICT', 'This candidacy has no earlier level whose decisions could be taken over');
    const decided = new Map((await itemsOf(tx, [earlier.id])).map((i) => [i.itemKey, i]));
    const known = new Set(verificationItems(submission.answers as AnswersShape).map((i) => i.key));
    const problems = input.keys.flatMap((key, i) => {
      if (!known.has(key)) return [{ path: `keys.${i}`, message: `No item ${key} in the self-assessment` }];
      const prior = decided.get(key);
      if (!prior || (prior.status !== 'valid' && prior.status !== 'rejected')) return [{ path: `keys.${i}`, message: `Item ${key} was not decided valid or rejected at the level before` }];
      return [];
    });
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems.map((p) => p.message).join('; '), problems);
    const adopted = [];
    for (const key of new Set(input.keys)) {
      const prior = decided.get(key)!;
      adopted.push(await upsertItem(tx, { candidateId, itemKey: key, status: prior.status, comment: prior.comment, deadline: null, decidedBy: actor!.id }));
    }
    await appendAudit(tx, auditActor(actor), {
      action: 'verification.adopt',
      entityType: 'candidate',
      entityId: candidateId,
      after: { from: earlier.id, fromLevel: earlier.level, items: adopted.map((a) => ({ key: a.itemKey, status: a.status })) },
    });
  });
  return verificationOf(ctx, candidateId);
}

import { AppError, notFound } from '../../domain/errors.ts';
import { confirmedValues, verificationItems, verificationState } from '../../domain/candidates/verification.ts';
import { upgradeAnswers, type AnswersShape } from '../../domain/candidates/self-assessment.ts';
import type { Db } from '../../db/client.ts';
import * as repo from '../../db/repositories/verification.ts';
import { submissionsOf, findSubmission, updateSubmission } from '../../db/repositories/submissions.ts';
import { findCandidate, listCandidates, updateCandidate, type CandidateRow } from '../../db/repositories/candidates.ts';
import { upsertValue } from '../../db/repositories/coverage.ts';
import { appendAudit, listAudit } from '../../db/repositories/audit.ts';
import { rolesOf, usersByIds } from '../../db/repositories/users.ts';
import { itemsOf } from '../../db/repositories/verification.ts';
import type { ItemDecision, VerificationView } from '../../shared/contracts/index.ts';
import { auditActor } from '../policies/actor.ts';
import { authorizeCandidate, candidatePolicy } from '../policies/candidates.ts';
import type { ServiceContext } from './context.ts';
import { notifyAboutCandidate } from '../notifications/events.ts';
import { dateFact } from '../notifications/facts.ts';
import { itemWords } from '../notifications/wording.ts';
import { groupBy } from '../../shared/group-by.ts';

/** The entry of the answers an item key names (`programs:p1` → that program; `coverage` → the section). */
export function entryOf(answers: AnswersShape, key: string): unknown {
  const [section, id] = key.split(':') as [string, string | undefined];
  const value = (answers as unknown as Record<string, unknown>)[section];
  return id ? (value as { id: string }[]).find((e) => e.id === id) : value;
}

async function view(db: Db, candidate: CandidateRow): Promise<VerificationView> {
  const submission = await findSubmission(db, candidate.id);
  if (!submission) throw new AppError('CONFLICT', 'The candidate has not started its self-assessment');
  const answers = upgradeAnswers(submission.answers);
  const decided = new Map((await itemsOf(db, [candidate.id])).map((r) => [r.itemKey, r]));
  const items = verificationItems(answers).map((item) => {
    const row = decided.get(item.key);
    return {
      ...item,
      entry: entryOf(answers, item.key),
      status: (row?.status ?? 'pending'),
      comment: row?.comment ?? null,
      deadline: row?.deadline ?? null,
      decidedAt: row && row.status !== 'pending' ? row.decidedAt.toISOString() : null,
    };
  });
  const status = (key: string) => items.find((i) => i.key === key)?.status ?? 'pending';
  return {
    candidateId: candidate.id,
    candidateStatus: candidate.status,
    submissionStatus: submission.status,
    state: verificationState(items.map((i) => i.status)),
    items,
    confirmedValues: confirmedValues(answers, status),
  };
}

export async function verificationOf(ctx: ServiceContext, candidateId: string): Promise<VerificationView> {
  const candidate = await findCandidate(ctx.db, candidateId);
  if (!candidate) throw notFound('candidate');
  authorizeCandidate(ctx.actor, 'see', candidate);
  return view(ctx.db, candidate);
}

/** A verifier decides one item; a revision request reopens the form for the candidate. */
export async function decideItem(ctx: ServiceContext, candidateId: string, decision: ItemDecision): Promise<VerificationView> {
  const { db, actor } = ctx;
  return db.transaction(async (tx) => {
    const candidate = await findCandidate(tx, candidateId);
    if (!candidate) throw notFound('candidate');
    authorizeCandidate(actor, 'verify', candidate);
    const submission = await findSubmission(tx, candidateId, true);
    if (!submission || submission.status === 'draft') throw new AppError('CONFLICT', 'The self-assessment has not been submitted');
    if (candidate.status === 'verified') throw new AppError('CONFLICT', 'The candidate is already verified');
    if (!verificationItems(upgradeAnswers(submission.answers)).some((i) => i.key === decision.key)) {
      throw new AppError('VALIDATION_FAILED', `No item ${decision.key} in the self-assessment`, [{ path: 'key', message: 'unknown item' }]);
    }
    const row = await repo.upsertItem(tx, {
      candidateId,
      itemKey: decision.key,
      status: decision.status,
      comment: decision.comment,
      deadline: decision.status === 'revision' ? decision.deadline : null,
      decidedBy: actor!.id,
    });
    if (decision.status === 'revision' && submission.status === 'submitted') {
      await updateSubmission(tx, candidateId, { status: 'reopened', version: submission.version + 1 });
    }
    await appendAudit(tx, auditActor(actor), { action: `verification.${decision.status}`, entityType: 'candidate', entityId: candidateId, after: row });
    if (decision.status === 'revision') {
      await notifyAboutCandidate(tx, candidate, 'verification.revision', ['candidate'], {
        item: itemWords(upgradeAnswers(submission.answers), decision.key),
        comment: decision.comment ?? '—',
        deadline: dateFact(decision.deadline ?? null),
      });
    }
    return view(tx, candidate);
  });
}

/**
 * Confirms the verification when every item is decided and none awaits a
 * revision: the confirmed values become the candidate's data values.
 */
export async function confirmVerification(ctx: ServiceContext, candidateId: string): Promise<VerificationView> {
  const { db, actor } = ctx;
  return db.transaction(async (tx) => {
    const candidate = await findCandidate(tx, candidateId);
    if (!candidate) throw notFound('candidate');
    authorizeCandidate(actor, 'verify', candidate);
    const current = await view(tx, candidate);
    if (current.submissionStatus !== 'submitted' || current.state !== 'verified') {
      throw new AppError(
        'CONFLICT',
        'Every item must be decided, and the candidate must have resubmitted its revisions',
        current.items.filter((i) => i.status === 'pending' || i.status === 'revision').map((i) => ({ path: i.key, message: i.status })),
      );
    }
    for (const [key, value] of Object.entries(current.confirmedValues)) {
      await upsertValue(tx, {
        candidateId,
        key,
        valueNum: typeof value === 'number' ? value : null,
        valueText: typeof value === 'string' ? value : null,
        source: 'verification',
        snapshotId: null,
        note: null,
      });
    }
    const after = await updateCandidate(tx, candidateId, { status: 'verified' });
    await appendAudit(tx, auditActor(actor), {
      action: 'verification.confirm',
      entityType: 'candidate',
      entityId: candidateId,
      before: { status: candidate.status },
      after: { status: after.status, values: current.confirmedValues },
    });
    await notifyAboutCandidate(tx, after, 'verification.confirmed', ['candidate', 'provincial_admins']);
    return view(tx, after);
  });
}

/** The verifier's queue: submitted (or reopened) self-assessments of the provinces in scope. */
export async function verificationQueue(ctx: ServiceContext, editionId: string) {
  const candidates = await listCandidates(ctx.db, editionId, candidatePolicy.scope(ctx.actor!));
  const decided = await itemsOf(
    ctx.db,
    candidates.map((c) => c.id),
  );
  const out = [];
  const submissions = await submissionsOf(
    ctx.db,
    candidates.map((c) => c.id),
  );
  const decidedOf = groupBy(decided, (d) => d.candidateId);
  for (const c of candidates) {
    const submission = submissions.get(c.id);
    const items = submission ? verificationItems(upgradeAnswers(submission.answers)).length : 0;
    const mine = decidedOf.get(c.id) ?? [];
    out.push({
      candidateId: c.id,
      name: c.name,
      categoryCode: c.categoryCode,
      provinceCode: c.provinceCode,
      candidateStatus: c.status,
      submissionStatus: submission?.status ?? ('none' as const),
      items,
      decided: mine.filter((d) => d.status !== 'pending').length,
      revisions: mine.filter((d) => d.status === 'revision').length,
    });
  }
  return out;
}

/**
 * Status history of a candidate, from the audit log, with the role each actor
 * holds. The committee sees who acted by e-mail; the candidate's own users see
 * people by name and role only, never a staff member's e-mail.
 */
export async function candidateHistory(ctx: ServiceContext, candidateId: string) {
  const candidate = await findCandidate(ctx.db, candidateId);
  if (!candidate) throw notFound('candidate');
  authorizeCandidate(ctx.actor, 'see', candidate);
  const committee = candidatePolicy.seesAsCommittee(ctx.actor!, candidate);
  const rows = await listAudit(ctx.db, { entityType: 'candidate', entityId: candidateId, limit: 200 });
  const actorIds = [...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
  const people = new Map((await usersByIds(ctx.db, actorIds)).map((u) => [u.id, u]));
  const roles = await rolesOf(ctx.db, actorIds);
  return rows.map((r) => {
    const person = r.actorId ? people.get(r.actorId) : undefined;
    const actorRole = roleOrder.find((role) => (roles.get(r.actorId ?? '') ?? []).some((g) => g.role === role)) ?? null;
    return {
      at: new Date(r.at).toISOString(),
      actor: r.actorId === null || committee ? r.actorLabel : (person?.name ?? ''),
      actorRole,
      action: r.action,
      note: noteOf(r.after),
    };
  });
}

/** The role named for a person in a history: the most senior one they hold. */
const roleOrder = ['national_admin', 'provincial_admin', 'national_verifier', 'verifier', 'juror', 'candidate'] as const;

/** The reason, comment or note a change carried, if any. */
function noteOf(after: unknown): string | null {
  if (typeof after !== 'object' || after === null) return null;
  const a = after as Record<string, unknown>;
  const note = a.reason ?? a.comment ?? a.responseNote ?? a.email;
  return typeof note === 'string' && note !== '' ? note : null;
}

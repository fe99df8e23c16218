import { AppError, notFound } from '../../domain/errors.ts';
import { deadlinePassed, emptyAnswers, missingItems, referencedEvidence, upgradeAnswers } from '../../domain/candidates/self-assessment.ts';
import type { Db } from '../../db/client.ts';
import { canonicalJson } from '../../db/canonical-json.ts';
import * as repo from '../../db/repositories/submissions.ts';
import { findCandidate, updateCandidate, type CandidateRow } from '../../db/repositories/candidates.ts';
import { findCategory, listMilestones } from '../../db/repositories/editions.ts';
import { valuesOf } from '../../db/repositories/coverage.ts';
import { createHash } from 'node:crypto';
import { checkEligibility, type Failure } from '../../domain/candidates/eligibility.ts';
import { claimEligibilityNotice } from '../../db/repositories/notifications.ts';
import { evidenceOf } from '../../db/repositories/evidence.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import { revisionsToPending } from '../../db/repositories/verification.ts';
import type { Answers, DeadlineExtensionInput, SelfAssessment } from '../../shared/contracts/index.ts';
import { moveRevisionDeadlines, upsertExtension } from '../../db/repositories/calendars.ts';
import { auditActor } from '../policies/actor.ts';
import { authorizeCandidate } from '../policies/candidates.ts';
import type { ServiceContext } from './context.ts';
import { candidateDeadline } from './calendars.ts';
import { nationalDeadline } from '../../domain/editions/calendar.ts';
import { madeUpMarks } from '../../domain/candidates/organisation.ts';
import { notifyAboutCandidate } from '../notifications/events.ts';
import { dateTimeFact } from '../notifications/facts.ts';

/**
 * The edition's national self-assessment deadline: the registration milestone
 * (its end, or its day). A candidate's own deadline is `candidateDeadline()`.
 */
export async function deadlineOf(db: Db, editionId: string): Promise<string | null> {
  return nationalDeadline(await listMilestones(db, editionId));
}

/** What a self-assessment shows; a candidate that never saved has a blank draft, not stored. */
type Marked = Parameters<typeof madeUpMarks>[0];
type Shown = Pick<repo.SubmissionRow, 'status' | 'version' | 'answers' | 'submittedAt' | 'updatedAt'>;

export async function seenCandidate(ctx: ServiceContext, candidateId: string): Promise<CandidateRow> {
  const candidate = await findCandidate(ctx.db, candidateId);
  if (!candidate) throw notFound('candidate');
  authorizeCandidate(ctx.actor, 'see', candidate);
  return candidate;
}

/** The candidate's stored submission, locked for the transaction; created blank on its first write. */
export async function lockedSubmission(tx: Db, candidate: CandidateRow): Promise<repo.SubmissionRow> {
  const row = await repo.findSubmission(tx, candidate.id, true);
  if (row) return row;
  await repo.insertSubmission(tx, { candidateId: candidate.id, answers: emptyAnswers(candidate.kind), version: 0 });
  return (await repo.findSubmission(tx, candidate.id, true))!;
}

export async function present(db: Db, candidate: CandidateRow, row: Shown): Promise<SelfAssessment> {
  const answers = upgradeAnswers(row.answers) as Answers;
  const { deadline, source, extension } = await candidateDeadline(db, candidate);
  return {
    candidateId: candidate.id,
    status: row.status,
    version: row.version,
    answers,
    deadline,
    deadlineSource: source,
    extension: extension ? { until: extension.until, reason: extension.reason, extendedAt: extension.extendedAt.toISOString() } : null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    updatedAt: row.version > 0 ? row.updatedAt.toISOString() : null,
    missing: missingItems(answers),
    eligibility: await eligibilityOf(db, candidate, answers),
  };
}

/** Checks the category's eligibility rules against what the app knows of the candidate. */
export async function eligibilityOf(db: Db, candidate: CandidateRow, answers: Answers) {
  const category = await findCategory(db, candidate.editionId, candidate.categoryId);
  const values = await valuesOf(db, [candidate.id]);
  const value = (key: string) => values.find((v) => v.key === key)?.valueNum ?? null;
  const failures = checkEligibility(category?.eligibility ?? [], {
    kind: candidate.kind,
    workers: value('workers'),
    monthsInArrears: value('months_in_arrears'),
    regulations: answers.kind === 'pemda' ? answers.regulations.length : 0,
    hasCoverageData: values.some((v) => v.source === 'coverage'),
  });
  return { eligible: failures.length === 0, failures };
}

export async function getSelfAssessment(ctx: ServiceContext, candidateId: string): Promise<SelfAssessment> {
  const candidate = await seenCandidate(ctx, candidateId);
  const row: Shown = (await repo.findSubmission(ctx.db, candidateId)) ?? {
    status: 'draft',
    version: 0,
    answers: emptyAnswers(candidate.kind),
    submittedAt: null,
    updatedAt: new Date(0),
  };
  return present(ctx.db, candidate, row);
}

export async function assertWritable(ctx: ServiceContext, candidate: CandidateRow, row: Shown) {
  authorizeCandidate(ctx.actor, 'fillSelfAssessment', candidate);
  if (candidate.status === 'declined') throw new AppError('CONFLICT', 'The nomination was declined');
  if (row.status === 'submitted') throw new AppError('CONFLICT', 'The self-assessment was submitted; ask the committee to reopen it');
  const { deadline } = await candidateDeadline(ctx.db, candidate);
  if (row.status !== 'reopened' && deadlinePassed({ deadline, now: new Date() })) {
    throw new AppError('DEADLINE_PASSED', `The deadline (${deadline}) has passed; ask the committee to extend it`, [{ path: 'deadline', message: 'passed' }]);
  }
}

async function assertOwnEvidence(db: Db, candidateId: string, answers: Answers) {
  const own = new Set((await evidenceOf(db, candidateId)).map((e) => e.id));
  const foreign = referencedEvidence(answers).filter((id) => !own.has(id));
  if (foreign.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'The answers refer to evidence this candidate has not uploaded', foreign.map((id) => ({ path: 'evidenceIds', message: id })));
  }
}

/** Saves by the same person within this many minutes of the last one are one editing session. */
export const saveSessionMinutes = 30;

/**
 * Autosave: stores the draft when `version` is the one the client last saw.
 * Audited once per editing session (the first save after a pause of
 * `saveSessionMinutes`, or by another person), not on every keystroke's save:
 * the entry names the version the session started from and the sections it
 * changed first; the submission's entry holds the whole answers.
 */
export async function saveSelfAssessment(ctx: ServiceContext, candidateId: string, input: { version: number; answers: Answers }): Promise<SelfAssessment> {
  const { db } = ctx;
  return db.transaction(async (tx) => {
    const tctx = { db: tx, actor: ctx.actor };
    const candidate = await seenCandidate(tctx, candidateId);
    const row = await lockedSubmission(tx, candidate);
    await assertWritable(tctx, candidate, row);
    if (input.answers.kind !== candidate.kind) throw new AppError('VALIDATION_FAILED', 'Answers of the wrong kind', [{ path: 'answers.kind', message: candidate.kind }]);
    if (input.version !== row.version) {
      throw new AppError('CONFLICT', 'The self-assessment changed elsewhere; reload to see the newest version', [{ path: 'version', message: String(row.version) }]);
    }
    await assertOwnEvidence(tx, candidateId, input.answers);
    const madeUp = madeUpMarks(upgradeAnswers(row.answers) as Marked, input.answers as Marked);
    if (madeUp.length > 0) {
      throw new AppError('VALIDATION_FAILED', 'Only carrying an entry forward marks it as carried forward', madeUp.map((path) => ({ path: `answers.${path}`, message: 'not carried forward' })));
    }
    const after = await repo.updateSubmission(tx, candidateId, { answers: input.answers, version: row.version + 1, updatedBy: ctx.actor?.id ?? null });
    const sameSession = row.updatedBy === (ctx.actor?.id ?? null) && row.updatedAt.getTime() > Date.now() - saveSessionMinutes * 60_000;
    if (!sameSession) {
      const before = row.answers as Record<string, unknown>;
      // Compared key-order-free: the stored answers come back from jsonb with their keys reordered.
      const changed = Object.keys(input.answers).filter((k) => canonicalJson(before[k] ?? null) !== canonicalJson((input.answers as Record<string, unknown>)[k] ?? null));
      await appendAudit(tx, auditActor(ctx.actor), {
        action: 'self-assessment.save',
        entityType: 'candidate',
        entityId: candidateId,
        before: { version: row.version },
        after: { version: after.version, changed },
      });
    }
    return present(tx, candidate, after);
  });
}

/**
 * Submits the self-assessment. A refusal as ineligible rolls the submission
 * back, but the candidate and its province are still told why: the notice is
 * written in a transaction of its own after the refusal, once per distinct
 * refusal (the same failures again tell nobody anew).
 */
export async function submitSelfAssessment(ctx: ServiceContext, candidateId: string): Promise<SelfAssessment> {
  const refusal: { value: { candidate: CandidateRow; failures: Failure[] } | null } = { value: null };
  try {
    return await submitInTransaction(ctx, candidateId, (candidate, failures) => {
      refusal.value = { candidate, failures };
    });
  } catch (error) {
    if (refusal.value) await noticeIneligible(ctx, refusal.value);
    throw error;
  }
}

/** "1 evidence file", "2 evidence files". */
const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

async function noticeIneligible(ctx: ServiceContext, refused: { candidate: CandidateRow; failures: Failure[] }): Promise<void> {
  const failures = refused.failures.map((f) => ({ rule: f.rule, reasonId: f.reasonId, reasonEn: f.reasonEn })).sort((a, b) => a.rule.localeCompare(b.rule));
  const failuresKey = createHash('sha256').update(canonicalJson(failures)).digest('hex');
  await ctx.db.transaction(async (tx) => {
    if (!(await claimEligibilityNotice(tx, { candidateId: refused.candidate.id, failuresKey, failures }))) return;
    await appendAudit(tx, auditActor(ctx.actor), { action: 'self-assessment.ineligible', entityType: 'candidate', entityId: refused.candidate.id, after: { failures } });
    await notifyAboutCandidate(tx, refused.candidate, 'eligibility.blocked', ['candidate', 'provincial_admins'], {
      reason: { id: failures.map((f) => f.reasonId).join('; '), en: failures.map((f) => f.reasonEn).join('; ') },
    });
  });
}

async function submitInTransaction(ctx: ServiceContext, candidateId: string, onIneligible: (candidate: CandidateRow, failures: Failure[]) => void): Promise<SelfAssessment> {
  const { db } = ctx;
  return db.transaction(async (tx) => {
    const tctx = { db: tx, actor: ctx.actor };
    const candidate = await seenCandidate(tctx, candidateId);
    const row = await lockedSubmission(tx, candidate);
    await assertWritable(tctx, candidate, row);
    const eligibility = await eligibilityOf(tx, candidate, upgradeAnswers(row.answers) as Answers);
    if (!eligibility.eligible) {
      onIneligible(candidate, eligibility.failures);
      throw new AppError(
        'INELIGIBLE',
        `The candidate is not eligible: ${eligibility.failures.map((f) => f.reasonEn).join('; ')}`,
        eligibility.failures.map((f) => ({ path: f.rule, message: f.reasonId })),
      );
    }
    const missing = missingItems(upgradeAnswers(row.answers));
    if (missing.length > 0) {
      throw new AppError('VALIDATION_FAILED', 'The self-assessment is not complete', missing.map((m) => ({ path: m, message: 'missing' })));
    }
    const after = await repo.updateSubmission(tx, candidateId, { status: 'submitted', submittedAt: new Date(), version: row.version + 1, updatedBy: ctx.actor?.id ?? null });
    await revisionsToPending(tx, candidateId);
    if (candidate.status === 'nominated') {
      // Submitting answers the nomination: the province is told, as when the candidate accepts it by the button.
      await updateCandidate(tx, candidateId, { status: 'accepted', respondedAt: new Date() });
      await notifyAboutCandidate(tx, candidate, 'candidate.responded', ['provincial_admins'], {
        response: { id: 'menerima', en: 'accepted' },
        note: { id: 'nominasi diterima dengan mengirim penilaian mandiri', en: 'accepted by submitting its self-assessment' },
      });
    }
    await appendAudit(tx, auditActor(ctx.actor), { action: 'self-assessment.submit', entityType: 'candidate', entityId: candidateId, after: { version: after.version, answers: after.answers } });
    const evidence = referencedEvidence(row.answers as Answers).length;
    const sections = Object.keys(row.answers as Answers).filter((k) => k !== 'kind').length;
    await notifyAboutCandidate(tx, candidate, 'self-assessment.submitted', ['candidate'], {
      submittedAt: dateTimeFact(after.submittedAt ?? new Date()),
      summary: { id: `versi ${after.version}, ${sections} bagian terisi, ${evidence} berkas bukti`, en: `version ${after.version}, ${plural(sections, 'section')} filled in, ${plural(evidence, 'evidence file')}` },
    });
    await notifyAboutCandidate(tx, candidate, row.status === 'reopened' ? 'self-assessment.resubmitted' : 'self-assessment.submitted', ['verifiers'], {
      submittedAt: dateTimeFact(after.submittedAt ?? new Date()),
      summary: { id: `versi ${after.version}, ${evidence} berkas bukti`, en: `version ${after.version}, ${plural(evidence, 'evidence file')}` },
    });
    return present(tx, candidate, after);
  });
}

/** The committee reopens a submitted self-assessment, with a reason (audited). */
export async function reopenSelfAssessment(ctx: ServiceContext, candidateId: string, reason: string): Promise<SelfAssessment> {
  const { db, actor } = ctx;
  return db.transaction(async (tx) => {
    const candidate = await findCandidate(tx, candidateId);
    if (!candidate) throw notFound('candidate');
    authorizeCandidate(actor, 'reopenSelfAssessment', candidate);
    const row = await repo.findSubmission(tx, candidateId, true);
    if (!row || row.status !== 'submitted') throw new AppError('CONFLICT', 'Only a submitted self-assessment can be reopened');
    const after = await repo.updateSubmission(tx, candidateId, { status: 'reopened', version: row.version + 1 });
    await appendAudit(tx, auditActor(actor), { action: 'self-assessment.reopen', entityType: 'candidate', entityId: candidateId, before: { status: row.status }, after: { status: after.status, reason } });
    return present(tx, candidate, after);
  });
}

/**
 * The committee of the candidacy's level extends one candidate's deadline,
 * with a reason (audited): a draft, even one never submitted and past its
 * deadline, can be written and submitted again until then; a self-assessment
 * reopened for revision has its revision requests' deadline moved.
 */
export async function extendDeadline(ctx: ServiceContext, candidateId: string, input: DeadlineExtensionInput): Promise<SelfAssessment> {
  const { db, actor } = ctx;
  return db.transaction(async (tx) => {
    const candidate = await findCandidate(tx, candidateId);
    if (!candidate) throw notFound('candidate');
    authorizeCandidate(actor, 'reopenSelfAssessment', candidate);
    if (candidate.status === 'declined') throw new AppError('CONFLICT', 'The nomination was declined');
    const row = await lockedSubmission(tx, candidate);
    if (row.status === 'submitted') {
      throw new AppError('CONFLICT', 'The self-assessment was submitted: reopen it first, then extend its revision deadline', [{ path: 'status', message: 'submitted' }]);
    }
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    if (input.until < today) {
      throw new AppError('VALIDATION_FAILED', `The new deadline (${input.until}) is before today (${today}, WIB)`, [{ path: 'until', message: 'before today' }]);
    }
    const before = await candidateDeadline(tx, candidate);
    await upsertExtension(tx, candidateId, { until: input.until, reason: input.reason, extendedBy: actor?.id ?? null });
    const revisions = row.status === 'reopened' ? await moveRevisionDeadlines(tx, candidateId, input.until) : 0;
    await appendAudit(tx, auditActor(actor), {
      action: 'self-assessment.extend',
      entityType: 'candidate',
      entityId: candidateId,
      before: { deadline: before.deadline, source: before.source, status: row.status },
      after: { deadline: input.until, reason: input.reason, revisionsMoved: revisions },
    });
    return present(tx, candidate, await repo.findSubmission(tx, candidateId) ?? row);
  });
}

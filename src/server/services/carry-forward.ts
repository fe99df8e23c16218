import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '../../domain/errors.ts';
import { carryOffers, organisationKey, parseOrganisationKey, type CarrySection } from '../../domain/candidates/organisation.ts';
import { emptyAnswers, upgradeAnswers } from '../../domain/candidates/self-assessment.ts';
import type { Db } from '../../db/client.ts';
import { findCandidate, type CandidateRow } from '../../db/repositories/candidates.ts';
import { findEdition } from '../../db/repositories/editions.ts';
import { evidenceOf, insertEvidence } from '../../db/repositories/evidence.ts';
import { candidaciesOfOrganisation } from '../../db/repositories/organisations.ts';
import * as submissions from '../../db/repositories/submissions.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { Answers, CarryForwardInput, CarryForwardView, SelfAssessment } from '../../shared/contracts/index.ts';
import { auditActor } from '../policies/actor.ts';
import { authorizeCandidate, candidateAbilities } from '../policies/candidates.ts';
import type { ServiceContext } from './context.ts';
import { assertWritable, lockedSubmission, present, seenCandidate } from './self-assessment.ts';

/**
 * Carrying forward: a new candidacy brings the regulations and agreements
 * still in force from its organisation's previous candidacy (the newest
 * submitted self-assessment of an earlier edition), each entry marked with
 * where it came from and its evidence files re-linked (the stored bytes are
 * shared by their SHA-256, never copied).
 */

type Pemda = Extract<Answers, { kind: 'pemda' }>;
type Previous = { candidate: CandidateRow; editionLabel: string; answers: Pemda };

/** Today in Western Indonesia Time (UTC+7), the committee's clock. */
const todayWib = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

async function previousCandidacy(db: Db, candidate: CandidateRow): Promise<Previous | null> {
  if (candidate.kind !== 'pemda') return null;
  const ref = parseOrganisationKey(organisationKey(candidate));
  const edition = await findEdition(db, candidate.editionId);
  if (!ref || !edition) return null;
  // Newest edition first; within one, the candidacy created last (an advanced one holds the answers it went on with).
  const earlier = (await candidaciesOfOrganisation(db, ref))
    .filter((r) => r.edition.periodStart < edition.periodStart)
    .sort((a, b) => (a.edition.periodStart !== b.edition.periodStart ? (a.edition.periodStart < b.edition.periodStart ? 1 : -1) : b.candidate.createdAt.getTime() - a.candidate.createdAt.getTime()));
  const stored = await submissions.submissionsOf(db, earlier.map((r) => r.candidate.id));
  for (const r of earlier) {
    const s = stored.get(r.candidate.id);
    if (s?.submittedAt) return { candidate: r.candidate, editionLabel: r.edition.label, answers: upgradeAnswers(s.answers) as Pemda };
  }
  return null;
}

function offersOf(previous: Previous, current: Pemda, files: Map<string, unknown>) {
  const statuses = carryOffers(previous.answers, { candidateId: previous.candidate.id }, current, todayWib());
  return statuses.map((s) => {
    const entry = previous.answers[s.section].find((e) => e.id === s.entryId)!;
    const title = s.section === 'regulations' ? (entry as Pemda['regulations'][number]).title : (entry as Pemda['agreements'][number]).parties;
    return {
      ...s,
      type: entry.type,
      number: entry.number,
      title,
      validUntil: entry.validUntil ?? null,
      evidenceFiles: entry.evidenceIds.filter((id) => files.has(id)).length,
    };
  });
}

async function currentAnswers(db: Db, candidate: CandidateRow): Promise<{ answers: Pemda; status: string }> {
  const row = await submissions.findSubmission(db, candidate.id);
  return { answers: upgradeAnswers(row?.answers ?? emptyAnswers('pemda')) as Pemda, status: row?.status ?? 'draft' };
}

export async function getCarryForward(ctx: ServiceContext, candidateId: string): Promise<CarryForwardView> {
  const candidate = await findCandidate(ctx.db, candidateId);
  if (!candidate) throw notFound('candidate');
  authorizeCandidate(ctx.actor, 'see', candidate);
  const previous = await previousCandidacy(ctx.db, candidate);
  if (!previous) return { from: null, offers: [], canCarry: false };
  const { answers, status } = await currentAnswers(ctx.db, candidate);
  const files = new Map((await evidenceOf(ctx.db, previous.candidate.id)).map((f) => [f.id, f]));
  const offers = offersOf(previous, answers, files);
  return {
    from: { candidateId: previous.candidate.id, editionId: previous.candidate.editionId, editionLabel: previous.editionLabel },
    offers,
    canCarry: candidateAbilities.can(ctx.actor, 'fillSelfAssessment', candidate) && status !== 'submitted' && offers.some((o) => o.status === 'offered'),
  };
}

const reasons = { expired: 'its validity has ended', carried: 'it was already carried forward' } as const;

export async function carryForward(ctx: ServiceContext, candidateId: string, input: CarryForwardInput): Promise<SelfAssessment> {
  return ctx.db.transaction(async (tx) => {
    const tctx = { db: tx, actor: ctx.actor };
    const candidate = await seenCandidate(tctx, candidateId);
    const row = await lockedSubmission(tx, candidate);
    await assertWritable(tctx, candidate, row);
    if (input.version !== row.version) {
      throw new AppError('CONFLICT', 'The self-assessment changed elsewhere; reload to see the newest version', [{ path: 'version', message: String(row.version) }]);
    }
    const previous = await previousCandidacy(tx, candidate);
    if (!previous) throw new AppError('CONFLICT', 'The organisation has no submitted self-assessment of an earlier edition to carry forward from');
    const answers = upgradeAnswers(row.answers) as Pemda;
    const previousFiles = new Map((await evidenceOf(tx, previous.candidate.id)).map((f) => [f.id, f]));
    const offers = offersOf(previous, answers, previousFiles);
    const keyOf = (o: { section: string; entryId: string }) => `${o.section}:${o.entryId}`;
    let chosen = offers.filter((o) => o.status === 'offered');
    if (input.items) {
      const problems = input.items.flatMap((item, i) => {
        const offer = offers.find((o) => keyOf(o) === item);
        if (!offer) return [{ path: `items.${i}`, message: 'not an entry of the previous candidacy' }];
        return offer.status === 'offered' ? [] : [{ path: `items.${i}`, message: reasons[offer.status] }];
      });
      if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 'Some entries cannot be carried forward', problems);
      chosen = chosen.filter((o) => input.items!.includes(keyOf(o)));
    }
    if (chosen.length === 0) throw new AppError('CONFLICT', 'Nothing is left to carry forward: every entry in force is already here, and expired ones are not offered');

    // Evidence is re-linked: a row of this candidacy naming the same stored bytes (one per SHA-256).
    const own = new Map((await evidenceOf(tx, candidate.id)).map((f) => [f.sha256, f.id]));
    const relinked = new Map<string, string>();
    const relink = async (id: string): Promise<string | null> => {
      const file = previousFiles.get(id);
      if (!file) return null;
      if (relinked.has(id)) return relinked.get(id)!;
      let mine = own.get(file.sha256);
      if (!mine) {
        mine = (await insertEvidence(tx, { candidateId: candidate.id, sha256: file.sha256, bytes: file.bytes, type: file.type, originalName: file.originalName, uploadedBy: ctx.actor?.id ?? null })).id;
        own.set(file.sha256, mine);
      }
      relinked.set(id, mine);
      return mine;
    };
    const mark = (entryId: string) => ({ candidateId: previous.candidate.id, editionId: previous.candidate.editionId, editionLabel: previous.editionLabel, entryId });
    const next: Pemda = { ...answers, regulations: [...answers.regulations], agreements: [...answers.agreements] };
    for (const offer of chosen) {
      const section: CarrySection = offer.section;
      const entry = previous.answers[section].find((e) => e.id === offer.entryId)!;
      // One at a time: the transaction is one connection, and two files alike must find the first one's copy.
      const evidenceIds: string[] = [];
      for (const id of entry.evidenceIds) {
        const mine = await relink(id);
        if (mine !== null) evidenceIds.push(mine);
      }
      const carried = { ...entry, id: randomUUID(), evidenceIds, carriedForward: mark(entry.id) };
      if (section === 'regulations') next.regulations.push(carried as Pemda['regulations'][number]);
      else next.agreements.push(carried as Pemda['agreements'][number]);
    }
    const after = await submissions.updateSubmission(tx, candidateId, { answers: next, version: row.version + 1, updatedBy: ctx.actor?.id ?? null });
    await appendAudit(tx, auditActor(ctx.actor), {
      action: 'self-assessment.carry-forward',
      entityType: 'candidate',
      entityId: candidateId,
      before: { version: row.version },
      after: { version: after.version, from: previous.candidate.id, edition: previous.editionLabel, items: chosen.map(keyOf), evidenceRelinked: relinked.size },
    });
    return present(tx, candidate, after);
  });
}

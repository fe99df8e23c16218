import { AppError, notFound } from '../../domain/errors.ts';
import { sniffEvidence } from '../../domain/evidence/sniff.ts';
import * as repo from '../../db/repositories/evidence.ts';
import { findCandidate } from '../../db/repositories/candidates.ts';
import { findSubmission } from '../../db/repositories/submissions.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import { auditActor } from '../policies/actor.ts';
import { authorizeCandidate } from '../policies/candidates.ts';
import { authorizeEvidence } from '../policies/evidence.ts';
import type { FileStore } from '../storage/file-store.ts';
import type { ServiceContext } from './context.ts';
import { jurorMaySee } from './marking.ts';
import type { EvidenceSummary } from '../../shared/contracts/index.ts';

export const presentEvidence = (e: repo.EvidenceRow): EvidenceSummary => ({
  id: e.id,
  candidateId: e.candidateId,
  sha256: e.sha256,
  bytes: e.bytes,
  type: e.type,
  originalName: e.originalName,
  createdAt: e.createdAt.toISOString(),
});

/** Evidence closes with the submission of the self-assessment, until the committee reopens it. */
async function assertEvidenceOpen(db: Db, candidateId: string, lock = false): Promise<void> {
  const submission = await findSubmission(db, candidateId, lock);
  if (submission?.status === 'submitted') {
    throw new AppError('CONFLICT', 'The self-assessment was submitted: evidence can be added again only after the committee reopens it');
  }
}

/** Stores an evidence file of a candidate after checking its type by content. */
export async function uploadEvidence(
  ctx: ServiceContext,
  store: FileStore,
  candidateId: string,
  file: { name: string; bytes: Buffer },
): Promise<EvidenceSummary> {
  const { db, actor } = ctx;
  const candidate = await findCandidate(db, candidateId);
  if (!candidate) throw notFound('candidate');
  authorizeCandidate(actor, 'uploadEvidence', candidate);
  const type = sniffEvidence(file.bytes);
  if (!type) {
    throw new AppError('UNSUPPORTED_FILE', `${file.name} is not a PDF, JPEG, PNG, XLSX, PPTX or DOCX file (checked by its content)`, [
      { path: 'file', message: 'PDF, JPEG, PNG, XLSX, PPTX, DOCX' },
    ]);
  }
  await assertEvidenceOpen(db, candidateId);
  const stored = await store.put(file.bytes);
  return db.transaction(async (tx) => {
    // Locked against a submission landing meanwhile: a file is added before the submission or not at all.
    await assertEvidenceOpen(tx, candidateId, true);
    const row = await repo.insertEvidence(tx, {
      candidateId,
      sha256: stored.sha256,
      bytes: stored.bytes,
      type,
      originalName: file.name.slice(0, 200),
      uploadedBy: actor?.id ?? null,
    });
    await appendAudit(tx, auditActor(actor), { action: 'evidence.upload', entityType: 'evidence', entityId: row.id, after: row });
    return presentEvidence(row);
  });
}

/** An evidence file for those who may see its candidate. */
export async function evidenceForReading(ctx: ServiceContext, id: string): Promise<repo.EvidenceRow> {
  const evidence = await repo.findEvidence(ctx.db, id);
  if (!evidence) throw notFound('evidence');
  const candidate = await findCandidate(ctx.db, evidence.candidateId);
  if (!candidate) throw notFound('evidence');
  // A juror reads the evidence on their sheet: a candidate assigned to them, not in conflict, and verified items only.
  authorizeEvidence(ctx.actor, 'read', { candidate, assignedWithoutConflict: await jurorMaySee(ctx.db, ctx.actor!, evidence) });
  return evidence;
}

export async function listEvidence(ctx: ServiceContext, candidateId: string): Promise<EvidenceSummary[]> {
  const candidate = await findCandidate(ctx.db, candidateId);
  if (!candidate) throw notFound('candidate');
  authorizeCandidate(ctx.actor, 'see', candidate);
  return (await repo.evidenceOf(ctx.db, candidateId)).map(presentEvidence);
}

import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import { checkImportRows, type ImportRow, type NewCandidate } from '../../domain/candidates/import-rows.ts';
import type { Db } from '../../db/client.ts';
import * as jobsRepo from '../../db/repositories/jobs.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import { auditActor } from '../policies/actor.ts';
import { authorizeProvince } from '../policies/candidates.ts';
import type { JobHandler } from '../job-runner.ts';
import { importContext, openEdition, problemsError } from './candidates.ts';
import type { ServiceContext } from './context.ts';

export const candidateImportKind = 'candidate.import';
/** Rows written per short transaction; other requests run between batches. */
export const importBatchRows = 200;

type Payload = { editionId: string; provinceCode: string; actor: { id: string | null; label: string }; candidates: NewCandidate[] };

/**
 * Checks a whole sheet (every row, before anything is written) and queues
 * its import as a job; a sheet with problems is refused with each bad row
 * and column, as before. Answers the job.
 */
/** Why a sheet with column names only imports nothing (the web page says it in the user's language). */
export const noCandidateRows = 'tanpa baris kandidat';

export async function queueCandidateImport(ctx: ServiceContext, editionId: string, provinceCode: string, rows: ImportRow[]): Promise<jobsRepo.JobRow> {
  const { db, actor } = ctx;
  authorizeProvince(actor, 'nominate', { provinceCode });
  await openEdition(db, editionId);
  if (rows.length === 0) {
    // The template as downloaded: column names only (its examples are on another sheet).
    throw new AppError('VALIDATION_FAILED', 'Berkas hanya berisi judul kolom, tanpa baris kandidat; tidak ada yang diimpor', [{ path: 'file', message: noCandidateRows }]);
  }
  const { candidates, problems } = checkImportRows(rows, await importContext(db, editionId, provinceCode));
  if (problems.length > 0) throw problemsError(problems);
  const payload: Payload = { editionId, provinceCode, actor: auditActor(actor), candidates };
  return jobsRepo.insertJob(db, {
    kind: candidateImportKind,
    payload,
    progress: { done: 0, total: candidates.length, message: null },
    editionId,
    provinceCode,
    createdBy: actor?.id ?? null,
  });
}

/**
 * The import job. Resumes from its recorded progress: each batch of 200 rows
 * is staged in its own transaction together with the progress, so a server
 * that takes over after a crash continues at the first batch not recorded.
 * The last step publishes every staged row to `candidates` in one short
 * transaction with the import's one audit entry; until then nothing is
 * visible, and a failed import leaves nothing behind.
 */
export const candidateImportJob: JobHandler = {
  async step({ db, job, progress, complete }) {
    const payload = job.payload as Payload;
    const total = payload.candidates.length;
    const done = job.progress.done;
    if (done < total) {
      const batch = payload.candidates.slice(done, done + importBatchRows);
      await db.transaction(async (tx) => {
        await jobsRepo.stageCandidateRows(
          tx,
          batch.map((c, i) => ({ ...c, jobId: job.id, rowNo: done + i, candidateId: randomUUID(), level: 'provinsi' })),
        );
        await progress({ done: done + batch.length, total, message: null }, tx);
      });
      return true;
    }
    await db.transaction(async (tx) => {
      await openEdition(tx, payload.editionId);
      const staged = await jobsRepo.countStagedRows(tx, job.id);
      if (staged !== total) throw new Error(`The import staged ${staged} of ${total} rows`);
      let ids: string[];
      try {
        ids = await jobsRepo.publishStagedCandidates(tx, job.id, payload.editionId);
      } catch (error) {
        if ((error as { code?: string }).code === '23505' || (error as { cause?: { code?: string } }).cause?.code === '23505') {
          throw new AppError('CONFLICT', 'A candidate in the file was added meanwhile; nothing was saved.');
        }
        throw error;
      }
      await appendAudit(tx, payload.actor, {
        action: 'candidate.import',
        entityType: 'job',
        entityId: job.id,
        after: { editionId: payload.editionId, provinceCode: payload.provinceCode, created: ids.length, candidateIds: ids },
      });
      await complete(tx, { created: ids.length });
    });
    return false;
  },
  async failed(tx: Db, job) {
    await jobsRepo.deleteStagedRows(tx, job.id);
  },
};

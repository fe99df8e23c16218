import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import { reasoned } from '../../domain/sheets/row-reasons.ts';
import { checkImportRowsInSlices, type ImportRow, type NewCandidate } from '../../domain/candidates/import-rows.ts';
import type { Db } from '../../db/client.ts';
import { pgliteOf } from '../../db/pglite-of.ts';
import { oneAtATime } from '../../shared/one-at-a-time.ts';
import * as jobsRepo from '../../db/repositories/jobs.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import { auditActor } from '../policies/actor.ts';
import { authorizeProvince } from '../policies/candidates.ts';
import { JobFailure, type JobHandler } from '../job-runner.ts';
import { importContext, openEdition, problemsError } from './candidates.ts';
import type { ServiceContext } from './context.ts';

export const candidateImportKind = 'candidate.import';
/**
 * Rows staged per statement. On PGlite every statement runs in the server's
 * own thread, so a statement of many rows holds every other request for its
 * whole length; 50 rows take a few milliseconds, and the event loop turns
 * between two of them.
 */
export const importBatchRows = 50;
/** Staged ids read per statement before publishing. */
const idSliceRows = 500;
/** The edition's candidates read per statement when the request checks for duplicates. */
const keyPageRows = 1000;
/** The request renews its hold on the job every this many batches while it stages. */
const renewEveryBatches = 20;

/**
 * The job's payload: who imports what. The checked rows are not in it: the
 * request stages them in `candidate_import_rows`, so neither the request nor
 * the runner writes or reads one large row. (`candidates` is there only in
 * jobs queued before the rows were staged by the request.)
 */
type Payload = { editionId: string; provinceCode: string; actor: { id: string | null; label: string }; candidates?: NewCandidate[] };


/** Who stages an import's rows before its job is queued: the request's app server, under a lease. */
export type ImportHolder = { instance: string; leaseMs: number };

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * On PGlite, the imports of this server read their context (the edition's
 * existing candidates, a thousand per statement) one import at a time. PGlite
 * runs one statement at a time in the order they come: with four imports
 * reading at once, every other request waited behind four of their
 * statements (the slowest health checks of `bench:import`); one at a time,
 * behind one, and the four reads end about when they did.
 */
const contextInTurn = oneAtATime();

/**
 * Checks a whole sheet (every row, before anything is written) and queues
 * its import as a job; a sheet with problems is refused with each bad row
 * and column, as before. The check runs in slices with a turn of the event
 * loop between them. The checked rows are then staged, 50 per statement, under
 * the job held by this server's lease (no runner takes it meanwhile), and the
 * job is queued. Should the server die while staging, the lease runs out and
 * the runner that takes the job over fails it and deletes what was staged.
 * Answers the job.
 */
export async function queueCandidateImport(
  ctx: ServiceContext,
  editionId: string,
  provinceCode: string,
  rows: ImportRow[],
  holder: ImportHolder = { instance: `upload:${randomUUID()}`, leaseMs: 60_000 },
): Promise<jobsRepo.JobRow> {
  const { db, actor } = ctx;
  authorizeProvince(actor, 'nominate', { provinceCode });
  await openEdition(db, editionId);
  if (rows.length === 0) {
    // The template as downloaded: column names only (its examples are on another sheet).
    throw new AppError('VALIDATION_FAILED', 'The file holds the column names only; nothing was imported', [{ path: 'file', ...reasoned('no-rows') }]);
  }
  const readContext = () => importContext(db, editionId, provinceCode, { rows: keyPageRows, between: turn });
  const context = pgliteOf(db) ? await contextInTurn(readContext) : await readContext();
  await turn();
  const { candidates, problems } = await checkImportRowsInSlices(rows, context, { yieldNow: turn });
  if (problems.length > 0) throw problemsError(problems);
  const payload: Payload = { editionId, provinceCode, actor: auditActor(actor) };
  const job = await jobsRepo.insertHeldJob(
    db,
    { kind: candidateImportKind, payload, progress: { done: 0, total: candidates.length, message: null }, editionId, provinceCode, createdBy: actor?.id ?? null },
    holder,
  );
  try {
    await stageImportRows(db, job, candidates, holder);
    if (!(await jobsRepo.releaseJob(db, job.id, holder.instance))) throw new Error(`Import ${job.id} was taken over while its rows were being stored`);
  } catch (error) {
    // Nothing of a half-staged import stays behind. Should even this fail (the database went away),
    // the lease runs out and the runner that takes the job over fails it (fewer rows than checked).
    await db
      .transaction(async (tx) => {
        if (await jobsRepo.failJob(tx, job.id, holder.instance, error instanceof Error ? error.message : String(error))) await jobsRepo.deleteStagedRows(tx, job.id);
      })
      .catch(() => undefined);
    throw error;
  }
  return { ...job, status: 'queued', lockedBy: null, lockedUntil: null };
}

/** Stages the checked rows of a job held by `holder`, `importBatchRows` per statement, yielding between them. */
export async function stageImportRows(db: Db, job: jobsRepo.JobRow, candidates: NewCandidate[], holder: ImportHolder): Promise<void> {
  for (let start = 0, batch = 0; start < candidates.length; start += importBatchRows, batch++) {
    if (batch > 0) await turn();
    if (batch > 0 && batch % renewEveryBatches === 0 && !(await jobsRepo.renewJob(db, job.id, holder.instance, holder.leaseMs))) {
      throw new Error(`Import ${job.id} was taken over while its rows were being stored`);
    }
    await jobsRepo.stageCandidateRows(db, stagedRows(job.id, candidates, start));
  }
}

const stagedRows = (jobId: string, candidates: NewCandidate[], start: number) =>
  candidates.slice(start, start + importBatchRows).map((c, i) => ({ ...c, jobId, rowNo: start + i, candidateId: randomUUID() }));

export const interruptedUpload =
  'The upload was interrupted before every row was stored; nothing was saved, upload the file again.';

/**
 * The import job. Its rows are staged (by the request, or for a job queued
 * before that, by earlier steps of this job, resuming from the recorded
 * progress). It reads their ids in slices, then publishes every staged row
 * to `candidates` in one transaction, with the import's one audit entry and
 * the job's completion; until then nothing is visible, and a failed import
 * leaves nothing behind. A job whose upload was interrupted (fewer rows
 * staged than checked) fails with nothing saved.
 */
export const candidateImportJob: JobHandler = {
  async step({ db, job, progress, complete }) {
    const payload = job.payload as Payload;
    const total = job.progress.total;
    if (payload.candidates && job.progress.done < total) {
      // A job queued before the request staged its rows: stage a batch per step.
      const done = job.progress.done;
      await db.transaction(async (tx) => {
        await jobsRepo.stageCandidateRows(tx, stagedRows(job.id, payload.candidates!, done));
        await progress({ done: Math.min(total, done + importBatchRows), total, message: null }, tx);
      });
      return true;
    }
    const ids: string[] = [];
    for (let after = -1; ; ) {
      const slice = await jobsRepo.stagedCandidateIds(db, job.id, after, idSliceRows);
      for (const row of slice) ids.push(row.candidateId);
      if (slice.length < idSliceRows) break;
      after = slice[slice.length - 1]!.rowNo;
      await turn();
    }
    if (ids.length !== total) throw new JobFailure('interrupted-upload', interruptedUpload);
    await db.transaction(async (tx) => {
      await openEdition(tx, payload.editionId);
      try {
        await jobsRepo.publishStagedCandidates(tx, job.id, payload.editionId);
      } catch (error) {
        if ((error as { code?: string }).code === '23505' || (error as { cause?: { code?: string } }).cause?.code === '23505') {
          throw new JobFailure('added-meanwhile', 'A candidate in the file was added meanwhile; nothing was saved.');
        }
        throw error;
      }
      await appendAudit(tx, payload.actor, {
        action: 'candidate.import',
        entityType: 'job',
        entityId: job.id,
        after: { editionId: payload.editionId, provinceCode: payload.provinceCode, created: ids.length, candidateIds: ids },
      });
      await progress({ done: total, total, message: null }, tx);
      await complete(tx, { created: ids.length });
    });
    return false;
  },
  async failed(tx: Db, job) {
    await jobsRepo.deleteStagedRows(tx, job.id);
  },
};

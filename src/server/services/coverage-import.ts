import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AppError, notFound } from '../../domain/errors.ts';
import { coverageRegionOf } from '../../domain/candidates/rules.ts';
import { figuresFor } from '../../domain/coverage/indicators.ts';
import type { Db } from '../../db/client.ts';
import * as repo from '../../db/repositories/coverage.ts';
import { findEdition } from '../../db/repositories/editions.ts';
import { listCandidates } from '../../db/repositories/candidates.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { InputFile, SnapshotProgress } from '../../db/schema/index.ts';
import { employerOutputColumns, inputPath, readScreenOutputs, readWorkforce, streamEmployerOutputs, type ScreenOutputs } from '../../analytics/outputs.ts';
import { auditActor } from '../policies/actor.ts';
import { insertJob } from '../../db/repositories/jobs.ts';
import type { JobContext, JobHandler, JobRow } from '../job-runner.ts';
import type { ServiceContext } from './context.ts';

export const extractFiles = ['workforce', 'min_wage', 'employers', 'participants', 'contributions'] as const;

/** Runs the coverage screen (docs/coverage-data.md) into `outDir`. */
export type ScreenRunner = (options: {
  dataDir: string;
  year: number;
  outDir: string;
  config: unknown;
  onProgress: (progress: SnapshotProgress) => void;
}) => Promise<{ ok: true } | { ok: false; problems: string[] }>;

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Hashes the five input files; a missing one stops the import before it starts. */
export async function hashInputs(dataDir: string): Promise<InputFile[]> {
  const missing = extractFiles.filter((name) => !inputPath(dataDir, name));
  if (missing.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The extract lacks ${missing.join(', ')} (each as NAME.csv, NAME.csv.gz or NAME.parquet)`,
      missing.map((m) => ({ path: `files.${m}`, message: 'missing' })),
    );
  }
  const files: InputFile[] = [];
  for (const name of extractFiles) {
    const path = inputPath(dataDir, name)!;
    files.push({ name: basename(path), sha256: await sha256File(path), bytes: (await stat(path)).size });
  }
  return files;
}

export const coverageSnapshotKind = 'coverage.snapshot';

type SnapshotPayload = { snapshotId: string; editionId: string; dataDir: string; removeData: boolean; actor: { id: string | null; label: string } };

/**
 * Creates the snapshot record (status running) and the job that screens and
 * stores it, and audits the start, in one transaction. `removeData`: the
 * extract's directory is the upload's copy, deleted when the job ends.
 */
export async function startSnapshot(
  { db, actor }: ServiceContext,
  editionId: string,
  options: { year?: number | undefined; inputFiles: InputFile[]; dataDir: string; removeData: boolean },
): Promise<{ snapshot: repo.SnapshotRow; job: JobRow }> {
  const edition = await findEdition(db, editionId);
  if (!edition) throw notFound('edition');
  const year = options.year ?? Number(edition.periodEnd.slice(0, 4));
  return db.transaction(async (tx) => {
    const snapshot = await repo.insertSnapshot(tx, { editionId, year, inputFiles: options.inputFiles, createdBy: actor?.id ?? null });
    const payload: SnapshotPayload = { snapshotId: snapshot.id, editionId, dataDir: options.dataDir, removeData: options.removeData, actor: auditActor(actor) };
    const job = await insertJob(tx, {
      kind: coverageSnapshotKind,
      payload,
      progress: { done: 0, total: 0, message: null },
      editionId,
      provinceCode: null,
      createdBy: actor?.id ?? null,
    });
    await appendAudit(tx, auditActor(actor), {
      action: 'coverage.import.start',
      entityType: 'coverage_snapshot',
      entityId: snapshot.id,
      after: { editionId, version: snapshot.version, year, inputFiles: options.inputFiles, jobId: job.id },
    });
    return { snapshot, job };
  });
}

/** The screen found bad input: the snapshot fails with these problems. */
class ScreenProblems extends Error {
  constructor(readonly problems: string[]) {
    super(problems.slice(0, 5).join('; '));
  }
}

// The screen's employer columns are handed to the bulk load as they are read: the two lists must agree.
if (employerOutputColumns.some(([name], i) => repo.employerBulkColumns[i]?.[0] !== name) || employerOutputColumns.length !== repo.employerBulkColumns.length) {
  throw new Error('The employer columns read from the screen and those the bulk load stores differ');
}

/** Employers stored per statement (and transaction): about 10 MB of CSV each. */
const employerBatch = 50_000;

/**
 * The snapshot job: runs the screen, stages its outputs batch by batch under
 * the snapshot (invisible: only ready snapshots are read; the employers are
 * streamed from the screen's file and bulk loaded, never all in memory),
 * then publishes in one transaction: the candidates' figures (never over a
 * verifier's correction), the status `ready` and the audit entry. A server that takes
 * the job over after a crash restarts it from the screen: it first deletes
 * what the dead server had staged (idempotent restart). It needs the
 * extract's files, which stay where the upload put them.
 */
export function coverageSnapshotJob(
  runner: ScreenRunner,
  onProgress?: (p: SnapshotProgress) => void,
  options: { employerBatch?: number } = {},
): JobHandler {
  const batch = options.employerBatch ?? employerBatch;
  return {
    async step(ctx) {
      const { db, job } = ctx;
      const payload = job.payload as SnapshotPayload;
      const snapshot = await repo.findSnapshotById(db, payload.snapshotId);
      if (!snapshot || snapshot.status !== 'running') return false;
      const edition = await findEdition(db, snapshot.editionId);
      if (!edition) throw notFound('edition');
      if (job.attempts > 1) await repo.deleteSnapshotRows(db, snapshot.id);
      if (!existsSync(payload.dataDir)) {
        throw new ScreenProblems(['The extract’s files are no longer on the server that resumed this import; upload the extract again.']);
      }
      const started = Date.now();
      let lastWrite = 0;
      let pending: Promise<void> = Promise.resolve();
      const progress = (p: SnapshotProgress, force = false) => {
        onProgress?.(p);
        const now = Date.now();
        if (!force && now - lastWrite < 500) return;
        lastWrite = now;
        pending = pending.then(() => repo.updateSnapshot(db, snapshot.id, { progress: p })).catch(() => undefined);
      };
      const outDir = await mkdtemp(join(tmpdir(), 'paritrana-screen-'));
      try {
        const outcome = await runner({ dataDir: payload.dataDir, year: snapshot.year, outDir, config: edition.screeningConfig, onProgress: (p) => progress(p) });
        await pending;
        if (!outcome.ok) throw new ScreenProblems(outcome.problems);
        progress({ stage: 'reading results', rowsRead: 0, elapsedMs: Date.now() - started }, true);
        const outputs = await readScreenOutputs(outDir);
        const workforce = await readWorkforce(payload.dataDir, snapshot.year);
        await pending;
        await stage(ctx, snapshot, outDir, outputs, workforce, batch, (done) => progress({ stage: 'storing employers', rowsRead: done, elapsedMs: Date.now() - started }));
        await pending;
        await db.transaction(async (tx) => {
          const filled = await fillCandidateValues(tx, snapshot.editionId, snapshot.id);
          await repo.updateSnapshot(tx, snapshot.id, {
            status: 'ready',
            finishedAt: new Date(),
            progress: { stage: 'done', rowsRead: outputs.employerCount, elapsedMs: Date.now() - started },
          });
          await appendAudit(tx, payload.actor, {
            action: 'coverage.import',
            entityType: 'coverage_snapshot',
            entityId: snapshot.id,
            after: {
              version: snapshot.version,
              year: snapshot.year,
              regencies: outputs.regencies.length,
              provinces: outputs.provinces.length,
              employers: outputs.employerCount,
              shortlist: outputs.shortlist.length,
              candidateValues: filled,
            },
          });
          await ctx.complete(tx, { snapshotId: snapshot.id, version: snapshot.version, candidateValues: filled });
        });
        if (payload.removeData) await rm(payload.dataDir, { recursive: true, force: true });
      } finally {
        await pending;
        await rm(outDir, { recursive: true, force: true });
      }
      return false;
    },
    async failed(tx, job, error) {
      const payload = job.payload as SnapshotPayload;
      const snapshot = await repo.findSnapshotById(tx, payload.snapshotId);
      if (!snapshot || snapshot.status !== 'running') return;
      const problems = error instanceof ScreenProblems ? error.problems : [error instanceof Error ? error.message : String(error)];
      await repo.deleteSnapshotRows(tx, snapshot.id);
      await repo.updateSnapshot(tx, snapshot.id, {
        status: 'failed',
        problems,
        finishedAt: new Date(),
        progress: { stage: 'failed', rowsRead: 0, elapsedMs: snapshot.createdAt ? Date.now() - snapshot.createdAt.getTime() : 0 },
      });
      await appendAudit(tx, payload.actor, {
        action: 'coverage.import.failed',
        entityType: 'coverage_snapshot',
        entityId: snapshot.id,
        after: { version: snapshot.version, problems: problems.slice(0, 21) },
      });
      if (payload.removeData) await rm(payload.dataDir, { recursive: true, force: true });
    },
  };
}

/** Stores the screen's outputs under the snapshot in short transactions, renewing the job's lease. */
async function stage(
  ctx: JobContext,
  snapshot: repo.SnapshotRow,
  outDir: string,
  outputs: ScreenOutputs,
  workforce: Map<string, { working: number; informal: number | null }>,
  batch: number,
  onEmployers: (done: number) => void,
) {
  const { db } = ctx;
  const provinceWorkforce = new Map<string, { working: number; informal: number | null }>();
  for (const [code, w] of workforce) {
    const p = code.slice(0, 2);
    const sum = provinceWorkforce.get(p) ?? { working: 0, informal: null };
    sum.working += w.working;
    if (w.informal != null) sum.informal = (sum.informal ?? 0) + w.informal;
    provinceWorkforce.set(p, sum);
  }
  const total = outputs.employerCount;
  await db.transaction(async (tx) => {
    await repo.insertRegionIndicators(tx, [
      ...outputs.regencies.map((r) => ({
        ...r,
        snapshotId: snapshot.id,
        isProvince: false,
        workingPopulation: workforce.get(r.code)?.working ?? null,
        informalWorkers: workforce.get(r.code)?.informal ?? null,
      })),
      ...outputs.provinces.map((r) => ({
        ...r,
        snapshotId: snapshot.id,
        isProvince: true,
        workingPopulation: provinceWorkforce.get(r.code)?.working ?? null,
        informalWorkers: provinceWorkforce.get(r.code)?.informal ?? null,
      })),
    ]);
    await repo.insertShortlist(
      tx,
      outputs.shortlist.map((s) => ({ ...s, snapshotId: snapshot.id })),
    );
    await ctx.progress({ done: 0, total, message: 'storing employers' }, tx);
  });
  let done = 0;
  const stored = await streamEmployerOutputs(outDir, batch, async (columns, rows) => {
    await db.transaction(async (tx) => {
      await repo.bulkInsertEmployerIndicators(tx, snapshot.id, columns);
      await ctx.progress({ done: done + rows, total, message: 'storing employers' }, tx);
    });
    done += rows;
    onEmployers(done);
    await new Promise<void>((resolve) => setImmediate(resolve));
  });
  if (stored !== total) throw new Error(`The screen's employer file changed while it was stored (${stored} rows, ${total} counted)`);
}

const regionColumn = {
  coverage_pct: 'coveragePct',
  growth_pct: 'growthPct',
  bpu_coverage_pct: 'bpuCoveragePct',
  gov_funded: 'govFunded',
  active: 'active',
  working_population: 'workingPopulation',
} as const;
const employerColumn = {
  workers: 'workers',
  growth_pct: 'growthPct',
  declared_coverage_pct: 'declaredCoveragePct',
  program_complete_pct: 'programCompletePct',
  below_min_wage_pct: 'belowMinWagePct',
  months_in_arrears: 'monthsInArrears',
  on_time_pct: 'onTimePct',
} as const;

/**
 * Fills the data values of every candidate of the edition from a snapshot,
 * in the caller's transaction. A value a verifier corrected after a dispute
 * is kept (it is a decision, audited), also one decided while this runs;
 * every other figure takes the snapshot's value.
 */
export async function fillCandidateValues(db: Db, editionId: string, snapshotId: string): Promise<number> {
  const candidates = await listCandidates(db, editionId, { all: true });
  const regions = new Map(
    (await repo.regionIndicatorsFor(db, snapshotId, candidates.flatMap((c) => coverageRegionOf(c) ?? []))).map((r) => [r.code, r]),
  );
  const compliance = await repo.employerComplianceFor(db, snapshotId, candidates.flatMap((c) => (c.kind === 'pemda' && c.regencyCode ? [c.regencyCode] : [])));
  const employers = new Map(
    (await repo.employerIndicatorsFor(db, snapshotId, candidates.flatMap((c) => (c.npp ? [c.npp] : [])))).map((e) => [e.npp, e]),
  );
  const values: { candidateId: string; key: string; valueNum: number | null; snapshotId: string }[] = [];
  for (const c of candidates) {
    // A provincial government takes its province's figures; a village has none of its own.
    const regionCode = coverageRegionOf(c);
    const region = regionCode ? regions.get(regionCode) : undefined;
    const employer = c.npp ? employers.get(c.npp) : undefined;
    if (!region && !employer) continue;
    for (const figure of figuresFor(c.kind)) {
      const value =
        c.kind === 'pemda' && figure.key === 'employer_compliance_pct'
          ? (c.regencyCode ? compliance.get(c.regencyCode) : undefined)
          : c.kind === 'pemda'
          ? region?.[regionColumn[figure.key as keyof typeof regionColumn]]
          : employer?.[employerColumn[figure.key as keyof typeof employerColumn]];
      values.push({ candidateId: c.id, key: figure.key, valueNum: value ?? null, snapshotId });
    }
  }
  return repo.upsertSnapshotValues(db, values);
}

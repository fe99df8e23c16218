import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AppError, notFound } from '../../domain/errors.ts';
import { figuresFor } from '../../domain/coverage/indicators.ts';
import type { Db } from '../../db/client.ts';
import * as repo from '../../db/repositories/coverage.ts';
import { findEdition } from '../../db/repositories/editions.ts';
import { listCandidates } from '../../db/repositories/candidates.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { InputFile, SnapshotProgress } from '../../db/schema/index.ts';
import { inputPath, readScreenOutputs, readWorkforce, type ScreenOutputs } from '../../analytics/outputs.ts';
import { auditActor } from '../policies/actor.ts';
import type { ServiceContext } from './context.ts';

export const extractFiles = ['workforce', 'min_wage', 'employers', 'participants', 'contributions'] as const;

/** Runs the coverage screen (spec/coverage-data.md) into `outDir`. */
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

/** Creates the snapshot record (status running) and audits the start. */
export async function startSnapshot(
  { db, actor }: ServiceContext,
  editionId: string,
  options: { year?: number | undefined; inputFiles: InputFile[] },
): Promise<repo.SnapshotRow> {
  const edition = await findEdition(db, editionId);
  if (!edition) throw notFound('edition');
  const year = options.year ?? Number(edition.periodEnd.slice(0, 4));
  return db.transaction(async (tx) => {
    const snapshot = await repo.insertSnapshot(tx, { editionId, year, inputFiles: options.inputFiles, createdBy: actor?.id ?? null });
    await appendAudit(tx, auditActor(actor), {
      action: 'coverage.import.start',
      entityType: 'coverage_snapshot',
      entityId: snapshot.id,
      after: { editionId, version: snapshot.version, year, inputFiles: options.inputFiles },
    });
    return snapshot;
  });
}

/**
 * Runs the screen for a started snapshot and stores its indicators; on bad
 * input the snapshot fails with the problems and nothing else is stored.
 */
export async function runSnapshot(
  ctx: ServiceContext,
  snapshot: repo.SnapshotRow,
  options: { dataDir: string; runner: ScreenRunner; config: unknown; onProgress?: (p: SnapshotProgress) => void },
): Promise<repo.SnapshotRow> {
  const { db, actor } = ctx;
  const started = Date.now();
  let lastWrite = 0;
  let pending: Promise<void> = Promise.resolve();
  const progress = (p: SnapshotProgress, force = false) => {
    options.onProgress?.(p);
    const now = Date.now();
    if (!force && now - lastWrite < 500) return;
    lastWrite = now;
    pending = pending.then(() => repo.updateSnapshot(db, snapshot.id, { progress: p })).catch(() => undefined);
  };
  const outDir = await mkdtemp(join(tmpdir(), 'paritrana-screen-'));
  try {
    const outcome = await options.runner({ dataDir: options.dataDir, year: snapshot.year, outDir, config: options.config, onProgress: (p) => progress(p) });
    await pending;
    if (!outcome.ok) {
      await fail(ctx, snapshot, outcome.problems, started);
      return (await repo.findSnapshot(db, snapshot.editionId, snapshot.id))!;
    }
    progress({ stage: 'reading results', rowsRead: 0, elapsedMs: Date.now() - started }, true);
    const outputs = await readScreenOutputs(outDir);
    const workforce = await readWorkforce(options.dataDir, snapshot.year);
    await pending;
    await store(db, snapshot, outputs, workforce, (done) =>
      progress({ stage: 'storing employers', rowsRead: done, elapsedMs: Date.now() - started }),
    );
    await pending;
    const filled = await fillCandidateValues(db, snapshot.editionId, snapshot.id);
    await db.transaction(async (tx) => {
      await repo.updateSnapshot(tx, snapshot.id, {
        status: 'ready',
        finishedAt: new Date(),
        progress: { stage: 'done', rowsRead: outputs.employers.length, elapsedMs: Date.now() - started },
      });
      await appendAudit(tx, auditActor(actor), {
        action: 'coverage.import',
        entityType: 'coverage_snapshot',
        entityId: snapshot.id,
        after: {
          version: snapshot.version,
          year: snapshot.year,
          regencies: outputs.regencies.length,
          provinces: outputs.provinces.length,
          employers: outputs.employers.length,
          shortlist: outputs.shortlist.length,
          candidateValues: filled,
        },
      });
    });
  } catch (error) {
    await pending;
    await fail(ctx, snapshot, [error instanceof Error ? error.message : String(error)], started);
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
  return (await repo.findSnapshot(db, snapshot.editionId, snapshot.id))!;
}

async function fail({ db, actor }: ServiceContext, snapshot: repo.SnapshotRow, problems: string[], started: number) {
  await db.transaction(async (tx) => {
    await repo.updateSnapshot(tx, snapshot.id, {
      status: 'failed',
      problems,
      finishedAt: new Date(),
      progress: { stage: 'failed', rowsRead: 0, elapsedMs: Date.now() - started },
    });
    await appendAudit(tx, auditActor(actor), {
      action: 'coverage.import.failed',
      entityType: 'coverage_snapshot',
      entityId: snapshot.id,
      after: { version: snapshot.version, problems: problems.slice(0, 21) },
    });
  });
}

async function store(
  db: Db,
  snapshot: repo.SnapshotRow,
  outputs: ScreenOutputs,
  workforce: Map<string, { working: number; informal: number | null }>,
  onEmployers: (done: number) => void,
) {
  const provinceWorkforce = new Map<string, { working: number; informal: number | null }>();
  for (const [code, w] of workforce) {
    const p = code.slice(0, 2);
    const sum = provinceWorkforce.get(p) ?? { working: 0, informal: null };
    sum.working += w.working;
    if (w.informal != null) sum.informal = (sum.informal ?? 0) + w.informal;
    provinceWorkforce.set(p, sum);
  }
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
    await repo.insertEmployerIndicators(
      tx,
      outputs.employers.map((e) => ({ ...e, snapshotId: snapshot.id })),
      onEmployers,
    );
    await repo.insertShortlist(
      tx,
      outputs.shortlist.map((s) => ({ ...s, snapshotId: snapshot.id })),
    );
  });
}

const regionColumn = {
  coverage_pct: 'coveragePct',
  growth_pct: 'growthPct',
  bpu_coverage_pct: 'bpuCoveragePct',
  gov_funded: 'govFunded',
  active: 'active',
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
 * Fills the data values of every candidate of the edition from a snapshot.
 * A value a verifier corrected after a dispute is kept (it is a decision,
 * audited); every other figure takes the snapshot's value.
 */
export async function fillCandidateValues(db: Db, editionId: string, snapshotId: string): Promise<number> {
  const candidates = await listCandidates(db, editionId, { all: true });
  const regions = new Map(
    (await repo.regionIndicatorsFor(db, snapshotId, candidates.flatMap((c) => (c.regencyCode ? [c.regencyCode] : [])))).map((r) => [r.code, r]),
  );
  const employers = new Map(
    (await repo.employerIndicatorsFor(db, snapshotId, candidates.flatMap((c) => (c.npp ? [c.npp] : [])))).map((e) => [e.npp, e]),
  );
  const existing = await repo.valuesOf(
    db,
    candidates.map((c) => c.id),
  );
  const corrected = new Set(existing.filter((v) => v.source === 'dispute').map((v) => `${v.candidateId}|${v.key}`));
  let filled = 0;
  await db.transaction(async (tx) => {
    for (const c of candidates) {
      const region = c.regencyCode ? regions.get(c.regencyCode) : undefined;
      const employer = c.npp ? employers.get(c.npp) : undefined;
      if (!region && !employer) continue;
      for (const figure of figuresFor(c.kind)) {
        if (corrected.has(`${c.id}|${figure.key}`)) continue;
        const value =
          c.kind === 'pemda'
            ? region?.[regionColumn[figure.key as keyof typeof regionColumn]]
            : employer?.[employerColumn[figure.key as keyof typeof employerColumn]];
        await repo.upsertValue(tx, { candidateId: c.id, key: figure.key, valueNum: value ?? null, source: 'coverage', snapshotId, note: null });
        filled += 1;
      }
    }
  });
  return filled;
}

/** A snapshot left running by a stopped server can never finish. */
export async function failInterruptedSnapshots(db: Db): Promise<void> {
  await repo.failRunningSnapshots(db, 'The server stopped while this import ran; start the import again.');
}

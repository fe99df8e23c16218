import { packageIdOf } from './results.ts';
import { forbidden, notFound } from '../../domain/errors.ts';
import type { ScoringPackage, ScoringResult } from '../../domain/scoring/index.ts';
import { findEdition } from '../../db/repositories/editions.ts';
import { listCandidates } from '../../db/repositories/candidates.ts';
import { listSnapshots, valuesOf } from '../../db/repositories/coverage.ts';
import * as pools from '../../db/repositories/pools.ts';
import { membersOf } from '../../db/repositories/panels.ts';
import { listProvinces } from '../../db/repositories/regions.ts';
import { isNationalAdmin, provincesAs, type Actor } from '../policies/actor.ts';
import { panelAbilities, panelPolicy } from '../policies/panels.ts';
import type { ServiceContext } from './context.ts';
import { loadPool } from './pool-context.ts';
import { toCsv, toXlsx, type Cell, type Table } from './tabular.ts';

export type Dataset = 'results' | 'candidates' | 'values' | 'marks';

/** The committee exports what it administers: the nation's admin everything, a province's admin its province. */
function scopeOf(actor: Actor) {
  return isNationalAdmin(actor) ? ({ all: true } as const) : { provinceCodes: provincesAs(actor, 'provincial_admin'), candidateIds: [] };
}

/** The pools of the edition the actor administers, with their current final result. */
async function managedResults(ctx: ServiceContext, editionId: string, publishedOnly: boolean) {
  const out = [];
  for (const row of await pools.listPools(ctx.db, editionId)) {
    if (!panelAbilities.can(ctx.actor, 'manage', row)) continue;
    const result = await pools.currentResult(ctx.db, row.id);
    if (!result || (publishedOnly && !result.publishedAt)) continue;
    out.push({ pool: await loadPool(ctx.db, row.id), result });
  }
  return out;
}

async function resultsTable(ctx: ServiceContext, editionId: string): Promise<Table> {
  const results = await managedResults(ctx, editionId, false);
  const provinces = new Map((await listProvinces(ctx.db)).map((p) => [p.code, p.name]));
  const stageIds = [...new Set(results.flatMap((r) => r.pool.setup.instrument.stages.map((s) => s.id)))];
  const aspectIds = [...new Set(results.flatMap((r) => r.pool.setup.instrument.stages.flatMap((s) => s.aspects.map((a) => a.id))))];
  const rows: Cell[][] = [];
  for (const { pool, result } of results) {
    const names = new Map((result.package as ScoringPackage).candidates.map((c) => [c.id, c.name ?? c.id]));
    for (const r of (result.result as ScoringResult).results) {
      rows.push([
        pool.pool.level,
        pool.pool.area || null,
        pool.pool.area ? (provinces.get(pool.pool.area) ?? null) : null,
        pool.category.code,
        result.version,
        result.finalisedAt.toISOString(),
        result.publishedAt?.toISOString() ?? null,
        result.packageSha256,
        r.rank,
        r.candidate,
        names.get(r.candidate) ?? r.candidate,
        r.score,
        r.award,
        r.advances,
        ...stageIds.map((s) => r.stages[s] ?? null),
        ...aspectIds.map((a) => r.aspects[a] ?? null),
      ]);
    }
  }
  return {
    name: 'Hasil',
    columns: [
      'level',
      'area',
      'province',
      'category',
      'result_version',
      'finalised_at',
      'published_at',
      'package_sha256',
      'rank',
      'candidate',
      'name',
      'score',
      'award',
      'advances',
      ...stageIds.map((s) => `stage:${s}`),
      ...aspectIds.map((a) => `aspect:${a}`),
    ],
    rows,
  };
}

async function candidatesTable(ctx: ServiceContext, editionId: string): Promise<Table> {
  const rows = await listCandidates(ctx.db, editionId, scopeOf(ctx.actor!));
  return {
    name: 'Kandidat',
    columns: ['id', 'level', 'province_code', 'category', 'kind', 'regency_code', 'npp', 'name', 'status', 'size_class', 'sector', 'advanced_from'],
    rows: rows.map((c) => [c.id, c.level, c.provinceCode, c.categoryCode, c.kind, c.regencyCode, c.npp, c.name, c.status, c.sizeClass, c.sector, c.advancedFrom]),
  };
}

async function valuesTable(ctx: ServiceContext, editionId: string): Promise<Table> {
  const candidates = await listCandidates(ctx.db, editionId, scopeOf(ctx.actor!));
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const snapshots = new Map((await listSnapshots(ctx.db, editionId)).map((s) => [s.id, s.version]));
  const values = await valuesOf(
    ctx.db,
    candidates.map((c) => c.id),
  );
  return {
    name: 'Data terkonfirmasi',
    columns: ['candidate_id', 'level', 'category', 'key_code', 'name', 'key', 'value', 'source', 'snapshot_version', 'note', 'updated_at'],
    rows: values
      .map((v) => {
        const c = byId.get(v.candidateId)!;
        return [c.id, c.level, c.categoryCode, c.villageCode ?? c.regencyCode ?? c.npp, c.name, v.key, v.valueNum ?? v.valueText, v.source, v.snapshotId ? (snapshots.get(v.snapshotId) ?? null) : null, v.note, v.updatedAt.toISOString()] as Cell[];
      })
      .sort((a, b) => String(a[4]).localeCompare(String(b[4])) || String(a[5]).localeCompare(String(b[5]))),
  };
}

/** The marks behind published results only, as frozen in their packages, with the jurors' names and comments. */
async function marksTable(ctx: ServiceContext, editionId: string): Promise<Table> {
  const rows: Cell[][] = [];
  for (const { pool, result } of await managedResults(ctx, editionId, true)) {
    const pkg = result.package as ScoringPackage;
    const names = new Map(pkg.candidates.map((c) => [c.id, c.name ?? c.id]));
    const jurors = new Map((await membersOf(ctx.db, [pool.panel.id])).map((m) => [m.userId, m]));
    const live = await pools.marksOf(ctx.db, pool.pool.id);
    const ids = new Map((await pools.candidatesOfPool(ctx.db, pool.pool)).map((c) => [packageIdOf(c), c.id]));
    for (const m of pkg.marks ?? []) {
      const comment = live.find((x) => x.userId === m.juror && x.candidateId === ids.get(m.candidate) && x.indicatorId === m.indicator)?.comment ?? null;
      const juror = jurors.get(m.juror);
      rows.push([pool.pool.level, pool.pool.area || null, pool.category.code, result.version, m.juror, juror?.name ?? null, juror?.unsur ?? null, m.candidate, names.get(m.candidate) ?? null, m.indicator, m.value, comment]);
    }
  }
  rows.sort((a, b) => [0, 1, 2, 8, 5, 9].reduce((c, i) => c || String(a[i] ?? '').localeCompare(String(b[i] ?? '')), 0));
  return { name: 'Nilai juri', columns: ['level', 'area', 'category', 'result_version', 'juror_id', 'juror', 'unsur', 'candidate', 'name', 'indicator', 'value', 'comment'], rows };
}

const builders: Record<Dataset, (ctx: ServiceContext, editionId: string) => Promise<Table>> = {
  results: resultsTable,
  candidates: candidatesTable,
  values: valuesTable,
  marks: marksTable,
};

/**
 * One dataset of an edition as Excel or CSV: results (current final
 * results), candidates, confirmed data values, and — once a result is
 * published — the jurors' marks behind it.
 */
export async function exportDataset(ctx: ServiceContext, editionId: string, dataset: Dataset, format: 'xlsx' | 'csv'): Promise<{ body: Buffer; filename: string; type: string }> {
  const edition = await findEdition(ctx.db, editionId);
  if (!edition) throw notFound('edition');
  if (!panelPolicy.manageAnywhere(ctx.actor!)) throw forbidden('Only the committee exports');
  const table = await builders[dataset](ctx, editionId);
  const slug = edition.label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return format === 'csv'
    ? { body: toCsv(table), filename: `${slug}-${dataset}.csv`, type: 'text/csv; charset=utf-8' }
    : { body: await toXlsx(table), filename: `${slug}-${dataset}.xlsx`, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
}

import { notFound } from '../../domain/errors.ts';
import type { ScoringResult } from '../../domain/scoring/index.ts';
import { listCandidates } from '../../db/repositories/candidates.ts';
import { currentSnapshot, regionIndicators } from '../../db/repositories/coverage.ts';
import { findEdition, listCategories, listLevels } from '../../db/repositories/editions.ts';
import * as pools from '../../db/repositories/pools.ts';
import { listProvinces } from '../../db/repositories/regions.ts';
import { submissionsOf } from '../../db/repositories/submissions.ts';
import { isNationalAdmin, observedBy, provincesAs } from '../policies/actor.ts';
import type { EditionRecap, RecapProvince, RecapWinner } from '../../shared/contracts/recap.ts';
import type { ServiceContext } from './context.ts';
import { packageIdOf } from './results.ts';

/** The provinces whose figures an actor reads: every one for the nation's committee and a national observer, else those it administers or watches. */
function provinceScope(ctx: ServiceContext): 'all' | string[] {
  const watched = observedBy(ctx.actor);
  if (isNationalAdmin(ctx.actor) || watched === 'all') return 'all';
  return [...new Set([...provincesAs(ctx.actor, 'provincial_admin'), ...(watched ?? [])])];
}

/** Whether the actor sees the winners of a final result before it is announced: only the committee of the pool's area (an observer waits for the announcement). */
const seesUnannounced = (ctx: ServiceContext, area: string): boolean =>
  isNationalAdmin(ctx.actor) || (area !== '' && provincesAs(ctx.actor, 'provincial_admin').includes(area));

/**
 * The recap of an edition for the ministry: per province the candidates by
 * status, how many self-assessments were submitted and verified, the
 * province's coverage from the current snapshot, the state of its pools; and
 * the winners of every final result, per level and category. Results that are
 * final but not announced are listed as such for the committee (the draft
 * decision needs them before the announcement), never their marks; an
 * observer sees a result's winners once it is announced.
 */
export async function editionRecap(ctx: ServiceContext, editionId: string, now = new Date()): Promise<EditionRecap> {
  const edition = await findEdition(ctx.db, editionId);
  if (!edition) throw notFound('edition');
  const scope = provinceScope(ctx);
  const inScope = (code: string) => scope === 'all' || scope.includes(code);

  const [provinceRows, categories, levels, candidates, snapshot, poolRows] = await Promise.all([
    listProvinces(ctx.db),
    listCategories(ctx.db, editionId),
    listLevels(ctx.db, editionId),
    listCandidates(ctx.db, editionId, scope === 'all' ? { all: true } : { provinceCodes: scope, candidateIds: [] }),
    currentSnapshot(ctx.db, editionId),
    pools.listPools(ctx.db, editionId),
  ]);
  const provinceName = new Map(provinceRows.map((p) => [p.code, p.name]));
  const category = new Map(categories.map((c) => [c.id, c]));
  const levelOf = new Map(levels.map((l) => [l.code, l]));
  const submissions = await submissionsOf(
    ctx.db,
    candidates.map((c) => c.id),
  );
  const coverage = new Map<string, { coveragePct: number | null; active: number }>();
  if (snapshot) {
    for (const r of await regionIndicators(ctx.db, snapshot.id)) {
      if (r.isProvince) coverage.set(r.code, { coveragePct: r.coveragePct === null ? null : Number(r.coveragePct), active: Number(r.active) });
    }
  }

  const provinces = new Map<string, RecapProvince>();
  for (const p of provinceRows) {
    if (!inScope(p.code)) continue;
    const c = coverage.get(p.code);
    provinces.set(p.code, {
      code: p.code,
      name: p.name,
      candidates: 0,
      byStatus: {},
      submitted: 0,
      verified: 0,
      coveragePct: c?.coveragePct ?? null,
      activeParticipants: c?.active ?? null,
      pools: 0,
      poolsFinal: 0,
      poolsAnnounced: 0,
      winners: 0,
    });
  }
  // A result names a candidate by its package id (regency code, NPP or id); the same id at
  // another level is the same organisation, so any of its candidacies gives its province.
  const byPackageId = new Map(candidates.map((c) => [`${c.categoryId}|${packageIdOf(c)}`, c]));
  for (const c of candidates) {
    const row = provinces.get(c.provinceCode);
    if (!row) continue;
    row.candidates += 1;
    row.byStatus[c.status] = (row.byStatus[c.status] ?? 0) + 1;
    // A verified candidacy was submitted, whatever its form's later state.
    if (submissions.get(c.id)?.status === 'submitted' || c.status === 'verified') row.submitted += 1;
    if (c.status === 'verified') row.verified += 1;
  }

  const winners: RecapWinner[] = [];
  const results = await Promise.all(poolRows.map(async (p) => ({ pool: p, result: await pools.currentResult(ctx.db, p.id) })));
  for (const { pool, result } of results) {
    const level = levelOf.get(pool.level);
    // A provincial pool belongs to its province; a zone's or the nation's to the national committee.
    if (pool.area !== '' && !inScope(pool.area)) continue;
    if (pool.area === '' && scope !== 'all') continue;
    const areaRow = pool.area ? provinces.get(pool.area) : undefined;
    if (areaRow) {
      areaRow.pools += 1;
      if (result) areaRow.poolsFinal += 1;
      if (result?.publishedAt) areaRow.poolsAnnounced += 1;
    }
    if (!result) continue;
    if (!result.publishedAt && !seesUnannounced(ctx, pool.area)) continue;
    const cat = category.get(pool.categoryId);
    for (const r of (result.result as ScoringResult).results) {
      if (r.award === null) continue;
      const candidate = byPackageId.get(`${pool.categoryId}|${r.candidate}`);
      const name = (result.package as { candidates: { id: string; name?: string }[] }).candidates.find((c) => c.id === r.candidate)?.name ?? candidate?.name ?? r.candidate;
      if (areaRow) areaRow.winners += 1;
      winners.push({
        level: pool.level,
        levelName: level?.name ?? pool.level,
        levelKind: level?.kind ?? 'provinsi',
        area: pool.area,
        areaName: pool.area ? (provinceName.get(pool.area) ?? pool.area) : null,
        categoryCode: cat?.code ?? '',
        categoryNameId: cat?.nameId ?? '',
        categoryNameEn: cat?.nameEn ?? '',
        award: r.award,
        rank: r.rank,
        score: r.score,
        candidateName: name,
        candidateProvince: candidate ? (provinceName.get(candidate.provinceCode) ?? candidate.provinceCode) : null,
        announced: result.publishedAt !== null,
      });
    }
  }
  const kindOrder = { nasional: 0, zona: 1, provinsi: 2 } as const;
  winners.sort(
    (a, b) =>
      kindOrder[a.levelKind] - kindOrder[b.levelKind] ||
      a.level.localeCompare(b.level) ||
      (a.areaName ?? '').localeCompare(b.areaName ?? '') ||
      a.categoryCode.localeCompare(b.categoryCode) ||
      a.award - b.award,
  );
  const rows = [...provinces.values()];
  return {
    edition: { id: edition.id, label: edition.label, status: edition.status, periodStart: edition.periodStart, periodEnd: edition.periodEnd },
    generatedAt: now.toISOString(),
    national: scope === 'all',
    snapshotVersion: snapshot?.version ?? null,
    totals: {
      provinces: rows.length,
      provincesWithCandidates: rows.filter((r) => r.candidates > 0).length,
      candidates: rows.reduce((n, r) => n + r.candidates, 0),
      submitted: rows.reduce((n, r) => n + r.submitted, 0),
      verified: rows.reduce((n, r) => n + r.verified, 0),
      winners: winners.length,
      winnersAnnounced: winners.filter((w) => w.announced).length,
    },
    provinces: rows,
    winners,
  };
}

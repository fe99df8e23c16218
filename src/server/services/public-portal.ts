import { notFound } from '../../domain/errors.ts';
import type { Db } from '../../db/client.ts';
import * as repo from '../../db/repositories/publication.ts';
import { findEdition, listCategories, listLevels, listMilestones } from '../../db/repositories/editions.ts';
import { findProvince } from '../../db/repositories/regions.ts';
import type { PublicCoverage, PublicEdition, PublicEditionDetail, PublicRegencies, PublicResult, PublicResultSummary } from '../../shared/contracts/index.ts';
import { coverageDashboard } from './coverage.ts';
import { packageText, sha256 } from './results.ts';

/**
 * What anyone may read, without signing in: editions with published results,
 * the published rankings (frozen when published), coverage figures, and the
 * scoring packages that recompute the published numbers.
 */

type EditionRow = NonNullable<Awaited<ReturnType<typeof findEdition>>>;

async function presentEdition(db: Db, edition: EditionRow, results: number): Promise<PublicEdition> {
  const milestones = await listMilestones(db, edition.id);
  const ceremony = (kind: string) => {
    const m = milestones.find((x) => x.kind === kind);
    return m ? { date: m.startsOn, place: m.place } : null;
  };
  return {
    id: edition.id,
    label: edition.label,
    periodStart: edition.periodStart,
    periodEnd: edition.periodEnd,
    results,
    ceremonies: { provincial: ceremony('provincial_ceremony'), national: ceremony('national_ceremony') },
  };
}

export async function publicEditions(db: Db): Promise<PublicEdition[]> {
  const out: PublicEdition[] = [];
  for (const row of await repo.editionsWithPublishedResults(db)) out.push(await presentEdition(db, row.edition, row.results));
  return out;
}

/** An edition is public once one of its results is published. */
async function publicEditionRow(db: Db, id: string): Promise<{ edition: EditionRow; published: PublicResult[] }> {
  const edition = await findEdition(db, id);
  const published = edition ? (await repo.publishedResults(db, { editionId: id })).map((r) => r.publication as PublicResult) : [];
  if (!edition || published.length === 0) throw notFound('edition');
  return { edition, published };
}

export const summaryOf = (r: PublicResult): PublicResultSummary => ({
  poolId: r.poolId,
  resultId: r.resultId,
  level: r.level,
  area: r.area,
  category: r.category,
  publishedAt: r.publishedAt,
  winners: r.rows.filter((x) => x.award !== null).map((x) => ({ award: x.award!, name: x.name, score: x.score })),
});

export async function publicEditionDetail(db: Db, id: string): Promise<PublicEditionDetail> {
  const { edition, published } = await publicEditionRow(db, id);
  const [levels, categories] = await Promise.all([listLevels(db, id), listCategories(db, id)]);
  return {
    ...(await presentEdition(db, edition, published.length)),
    levels: levels.map((l) => ({ code: l.code, kind: l.kind, name: l.name })),
    categories: categories.map((c) => ({ code: c.code, nameId: c.nameId, nameEn: c.nameEn, special: c.family === 'khusus' })),
    published: published.map(summaryOf),
  };
}

/** The full published rankings of an edition, narrowed by level, province and category. */
export async function publicResults(db: Db, id: string, query: { level?: string | undefined; area?: string | undefined; category?: string | undefined }): Promise<PublicResult[]> {
  const { published } = await publicEditionRow(db, id);
  return published.filter(
    (r) => (!query.level || r.level.code === query.level) && (!query.area || r.area?.code === query.area) && (!query.category || r.category.code === query.category),
  );
}

/** A pool's published result: the current final version while it is published. */
export async function publicPoolResult(db: Db, poolId: string): Promise<PublicResult> {
  const [row] = await repo.publishedResults(db, { poolId });
  if (!row) throw notFound('published result');
  return row.publication as PublicResult;
}

/** The scoring package of a published result, byte for byte the one its SHA-256 names. */
export async function publicPackage(db: Db, poolId: string): Promise<{ text: string; sha256: string; filename: string }> {
  const [row] = await repo.publishedResults(db, { poolId });
  if (!row) throw notFound('published result');
  const text = packageText(row.package);
  const view = row.publication as PublicResult;
  return { text, sha256: sha256(text), filename: `paritrana-${view.category.code}-${view.level.code}${view.area ? `-${view.area.code}` : ''}-v${row.version}.json` };
}

export async function publicCoverage(db: Db, editionId: string): Promise<PublicCoverage> {
  await publicEditionRow(db, editionId);
  const d = await coverageDashboard(db, editionId);
  return {
    snapshot: d.snapshot ? { version: d.snapshot.version, year: d.snapshot.year, finishedAt: d.snapshot.finishedAt } : null,
    targetPct: d.targetPct,
    national: d.national
      ? { active: d.national.active, workingPopulation: d.national.workingPopulation, coveragePct: d.national.coveragePct, growthPct: d.national.growthPct, govFunded: d.national.govFunded, activeBpu: d.national.activeBpu }
      : null,
    provinces: d.provinces,
  };
}

export async function publicRegencies(db: Db, editionId: string, provinceCode: string): Promise<PublicRegencies> {
  await publicEditionRow(db, editionId);
  const province = await findProvince(db, provinceCode);
  if (!province) throw notFound('province');
  const d = await coverageDashboard(db, editionId);
  return { province: { code: province.code, name: province.name }, regencies: d.regencies.filter((r) => r.provinceCode === provinceCode) };
}

export async function publicSigningKeys(db: Db) {
  const scopes = await repo.signingKeyScopes(db);
  // `editions` null: this installation's own key; else the only editions whose certificates the (imported) key verifies.
  return (await repo.listSigningKeys(db)).map((k) => ({
    id: k.id,
    algorithm: 'ed25519' as const,
    publicKeyPem: k.publicKey,
    createdAt: k.createdAt.toISOString(),
    editions: k.privateKey === null ? (scopes.get(k.id) ?? []) : null,
  }));
}

import { notFound } from '../../domain/errors.ts';
import { furthestLevel, parseOrganisationKey } from '../../domain/candidates/organisation.ts';
import type { Db } from '../../db/client.ts';
import { candidaciesOfOrganisation, publishedResultsNaming, type OrganisationCandidacy } from '../../db/repositories/organisations.ts';
import type { Organisation, PublicOrganisation, PublicResult } from '../../shared/contracts/index.ts';
import { candidateAbilities } from '../policies/candidates.ts';
import type { ServiceContext } from './context.ts';

/**
 * An organisation's track record: its candidacies edition after edition
 * (the staff's view, narrowed to what the reader may see) and its published
 * results (the public's view).
 */

type Standing = { editionId: string; level: string; categoryId: string; publication: PublicResult; poolId: string };

async function standingsOf(db: Db, key: string): Promise<Standing[]> {
  return (await publishedResultsNaming(db, key)).map((r) => ({ ...r, publication: r.publication as PublicResult }));
}

const levelKindOf = (code: string, kind: string | null): 'provinsi' | 'zona' | 'nasional' =>
  (kind as 'provinsi' | 'zona' | 'nasional' | null) ?? (code === 'provinsi' || code === 'nasional' ? code : 'zona');

function levelOf(row: OrganisationCandidacy, published: PublicResult | undefined) {
  const code = row.candidate.level;
  const kind = levelKindOf(code, row.levelKind);
  return { code, kind, name: row.levelName ?? published?.level.name ?? (kind === 'provinsi' ? 'Provinsi' : kind === 'nasional' ? 'Nasional' : code) };
}

function standingIn(publication: PublicResult, key: string, poolId: string) {
  const row = publication.rows.find((r) => r.candidate === key)!;
  return { poolId, rank: row.rank, score: row.score, award: row.award, advances: row.advances, publishedAt: publication.publishedAt };
}

export async function getOrganisation(ctx: ServiceContext, key: string): Promise<Organisation> {
  const ref = parseOrganisationKey(key);
  if (!ref) throw notFound('organisation');
  const rows = (await candidaciesOfOrganisation(ctx.db, ref)).filter((r) => candidateAbilities.can(ctx.actor, 'see', r.candidate));
  if (rows.length === 0) throw notFound('organisation');
  const standings = await standingsOf(ctx.db, key);
  const standingOf = (r: OrganisationCandidacy) =>
    standings.find((s) => s.editionId === r.candidate.editionId && s.level === r.candidate.level && s.categoryId === r.candidate.categoryId);
  const candidacies = rows.map((r) => {
    const s = standingOf(r);
    return { row: r, level: levelOf(r, s?.publication), published: s ? standingIn(s.publication, key, s.poolId) : null };
  });
  const furthest = new Set<string>();
  for (const editionId of new Set(rows.map((r) => r.edition.id))) {
    const best = furthestLevel(candidacies.filter((c) => c.row.edition.id === editionId).map((c) => ({ id: c.row.candidate.id, levelKind: c.level.kind })));
    if (best) furthest.add(best.id);
  }
  const newest = rows[0]!.candidate;
  return {
    key,
    unit: ref.unit,
    kind: newest.kind,
    name: newest.name,
    provinceCode: newest.provinceCode,
    candidacies: candidacies.map(({ row, level, published }) => ({
      candidateId: row.candidate.id,
      edition: row.edition,
      category: row.category,
      level,
      status: row.candidate.status,
      published,
      furthest: furthest.has(row.candidate.id),
    })),
  };
}

const levelRank = { provinsi: 0, zona: 1, nasional: 2 } as const;

export async function publicOrganisation(db: Db, key: string): Promise<PublicOrganisation> {
  const ref = parseOrganisationKey(key);
  if (!ref) throw notFound('organisation');
  const standings = await standingsOf(db, key);
  if (standings.length === 0) throw notFound('organisation');
  const results = standings
    .map((s) => ({
      ...standingIn(s.publication, key, s.poolId),
      edition: s.publication.edition,
      level: s.publication.level,
      area: s.publication.area,
      category: s.publication.category,
      name: s.publication.rows.find((r) => r.candidate === key)!.name,
    }))
    .sort((a, b) => (a.edition.periodStart !== b.edition.periodStart ? (a.edition.periodStart < b.edition.periodStart ? 1 : -1) : levelRank[b.level.kind] - levelRank[a.level.kind]));
  return { key, unit: ref.unit, name: results[0]!.name, results: results.map(({ name: _name, ...r }) => r) };
}

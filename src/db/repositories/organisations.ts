import { and, asc, desc, eq, isNotNull, isNull, notInArray, sql, type SQL } from 'drizzle-orm';
import type { OrganisationRef } from '../../domain/candidates/organisation.ts';
import type { Db } from '../client.ts';
import { candidates, editionCategories, editionLevels, editions, poolResults, pools } from '../schema/index.ts';

/** The candidacies' columns that make up an organisation (organisation.ts). */
function namesOrganisation(ref: OrganisationRef): SQL {
  switch (ref.unit) {
    case 'provinsi':
      return and(eq(candidates.kind, 'pemda'), eq(candidates.provinceCode, ref.provinceCode), isNull(candidates.regencyCode), isNull(candidates.villageCode))!;
    case 'kabupaten-kota':
      return and(eq(candidates.kind, 'pemda'), eq(candidates.regencyCode, ref.regencyCode), isNull(candidates.villageCode))!;
    case 'desa':
      return eq(candidates.villageCode, ref.villageCode);
    case 'npp':
      return and(eq(candidates.npp, ref.npp), isNull(candidates.villageCode), isNull(candidates.regencyCode))!;
    case 'candidacy':
      return and(eq(candidates.id, ref.candidateId), isNull(candidates.npp), eq(candidates.kind, 'badan-usaha'))!;
  }
}

export type OrganisationCandidacy = Awaited<ReturnType<typeof candidaciesOfOrganisation>>[number];

/**
 * Every candidacy of an organisation, newest edition first, each with its
 * edition, category and level. A self-registration not (yet) accepted, or
 * rejected, is no candidacy.
 */
export async function candidaciesOfOrganisation(db: Db, ref: OrganisationRef) {
  return db
    .select({
      candidate: candidates,
      edition: { id: editions.id, label: editions.label, periodStart: editions.periodStart, periodEnd: editions.periodEnd, status: editions.status },
      category: { code: editionCategories.code, nameId: editionCategories.nameId, nameEn: editionCategories.nameEn },
      levelName: editionLevels.name,
      levelKind: editionLevels.kind,
    })
    .from(candidates)
    .innerJoin(editions, eq(editions.id, candidates.editionId))
    .innerJoin(editionCategories, eq(editionCategories.id, candidates.categoryId))
    .leftJoin(editionLevels, and(eq(editionLevels.editionId, candidates.editionId), eq(editionLevels.code, candidates.level)))
    .where(and(namesOrganisation(ref), notInArray(candidates.status, ['registered', 'rejected'])))
    .orderBy(desc(editions.periodStart), asc(editions.label), asc(candidates.createdAt));
}

/**
 * The current published results that rank the organisation (its key in their
 * frozen rows), with the pool's edition, level and category: what the public
 * may know of its track record.
 */
export async function publishedResultsNaming(db: Db, key: string) {
  const row = JSON.stringify([{ candidate: key }]);
  return db
    .select({ poolId: pools.id, editionId: pools.editionId, level: pools.level, categoryId: pools.categoryId, publication: poolResults.publication })
    .from(poolResults)
    .innerJoin(pools, eq(pools.id, poolResults.poolId))
    .where(and(eq(poolResults.status, 'final'), isNotNull(poolResults.publishedAt), sql`${poolResults.publication} -> 'rows' @> ${row}::jsonb`))
    .orderBy(asc(pools.level), asc(pools.area));
}

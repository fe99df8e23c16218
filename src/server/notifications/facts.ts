import type { Db } from '../../db/client.ts';
import { findEdition, findCategory } from '../../db/repositories/editions.ts';
import { findProvince } from '../../db/repositories/regions.ts';
import type { CandidateRow } from '../../db/repositories/candidates.ts';
import { formatDate } from '../../shared/i18n/format.ts';
import { editionWords, momentWords } from './wording.ts';
import type { Facts } from './notify.ts';
import { inTurn } from '../../db/in-turn.ts';

/** A date (yyyy-mm-dd) as each language writes it. */
export const dateFact = (date: string | null) => (date ? { id: formatDate(date, 'id'), en: formatDate(date, 'en') } : '—');
/** A moment in WIB, the month written out. */
export const dateTimeFact = (at: Date) => momentWords(at);

/** What every message about a candidate names: the candidate, its province, category and edition. */
export async function candidateFacts(db: Db, candidate: CandidateRow): Promise<Facts> {
  const [edition, category, province] = await inTurn(
    () => findEdition(db, candidate.editionId),
    () => findCategory(db, candidate.editionId, candidate.categoryId),
    () => (candidate.provinceCode ? findProvince(db, candidate.provinceCode) : Promise.resolve(null)),
  );
  return {
    candidate: candidate.name,
    province: province?.name ?? '—',
    category: category ? { id: category.nameId, en: category.nameEn } : '—',
    edition: edition ? editionWords(edition.label) : '',
  };
}

export async function editionFact(db: Db, editionId: string): Promise<string> {
  const edition = await findEdition(db, editionId);
  return edition ? editionWords(edition.label) : '';
}

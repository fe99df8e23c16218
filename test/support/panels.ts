import type { Db } from '../../src/db/client.ts';
import { findCategoryByCode, listEditions } from '../../src/db/repositories/editions.ts';
import { insertCandidate, listCandidates, updateCandidate } from '../../src/db/repositories/candidates.ts';
import { upsertValue } from '../../src/db/repositories/coverage.ts';
import { changeEditionStatus } from '../../src/server/services/editions.ts';
import type { Actor } from '../../src/server/policies/actor.ts';

const system: Actor = {
  id: '00000000-0000-0000-0000-000000000000',
  email: 'test-factory',
  name: 'test',
  locale: 'id',
  roles: [{ role: 'national_admin', provinceCode: null, candidateId: null }],
  csrfToken: '',
  sessionId: '',
};

export type PoolCandidate = { name: string; regencyCode: string; values: Record<string, number | string> };

/**
 * The demo edition, moved to assessing, with verified regional governments
 * in `pemkab-kota` carrying confirmed data values
 * (factory: the verification itself is tested elsewhere).
 */
export async function assessingEditionWithCandidates(db: Db, list: PoolCandidate[]): Promise<{ editionId: string; categoryId: string; ids: Map<string, string> }> {
  const [edition] = await listEditions(db);
  const category = (await findCategoryByCode(db, edition!.id, 'pemkab-kota'))!;
  const existing = await listCandidates(db, edition!.id, { all: true });
  const ids = new Map<string, string>();
  for (const c of list) {
    const row = existing.find((e) => e.regencyCode === c.regencyCode) ?? (await insertCandidate(db, { editionId: edition!.id, categoryId: category.id, kind: 'pemda', provinceCode: c.regencyCode.slice(0, 2), name: c.name, regencyCode: c.regencyCode }));
    await updateCandidate(db, row.id, { status: 'verified' });
    for (const [key, value] of Object.entries(c.values)) {
      await upsertValue(db, { candidateId: row.id, key, valueNum: typeof value === 'number' ? value : null, valueText: typeof value === 'string' ? value : null, source: 'verification', snapshotId: null, note: null });
    }
    ids.set(c.regencyCode, row.id);
  }
  await changeEditionStatus({ db, actor: system }, edition!.id, 'assessing');
  return { editionId: edition!.id, categoryId: category.id, ids };
}

/** Three regional governments of Lampung with the data of the pemda instrument. */
export const lampungCandidates: PoolCandidate[] = [
  { name: 'Kabupaten Lampung Tengah', regencyCode: '18.02', values: { regulation_type: 'perkada', gov_funded: 9360, coverage_pct: 41.2, growth_pct: 6.5, bpu_coverage_pct: 12.4 } },
  { name: 'Kabupaten Tanggamus', regencyCode: '18.06', values: { regulation_type: 'perda', gov_funded: 4871, coverage_pct: 38.0, growth_pct: 4.1, bpu_coverage_pct: 15.0 } },
  { name: 'Kabupaten Lampung Barat', regencyCode: '18.04', values: { regulation_type: 'instruksi', gov_funded: 1500, coverage_pct: 30.5, growth_pct: 8.0, bpu_coverage_pct: 9.2 } },
];

/** Three regional governments of NTB (the demo's provincial pool) with the data of the pemda instrument. */
export const ntbCandidates: PoolCandidate[] = [
  { name: 'Kabupaten Lombok Timur', regencyCode: '52.03', values: { regulation_type: 'perkada', gov_funded: 4871, coverage_pct: 41.2, growth_pct: 6.5, bpu_coverage_pct: 12.4 } },
  { name: 'Kabupaten Lombok Barat', regencyCode: '52.01', values: { regulation_type: 'perda', gov_funded: 3200, coverage_pct: 38.0, growth_pct: 4.1, bpu_coverage_pct: 15.0 } },
  { name: 'Kabupaten Lombok Tengah', regencyCode: '52.02', values: { regulation_type: 'instruksi', gov_funded: 1500, coverage_pct: 30.5, growth_pct: 8.0, bpu_coverage_pct: 9.2 } },
];

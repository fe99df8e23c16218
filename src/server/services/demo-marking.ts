/**
 * A pool of the showcase edition left in marking, so that on any day the
 * demo's jurors have sheets to fill and its chair a stage to close: three
 * large companies of Nusa Tenggara Barat at the desk stage, every juror's
 * sheets submitted but those of the academic juror (juri@paritrana.demo).
 * THE MARKS ARE ILLUSTRATIVE DEMO DATA.
 */
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import { insertCandidate } from '../../db/repositories/candidates.ts';
import { findCategoryByCode } from '../../db/repositories/editions.ts';
import { defaultInstrumentFor } from '../../domain/instruments/index.ts';
import { rubricIndicators } from '../../domain/panels/scoring-setup.ts';
import type { Actor } from '../policies/actor.ts';
import { submitSheet, writeMarks } from './marking.ts';
import { createPool, openStage } from './pools.ts';

const companies = [
  { name: 'PT Aman Mineral Nusa Tenggara', sector: 'Pertambangan', lean: 1 },
  { name: 'PT Bank Pembangunan Daerah NTB Syariah', sector: 'Keuangan', lean: 0 },
  { name: 'PT Lombok Permai Hotel', sector: 'Perhotelan', lean: -1 },
];

/** The pool's category; its category is added to the showcase edition while it is a draft. */
export const markingCategory = 'usaha-besar';

export async function seedMarkingPool(db: Db, { admin, edition, panel, chair, jurors }: { admin: Actor; edition: string; panel: string; chair: Actor; jurors: Actor[] }): Promise<{ poolId: string }> {
  const category = (await findCategoryByCode(db, edition, markingCategory))!;
  const ids: string[] = [];
  await db.transaction(async (tx) => {
    for (const c of companies) {
      const row = await insertCandidate(tx, { editionId: edition, categoryId: category.id, kind: 'badan-usaha', provinceCode: '52', name: c.name, sizeClass: 'besar', sector: c.sector, status: 'verified' });
      ids.push(row.id);
      await appendAudit(tx, { id: null, label: 'demo-seed' }, { action: 'candidate.create', entityType: 'candidate', entityId: row.id, after: row });
    }
  });
  const pool = await createPool({ db, actor: admin }, edition, { level: 'provinsi', area: '52', categoryId: category.id, panelId: panel });
  await openStage({ db, actor: chair }, pool.id, 'desk', false);
  const indicators = rubricIndicators(defaultInstrumentFor('badan-usaha'), 'desk').map((i) => i.id);
  let seq = 0;
  for (const [j, juror] of jurors.entries()) {
    for (const [c, candidateId] of ids.entries()) {
      const lean = companies[c]!.lean;
      const marks = indicators.map((indicatorId, k) => ({ candidateId, indicatorId, value: Math.min(5, Math.max(1, 3 + lean + ((j + k) % 4 === 0 ? 1 : 0))), comment: null, seq: (seq += 1) }));
      await writeMarks({ db, actor: juror }, pool.id, marks);
      await submitSheet({ db, actor: juror }, pool.id, candidateId, 'desk');
    }
  }
  return { poolId: pool.id };
}

import type { Db } from '../../src/db/client.ts';
import { insertCandidate, updateCandidate } from '../../src/db/repositories/candidates.ts';
import { upsertValue } from '../../src/db/repositories/coverage.ts';
import { findCategoryByCode } from '../../src/db/repositories/editions.ts';
import { pemdaV1 } from '../../src/domain/instruments/index.ts';
import { rubricIndicators } from '../../src/domain/panels/scoring-setup.ts';
import type { Actor } from '../../src/server/policies/actor.ts';
import { addCategory, addLevel, changeEditionStatus, createEdition } from '../../src/server/services/editions.ts';
import { recordAttendance, setSlot } from '../../src/server/services/interviews.ts';
import { submitSheet, writeMarks } from '../../src/server/services/marking.ts';
import { createPanel, replaceMembers } from '../../src/server/services/panels.ts';
import { closeStage, createPool, openStage } from '../../src/server/services/pools.ts';
import { actorWith } from './publication.ts';
import { lampungCandidates, ntbCandidates, type PoolCandidate } from './panels.ts';

/** Two zones of the edition: Sumatera (Lampung among them) and Bali–Nusa Tenggara (NTB among them). */
export const sumatera = { code: 'zona-sumatera', kind: 'zona' as const, name: 'Regional Sumatera', provinceCodes: ['16', '17', '18'] };
export const nusra = { code: 'zona-nusra', kind: 'zona' as const, name: 'Regional Bali dan Nusa Tenggara', provinceCodes: ['51', '52', '53'] };

export type ZonesEdition = {
  editionId: string;
  categoryId: string;
  national: Actor;
  /** Candidate id by regency code. */
  ids: Map<string, string>;
};

/**
 * A fresh edition whose Pemerintah Kabupaten/Kota category runs province →
 * zone → nation with two zones, in assessing, with three verified regional
 * governments in Lampung and three in NTB carrying confirmed data values
 * (factory: verification is tested elsewhere).
 */
export async function zonesEdition(db: Db): Promise<ZonesEdition> {
  const national = await actorWith(db, [{ role: 'national_admin', provinceCode: null, candidateId: null }], 'Sekretariat Nasional');
  const ctx = { db, actor: national };
  const edition = await createEdition(ctx, { label: 'Paritrana Award Zona', periodStart: '2024-01-01', periodEnd: '2024-12-31', minJurors: 3 });
  await addLevel(ctx, edition.id, sumatera);
  await addLevel(ctx, edition.id, nusra);
  await addCategory(ctx, edition.id, {
    code: 'pemkab-kota',
    family: 'pemda',
    nameId: 'Pemerintah Kabupaten/Kota',
    nameEn: 'Regency/City Government',
    levels: ['provinsi', sumatera.code, nusra.code, 'nasional'],
    awards: 3,
    advance: 1,
    eligibility: [],
  });
  const category = (await findCategoryByCode(db, edition.id, 'pemkab-kota'))!;
  await changeEditionStatus(ctx, edition.id, 'open');
  const ids = new Map<string, string>();
  for (const c of [...lampungCandidates, ...ntbCandidates]) {
    const row = await insertCandidate(db, { editionId: edition.id, categoryId: category.id, kind: 'pemda', provinceCode: c.regencyCode.slice(0, 2), name: c.name, regencyCode: c.regencyCode });
    await verifyWithValues(db, row.id, c.values);
    ids.set(c.regencyCode, row.id);
  }
  await changeEditionStatus(ctx, edition.id, 'assessing');
  return { editionId: edition.id, categoryId: category.id, national, ids };
}

/** Marks a candidacy verified with its confirmed data values (factory). */
export async function verifyWithValues(db: Db, candidateId: string, values: PoolCandidate['values']): Promise<void> {
  await updateCandidate(db, candidateId, { status: 'verified' });
  for (const [key, value] of Object.entries(values)) {
    await upsertValue(db, { candidateId, key, valueNum: typeof value === 'number' ? value : null, valueText: typeof value === 'string' ? value : null, source: 'verification', snapshotId: null, note: null });
  }
}

/** A panel of three for a level and area (a province's, or '' for a zone or the nation), and its pool of the category. */
export async function panelAndPool(db: Db, z: ZonesEdition, admin: Actor, level: string, area: string, name: string): Promise<{ poolId: string; chair: Actor; jurors: Actor[] }> {
  const jurors: Actor[] = [];
  for (const n of ['Ketua', 'Akademisi', 'Apindo']) jurors.push(await actorWith(db, [{ role: 'juror', provinceCode: area || null, candidateId: null }], `${n} ${name}`));
  const ctx = { db, actor: admin };
  const panel = await createPanel(ctx, z.editionId, { level, area, name, decreeNumber: null, decreeDate: null, categoryCodes: ['pemkab-kota'] });
  await replaceMembers(ctx, panel.id, {
    members: jurors.map((j, i) => ({ userId: j.id, unsur: ['pemda', 'akademisi', 'apindo'][i]!, role: i === 0 ? ('chair' as const) : ('member' as const), title: null })),
  });
  const pool = await createPool(ctx, z.editionId, { level, area, categoryId: z.categoryId, panelId: panel.id });
  return { poolId: pool.id, chair: jurors[0]!, jurors };
}

/**
 * Every juror marks every candidate of the pool through both stages (the
 * first candidate of `order` best), and the stages are closed: the pool is
 * ready to be finalised (factory: marking is tested in panels.test.ts).
 */
export async function markPool(db: Db, poolId: string, chair: Actor, jurors: Actor[], order: string[]): Promise<void> {
  let seq = 0;
  for (const stage of ['desk', 'wawancara']) {
    await openStage({ db, actor: chair }, poolId, stage, true);
    if (stage === 'wawancara') {
      for (const id of order) {
        await setSlot({ db, actor: chair }, poolId, id, { heldOn: '2025-07-14', startsAt: '09:00', endsAt: null, place: 'Kantor Gubernur', onlineUrl: null });
        await recordAttendance({ db, actor: chair }, poolId, id, { attendance: 'kepala-daerah', note: null });
      }
    }
    const indicators = rubricIndicators(pemdaV1, stage).map((i) => i.id);
    for (const juror of jurors) {
      for (const [rank, candidateId] of order.entries()) {
        const value = Math.max(1, 5 - rank);
        await writeMarks({ db, actor: juror }, poolId, indicators.map((indicatorId) => ({ candidateId, indicatorId, value, comment: null, seq: (seq += 1) })));
        await submitSheet({ db, actor: juror }, poolId, candidateId, stage);
      }
    }
    await closeStage({ db, actor: chair }, poolId, stage);
  }
}

/**
 * The demo's categories beyond regencies and companies: the provincial
 * government of Lampung (seed report 000: its own programme protects 9.360
 * vulnerable workers funded from the palm-oil revenue share, DBH Sawit), a
 * village of Lombok Timur, and the public-service institutions of seed
 * report 002 (RS Lotim Medical Center, PDAM Kabupaten Lombok Tengah), each
 * scored with its own instrument.
 */
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import { insertCandidate, listCandidates } from '../../db/repositories/candidates.ts';
import { upsertValue } from '../../db/repositories/coverage.ts';
import { findCategoryByCode } from '../../db/repositories/editions.ts';
import { categoryCatalogue } from '../../domain/editions/catalogue.ts';
import type { ServiceContext } from './context.ts';
import { addCategory } from './editions.ts';
import { createSpecialAward } from './special-awards.ts';

/** Adds the provincial-government and village categories as the catalogue defines them (before the edition opens). */
export async function addDemoCategories(ctx: ServiceContext, editionId: string): Promise<void> {
  for (const code of ['pemprov', 'desa']) {
    const c = categoryCatalogue.find((x) => x.code === code)!;
    await addCategory(ctx, editionId, { ...c, levels: [...c.levels], eligibility: [...c.eligibility] });
  }
}

/**
 * The demo's special award: "Terbaik Inovasi", judged by a national panel
 * among the regional governments and large enterprises verified at the
 * national level, one winner (docs/special-awards.md).
 */
export async function addDemoSpecialAward(ctx: ServiceContext, editionId: string): Promise<void> {
  await createSpecialAward(ctx, editionId, {
    code: 'terbaik-inovasi',
    nameId: 'Terbaik Inovasi',
    nameEn: 'Best Innovation',
    descriptionId: 'Penghargaan khusus bagi inovasi perlindungan jaminan sosial ketenagakerjaan terbaik, dipilih panel nasional dari pemerintah kabupaten/kota dan usaha besar yang lolos verifikasi tingkat nasional.',
    descriptionEn: 'A special award for the best innovation in employment social security protection, chosen by a national panel among the regency/city governments and large enterprises verified at the national level.',
    level: 'nasional',
    sourceCategoryCodes: ['pemkab-kota', 'usaha-besar'],
    entryRule: 'verified',
    winners: 1,
  });
}

/** NPPs of the demo's companies and institutions (illustrative numbers, not real registrations). */
export const demoNpps: Record<string, string> = {
  'PT Sumber Alfaria Trijaya': '520010101',
  'PT Aman Mineral Integrasi': '520010102',
  'Bank NTB Syariah': '520010103',
  'RS Lotim Medical Center': '520010201',
  'PDAM Kabupaten Lombok Tengah': '520010202',
};

/**
 * The provincial government of Lampung, competing at the level its category
 * names (national in the catalogue), with the figure its own report gives,
 * and a village of Lombok Timur identified by its village code.
 */
export async function seedDemoCategoryCandidates(db: Db, editionId: string): Promise<{ provinceId: string; villageId: string }> {
  const pemprov = (await findCategoryByCode(db, editionId, 'pemprov'))!;
  const desa = (await findCategoryByCode(db, editionId, 'desa'))!;
  const seed = { id: null, label: 'demo-seed' };
  return db.transaction(async (tx) => {
    const province = await insertCandidate(tx, {
      editionId,
      categoryId: pemprov.id,
      level: pemprov.levels[0] ?? 'nasional',
      kind: 'pemda',
      provinceCode: '18',
      name: 'Pemerintah Provinsi Lampung',
      address: 'Jl. Wolter Monginsidi No. 69, Bandar Lampung',
    });
    await appendAudit(tx, seed, { action: 'candidate.create', entityType: 'candidate', entityId: province.id, after: province });
    await upsertValue(tx, {
      candidateId: province.id,
      key: 'gov_funded',
      valueNum: 9_360,
      valueText: null,
      source: 'verification',
      snapshotId: null,
      note: 'Pekerja rentan yang iurannya didanai Dana Bagi Hasil (DBH) Sawit Provinsi Lampung; nilai Provinsi Lampung yang diberitakan: 18,71.',
    });
    const village = await insertCandidate(tx, {
      editionId,
      categoryId: desa.id,
      level: desa.levels[0] ?? 'provinsi',
      kind: 'pemda',
      provinceCode: '52',
      villageCode: '52.03.03.2006',
      name: 'Desa Sukadana',
      address: 'Kecamatan Terara, Kabupaten Lombok Timur',
    });
    await appendAudit(tx, seed, { action: 'candidate.create', entityType: 'candidate', entityId: village.id, after: village });
    // Seed report 003: Tanggamus protects 4.871 non-civil-servant contract staff and 376 fishermen (2021).
    const tanggamus = (await listCandidates(tx, editionId, { all: true })).find((c) => c.regencyCode === '18.06');
    if (tanggamus) {
      await upsertValue(tx, {
        candidateId: tanggamus.id,
        key: 'gov_funded',
        valueNum: 4_871 + 376,
        valueText: null,
        source: 'verification',
        snapshotId: null,
        note: '4.871 tenaga kontrak non-ASN dan 376 nelayan (Dinas Perikanan), 2021; Instruksi Bupati Tanggamus B.02/INST/30/082021.',
      });
    }
    return { provinceId: province.id, villageId: village.id };
  });
}

import type { Db } from '../../db/client.ts';
import { countUsers } from '../../db/repositories/users.ts';
import { findCategoryByCode, replaceMilestones } from '../../db/repositories/editions.ts';
import { insertCandidate } from '../../db/repositories/candidates.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import { categoryCatalogue } from '../../domain/editions/catalogue.ts';
import type { RoleGrant } from '../../shared/contracts/index.ts';
import type { Actor } from '../policies/actor.ts';
import { addCategory, addEvent, addLevel, changeEditionStatus, createEdition, updateEdition } from './editions.ts';
import { createUser } from './users.ts';
import { demoJurors, seedDemoPanel } from './demo-panel.ts';
import { addDemoCategories, addDemoSpecialAward, demoNpps, seedDemoCategoryCandidates } from './demo-categories.ts';
import { seedDemoCalendars, seedDemoLevels } from './demo-levels.ts';
import { demoCalendar } from './demo-calendar.ts';

/** Demo log-ins: for trying the app only; `paritrana serve` without --demo creates none. */
export const demoPassword = 'paritrana-demo-2025';
export const demoAccounts: { email: string; name: string; roles: RoleGrant[]; label: string }[] = [
  { email: 'admin@paritrana.demo', name: 'Admin Nasional (Kemenko PMK)', label: 'national admin', roles: [{ role: 'national_admin', provinceCode: null, candidateId: null }] },
  { email: 'ntb@paritrana.demo', name: 'Admin Provinsi NTB', label: 'provincial admin, Nusa Tenggara Barat', roles: [{ role: 'provincial_admin', provinceCode: '52', candidateId: null }] },
  { email: 'verifikator.ntb@paritrana.demo', name: 'Verifikator BPJS NTB', label: 'verifier, Nusa Tenggara Barat', roles: [{ role: 'verifier', provinceCode: '52', candidateId: null }] },
  { email: 'juri@paritrana.demo', name: 'Juri Akademisi', label: 'juror, member of the NTB panel', roles: [{ role: 'juror', provinceCode: null, candidateId: null }] },
  { email: 'lotim@paritrana.demo', name: 'Operator Pemkab Lombok Timur', label: 'candidate, Kabupaten Lombok Timur', roles: [] },
  {
    email: 'pemantau@paritrana.demo',
    name: 'Pemantau Kemnaker',
    label: 'observer (Kemnaker), every province, read-only',
    roles: [{ role: 'observer', provinceCode: null, candidateId: null, organisation: 'kemnaker' }],
  },
];

/** Candidates of the showcase edition's published result (demo-showcase.ts), each with a log-in to read its feedback. */
export const showcaseCandidateAccounts: { email: string; name: string; regencyCode: string; label: string }[] = [
  { email: 'hasil.lotim@paritrana.demo', name: 'Operator Pemkab Lombok Timur', regencyCode: '52.03', label: 'candidate, Kabupaten Lombok Timur in the published showcase (Juara 1): its feedback' },
  { email: 'hasil.bima@paritrana.demo', name: 'Operator Pemkab Bima', regencyCode: '52.06', label: 'candidate, Kabupaten Bima in the published showcase (no award): its feedback' },
];

/** Every demo log-in, with the jurors of the demo panel. */
export const demoLogins: { email: string; label: string }[] = [
  ...demoAccounts,
  ...showcaseCandidateAccounts,
  ...demoJurors.map((j) => ({ email: j.email, label: `juror, ${j.role} of the NTB panel` })),
];

const system: Actor = {
  id: '00000000-0000-0000-0000-000000000000',
  email: 'demo-seed',
  name: 'demo',
  locale: 'id',
  roles: [{ role: 'national_admin', provinceCode: null, candidateId: null }],
  csrfToken: '',
  sessionId: '',
};

/**
 * Creates the demo edition "Paritrana Award <year>" (assessment period the
 * year before) with the provinces and candidates of the seed news reports,
 * and one account per role, its registration open on `today` (see
 * demo-calendar.ts; without it, 15 April 2025). Does nothing when the
 * database already has users.
 */
export async function seedDemo(db: Db, options: { today?: string } = {}): Promise<{ created: boolean; label: string }> {
  const cal = demoCalendar(options.today);
  const label = `Paritrana Award ${cal.year}`;
  if ((await countUsers(db)) > 0) return { created: false, label };
  const ctx = { db, actor: system };
  const edition = await createEdition(ctx, { label, periodStart: cal.inYear('2024-01-01'), periodEnd: cal.inYear('2024-12-31'), minJurors: 5 });
  // National coverage target of the assessment period as reported (DOMAIN.md: 52.15%).
  await updateEdition(ctx, edition.id, { coverageTargetPct: 52.15 });
  await addLevel(ctx, edition.id, {
    code: 'zona-sumatera',
    kind: 'zona',
    name: 'Zona Sumatera',
    provinceCodes: ['11', '12', '13', '14', '15', '16', '17', '18', '19', '21'],
  });
  for (const code of ['pemkab-kota', 'usaha-besar', 'usaha-menengah', 'usaha-kecil-mikro', 'pelayanan-publik']) {
    const c = categoryCatalogue.find((x) => x.code === code)!;
    await addCategory(ctx, edition.id, { ...c, levels: [...c.levels], eligibility: [...c.eligibility] });
  }
  await addDemoCategories(ctx, edition.id);
  await seedDemoLevels(db, system, edition.id);
  await addDemoSpecialAward(ctx, edition.id);
  await replaceMilestones(db, edition.id, [
    { kind: 'socialization', startsOn: cal.at('2025-03-15'), endsOn: null, place: 'Kota Bengkulu' },
    { kind: 'registration', startsOn: cal.at('2025-04-01'), endsOn: cal.at('2025-05-31'), place: null },
    { kind: 'verification', startsOn: cal.at('2025-06-01'), endsOn: cal.at('2025-06-30'), place: null },
    { kind: 'provincial_interview', startsOn: cal.at('2025-07-14'), endsOn: cal.at('2025-07-15'), place: 'Hotel Premier Park, Mataram' },
    { kind: 'provincial_ceremony', startsOn: cal.at('2025-08-13'), endsOn: null, place: 'Balai Keratun, Kantor Gubernur Lampung' },
    { kind: 'national_verification', startsOn: cal.at('2025-09-15'), endsOn: cal.at('2025-09-30'), place: 'Jakarta' },
    { kind: 'national_interview', startsOn: cal.at('2025-10-20'), endsOn: cal.at('2025-10-24'), place: 'Jakarta' },
    { kind: 'national_ceremony', startsOn: cal.at('2025-12-10'), endsOn: null, place: 'Jakarta' },
  ]);
  await addEvent(ctx, edition.id, {
    kind: 'socialization',
    provinceCode: '17',
    heldOn: cal.at('2025-03-15'),
    place: 'Hotel di Kota Bengkulu',
    attendees: null,
    notes: 'Sosialisasi oleh BPJS Ketenagakerjaan Provinsi Bengkulu; hadir BPJS kabupaten/kota, Dinas Tenaga Kerja, pelaku usaha dan UMKM.',
  });
  await changeEditionStatus(ctx, edition.id, 'open');
  await seedDemoCalendars(db, system, edition.id);

  const category = async (code: string) => (await findCategoryByCode(db, edition.id, code))!.id;
  const pemda = [
    { name: 'Kabupaten Lampung Tengah', regencyCode: '18.02', provinceCode: '18' },
    { name: 'Kabupaten Tanggamus', regencyCode: '18.06', provinceCode: '18' },
    { name: 'Kabupaten Lombok Timur', regencyCode: '52.03', provinceCode: '52' },
    { name: 'Kota Bontang', regencyCode: '64.74', provinceCode: '64' },
  ];
  const companies = [
    { name: 'PT Sumber Alfaria Trijaya', code: 'usaha-besar', sizeClass: 'besar', sector: 'Perdagangan ritel (Alfamart)' },
    { name: 'PT Aman Mineral Integrasi', code: 'usaha-besar', sizeClass: 'besar', sector: 'Pertambangan' },
    { name: 'Bank NTB Syariah', code: 'usaha-besar', sizeClass: 'besar', sector: 'Keuangan' },
    { name: 'RS Lotim Medical Center', code: 'pelayanan-publik', sizeClass: 'menengah', sector: 'Rumah sakit' },
    { name: 'PDAM Kabupaten Lombok Tengah', code: 'pelayanan-publik', sizeClass: 'menengah', sector: 'Air minum' },
  ];
  const pemkab = await category('pemkab-kota');
  const categoryIds = new Map<string, string>();
  for (const c of companies) categoryIds.set(c.code, await category(c.code));
  let lotimId = '';
  await db.transaction(async (tx) => {
    for (const p of pemda) {
      const row = await insertCandidate(tx, { editionId: edition.id, categoryId: pemkab, kind: 'pemda', ...p });
      if (p.regencyCode === '52.03') lotimId = row.id;
      await appendAudit(tx, { id: null, label: 'demo-seed' }, { action: 'candidate.create', entityType: 'candidate', entityId: row.id, after: row });
    }
    for (const c of companies) {
      const row = await insertCandidate(tx, {
        editionId: edition.id,
        categoryId: categoryIds.get(c.code)!,
        kind: 'badan-usaha',
        provinceCode: '52',
        npp: demoNpps[c.name] ?? null,
        name: c.name,
        sizeClass: c.sizeClass,
        sector: c.sector,
      });
      await appendAudit(tx, { id: null, label: 'demo-seed' }, { action: 'candidate.create', entityType: 'candidate', entityId: row.id, after: row });
    }
  });
  await seedDemoCategoryCandidates(db, edition.id);
  let academicJurorId = '';
  for (const account of demoAccounts) {
    const roles: RoleGrant[] = account.roles.length > 0 ? account.roles : [{ role: 'candidate', provinceCode: null, candidateId: lotimId }];
    const user = await createUser(ctx, { email: account.email, name: account.name, password: demoPassword, locale: 'id', roles });
    if (account.email === 'juri@paritrana.demo') academicJurorId = user.id;
  }
  await seedDemoPanel(db, system, edition.id, academicJurorId, demoPassword, cal);
  return { created: true, label };
}

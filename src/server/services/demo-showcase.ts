/**
 * A finished, published edition for the demo, so that the public portal,
 * the certificates and the press releases have something to show after
 * `npm start`: "Paritrana Award 2024" (assessment period 2023) with the
 * provincial round of Nusa Tenggara Barat marked by the demo's panel and
 * published. Every step goes through the same use cases as in the app.
 * THE FIGURES AND MARKS ARE ILLUSTRATIVE DEMO DATA, not the award's results.
 */
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import { insertCandidate } from '../../db/repositories/candidates.ts';
import { upsertValue } from '../../db/repositories/coverage.ts';
import { findCategoryByCode, replaceMilestones } from '../../db/repositories/editions.ts';
import { insertSubmission } from '../../db/repositories/submissions.ts';
import { findUserByEmail } from '../../db/repositories/users.ts';
import { upsertItem } from '../../db/repositories/verification.ts';
import { categoryCatalogue } from '../../domain/editions/catalogue.ts';
import { defaultInstrumentFor } from '../../domain/instruments/index.ts';
import { rubricIndicators } from '../../domain/panels/scoring-setup.ts';
import type { RoleGrant } from '../../shared/contracts/index.ts';
import type { Actor } from '../policies/actor.ts';
import { demoAcademic, demoJurors } from './demo-panel.ts';
import { addCategory, addEvent, changeEditionStatus, createEdition } from './editions.ts';
import { recordAttendance, setSlot } from './interviews.ts';
import { submitSheet, writeMarks } from './marking.ts';
import { createPanel, replaceMembers } from './panels.ts';
import { closeStage, createPool, openStage } from './pools.ts';
import { publishResult } from './publication.ts';
import { finaliseResult } from './results.ts';
import { replaceSignatories } from './signatories.ts';
import { demoCalendar, type DemoCalendar } from './demo-calendar.ts';
import { markingCategory, seedMarkingPool } from './demo-marking.ts';
import { demoPassword, showcaseCandidateAccounts } from './demo.ts';
import { createUser } from './users.ts';

/** The showcase edition's label: the year before the current demo edition's. */
export const showcaseLabelOf = (cal: DemoCalendar): string => `Paritrana Award ${cal.yearOf(2024)}`;
/** The label on the reference day (see demo-calendar.ts). */
export const showcaseLabel = showcaseLabelOf(demoCalendar());

async function actorOf(db: Db, email: string, roles: RoleGrant[]): Promise<Actor> {
  const user = (await findUserByEmail(db, email))!;
  return { id: user.id, email: user.email, name: user.name, locale: 'id', roles, csrfToken: '', sessionId: '' };
}

/** Four regional governments of NTB (illustrative figures; the seed reports' 9.360 and 4.871 belong to Lampung and Tanggamus): data values, the attendance at their interview, and how the panel's marks lean. */
const regencies = [
  { code: '52.03', name: 'Kabupaten Lombok Timur', attendance: 'kepala-daerah', lean: 1, values: { regulation_type: 'perkada', gov_funded: 20_950, coverage_pct: 44.36, growth_pct: 9.12, bpu_coverage_pct: 14.8 } },
  { code: '52.07', name: 'Kabupaten Sumbawa Barat', attendance: 'kepala-daerah', lean: 0, values: { regulation_type: 'perda', gov_funded: 7_420, coverage_pct: 58.9, growth_pct: 4.2, bpu_coverage_pct: 21.5 } },
  { code: '52.71', name: 'Kota Mataram', attendance: 'wakil', lean: 0, values: { regulation_type: 'perkada', gov_funded: 6_150, coverage_pct: 51.4, growth_pct: 3.1, bpu_coverage_pct: 12.2 } },
  { code: '52.06', name: 'Kabupaten Bima', attendance: 'sekda', lean: -1, values: { regulation_type: 'instruksi', gov_funded: 2_480, coverage_pct: 27.6, growth_pct: 6.4, bpu_coverage_pct: 6.9 } },
] as const;

/** The winner's verified self-assessment: what its press release is written from. */
const lotimAnswersOf = (cal: DemoCalendar) => ({
  kind: 'pemda',
  // In force without end: the next edition's candidacy can carry it forward.
  regulations: [{ id: 'r1', type: 'perkada', number: `23 Tahun ${cal.yearOf(2022)}`, title: 'Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan', date: cal.inYear('2022-06-14'), validUntil: null, evidenceIds: [] }],
  agreements: [
    {
      id: 'a1',
      type: 'mou',
      parties: 'Pemkab Lombok Timur dan BPJS Ketenagakerjaan',
      partyList: ['bpjs-ketenagakerjaan'],
      number: '',
      date: null,
      validFrom: cal.inYear('2023-03-01'),
      validUntil: cal.inYear('2028-02-28'),
      evidenceIds: [],
    },
    // Ended with the year after the assessment period: not offered to the next edition.
    {
      id: 'a2',
      type: 'pks',
      parties: 'Dinas Tenaga Kerja dan BPJS Ketenagakerjaan Cabang Lombok Timur',
      partyList: ['disnaker', 'bpjs-ketenagakerjaan'],
      number: `560/117/DISNAKER/${cal.yearOf(2023)}`,
      date: cal.inYear('2023-02-01'),
      validFrom: cal.inYear('2023-02-01'),
      validUntil: cal.inYear('2024-01-31'),
      evidenceIds: [],
    },
  ],
  programs: [
    { id: 'p1', segment: 'petani-tembakau', peopleProtected: 17_000, budgetRupiah: 2_856_000_000, fundingSource: 'dbh-cht', periodStart: cal.inYear('2023-01-01'), periodEnd: cal.inYear('2023-12-31'), evidenceIds: [] },
    { id: 'p2', segment: 'perangkat-desa', peopleProtected: 3_950, budgetRupiah: 600_100_000, fundingSource: 'alokasi-dana-desa', periodStart: cal.inYear('2023-01-01'), periodEnd: cal.inYear('2023-12-31'), evidenceIds: [] },
  ],
  coverage: { note: 'Capaian di atas rata-rata provinsi.', evidenceIds: [] },
  innovation: { narrative: 'Bantuan modal UMKM dialihkan menjadi iuran BPJS Ketenagakerjaan pada tahun berikutnya, sehingga perlindungan berlanjut tanpa terputus.', evidenceIds: [] },
});

/**
 * Creates the published showcase edition, laid out around `today` like the
 * demo edition (see demo-calendar.ts); run once, after the demo edition and
 * its accounts exist. Its pool of large companies is left in marking.
 */
export async function seedShowcase(db: Db, options: { today?: string } = {}): Promise<{ label: string }> {
  const cal = demoCalendar(options.today);
  const admin = await actorOf(db, 'admin@paritrana.demo', [{ role: 'national_admin', provinceCode: null, candidateId: null }]);
  const ctx = { db, actor: admin };
  const edition = await createEdition(ctx, { label: showcaseLabelOf(cal), periodStart: cal.inYear('2023-01-01'), periodEnd: cal.inYear('2023-12-31'), minJurors: 5 });
  const catalogue = categoryCatalogue.find((c) => c.code === 'pemkab-kota')!;
  await addCategory(ctx, edition.id, { ...catalogue, levels: [...catalogue.levels], eligibility: [...catalogue.eligibility] });
  const companies = categoryCatalogue.find((c) => c.code === markingCategory)!;
  await addCategory(ctx, edition.id, { ...companies, levels: [...companies.levels], eligibility: [...companies.eligibility] });
  await replaceMilestones(db, edition.id, [
    { kind: 'socialization', startsOn: cal.at('2024-03-12'), endsOn: null, place: 'Mataram' },
    { kind: 'registration', startsOn: cal.at('2024-04-01'), endsOn: cal.at('2024-05-31'), place: null },
    { kind: 'verification', startsOn: cal.at('2024-06-01'), endsOn: cal.at('2024-06-28'), place: null },
    { kind: 'provincial_interview', startsOn: cal.at('2024-07-15'), endsOn: cal.at('2024-07-16'), place: 'Hotel Lombok Raya, Mataram' },
    { kind: 'provincial_ceremony', startsOn: cal.at('2024-08-21'), endsOn: null, place: 'Gedung Sangkareang, Kantor Gubernur NTB, Mataram' },
    { kind: 'national_ceremony', startsOn: cal.at('2024-12-12'), endsOn: null, place: 'Jakarta' },
  ]);
  // NTB's own ceremony: what its certificates print (never the edition's milestone).
  await addEvent(ctx, edition.id, {
    kind: 'provincial_ceremony',
    provinceCode: '52',
    heldOn: '2024-08-21',
    place: 'Gedung Sangkareang, Kantor Gubernur NTB, Mataram',
    attendees: null,
    notes: 'Penyerahan Paritrana Award tingkat Provinsi Nusa Tenggara Barat.',
  });
  await changeEditionStatus(ctx, edition.id, 'open');
  const category = (await findCategoryByCode(db, edition.id, 'pemkab-kota'))!;
  const ids = new Map<string, string>();
  await db.transaction(async (tx) => {
    for (const r of regencies) {
      const row = await insertCandidate(tx, { editionId: edition.id, categoryId: category.id, kind: 'pemda', provinceCode: '52', regencyCode: r.code, name: r.name, status: 'verified' });
      ids.set(r.code, row.id);
      for (const [key, value] of Object.entries(r.values)) {
        await upsertValue(tx, { candidateId: row.id, key, valueNum: typeof value === 'number' ? value : null, valueText: typeof value === 'string' ? value : null, source: 'verification', snapshotId: null, note: null });
      }
      await appendAudit(tx, { id: null, label: 'demo-seed' }, { action: 'candidate.create', entityType: 'candidate', entityId: row.id, after: row });
    }
    const lotim = ids.get('52.03')!;
    await insertSubmission(tx, { candidateId: lotim, status: 'submitted', version: 1, answers: lotimAnswersOf(cal), submittedAt: new Date(`${cal.at('2024-05-20')}T03:00:00Z`) });
    // The verifier's remarks, which the candidate reads in its feedback once the result is announced.
    const remarks: Record<string, string> = {
      'programs:p2': 'Jumlah perangkat desa sesuai daftar peserta BPJS Ketenagakerjaan per Desember.',
      coverage: 'Capaian dihitung dari data kepesertaan BPJS Ketenagakerjaan cabang Selong.',
    };
    for (const key of ['regulations:r1', 'agreements:a1', 'programs:p1', 'programs:p2', 'coverage', 'innovation']) {
      await upsertItem(tx, { candidateId: lotim, itemKey: key, status: 'valid', comment: remarks[key] ?? null, deadline: null, decidedBy: null });
    }
  });
  await changeEditionStatus(ctx, edition.id, 'assessing');

  const jurors = [];
  for (const email of [...demoJurors.map((j) => j.email), 'juri@paritrana.demo']) jurors.push(await actorOf(db, email, [{ role: 'juror', provinceCode: null, candidateId: null }]));
  const panel = await createPanel(ctx, edition.id, {
    level: 'provinsi',
    area: '52',
    name: 'Tim Penilai Paritrana Award Provinsi Nusa Tenggara Barat',
    decreeNumber: `100.3.3.2-312 Tahun ${cal.yearOf(2024)}`,
    decreeDate: cal.at('2024-06-10'),
    categoryCodes: [],
  });
  await replaceMembers(ctx, panel.id, {
    // The academic juror comes last; each member sits with its own organisation.
    members: jurors.map((j, i) => {
      const juror = demoJurors[i];
      return juror ? { userId: j.id, unsur: juror.unsur, role: juror.role, title: juror.title } : { userId: j.id, unsur: 'akademisi', role: 'member' as const, title: demoAcademic.title };
    }),
  });
  const pool = await createPool(ctx, edition.id, { level: 'provinsi', area: '52', categoryId: category.id, panelId: panel.id });
  const chair = jurors[0]!;
  const instrument = defaultInstrumentFor('pemda');
  let seq = 0;
  for (const stage of ['desk', 'wawancara']) {
    await openStage({ db, actor: chair }, pool.id, stage, false);
    if (stage === 'wawancara') {
      for (const [i, r] of regencies.entries()) {
        await setSlot({ db, actor: chair }, pool.id, ids.get(r.code)!, { heldOn: cal.at('2024-07-15'), startsAt: `${String(9 + i).padStart(2, '0')}:00`, endsAt: `${String(9 + i).padStart(2, '0')}:45`, place: 'Hotel Lombok Raya, Mataram', onlineUrl: null });
        await recordAttendance({ db, actor: chair }, pool.id, ids.get(r.code)!, { attendance: r.attendance, note: null });
      }
    }
    const indicators = rubricIndicators(instrument, stage).map((i) => i.id);
    for (const [j, juror] of jurors.entries()) {
      for (const r of regencies) {
        const candidateId = ids.get(r.code)!;
        // Marks around 3, leaning by candidate, varied by juror and indicator within the 1–5 rubric.
        const marks = indicators.map((indicatorId, k) => ({ candidateId, indicatorId, value: Math.min(5, Math.max(1, 3 + r.lean + ((j + k) % 3 === 0 ? 1 : 0) - ((j * 2 + k) % 5 === 0 ? 1 : 0))), comment: null, seq: (seq += 1) }));
        await writeMarks({ db, actor: juror }, pool.id, marks);
        await submitSheet({ db, actor: juror }, pool.id, candidateId, stage);
      }
    }
    await closeStage({ db, actor: chair }, pool.id, stage);
  }
  await finaliseResult({ db, actor: chair }, pool.id);
  await replaceSignatories(ctx, edition.id, [
    { level: 'provinsi', area: '52', name: 'Gubernur NTB (contoh demo)', title: 'Gubernur Nusa Tenggara Barat', handsOver: true },
    { level: 'provinsi', area: '52', name: 'Kepala Kanwil BPJS Ketenagakerjaan (contoh demo)', title: 'Kepala Kantor Wilayah BPJS Ketenagakerjaan Bali Nusa Tenggara dan Papua', handsOver: false },
  ]);
  await publishResult(ctx, pool.id);
  // Candidates of the published result, each reading its own feedback.
  for (const account of showcaseCandidateAccounts) {
    const roles: RoleGrant[] = [{ role: 'candidate', provinceCode: null, candidateId: ids.get(account.regencyCode)! }];
    await createUser(ctx, { email: account.email, name: account.name, password: demoPassword, locale: 'id', roles });
  }
  await seedMarkingPool(db, { admin, edition: edition.id, panel: panel.id, chair, jurors: jurors.slice(0, -1) });
  return { label: showcaseLabelOf(cal) };
}

import type { Db } from '../../src/db/client.ts';
import { insertEvent } from '../../src/db/repositories/editions.ts';
import { insertSubmission } from '../../src/db/repositories/submissions.ts';
import { upsertItem } from '../../src/db/repositories/verification.ts';
import { pemdaV1 } from '../../src/domain/instruments/index.ts';
import { rubricIndicators } from '../../src/domain/panels/scoring-setup.ts';
import type { Actor } from '../../src/server/policies/actor.ts';
import { replaceMembers, updatePanel } from '../../src/server/services/panels.ts';
import { listPanels } from '../../src/db/repositories/panels.ts';
import { findPoolByKey } from '../../src/db/repositories/pools.ts';
import { closeStage, openStage } from '../../src/server/services/pools.ts';
import { recordAttendance, setSlot } from '../../src/server/services/interviews.ts';
import { submitSheet, writeMarks } from '../../src/server/services/marking.ts';
import { finaliseResult } from '../../src/server/services/results.ts';
import { replaceSignatories } from '../../src/server/services/signatories.ts';
import { createUser } from '../../src/server/services/users.ts';
import type { RoleGrant } from '../../src/shared/contracts/index.ts';
import { assessingEditionWithCandidates, ntbCandidates } from './panels.ts';

let counter = 0;
/** A real account as an actor (its id is referenced by what it does). */
export async function actorWith(db: Db, roles: RoleGrant[], name: string): Promise<Actor> {
  counter += 1;
  const email = `factory${counter}-${Date.now()}@test.example`;
  const user = await createUser({ db, actor: null }, { email, name, password: 'correct-horse-battery', locale: 'id', roles });
  return { id: user.id, email, name, locale: 'id', roles, csrfToken: '', sessionId: '' };
}

/** Lombok Timur's self-assessment as a verifier found it: an Instruksi Bupati, two protection programs, an innovation. */
export const lotimAnswers = {
  kind: 'pemda',
  regulations: [{ id: 'r1', type: 'instruksi', number: '188.45/123/NAKERTRANS/2024', title: 'Perluasan Kepesertaan Jaminan Sosial Ketenagakerjaan', date: '2024-02-12', evidenceIds: [] }],
  agreements: [{ id: 'a1', type: 'mou', parties: 'Pemkab Lombok Timur dan BPJS Ketenagakerjaan', number: '', date: null, evidenceIds: [] }],
  programs: [
    { id: 'p1', segment: 'petani-tembakau', peopleProtected: 17000, budgetRupiah: 2_856_000_000, fundingSource: 'dbh-cht', periodStart: null, periodEnd: null, evidenceIds: [] },
    { id: 'p2', segment: 'perangkat-desa', peopleProtected: 4871, budgetRupiah: 600_100_000, fundingSource: 'alokasi-dana-desa', periodStart: null, periodEnd: null, evidenceIds: [] },
  ],
  coverage: { note: 'Capaian di atas target provinsi.', evidenceIds: [] },
  innovation: { narrative: 'Bantuan modal UMKM dialihkan menjadi iuran BPJS Ketenagakerjaan pada tahun berikutnya, sehingga perlindungan berlanjut tanpa terputus.', evidenceIds: [] },
};

export type FinalisedPool = {
  editionId: string;
  categoryId: string;
  poolId: string;
  resultId: string;
  ids: Map<string, string>;
  national: Actor;
  provincial: Actor;
  chair: Actor;
};

/**
 * The demo edition with a provincial pool of NTB (three regional
 * governments), marked by a panel of three and finalised by its chair, and
 * the signatories of the provincial level set (factory: marking itself is
 * tested in panels.test.ts). Lombok Timur wins Juara 1.
 */
export async function finalisedPool(db: Db): Promise<FinalisedPool> {
  const { editionId, categoryId, ids } = await assessingEditionWithCandidates(db, ntbCandidates);
  const national = await actorWith(db, [{ role: 'national_admin', provinceCode: null, candidateId: null }], 'Admin Nasional');
  const provincial = await actorWith(db, [{ role: 'provincial_admin', provinceCode: '52', candidateId: null }], 'Admin NTB');
  const jurors: Actor[] = [];
  for (const name of ['Drs. H. Lalu Gita Ariadi', 'Dr. Baiq Nurul Aini', 'Ir. Made Wirawan']) jurors.push(await actorWith(db, [{ role: 'juror', provinceCode: '52', candidateId: null }], name));
  const lotim = ids.get('52.03')!;
  await insertSubmission(db, { candidateId: lotim, status: 'submitted', version: 2, answers: lotimAnswers });
  for (const key of ['regulations:r1', 'agreements:a1', 'programs:p1', 'programs:p2', 'coverage', 'innovation']) {
    await upsertItem(db, { candidateId: lotim, itemKey: key, status: 'valid', comment: null, deadline: null, decidedBy: national.id });
  }

  const admin = { db, actor: provincial };
  // The demo already holds NTB's panel and pool: this factory seats its own jurors on them.
  const [demoPanel] = (await listPanels(db, editionId)).filter((p) => p.area === '52');
  const panel = await updatePanel(admin, demoPanel!.id, { level: 'provinsi', area: '52', name: 'Tim Penilai Provinsi NTB', decreeNumber: '100.3.3.2-456 Tahun 2025', decreeDate: '2025-06-02', categoryCodes: ['pemkab-kota'] });
  await replaceMembers(admin, panel.id, {
    members: jurors.map((j, i) => ({ userId: j.id, unsur: ['pemda', 'akademisi', 'apindo'][i]!, role: i === 0 ? 'chair' : 'member', title: null })),
  });
  const pool = (await findPoolByKey(db, { editionId, level: 'provinsi', area: '52', categoryId }))!;
  const chair = jurors[0]!;
  // Juror marks by candidate: Lombok Timur ahead, then Lombok Barat, then Lombok Tengah.
  const marksOf: Record<string, number[]> = { '52.03': [5, 5, 4], '52.01': [4, 3, 4], '52.02': [3, 3, 2] };
  let seq = 0;
  for (const stage of ['desk', 'wawancara']) {
    await openStage({ db, actor: chair }, pool.id, stage, true);
    if (stage === 'wawancara') {
      for (const [code, attendance] of [['52.03', 'kepala-daerah'], ['52.01', 'wakil'], ['52.02', 'sekda']] as const) {
        await setSlot({ db, actor: chair }, pool.id, ids.get(code)!, { heldOn: '2025-07-14', startsAt: '09:00', endsAt: null, place: 'Hotel Premier Park, Mataram', onlineUrl: null });
        await recordAttendance({ db, actor: chair }, pool.id, ids.get(code)!, { attendance, note: null });
      }
    }
    const indicators = rubricIndicators(pemdaV1, stage).map((i) => i.id);
    for (const [j, juror] of jurors.entries()) {
      for (const [code, values] of Object.entries(marksOf)) {
        const candidateId = ids.get(code)!;
        await writeMarks({ db, actor: juror }, pool.id, indicators.map((indicatorId) => ({ candidateId, indicatorId, value: values[j]!, comment: j === 0 ? 'Sesuai bukti' : null, seq: (seq += 1) })));
        await submitSheet({ db, actor: juror }, pool.id, candidateId, stage);
      }
    }
    await closeStage({ db, actor: chair }, pool.id, stage);
  }
  const result = await finaliseResult({ db, actor: chair }, pool.id);
  // The demo's provincial ceremony milestone and event are Lampung's; NTB records its own, in Mataram.
  await insertEvent(db, { editionId, provinceCode: '52', kind: 'provincial_ceremony', heldOn: '2025-08-13', place: 'Gedung Sangkareang, Kantor Gubernur NTB, Mataram', attendees: null, notes: null });
  await replaceSignatories({ db, actor: national }, editionId, [
    { level: 'provinsi', area: '52', name: 'Dr. H. Lalu Muhamad Iqbal', title: 'Gubernur Nusa Tenggara Barat', handsOver: true },
    { level: 'provinsi', area: '52', name: 'Adventus Edison Souhuwat', title: 'Kepala Kantor Wilayah BPJS Ketenagakerjaan Bali Nusa Tenggara dan Papua', handsOver: false },
  ]);
  return { editionId, categoryId, poolId: pool.id, resultId: result.id!, ids, national, provincial, chair };
}

import type { Db } from '../../db/client.ts';
import { findCategoryByCode } from '../../db/repositories/editions.ts';
import { upsertProfile } from '../../db/repositories/panels.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { RoleGrant } from '../../shared/contracts/index.ts';
import type { Actor } from '../policies/actor.ts';
import { createPanel, replaceMembers } from './panels.ts';
import { createPool } from './pools.ts';
import { createUser } from './users.ts';
import type { DemoCalendar } from './demo-calendar.ts';

const juror: RoleGrant[] = [{ role: 'juror', provinceCode: null, candidateId: null }];

/**
 * The jurors of the demo's provincial panel of Nusa Tenggara Barat, by unsur
 * (the first one chairs it), each with its own organisation: the title it
 * sits on the panel with, and the institution of its juror profile.
 */
export const demoJurors = [
  { email: 'ketua.ntb@paritrana.demo', name: 'Sekda Provinsi NTB', unsur: 'pemda', role: 'chair' as const, title: 'Sekretaris Daerah, Ketua Tim', institution: 'Pemerintah Provinsi Nusa Tenggara Barat' },
  { email: 'bpjs.ntb@paritrana.demo', name: 'Kepala BPJS Ketenagakerjaan NTB', unsur: 'bpjs', role: 'secretary' as const, title: 'Sekretaris Tim', institution: 'BPJS Ketenagakerjaan Cabang Mataram' },
  { email: 'bps.ntb@paritrana.demo', name: 'Statistisi BPS NTB', unsur: 'bps', role: 'member' as const, title: 'BPS Provinsi Nusa Tenggara Barat', institution: 'BPS Provinsi Nusa Tenggara Barat' },
  { email: 'apindo.ntb@paritrana.demo', name: 'Ketua APINDO NTB', unsur: 'apindo', role: 'member' as const, title: 'DPP APINDO Nusa Tenggara Barat', institution: 'DPP APINDO Nusa Tenggara Barat' },
  { email: 'spsi.ntb@paritrana.demo', name: 'Ketua SPSI NTB', unsur: 'serikat-pekerja', role: 'member' as const, title: 'DPD KSPSI Nusa Tenggara Barat', institution: 'DPD KSPSI Nusa Tenggara Barat' },
];

/** The demo's academic juror (juri@paritrana.demo) and its university. */
export const demoAcademic = { title: 'Universitas Mataram', institution: 'Universitas Mataram' };

/** A demo juror's profile: its institution, no ties (audited as the demo's seed). */
async function seedProfile(db: Db, userId: string, institution: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await upsertProfile(tx, { userId, institution, ties: [] });
    await appendAudit(tx, { id: null, label: 'demo-seed' }, { action: 'juror.profile', entityType: 'user', entityId: userId, after: row });
  });
}

/**
 * The demo's tim penilai of Nusa Tenggara Barat (with the demo's academic
 * juror), appointed by decree, and its pool of regencies and cities.
 */
export async function seedDemoPanel(db: Db, actor: Actor, editionId: string, academicJurorId: string, password: string, cal: DemoCalendar): Promise<void> {
  const ctx = { db, actor };
  const members = [];
  for (const j of demoJurors) {
    const user = await createUser(ctx, { email: j.email, name: j.name, password, locale: 'id', roles: juror });
    await seedProfile(db, user.id, j.institution);
    members.push({ userId: user.id, unsur: j.unsur, role: j.role, title: j.title });
  }
  await seedProfile(db, academicJurorId, demoAcademic.institution);
  members.push({ userId: academicJurorId, unsur: 'akademisi', role: 'member' as const, title: demoAcademic.title });
  const panel = await createPanel(ctx, editionId, {
    level: 'provinsi',
    area: '52',
    name: 'Tim Penilai Paritrana Award Provinsi Nusa Tenggara Barat',
    decreeNumber: `100.3.3.2-456 Tahun ${cal.yearOf(2025)}`,
    decreeDate: cal.at('2025-06-02'),
    categoryCodes: [],
  });
  await replaceMembers(ctx, panel.id, { members });
  const category = await findCategoryByCode(db, editionId, 'pemkab-kota');
  await createPool(ctx, editionId, { level: 'provinsi', area: '52', categoryId: category!.id, panelId: panel.id });
}

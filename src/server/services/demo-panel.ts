import type { Db } from '../../db/client.ts';
import { findCategoryByCode } from '../../db/repositories/editions.ts';
import type { RoleGrant } from '../../shared/contracts/index.ts';
import type { Actor } from '../policies/actor.ts';
import { createPanel, replaceMembers } from './panels.ts';
import { createPool } from './pools.ts';
import { createUser } from './users.ts';
import type { DemoCalendar } from './demo-calendar.ts';

const juror: RoleGrant[] = [{ role: 'juror', provinceCode: null, candidateId: null }];

/** The jurors of the demo's provincial panel of Nusa Tenggara Barat, by unsur (the first one chairs it). */
export const demoJurors = [
  { email: 'ketua.ntb@paritrana.demo', name: 'Sekda Provinsi NTB', unsur: 'pemda', role: 'chair' as const, title: 'Sekretaris Daerah, Ketua Tim' },
  { email: 'bpjs.ntb@paritrana.demo', name: 'Kepala BPJS Ketenagakerjaan NTB', unsur: 'bpjs', role: 'secretary' as const, title: 'Sekretaris Tim' },
  { email: 'bps.ntb@paritrana.demo', name: 'Statistisi BPS NTB', unsur: 'bps', role: 'member' as const, title: null },
  { email: 'apindo.ntb@paritrana.demo', name: 'Ketua APINDO NTB', unsur: 'apindo', role: 'member' as const, title: null },
  { email: 'spsi.ntb@paritrana.demo', name: 'Ketua SPSI NTB', unsur: 'serikat-pekerja', role: 'member' as const, title: null },
];

/**
 * The demo's tim penilai of Nusa Tenggara Barat (with the demo's academic
 * juror), appointed by decree, and its pool of regencies and cities.
 */
export async function seedDemoPanel(db: Db, actor: Actor, editionId: string, academicJurorId: string, password: string, cal: DemoCalendar): Promise<void> {
  const ctx = { db, actor };
  const members = [];
  for (const j of demoJurors) {
    const user = await createUser(ctx, { email: j.email, name: j.name, password, locale: 'id', roles: juror });
    members.push({ userId: user.id, unsur: j.unsur, role: j.role, title: j.title });
  }
  members.push({ userId: academicJurorId, unsur: 'akademisi', role: 'member' as const, title: 'Universitas Mataram' });
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

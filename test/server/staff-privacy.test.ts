import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { listEditions } from '../../src/db/repositories/editions.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';
import type { RoleGrant } from '../../src/shared/contracts/index.ts';

type Juror = { id: string; name: string; email: string };
type Entry = { at: string; actor: string; actorRole: string | null; action: string; note: string | null };
const provincialJuror = (provinceCode: string): RoleGrant[] => [{ role: 'juror', provinceCode, candidateId: null }];

describe.each(drivers())('staff e-mails on %s', (driver) => {
  let t: TestApp;
  let national: Client;
  let admin52: Client;
  let admin52Name: string;
  let admin52Email: string;

  beforeAll(async () => {
    t = await startTestApp(driver);
    await seedDemo(t.database.db);
    national = await signIn(t, 'admin@paritrana.demo', 'paritrana-demo-2025');
    const admin = await makeUser(t, roles.provincialAdmin('52'), { name: 'Admin Uji NTB' });
    admin52 = await signIn(t, admin.email);
    admin52Name = admin.name;
    admin52Email = admin.email;
  });
  afterAll(async () => t?.close());

  it('lists to a provincial admin only its province’s jurors and those on its panels', async () => {
    const ntb = await makeUser(t, provincialJuror('52'), { name: 'Juri Provinsi NTB' });
    const lampung = await makeUser(t, provincialJuror('18'), { name: 'Juri Provinsi Lampung' });
    const unplaced = await makeUser(t, roles.juror(), { name: 'Juri Nasional' });

    const seen = (await admin52.request('GET', '/api/jurors')).json<Juror[]>().map((j) => j.email);
    expect(seen).toContain(ntb.email);
    expect(seen).toContain('juri@paritrana.demo'); // sits on the NTB panel
    expect(seen).not.toContain(lampung.email);
    expect(seen).not.toContain(unplaced.email);

    const all = (await national.request('GET', '/api/jurors')).json<Juror[]>().map((j) => j.email);
    expect(all).toEqual(expect.arrayContaining([ntb.email, lampung.email, unplaced.email, 'juri@paritrana.demo']));
  });

  it('lets a provincial admin seat only the jurors it may list', async () => {
    const editionId = (await listEditions(t.database.db))[0]!.id;
    type Panel = { id: string; area: string; members: { userId: string; unsur: string; role: string; title: string | null }[] };
    const panel = (await admin52.request('GET', `/api/editions/${editionId}/panels`)).json<Panel[]>().find((p) => p.area === '52')!;
    const members = panel.members.map(({ userId, unsur, role, title }) => ({ userId, unsur, role, title }));
    const seat = (userId: string) => admin52.request('PUT', `/api/panels/${panel.id}/members`, { members: [...members, { userId, unsur: 'akademisi', role: 'member', title: null }] });
    const lampung = await makeUser(t, provincialJuror('18'), { name: 'Juri Lain Lampung' });
    const unplaced = await makeUser(t, roles.juror(), { name: 'Juri Tanpa Provinsi' });
    for (const other of [lampung, unplaced]) {
      const refused = await seat(other.id);
      expect(refused.statusCode).toBe(403);
      expect(refused.body).not.toContain(other.email);
    }
    const ntb = await makeUser(t, provincialJuror('52'), { name: 'Juri Lain NTB' });
    const seated = await seat(ntb.id);
    expect(seated.statusCode, seated.body).toBe(200);
    expect(seated.json<Panel>().members.map((m) => m.userId)).toContain(ntb.id);
    // The national admin seats anyone; the panel as it was is kept for the other tests.
    expect((await national.request('PUT', `/api/panels/${panel.id}/members`, { members: [...members, { userId: unplaced.id, unsur: 'akademisi', role: 'member', title: null }] })).statusCode).toBe(200);
    expect((await national.request('PUT', `/api/panels/${panel.id}/members`, { members })).statusCode).toBe(200);
  });

  it('shows a candidate its history with staff by name and role, never by e-mail', async () => {
    const editionId = (await listEditions(t.database.db))[0]!.id;
    const lotim = (await listCandidates(t.database.db, editionId, { all: true })).find((c) => c.name === 'Kabupaten Lombok Timur')!;
    const renamed = await admin52.request('PATCH', `/api/candidates/${lotim.id}`, { name: 'Kabupaten Lombok Timur' });
    expect(renamed.statusCode).toBe(200);
    const operator = await signIn(t, (await makeUser(t, roles.candidate(lotim.id), { name: 'Operator Lotim' })).email);

    const own = (await operator.request('GET', `/api/candidates/${lotim.id}/history`)).json<Entry[]>();
    const byAdmin = own.find((h) => h.actorRole === 'provincial_admin')!;
    expect([byAdmin.actor, byAdmin.actorRole]).toEqual([admin52Name, 'provincial_admin']);
    expect(own.filter((h) => h.actor.includes('@'))).toEqual([]);

    const committee = (await admin52.request('GET', `/api/candidates/${lotim.id}/history`)).json<Entry[]>();
    expect(committee.find((h) => h.actorRole === 'provincial_admin')!.actor).toBe(admin52Email);
  });
});

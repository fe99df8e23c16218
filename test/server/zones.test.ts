import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { markPool, nusra, panelAndPool, sumatera, verifyWithValues, zonesEdition, type ZonesEdition } from '../support/zones.ts';
import { findCandidate, insertCandidate, listCandidates } from '../../src/db/repositories/candidates.ts';

type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string }[] } };
type PoolSummary = { id: string; level: string; area: string; candidates: number };
type PoolDetail = { candidatesList: { id: string; name: string; status: string }[] };

/**
 * Zones route: a category runs province → zone → nation with two zones, and
 * each province's winner lands in the zone that holds its province, judged
 * there by the zone's own panel, and goes on to the nation from it.
 */
describe.each(drivers())('zones that route on %s', (driver) => {
  let t: TestApp;
  let z: ZonesEdition;
  let national: Client;

  beforeAll(async () => {
    t = await startTestApp(driver);
    z = await zonesEdition(t.database.db);
    national = await signIn(t, z.national.email);
  });
  afterAll(async () => t?.close());

  it('refuses a level configuration that cannot route, saying why', async () => {
    const created = await national.request('POST', '/api/editions', { label: 'Edisi Uji Zona', periodStart: '2025-01-01', periodEnd: '2025-12-31' });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    const add = (body: object) => national.request('POST', `/api/editions/${id}/levels`, body);
    expect((await add(sumatera)).statusCode).toBe(201);
    const twice = await add({ code: 'zona-barat', kind: 'zona', name: 'Zona Barat', provinceCodes: ['31', '18'] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json<ErrorBody>().error.message).toBe('Province 18 is already in zone zona-sumatera; a province belongs to one zone');
    expect(twice.json<ErrorBody>().error.details).toEqual([{ path: 'provinceCodes.1', message: 'Province 18 is already in zone zona-sumatera; a province belongs to one zone' }]);
    const empty = await add({ code: 'zona-kosong', kind: 'zona', name: 'Zona Kosong', provinceCodes: [] });
    expect(empty.json<ErrorBody>().error.message).toBe('A zone groups at least one province');
    const national2 = await add({ code: 'nasional-2', kind: 'nasional', name: 'Nasional Kedua', provinceCodes: [] });
    expect(national2.json<ErrorBody>().error.message).toBe('The edition already has a national level');
    const listed = await add({ code: 'nusra-ganda', kind: 'zona', name: 'Nusra', provinceCodes: ['52', '52'] });
    expect(listed.json<ErrorBody>().error.message).toBe('Province 52 is listed twice');
    const category = { code: 'pemkab-kota', family: 'pemda', nameId: 'Pemerintah Kabupaten/Kota', nameEn: 'Regency/City Government', awards: 3, advance: 1, eligibility: [] };
    const backwards = await national.request('POST', `/api/editions/${id}/categories`, { ...category, levels: ['provinsi', 'nasional', sumatera.code] });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json<ErrorBody>().error.message).toBe('Level zona-sumatera is out of order: a category runs at its province, then zones, then the nation');
    const unknown = await national.request('POST', `/api/editions/${id}/categories`, { ...category, levels: ['provinsi', 'zona-jawa'] });
    expect(unknown.json<ErrorBody>().error.message).toBe('No level zona-jawa in this edition');
    // province → nation and province → zone → nation are both accepted.
    expect((await national.request('POST', `/api/editions/${id}/categories`, { ...category, levels: ['provinsi', 'nasional'] })).statusCode).toBe(201);
    expect((await national.request('POST', `/api/editions/${id}/categories`, { ...category, code: 'usaha-besar', family: 'badan-usaha', levels: ['provinsi', sumatera.code, 'nasional'] })).statusCode).toBe(201);
    // A zone some category runs keeps its code and kind.
    const levels = (await national.request('GET', `/api/editions/${id}`)).json<{ levels: { id: string; code: string }[] }>().levels;
    const zone = levels.find((l) => l.code === sumatera.code)!;
    const renamed = await national.request('PATCH', `/api/editions/${id}/levels/${zone.id}`, { ...sumatera, code: 'zona-sumatra' });
    expect(renamed.statusCode).toBe(409);
  });

  it('sends each province’s winner to its own zone, and each zone’s winner to the nation', async () => {
    const db = t.database.db;
    const lampung = await panelAndPool(db, z, z.national, 'provinsi', '18', 'Tim Penilai Provinsi Lampung');
    const ntb = await panelAndPool(db, z, z.national, 'provinsi', '52', 'Tim Penilai Provinsi NTB');
    await markPool(db, lampung.poolId, lampung.chair, lampung.jurors, ['18.06', '18.02', '18.04'].map((c) => z.ids.get(c)!));
    await markPool(db, ntb.poolId, ntb.chair, ntb.jurors, ['52.03', '52.01', '52.02'].map((c) => z.ids.get(c)!));
    for (const p of [lampung, ntb]) {
      const chair = await signIn(t, p.chair.email);
      expect((await chair.request('POST', `/api/pools/${p.poolId}/finalise`)).statusCode).toBe(200);
    }
    const advanced = (await listCandidates(db, z.editionId, { all: true })).filter((c) => c.level !== 'provinsi');
    expect(advanced.map((c) => [c.name, c.level]).sort()).toEqual([
      ['Kabupaten Lombok Timur', nusra.code],
      ['Kabupaten Tanggamus', sumatera.code],
    ]);

    // A candidacy at a zone of a province outside it is never in the zone's pool.
    const stray = await insertCandidate(db, { editionId: z.editionId, categoryId: z.categoryId, kind: 'pemda', provinceCode: '52', regencyCode: '52.04', name: 'Kabupaten Sumbawa', level: sumatera.code, status: 'verified' });
    for (const c of advanced) await verifyWithValues(db, c.id, {});
    const sumPool = await panelAndPool(db, z, z.national, sumatera.code, '', 'Tim Penilai Regional Sumatera');
    const nusraPool = await panelAndPool(db, z, z.national, nusra.code, '', 'Tim Penilai Regional Bali Nusra');
    const pools = (await national.request('GET', `/api/editions/${z.editionId}/pools`)).json<PoolSummary[]>();
    expect(pools.filter((p) => p.area === '').map((p) => [p.level, p.candidates]).sort()).toEqual([
      [nusra.code, 1],
      [sumatera.code, 1],
    ]);
    const names = async (poolId: string) => (await national.request('GET', `/api/pools/${poolId}`)).json<PoolDetail>().candidatesList.map((c) => c.name);
    expect(await names(sumPool.poolId)).toEqual(['Kabupaten Tanggamus']);
    expect(await names(nusraPool.poolId)).toEqual(['Kabupaten Lombok Timur']);
    expect((await findCandidate(db, stray.id))!.level).toBe(sumatera.code);

    // Each zone's panel judges its own pool; both winners go on to the nation.
    for (const [p, code] of [[sumPool, '18.06'], [nusraPool, '52.03']] as const) {
      const zoneCandidate = advanced.find((c) => c.advancedFrom === z.ids.get(code))!;
      await markPool(db, p.poolId, p.chair, p.jurors, [zoneCandidate.id]);
      const chair = await signIn(t, p.chair.email);
      expect((await chair.request('POST', `/api/pools/${p.poolId}/finalise`)).statusCode).toBe(200);
    }
    const atNation = (await listCandidates(db, z.editionId, { all: true })).filter((c) => c.level === 'nasional');
    expect(atNation.map((c) => c.name).sort()).toEqual(['Kabupaten Lombok Timur', 'Kabupaten Tanggamus']);
    // The national candidacy comes from the zone's candidacy, which came from the province's.
    for (const c of atNation) expect((await findCandidate(db, c.advancedFrom!))!.level).toMatch(/^zona-/);
  });
});

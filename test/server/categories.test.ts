import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { listCategories, listEditions } from '../../src/db/repositories/editions.ts';
import { valuesOf } from '../../src/db/repositories/coverage.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';
import { scoringSetup } from '../../src/domain/panels/scoring-setup.ts';
import { coverageRegions, coverageSnapshots } from '../../src/db/schema/index.ts';
import { fillCandidateValues } from '../../src/server/services/coverage-import.ts';

type Detail = { id: string; name: string; level: string; provinceCode: string; regencyCode: string | null; villageCode: string | null; kind: string };
type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string }[] } };

/** Aceh (11) is untouched by the demo: every candidacy here is this test's own. */
describe.each(drivers())('categories identified by their own unit on %s', (driver) => {
  let t: TestApp;
  let editionId: string;
  let categories: Map<string, string>;
  let categoryRows: Awaited<ReturnType<typeof listCategories>>;
  let admin11: Client;
  const base = { npp: null, name: null, sizeClass: null, sector: null, address: null, contacts: [] };

  beforeAll(async () => {
    t = await startTestApp(driver);
    await seedDemo(t.database.db);
    editionId = (await listEditions(t.database.db))[0]!.id;
    categoryRows = await listCategories(t.database.db, editionId);
    categories = new Map(categoryRows.map((c) => [c.code, c.id]));
    admin11 = await signIn(t, (await makeUser(t, roles.provincialAdmin('11'))).email);
  });
  afterAll(async () => t?.close());

  const nominate = (body: Record<string, unknown>) => admin11.request('POST', `/api/editions/${editionId}/candidates`, { ...base, provinceCode: '11', regencyCode: null, ...body });

  it('nominates a provincial government by its province alone, named as itself, at the category’s level, once', async () => {
    const res = await nominate({ categoryId: categories.get('pemprov') });
    expect(res.statusCode).toBe(201);
    expect(res.json<Detail>()).toMatchObject({ name: 'Pemerintah Provinsi Aceh', level: 'nasional', provinceCode: '11', regencyCode: null, villageCode: null, kind: 'pemda' });
    const again = await nominate({ categoryId: categories.get('pemprov'), name: 'Pemprov Aceh' });
    expect(again.statusCode).toBe(400);
    expect(again.json<ErrorBody>().error.details).toEqual([
      { path: 'baris 2.baris', reason: 'already-candidate', values: { name: 'Pemprov Aceh', category: 'pemprov' }, message: 'Pemprov Aceh is already a candidate of category pemprov' },
    ]);
    const regency = await nominate({ categoryId: categories.get('pemprov'), regencyCode: '11.01' });
    expect(regency.statusCode).toBe(400);
  });

  it('gives a provincial government its province’s coverage figures and a village none of its regency’s', async () => {
    const db = t.database.db;
    const list = (await admin11.request('GET', `/api/editions/${editionId}/candidates`)).json<Detail[]>();
    const province = list.find((c) => c.name === 'Pemerintah Provinsi Aceh')!;
    const village = await nominate({ categoryId: categories.get('desa'), villageCode: '11.01.01.2002' });
    expect(village.statusCode).toBe(201);
    const [snapshot] = await db.insert(coverageSnapshots).values({ editionId, version: 99, year: 2025, status: 'ready', inputFiles: [] }).returning();
    const region = (code: string, isProvince: boolean, coveragePct: number, govFunded: number) => ({
      snapshotId: snapshot!.id, code, isProvince, active: 1000, activePu: 600, activeBpu: 400, activeJakon: 0, activePmi: 0, activePrev: 900,
      growthPct: 11.1, coveragePct, bpuCoveragePct: 20, govFunded, employersActive: 10, workingPopulation: null, informalWorkers: null,
    });
    await db.insert(coverageRegions).values([region('11', true, 41.5, 9360), region('11.01', false, 12.5, 77)]);
    await fillCandidateValues(db, editionId, snapshot!.id);
    const values = await valuesOf(db, [province.id, village.json<Detail>().id]);
    expect(values.filter((v) => v.candidateId === province.id).map((v) => [v.key, v.valueNum])).toEqual([
      ['active', 1000], ['bpu_coverage_pct', 20], ['coverage_pct', 41.5], ['employer_compliance_pct', null], ['gov_funded', 9360], ['growth_pct', 11.1], ['working_population', null],
    ]);
    expect(values.filter((v) => v.candidateId === village.json<Detail>().id)).toEqual([]);
    const figures = await admin11.request('GET', `/api/candidates/${village.json<Detail>().id}/figures`);
    expect(figures.statusCode).toBe(200);
    expect(figures.json<{ figures: unknown[] }>().figures).toEqual([]);
  });

  it('nominates villages by their Kemendagri code, several of one regency, each named as itself', async () => {
    const first = await nominate({ categoryId: categories.get('desa'), villageCode: '11.01.01.2001' });
    expect(first.statusCode).toBe(201);
    expect(first.json<Detail>()).toMatchObject({ name: 'Desa Keude Bakongan', villageCode: '11.01.01.2001', regencyCode: null, level: 'provinsi' });
    const named = await nominate({ categoryId: categories.get('desa'), villageCode: '11.01.01.2003', name: 'Gampong Gampong Drien' });
    expect(named.statusCode).toBe(201);
    expect(named.json<Detail>()).toMatchObject({ name: 'Gampong Gampong Drien', villageCode: '11.01.01.2003' });
    const twice = await nominate({ categoryId: categories.get('desa'), villageCode: '11.01.01.2001' });
    expect(twice.statusCode).toBe(400);
    expect(twice.json<ErrorBody>().error.details?.[0]).toMatchObject({ reason: 'already-candidate', values: { name: '11.01.01.2001', category: 'desa' } });
    const foreign = await nominate({ categoryId: categories.get('desa'), villageCode: '52.03.01.2001' });
    expect(foreign.json<ErrorBody>().error.details?.[0]).toMatchObject({ reason: 'village-other-province', values: { name: 'Tanjung Luar', province: '11' } });
  });

  it('shows the demo’s provincial government, village and public-service institutions, each with its own figures and instrument', async () => {
    const db = t.database.db;
    const all = await listCandidates(db, editionId, { all: true });
    const lampung = all.find((c) => c.name === 'Pemerintah Provinsi Lampung')!;
    expect(lampung).toMatchObject({ provinceCode: '18', regencyCode: null, level: 'nasional', categoryId: categories.get('pemprov') });
    expect((await valuesOf(db, [lampung.id])).map((v) => [v.key, v.valueNum])).toEqual([['gov_funded', 9360]]);
    expect(all.find((c) => c.villageCode === '52.03.03.2006')).toMatchObject({ name: 'Desa Sukadana', regencyCode: null, categoryId: categories.get('desa') });
    const tanggamus = all.find((c) => c.regencyCode === '18.06')!;
    expect((await valuesOf(db, [tanggamus.id])).find((v) => v.key === 'gov_funded')?.valueNum).toBe(5247);
    // Seed figures of Lampung and Tanggamus are no longer attached to NTB regencies.
    const ntb = all.filter((c) => c.provinceCode === '52');
    expect((await valuesOf(db, ntb.map((c) => c.id))).filter((v) => v.valueNum === 9360 || v.valueNum === 4871)).toEqual([]);
    const rs = all.find((c) => c.name === 'RS Lotim Medical Center')!;
    expect(rs.npp).toBe('520010201');
    expect(all.filter((c) => c.kind === 'badan-usaha').every((c) => c.npp !== null)).toBe(true);
    const setup = (code: string) => {
      const category = categoryRows.find((c) => c.code === code)!;
      return scoringSetup(category).instrument.id;
    };
    expect([setup('pemprov'), setup('pemkab-kota'), setup('desa'), setup('pelayanan-publik')]).toEqual(['pemda.v1', 'pemda.v1', 'desa.v1', 'pelayanan-publik.v1']);
  });

  it('finds villages of a regency by village or district name', async () => {
    const res = await admin11.request('GET', '/api/regions/villages?regency=52.03&q=tanjung%20luar');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([{ code: '52.03.01.2001', name: 'Tanjung Luar', districtCode: '52.03.01', districtName: 'Keruak', regencyCode: '52.03' }]);
    const byDistrict = (await admin11.request('GET', '/api/regions/villages?regency=52.03&q=keruak')).json<{ districtName: string }[]>();
    expect(byDistrict.length).toBeGreaterThan(5);
    expect(new Set(byDistrict.map((v) => v.districtName))).toEqual(new Set(['Keruak']));
    expect((await admin11.request('GET', '/api/regions/villages?regency=52')).statusCode).toBe(400);
  });
});

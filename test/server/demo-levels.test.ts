import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { nextLevelOf } from '../../src/domain/editions/levels.ts';
import type { EditionDetail } from '../../src/shared/contracts/index.ts';

/** The demo edition shows the award's structure: two zones, a category routed through them, provinces' own ceremonies. */
describe.each(drivers())('the demo’s levels on %s', (driver) => {
  let t: TestApp;
  let national: Client;
  let edition: EditionDetail;

  beforeAll(async () => {
    t = await startTestApp(driver);
    await seedDemo(t.database.db);
    national = await signIn(t, (await makeUser(t, roles.nationalAdmin())).email);
    const [summary] = (await national.request('GET', '/api/editions')).json<{ id: string }[]>();
    edition = (await national.request('GET', `/api/editions/${summary!.id}`)).json<EditionDetail>();
  });
  afterAll(async () => t?.close());

  it('has two zones with their provinces, and Usaha Besar runs through them', () => {
    const zones = edition.levels.filter((l) => l.kind === 'zona');
    expect(zones.map((z) => [z.code, z.provinceCodes.length]).sort()).toEqual([
      ['zona-bali-nusra', 3],
      ['zona-sumatera', 10],
    ]);
    const usahaBesar = edition.categories.find((c) => c.code === 'usaha-besar')!;
    expect(nextLevelOf(edition.levels, usahaBesar.levels, 'provinsi', '52')).toBe('zona-bali-nusra');
    expect(nextLevelOf(edition.levels, usahaBesar.levels, 'provinsi', '18')).toBe('zona-sumatera');
    expect(nextLevelOf(edition.levels, usahaBesar.levels, 'provinsi', '64')).toBe('nasional');
    const pemkab = edition.categories.find((c) => c.code === 'pemkab-kota')!;
    expect(nextLevelOf(edition.levels, pemkab.levels, 'provinsi', '52')).toBe('nasional');
  });

  it('holds Kalimantan Timur’s and Lampung’s own ceremonies on their dates', () => {
    const ceremonies = edition.events.filter((e) => e.kind === 'provincial_ceremony').map((e) => [e.provinceCode, e.heldOn]);
    expect(ceremonies.sort()).toEqual([
      ['18', '2025-08-13'],
      ['64', '2025-08-05'],
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { nextLevelOf } from '../../src/domain/editions/levels.ts';
import type { EditionDetail, ProvinceCalendars } from '../../src/shared/contracts/index.ts';
import { seedDemoCalendars } from '../../src/server/services/demo-levels.ts';
import { listMilestones, replaceMilestones } from '../../src/db/repositories/editions.ts';
import { fromDayNumber, shiftYears, toDayNumber } from '../../src/domain/editions/dates.ts';
import type { Actor } from '../../src/server/policies/actor.ts';

const systemActor: Actor = { id: null, name: 'demo', email: 'system', locale: 'id', roles: [{ role: 'national_admin', provinceCode: null, candidateId: null }], csrfToken: '', sessionId: '' } as unknown as Actor;

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

  it('puts provinces on their own calendars: NTB interviews on 14–15 July, Lampung and Bengkulu close on other days than the nation', async () => {
    const calendars = (await national.request('GET', `/api/editions/${edition.id}/province-calendars`)).json<ProvinceCalendars>();
    const of = (code: string) => calendars.provinces.find((p) => p.provinceCode === code)!;
    expect([of('52').interviewStartsOn?.slice(5), of('52').interviewEndsOn?.slice(5)]).toEqual(['07-14', '07-15']);
    const deadline = calendars.national.selfAssessmentDeadline!;
    expect(of('18').selfAssessmentDeadline).not.toBe(deadline);
    expect(of('18').selfAssessmentDeadline! < deadline).toBe(true);
    expect(of('17').selfAssessmentDeadline! > deadline).toBe(true);
    expect(of('17').verificationStartsOn! > of('17').selfAssessmentDeadline!).toBe(true);
  });

  it('keeps a Lampung deadline open a week from today when the national one allows it', async () => {
    const db = t.database.db;
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const future = (await listMilestones(db, edition.id)).map(({ kind, startsOn, endsOn, place }) =>
      kind === 'registration' ? { kind, startsOn, endsOn: shiftYears(today, 1), place } : { kind, startsOn: shiftYears(startsOn, 70), endsOn: endsOn && shiftYears(endsOn, 70), place },
    );
    await replaceMilestones(db, edition.id, future);
    // Ten days before a deadline a year away: open today.
    await seedDemoCalendars(db, systemActor, edition.id);
    const res = await national.request('GET', `/api/editions/${edition.id}/province-calendars`);
    expect(res.statusCode, res.body).toBe(200);
    const lampung = res.json<ProvinceCalendars>().provinces.find((p) => p.provinceCode === '18')!;
    expect(lampung.selfAssessmentDeadline! >= today).toBe(true);
    // Twelve days before the national deadline, ten days earlier would be two days away: a week from today instead.
    const soon = future.map((m) => (m.kind === 'registration' ? { ...m, endsOn: fromDayNumber(toDayNumber(today) + 12) } : m));
    await replaceMilestones(db, edition.id, soon);
    await seedDemoCalendars(db, systemActor, edition.id);
    const again = (await national.request('GET', `/api/editions/${edition.id}/province-calendars`)).json<ProvinceCalendars>();
    expect(again.provinces.find((p) => p.provinceCode === '18')!.selfAssessmentDeadline).toBe(fromDayNumber(toDayNumber(today) + 7));
  });
});


/**
 * Observers: the ministries' and BPJS Ketenagakerjaan's leadership read an
 * edition's progress, coverage and announced results, for the nation or for
 * some provinces, and never a mark. Only the national admin appoints them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { makeUser, roles, signIn, startTestApp, testPassword, type Client, type TestApp } from '../support/app.ts';
import { finalisedPool, type FinalisedPool } from '../support/publication.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';
import type { EditionRecap, Me, UserSummary } from '../../src/shared/contracts/index.ts';

type ErrorBody = { error: { code: string; message: string; details?: unknown } };
type Progress = { provinces: { provinceCode: string }[]; candidates: { candidateId: string; provinceCode: string }[] };

describe.each(drivers())('observers on %s', (driver) => {
  let t: TestApp;
  let f: FinalisedPool;
  let national: Client;
  let ntbAdmin: Client;
  let chair: Client;
  let observer: Client;
  let ntbObserver: Client;
  let lampungCandidate: string;

  beforeAll(async () => {
    t = await startTestApp(driver, { LOGIN_RATE_PER_MINUTE: '1000', LOGIN_ACCOUNT_RATE_PER_MINUTE: '1000' });
    await seedDemo(t.database.db);
    f = await finalisedPool(t.database.db);
    national = await signIn(t, f.national.email, testPassword);
    ntbAdmin = await signIn(t, f.provincial.email, testPassword);
    chair = await signIn(t, f.chair.email, testPassword);
    observer = await signIn(t, (await makeUser(t, roles.observer([], 'kemenko_pmk'))).email);
    ntbObserver = await signIn(t, (await makeUser(t, roles.observer(['52'], 'bpjs_ketenagakerjaan'))).email);
    lampungCandidate = (await listCandidates(t.database.db, f.editionId, { all: true })).find((c) => c.provinceCode === '18' && c.level === 'provinsi')!.id;
  });
  afterAll(async () => t?.close());

  it('are appointed by the national admin with their organisation, nationally or for some provinces', async () => {
    const national1 = await national.request('POST', '/api/users', {
      email: 'deputi.pmk@test.example',
      name: 'Deputi Bidang Koordinasi Peningkatan Kualitas Anak, Perempuan, dan Pemuda',
      invite: true,
      roles: [{ role: 'observer', provinceCode: null, candidateId: null, organisation: 'kemenko_pmk' }],
    });
    expect(national1.statusCode).toBe(201);
    expect(national1.json<UserSummary>().roles).toEqual([{ role: 'observer', provinceCode: null, candidateId: null, organisation: 'kemenko_pmk' }]);
    expect(national1.json<UserSummary>().invitation).toBe('open');

    const two = await national.request('POST', '/api/users', {
      email: 'kakanwil.banuspa@test.example',
      name: 'Kepala Kantor Wilayah Banuspa',
      password: testPassword,
      roles: [
        { role: 'observer', provinceCode: '52', candidateId: null, organisation: 'bpjs_ketenagakerjaan' },
        { role: 'observer', provinceCode: '51', candidateId: null, organisation: 'bpjs_ketenagakerjaan' },
      ],
    });
    expect(two.statusCode).toBe(201);
    expect(two.json<UserSummary>().roles).toEqual([
      { role: 'observer', provinceCode: '51', candidateId: null, organisation: 'bpjs_ketenagakerjaan' },
      { role: 'observer', provinceCode: '52', candidateId: null, organisation: 'bpjs_ketenagakerjaan' },
    ]);

    // An observer names its organisation, and no other role carries one.
    const bare = await national.request('POST', '/api/users', { email: 'tanpa.instansi@test.example', name: 'Tanpa Instansi', password: testPassword, roles: [{ role: 'observer', provinceCode: null, candidateId: null }] });
    expect(bare.statusCode).toBe(400);
    expect(bare.json<ErrorBody>().error.details).toEqual([{ path: 'roles.0.organisation', message: 'required' }]);
    const verifier = await national.request('POST', '/api/users', {
      email: 'verifikator.instansi@test.example',
      name: 'Verifikator Berinstansi',
      password: testPassword,
      roles: [{ role: 'verifier', provinceCode: '52', candidateId: null, organisation: 'kemnaker' }],
    });
    expect(verifier.statusCode).toBe(400);
    expect(verifier.json<ErrorBody>().error.details).toEqual([{ path: 'roles.0.organisation', message: 'must be empty' }]);

    // The nation or some provinces, not both.
    const both = await national.request('POST', '/api/users', {
      email: 'campuran@test.example',
      name: 'Pemantau Campuran',
      password: testPassword,
      roles: [
        { role: 'observer', provinceCode: '52', candidateId: null, organisation: 'kemnaker' },
        { role: 'observer', provinceCode: null, candidateId: null, organisation: 'kemnaker' },
      ],
    });
    expect(both.statusCode).toBe(400);
    expect(both.json<ErrorBody>().error.details).toEqual([{ path: 'roles.1.provinceCode', message: 'required' }]);

    // A provincial admin appoints no observer, not even of its own province, and does not list them.
    const refused = await ntbAdmin.request('POST', '/api/users', {
      email: 'pemantau.ntb@test.example',
      name: 'Pemantau NTB',
      password: testPassword,
      roles: [{ role: 'observer', provinceCode: '52', candidateId: null, organisation: 'kemendagri' }],
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<ErrorBody>().error.code).toBe('FORBIDDEN');
    const seenByProvince = (await ntbAdmin.request('GET', '/api/users')).json<UserSummary[]>().map((u) => u.email);
    expect(seenByProvince).not.toContain('kakanwil.banuspa@test.example');
    const seenNationally = (await national.request('GET', '/api/users')).json<UserSummary[]>().map((u) => u.email);
    expect(seenNationally).toEqual(expect.arrayContaining(['deputi.pmk@test.example', 'kakanwil.banuspa@test.example']));
    expect(seenNationally).not.toContain('pemantau.ntb@test.example');
  });

  it('are told what they may do: read progress, candidates and the recap, change nothing', async () => {
    const me = (await ntbObserver.request('GET', '/api/auth/me')).json<Me>();
    const allowed = Object.entries(me.abilities)
      .filter(([, yes]) => yes)
      .map(([action]) => action);
    expect(allowed).toEqual(['listCandidates', 'readRecap']);
    expect(me.committee).toEqual({ national: false, provinces: [] });
  });

  it('scoped to a province, read its progress and candidates and nothing of another province (403)', async () => {
    const out = await ntbObserver.request('GET', `/api/candidates/${lampungCandidate}`);
    expect(out.statusCode).toBe(403);
    expect(out.json()).toEqual({ error: { code: 'FORBIDDEN', message: 'You may not see this candidate' } });
    expect((await ntbObserver.request('GET', `/api/candidates/${lampungCandidate}/self-assessment`)).statusCode).toBe(403);
    expect((await ntbObserver.request('GET', `/api/candidates/${f.ids.get('52.03')!}`)).statusCode).toBe(200);

    const progress = (await ntbObserver.request('GET', `/api/editions/${f.editionId}/progress`)).json<Progress>();
    expect(progress.provinces.map((p) => p.provinceCode)).toEqual(['52']);
    expect(progress.candidates.map((c) => c.candidateId)).not.toContain(lampungCandidate);
    expect(progress.candidates.map((c) => c.candidateId)).toContain(f.ids.get('52.03')!);
    const list = (await ntbObserver.request('GET', `/api/editions/${f.editionId}/candidates`)).json<{ provinceCode: string }[]>();
    expect([...new Set(list.map((c) => c.provinceCode))]).toEqual(['52']);
    const recap = (await ntbObserver.request('GET', `/api/editions/${f.editionId}/recap`)).json<EditionRecap>();
    expect(recap.provinces.map((p) => p.code)).toEqual(['52']);
    expect(recap.national).toBe(false);

    // The nation's observer reads every province.
    const all = (await observer.request('GET', `/api/editions/${f.editionId}/progress`)).json<Progress>();
    expect(all.provinces.map((p) => p.provinceCode)).toEqual(expect.arrayContaining(['18', '52']));
    expect((await observer.request('GET', `/api/candidates/${lampungCandidate}`)).statusCode).toBe(200);
    expect((await observer.request('GET', `/api/editions/${f.editionId}/recap`)).json<EditionRecap>().provinces).toHaveLength(38);
  });

  it('write nothing but their own account', async () => {
    const lotim = f.ids.get('52.03')!;
    const writes: [string, string, unknown][] = [
      ['PATCH', `/api/candidates/${lotim}`, { phone: '0370 123456' }],
      ['POST', `/api/candidates/${lotim}/verification/items`, { itemKey: 'innovation', status: 'valid', comment: null }],
      ['POST', `/api/editions/${f.editionId}/candidates`, {}],
      ['POST', `/api/pools/${f.poolId}/publish`, undefined],
      ['POST', '/api/users', { email: 'x@test.example', name: 'X Y', password: testPassword, roles: roles.juror() }],
    ];
    for (const client of [observer, ntbObserver]) {
      for (const [method, url, body] of writes) expect((await client.request(method as 'POST', url, body)).statusCode, `${method} ${url}`).toBe(403);
      const own = await client.request('PATCH', '/api/account/profile', { name: 'Pemantau Kementerian', locale: 'en' });
      expect(own.statusCode).toBe(200);
    }
  });

  it('never see the marks, sheets or winners of a result before it is announced', async () => {
    const lotim = f.ids.get('52.03')!;
    const markRoutes = [
      `/api/pools/${f.poolId}`,
      `/api/pools/${f.poolId}/result`,
      `/api/pools/${f.poolId}/results`,
      `/api/pools/${f.poolId}/moderation?stage=desk`,
      `/api/pools/${f.poolId}/sheets/${lotim}`,
      `/api/results/${f.resultId}/package`,
      `/api/results/${f.resultId}/minutes`,
      `/api/editions/${f.editionId}/pools`,
    ];
    const refusedEverywhere = async () => {
      for (const client of [observer, ntbObserver]) {
        for (const url of markRoutes) {
          const res = await client.request('GET', url);
          expect(res.statusCode, url).toBe(403);
          expect(res.json(), url).toEqual({ error: { code: 'FORBIDDEN', message: 'Your role does not allow this' } });
        }
      }
    };
    const ntbWinners = async (client: Client) =>
      (await client.request('GET', `/api/editions/${f.editionId}/recap`))
        .json<EditionRecap>()
        .winners.filter((w) => w.area === '52')
        .map((w) => [w.award, w.candidateName, w.announced]);

    // Final, not announced: the committee sees the winners, observers see none and no mark.
    expect(await ntbWinners(ntbAdmin)).toEqual([
      [1, 'Kabupaten Lombok Timur', false],
      [2, 'Kabupaten Lombok Barat', false],
      [3, 'Kabupaten Lombok Tengah', false],
    ]);
    for (const client of [observer, ntbObserver]) {
      expect(await ntbWinners(client)).toEqual([]);
      const row = (await client.request('GET', `/api/editions/${f.editionId}/recap`)).json<EditionRecap>().provinces.find((p) => p.code === '52')!;
      expect(row).toMatchObject({ pools: 1, poolsFinal: 1, poolsAnnounced: 0, winners: 0 });
    }
    await refusedEverywhere();

    // Reopened, no longer final: the chair previews the result, observers still see nothing of it.
    expect((await ntbAdmin.request('POST', `/api/pools/${f.poolId}/reopen`, { reason: 'Berita acara perlu diperiksa ulang', stage: null })).statusCode).toBe(200);
    expect((await chair.request('GET', `/api/pools/${f.poolId}/result`)).json<{ status: string }>().status).toBe('preview');
    await refusedEverywhere();
    for (const client of [observer, ntbObserver]) expect(await ntbWinners(client)).toEqual([]);

    // Final again and announced: the observers read the winners (the marks stay with the panel).
    expect((await chair.request('POST', `/api/pools/${f.poolId}/finalise`)).statusCode).toBe(200);
    expect((await ntbAdmin.request('POST', `/api/pools/${f.poolId}/publish`)).statusCode).toBe(200);
    for (const client of [observer, ntbObserver]) {
      expect(await ntbWinners(client)).toEqual([
        [1, 'Kabupaten Lombok Timur', true],
        [2, 'Kabupaten Lombok Barat', true],
        [3, 'Kabupaten Lombok Tengah', true],
      ]);
    }
    await refusedEverywhere();
  });
});

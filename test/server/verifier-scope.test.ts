import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { makeUser, roles, signIn, startTestApp, testPassword, type Client, type TestApp } from '../support/app.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { listEditions } from '../../src/db/repositories/editions.ts';
import { insertCandidate, listCandidates } from '../../src/db/repositories/candidates.ts';
import { insertDispute } from '../../src/db/repositories/coverage.ts';
import type { Dispute, UserSummary } from '../../src/shared/contracts/index.ts';

type Row = { id?: string; candidateId?: string };

describe.each(drivers())('a verifier limited to a branch office’s regencies on %s', (driver) => {
  let t: TestApp;
  let admin52: Client;
  let scoped: Client;
  let whole: Client;
  let editionId: string;
  let inScope: string;
  let outOfScope: string;
  let employer: string;

  beforeAll(async () => {
    t = await startTestApp(driver, { LOGIN_RATE_PER_MINUTE: '1000', LOGIN_ACCOUNT_RATE_PER_MINUTE: '1000' });
    await seedDemo(t.database.db);
    editionId = (await listEditions(t.database.db))[0]!.id;
    const ntb = (await listCandidates(t.database.db, editionId, { all: true })).filter((c) => c.provinceCode === '52' && c.level === 'provinsi');
    const lotim = ntb.find((c) => c.regencyCode === '52.03')!;
    inScope = lotim.id;
    // Another regency of the province, and an employer (no regency), as the committee would nominate them.
    const { id: _id, categoryCode: _code, createdAt: _at, ...fields } = lotim;
    outOfScope = (await insertCandidate(t.database.db, { ...fields, regencyCode: '52.01', name: 'Kabupaten Lombok Barat' })).id;
    employer = (await insertCandidate(t.database.db, { ...fields, kind: 'badan-usaha', regencyCode: null, npp: '52000123', name: 'PT Contoh Mataram' })).id;
    admin52 = await signIn(t, (await makeUser(t, roles.provincialAdmin('52'))).email);
    whole = await signIn(t, (await makeUser(t, roles.verifier('52'))).email);
  });
  afterAll(async () => t?.close());

  it('is set by the provincial admin, only with regencies of the province', async () => {
    const grant = (regencyCodes: string[]) => [{ role: 'verifier', provinceCode: '52', candidateId: null, regencyCodes }];
    const bad = await admin52.request('POST', '/api/users', { email: 'kc.salah@test.example', name: 'KC Salah', password: testPassword, roles: grant(['18.02']) });
    expect(bad.statusCode).toBe(400);
    const juror = await admin52.request('POST', '/api/users', {
      email: 'juri.salah@test.example',
      name: 'Juri Salah',
      password: testPassword,
      roles: [{ role: 'juror', provinceCode: '52', candidateId: null, regencyCodes: ['52.03'] }],
    });
    expect(juror.statusCode).toBe(400);
    const ok = await admin52.request('POST', '/api/users', { email: 'kc.selong@test.example', name: 'Kepala KC Selong', password: testPassword, roles: grant(['52.03']) });
    expect(ok.statusCode).toBe(201);
    expect(ok.json<UserSummary>().roles[0]!.regencyCodes).toEqual(['52.03']);
    scoped = await signIn(t, 'kc.selong@test.example');
  });

  it('lists only its regencies’ candidacies in the candidate list, the verification queue and the progress page', async () => {
    for (const url of [`/api/editions/${editionId}/candidates`, `/api/editions/${editionId}/verification`, `/api/editions/${editionId}/progress`]) {
      const res = await scoped.request('GET', url);
      expect(res.statusCode, url).toBe(200);
      const body = res.json<Row[] | { candidates: Row[] }>();
      const ids = (Array.isArray(body) ? body : body.candidates).map((r) => r.candidateId ?? r.id);
      expect(ids, url).toContain(inScope);
      expect(ids, url).not.toContain(outOfScope);
      expect(ids, url).not.toContain(employer);
      // The province-wide verifier still lists both.
      const all = (await whole.request('GET', url)).json<Row[] | { candidates: Row[] }>();
      const allIds = (Array.isArray(all) ? all : all.candidates).map((r) => r.candidateId ?? r.id);
      expect(allIds, url).toEqual(expect.arrayContaining([inScope, outOfScope]));
    }
  });

  it('neither sees nor acts on an out-of-scope candidacy (403), and acts on its own', async () => {
    expect((await scoped.request('GET', `/api/candidates/${outOfScope}`)).statusCode).toBe(403);
    expect((await scoped.request('GET', `/api/candidates/${outOfScope}/verification`)).statusCode).toBe(403);
    expect((await scoped.request('POST', `/api/candidates/${outOfScope}/verification/items`, { itemKey: 'innovation', status: 'accepted', comment: null })).statusCode).toBe(403);
    expect((await scoped.request('POST', `/api/candidates/${outOfScope}/verification/confirm`, {})).statusCode).toBe(403);
    expect((await scoped.request('GET', `/api/candidates/${inScope}`)).statusCode).toBe(200);
    // Its own candidacy answers it as it answers a province-wide verifier (409 here: nothing submitted yet).
    const verificationOf = async (client: Client, id: string) => (await client.request('GET', `/api/candidates/${id}/verification`)).statusCode;
    expect(await verificationOf(scoped, inScope)).toBe(await verificationOf(whole, inScope));
    expect(await verificationOf(scoped, inScope)).not.toBe(403);
    // Authorized: only the (empty) body is refused.
    expect((await scoped.request('POST', `/api/candidates/${inScope}/verification/items`, {})).statusCode).toBe(400);
    expect(await verificationOf(whole, outOfScope)).not.toBe(403);
    expect((await whole.request('GET', `/api/candidates/${outOfScope}`)).statusCode).toBe(200);
  });

  it('lists only its regencies’ disputes, as the queue and progress pages do', async () => {
    const raise = (candidateId: string) =>
      insertDispute(t.database.db, { candidateId, key: 'workers', disputedValue: 120, claimedValue: 150, reason: 'Data pekerja belum diperbarui' });
    const mine = await raise(inScope);
    const other = await raise(outOfScope);
    const listed = async (client: Client) => {
      const res = await client.request('GET', `/api/editions/${editionId}/disputes`);
      expect(res.statusCode).toBe(200);
      return res.json<Dispute[]>().map((d) => [d.id, d.candidateName]);
    };
    expect(await listed(scoped)).toEqual([[mine.id, 'Kabupaten Lombok Timur']]);
    expect((await listed(whole)).sort()).toEqual([[mine.id, 'Kabupaten Lombok Timur'], [other.id, 'Kabupaten Lombok Barat']].sort());
    expect((await listed(admin52)).sort()).toEqual([[mine.id, 'Kabupaten Lombok Timur'], [other.id, 'Kabupaten Lombok Barat']].sort());
  });
});

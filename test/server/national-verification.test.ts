import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { finalisedPool, type FinalisedPool } from '../support/publication.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { findCandidate, listCandidates } from '../../src/db/repositories/candidates.ts';
import { listAudit } from '../../src/db/repositories/audit.ts';

type ErrorBody = { error: { code: string; message: string } };
type Earlier = { level: string; levelName: string; items: { key: string; status: string; decidedBy: string | null }[] }[];
type View = { state: string; candidateStatus: string; items: { key: string; status: string }[] };

/**
 * National verification: a national verifier's queue holds the candidacies
 * past the provincial round; the province's decisions stay readable as
 * history, and the national verifier takes them over or decides again.
 */
describe.each(drivers())('national verification on %s', (driver) => {
  let t: TestApp;
  let f: FinalisedPool;
  let nationalId: string;
  let lampungId: string;
  let nv: Client;
  let verifier52: Client;

  beforeAll(async () => {
    t = await startTestApp(driver);
    await seedDemo(t.database.db);
    f = await finalisedPool(t.database.db);
    const all = await listCandidates(t.database.db, f.editionId, { all: true });
    nationalId = all.find((c) => c.advancedFrom === f.ids.get('52.03'))!.id;
    lampungId = all.find((c) => c.regencyCode === '18.02')!.id;
    nv = await signIn(t, (await makeUser(t, [{ role: 'national_verifier', provinceCode: null, candidateId: null }], { name: 'Verifikator Nasional' })).email);
    verifier52 = await signIn(t, (await makeUser(t, roles.verifier('52'))).email);
  });
  afterAll(async () => t?.close());

  it('gives the national verifier a queue of national-level candidacies only, and nothing of a province’s round', async () => {
    const me = (await nv.request('GET', '/api/auth/me')).json<{ abilities: Record<string, boolean> }>().abilities;
    expect({ queue: me.readVerificationQueue, verify: me.verify, nominate: me.nominate, manageUsers: me.manageUsers }).toEqual({ queue: true, verify: true, nominate: false, manageUsers: false });
    const queue = (await nv.request('GET', `/api/editions/${f.editionId}/verification`)).json<{ candidateId: string; name: string }[]>();
    // The advanced candidacy, and the demo's provincial government nominated at national level; no provincial one.
    const levels = await listCandidates(t.database.db, f.editionId, { all: true });
    expect(queue.map((q) => q.candidateId)).toContain(nationalId);
    expect(queue.map((q) => levels.find((c) => c.id === q.candidateId)!.level).filter((l) => l === 'provinsi')).toEqual([]);
    expect(queue.map((q) => q.name).sort()).toEqual(levels.filter((c) => c.level !== 'provinsi' && c.status !== 'declined' && c.status !== 'withdrawn').map((c) => c.name).sort());
    expect((await nv.request('GET', `/api/candidates/${nationalId}`)).statusCode).toBe(200);
    expect((await nv.request('GET', `/api/candidates/${f.ids.get('52.03')!}`)).statusCode).toBe(403);
    const refused = await nv.request('POST', `/api/candidates/${lampungId}/verification/items`, { key: 'coverage', status: 'valid', comment: null, deadline: null });
    expect(refused.statusCode).toBe(403);
  });

  it('shows the province’s decisions as history, with who took them', async () => {
    const res = await nv.request('GET', `/api/candidates/${nationalId}/verification/earlier`);
    expect(res.statusCode).toBe(200);
    const earlier = res.json<Earlier>();
    expect(earlier.map((e) => [e.level, e.levelName])).toEqual([['provinsi', 'Tingkat Provinsi']]);
    expect(earlier[0]!.items.map((i) => [i.key, i.status, i.decidedBy])).toEqual(
      ['agreements:a1', 'coverage', 'innovation', 'programs:p1', 'programs:p2', 'regulations:r1'].map((k) => [k, 'valid', 'Admin Nasional']),
    );
    // The national candidacy's own verification starts undecided.
    expect((await nv.request('GET', `/api/candidates/${nationalId}/verification`)).json<View>().items.every((i) => i.status === 'pending')).toBe(true);
  });

  it('takes over some decisions, decides another again, and confirms; the province’s verifier may not', async () => {
    expect((await verifier52.request('POST', `/api/candidates/${nationalId}/verification/adopt`, { keys: ['coverage'] })).statusCode).toBe(403);
    const unknown = await nv.request('POST', `/api/candidates/${nationalId}/verification/adopt`, { keys: ['coverage', 'programs:p9'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<ErrorBody>().error.message).toBe('No item programs:p9 in the self-assessment');
    expect((await nv.request('GET', `/api/candidates/${nationalId}/verification`)).json<View>().items.find((i) => i.key === 'coverage')!.status).toBe('pending');

    const adopted = await nv.request('POST', `/api/candidates/${nationalId}/verification/adopt`, { keys: ['regulations:r1', 'agreements:a1', 'programs:p1', 'programs:p2', 'coverage'] });
    expect(adopted.statusCode).toBe(200);
    expect(adopted.json<View>().items.map((i) => [i.key, i.status])).toEqual([
      ['regulations:r1', 'valid'],
      ['agreements:a1', 'valid'],
      ['programs:p1', 'valid'],
      ['programs:p2', 'valid'],
      ['coverage', 'valid'],
      ['innovation', 'pending'],
    ]);
    const again = await nv.request('POST', `/api/candidates/${nationalId}/verification/items`, { key: 'innovation', status: 'valid', comment: 'Diperiksa ulang di Jakarta', deadline: null });
    expect(again.json<View>().state).toBe('verified');
    expect((await nv.request('POST', `/api/candidates/${nationalId}/verification/confirm`)).statusCode).toBe(200);
    expect((await findCandidate(t.database.db, nationalId))!.status).toBe('verified');
    const entries = await listAudit(t.database.db, { entityId: nationalId, limit: 50 });
    expect(entries.some((e) => e.action === 'verification.adopt')).toBe(true);
    const late = await nv.request('POST', `/api/candidates/${nationalId}/verification/adopt`, { keys: ['innovation'] });
    expect(late.statusCode).toBe(409);
  });
});

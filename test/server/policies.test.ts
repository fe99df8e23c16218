/**
 * The authorization matrix: every API route × every kind of caller × every
 * scope of resource it can name, with the exact HTTP status.
 *
 * HOW TO ADD A ROUTE (the first test fails while a route has no row), in `policy-matrix.ts`:
 *   'METHOD /api/path/:id': { <scope>: signedIn(<status for the others>, { <who>: <status>, … }) },
 * - `<scope>` names the real resource put in the path (see `scopes` below):
 *   `own` (Lombok Timur, NTB, the candidate user's own and assigned to the
 *   panel), `lampung` (a Lampung candidacy), `national` (Lombok Timur's
 *   national-level candidacy), `conflicted` (Lombok Barat, NTB, the member
 *   juror declared a conflict with it), `ntb` (NTB's pool, panel or result,
 *   finalised and announced), `edition`, `any` (no resource in the path),
 *   `missing` (an id that does not exist).
 * - `signedIn(others, exceptions)`: `others` is what every signed-in caller not
 *   listed gets (403 when the route refuses them); the anonymous caller gets
 *   401 unless listed or unless `others` is a public answer (`open(...)`).
 * - Callers (`Who`): anonymous, the national admin, NTB's provincial admin,
 *   NTB's verifier, a verifier of NTB's branch office limited to Lombok Timur
 *   (`branch`), a national verifier (`natVerifier`), the chair and a member
 *   seated on NTB's panel, a juror not seated on it (`outsider`), the user of
 *   the candidate Lombok Timur, an observer of the whole nation (`observer`)
 *   and an observer of NTB only (`ntbObserver`).
 *
 * Writes cannot change data: each sends an empty JSON body. A route that
 * acts on one resource declares a `scope` (src/server/routes/scope.ts) that
 * loads the resource and authorizes the caller before the body is validated,
 * so 400 means "authorized, body refused" and 403/404 means not authorized
 * whatever the body (an upload route answers an authorized JSON body 415:
 * it reads multipart only). The few writes without a body meet data that makes them
 * a no-op (a result already final and announced, a verified candidate, a
 * panel that judges a pool, an event id that does not exist). Runs once per
 * driver, with one app and one set of resources.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { anonymous, makeUser, roles, signIn, startTestApp, testPassword, type Client, type TestApp } from '../support/app.ts';
import { finalisedPool } from '../support/publication.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { listCategories, listEvents, listLevels } from '../../src/db/repositories/editions.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';
import { insertConflict, membersOf } from '../../src/db/repositories/panels.ts';
import { findPool } from '../../src/db/repositories/pools.ts';
import { listSpecialAwards } from '../../src/db/repositories/special-awards.ts';
import { publishResult } from '../../src/server/services/publication.ts';
import { replaceSignatories } from '../../src/server/services/signatories.ts';
import { upsertItem } from '../../src/db/repositories/verification.ts';
import { insertEvidence } from '../../src/db/repositories/evidence.ts';
import { DiskFileStore } from '../../src/server/storage/disk-store.ts';
import { everyone, matrix, statusOf, type Expectation, type Scope, type Who } from './policy-matrix.ts';

describe.each(drivers())('authorization matrix on %s', (driver) => {
  let t: TestApp;
  const clients = new Map<Who, Client>();
  const emails = new Map<Who, string>();
  const params = new Map<Scope, Record<string, string>>();

  beforeAll(async () => {
    // Every caller signs in, and signs in again for each sign-out row: more than a minute's default allowance.
    t = await startTestApp(driver, { LOGIN_RATE_PER_MINUTE: '1000', REGISTRATION_RATE_PER_HOUR: '1000' });
    const db = t.database.db;
    await seedDemo(db);
    const f = await finalisedPool(db);
    const all = await listCandidates(db, f.editionId, { all: true });
    const lotim = f.ids.get('52.03')!;
    const lobar = f.ids.get('52.01')!;
    const lampung = all.find((c) => c.regencyCode === '18.02' && c.level === 'provinsi')!;
    const nationalLevel = all.find((c) => c.advancedFrom === lotim)!;
    const pool = (await findPool(db, f.poolId))!;
    const seats = await membersOf(db, [pool.panelId]);
    const member = seats.find((s) => s.role !== 'chair')!;
    const conflict = (await insertConflict(db, { userId: member.userId, candidateId: lobar, source: 'declared', reason: 'Saudara kandung bekerja di Pemkab', status: 'confirmed' }))!;
    // Announced; then without signatories, so publishing again is refused (409) and changes nothing.
    await publishResult({ db, actor: f.national }, f.poolId);
    await replaceSignatories({ db, actor: f.national }, f.editionId, []);
    // One item asked for revision, so confirming the verification is refused (409) and changes nothing.
    await upsertItem(db, { candidateId: lotim, itemKey: 'innovation', status: 'revision', comment: 'Lampirkan SK', deadline: '2025-07-01', decidedBy: f.national.id });

    const users: [Who, string][] = [
      ['national', (await makeUser(t, roles.nationalAdmin())).email],
      ['provincial', (await makeUser(t, roles.provincialAdmin('52'))).email],
      ['verifier', (await makeUser(t, roles.verifier('52'))).email],
      ['branch', (await makeUser(t, roles.branchVerifier('52', ['52.03']))).email],
      ['natVerifier', (await makeUser(t, roles.nationalVerifier())).email],
      ['observer', (await makeUser(t, roles.observer([], 'kemenko_pmk'))).email],
      ['ntbObserver', (await makeUser(t, roles.observer(['52'], 'bpjs_ketenagakerjaan'))).email],
      ['chair', f.chair.email],
      ['member', member.email],
      ['outsider', (await makeUser(t, roles.juror())).email],
      ['candidate', (await makeUser(t, roles.candidate(lotim))).email],
    ];
    clients.set('anonymous', anonymous(t));
    for (const [who, email] of users) {
      emails.set(who, email);
      clients.set(who, await signIn(t, email, testPassword));
    }
    // Evidence on each candidacy, stored as an upload would store it (the pool's candidacies are
    // submitted, and evidence closes with the submission, so the fixture writes the rows itself).
    const store = new DiskFileStore(t.app.deps.config.filesDir);
    const upload = async (candidateId: string) => {
      const stored = await store.put(Buffer.from('%PDF-1.4\n%matrix\n'));
      const row = await insertEvidence(db, { candidateId, sha256: stored.sha256, bytes: stored.bytes, type: 'pdf', originalName: 'perkada.pdf', uploadedBy: null });
      return row.id;
    };

    const missing = '00000000-0000-4000-8000-000000000000';
    const [category] = await listCategories(db, f.editionId);
    const [level] = await listLevels(db, f.editionId);
    const [event] = await listEvents(db, f.editionId);
    const common = {
      categoryId: category!.id,
      levelId: level!.id,
      eventId: event?.id ?? missing,
      snapshotId: missing,
      stage: 'desk',
      dataset: 'results',
      province: '52',
      code: '52',
      kind: 'verification.revision',
      locale: 'id',
      seq: '1',
      userId: (await makeUser(t, roles.juror())).id,
      awardId: (await listSpecialAwards(db, f.editionId))[0]!.id,
    };
    params.set('edition', { ...common, id: f.editionId, candidateId: missing });
    params.set('any', { ...common, id: f.editionId });
    params.set('own', { ...common, key: '52.03', id: lotim, poolId: f.poolId, candidateId: lotim, evidence: await upload(lotim) });
    params.set('conflicted', { ...common, id: lobar, poolId: f.poolId, candidateId: lobar, conflictId: conflict.id, evidence: await upload(lobar) });
    params.set('lampung', { ...common, key: '18.02', id: lampung.id, candidateId: lampung.id, evidence: await upload(lampung.id) });
    params.set('national', { ...common, id: nationalLevel.id, candidateId: nationalLevel.id });
    params.set('ntb', { ...common, id: f.poolId, poolId: f.poolId, panelId: pool.panelId, resultId: f.resultId, candidateId: lotim });
    params.set('missing', { ...common, key: '99.99', id: missing, eventId: missing, candidateId: missing });
  });
  afterAll(async () => t?.close());

  it('has a row for every API route, and no row for a route that does not exist', () => {
    const registered = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered).toEqual(Object.keys(matrix).sort());
  });

  /** The path of a route for a scope: `:id` is the scope's resource of the kind the path names. */
  const urlOf = (pattern: string, scope: Scope): string => {
    const p = params.get(scope)!;
    const id = pattern.startsWith('/api/evidence/')
      ? p.evidence
      : pattern.startsWith('/api/pools/') || pattern.startsWith('/api/public/pools/')
        ? p.poolId
      : pattern.startsWith('/api/panels/')
        ? p.panelId
        : pattern.startsWith('/api/results/')
          ? p.resultId
          : pattern.startsWith('/api/conflicts/')
            ? p.conflictId
            : pattern.startsWith('/api/users/')
              ? p.userId
              : p.id;
    return pattern
      .replace(':code', pattern.includes('regencies') ? '52.03' : '52')
      .replace(':id', id ?? params.get('missing')!.id!)
      .replace(/:(\w+)/g, (_, name: string) => p[name]!);
  };

  const request = async (who: Who, method: string, pattern: string, scope: Scope) => {
    // Signing out ends the session: use a session of its own.
    const client = pattern === '/api/auth/logout' && who !== 'anonymous' ? await signIn(t, emails.get(who)!, testPassword) : clients.get(who)!;
    const body = method === 'GET' || pattern === '/api/auth/logout' ? undefined : {};
    return client.request(method as 'GET', urlOf(pattern, scope), body);
  };

  for (const [route, scopes] of Object.entries(matrix)) {
    const [method, pattern] = route.split(' ') as [string, string];
    for (const [scope, expectation] of Object.entries(scopes) as [Scope, Expectation][]) {
      it(`${route} on ${scope}`, async () => {
        const got: Partial<Record<Who, number>> = {};
        const want: Partial<Record<Who, number>> = {};
        for (const who of everyone) {
          got[who] = (await request(who, method, pattern, scope)).statusCode;
          want[who] = statusOf(expectation, who);
        }
        expect(got).toEqual(want);
      });
    }
  }
});

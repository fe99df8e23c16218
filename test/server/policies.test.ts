import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { anonymous, makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { listEditions, listCategories, listLevels, listEvents } from '../../src/db/repositories/editions.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';

type Who = 'anonymous' | 'national' | 'provincial' | 'verifier' | 'juror' | 'candidate';
const everyone: Who[] = ['anonymous', 'national', 'provincial', 'verifier', 'juror', 'candidate'];
const signedIn: Who[] = ['national', 'provincial', 'verifier', 'juror', 'candidate'];

/**
 * Who gets past each route's policy. Every API route must have a row: the
 * test fails when a route is added without one.
 */
const matrix: Record<string, Who[]> = {
  'GET /api/health': everyone,
  'GET /api/openapi.json': everyone,
  'POST /api/auth/login': everyone,
  'POST /api/auth/logout': signedIn,
  'GET /api/auth/me': signedIn,
  'POST /api/auth/password': signedIn,
  'POST /api/auth/password-reset': everyone,
  'POST /api/auth/password-reset/confirm': everyone,
  'GET /api/regions/provinces': everyone,
  'GET /api/regions/provinces/:code': everyone,
  'GET /api/regions/regencies': everyone,
  'GET /api/regions/regencies/:code': everyone,
  'GET /api/editions': signedIn,
  'POST /api/editions': ['national'],
  'GET /api/editions/:id': signedIn,
  'PATCH /api/editions/:id': ['national'],
  'POST /api/editions/:id/copy': ['national'],
  'POST /api/editions/:id/status': ['national'],
  'PUT /api/editions/:id/timeline': ['national'],
  'POST /api/editions/:id/categories': ['national'],
  'PATCH /api/editions/:id/categories/:categoryId': ['national'],
  'DELETE /api/editions/:id/categories/:categoryId': ['national'],
  'POST /api/editions/:id/levels': ['national'],
  'PATCH /api/editions/:id/levels/:levelId': ['national'],
  'DELETE /api/editions/:id/levels/:levelId': ['national'],
  'POST /api/editions/:id/events': ['national', 'provincial'],
  'PATCH /api/editions/:id/events/:eventId': ['national', 'provincial'],
  'DELETE /api/editions/:id/events/:eventId': ['national', 'provincial'],
  'GET /api/editions/:id/candidates': ['national', 'provincial', 'verifier', 'candidate'],
  'POST /api/editions/:id/candidates': ['national', 'provincial'],
  'GET /api/editions/:id/candidates/template': ['national', 'provincial'],
  'POST /api/editions/:id/candidates/import': ['national', 'provincial'],
  'GET /api/candidates/:id': ['national', 'provincial', 'verifier', 'candidate'],
  'PATCH /api/candidates/:id': ['national', 'provincial', 'candidate'],
  'POST /api/candidates/:id/response': ['candidate'],
  'POST /api/candidates/:id/invitations': ['national', 'provincial'],
  'GET /api/candidates/:id/invitations': ['national', 'provincial'],
  'POST /api/invitations/accept': everyone,
  'GET /api/outbox': ['national', 'provincial'],
  'POST /api/outbox/:id/decision': ['national', 'provincial'],
  // Any signed-in user gets past the route; the job itself is shown only to its creator and its province's admins.
  'GET /api/jobs/:id': signedIn,
  'GET /api/registration/editions': everyone,
  'POST /api/registrations': everyone,
  'POST /api/registrations/confirm': everyone,
  'POST /api/candidates/:id/registration': ['national', 'provincial'],
  'POST /api/candidates/:id/evidence': ['national', 'provincial', 'candidate'],
  'GET /api/candidates/:id/evidence': ['national', 'provincial', 'verifier', 'candidate'],
  'GET /api/evidence/:id': ['national', 'provincial', 'verifier', 'juror', 'candidate'],
  'GET /api/candidates/:id/self-assessment': ['national', 'provincial', 'verifier', 'candidate'],
  'PUT /api/candidates/:id/self-assessment': ['candidate'],
  'POST /api/candidates/:id/self-assessment/submit': ['candidate'],
  'POST /api/candidates/:id/self-assessment/reopen': ['national', 'provincial'],
  'GET /api/editions/:id/verification': ['national', 'provincial', 'verifier'],
  'GET /api/candidates/:id/verification': ['national', 'provincial', 'verifier', 'candidate'],
  'POST /api/candidates/:id/verification/items': ['national', 'verifier'],
  'POST /api/candidates/:id/verification/confirm': ['national', 'verifier'],
  'GET /api/editions/:id/progress': ['national', 'provincial', 'verifier', 'candidate'],
  'GET /api/candidates/:id/history': ['national', 'provincial', 'verifier', 'candidate'],
  'GET /api/catalogue/categories': signedIn,
  'POST /api/editions/:id/coverage/imports': ['national'],
  'GET /api/editions/:id/coverage/snapshots': ['national', 'provincial', 'verifier'],
  'GET /api/editions/:id/coverage/snapshots/:snapshotId': ['national', 'provincial', 'verifier'],
  'GET /api/editions/:id/coverage/regions': signedIn,
  'GET /api/editions/:id/coverage/screening': ['national', 'provincial', 'verifier'],
  'PUT /api/editions/:id/coverage/screening': ['national'],
  'GET /api/editions/:id/coverage/shortlist': ['national', 'provincial'],
  'POST /api/editions/:id/coverage/shortlist/nominate': ['national', 'provincial'],
  'GET /api/candidates/:id/figures': ['national', 'provincial', 'verifier', 'candidate'],
  'POST /api/candidates/:id/disputes': ['candidate'],
  'GET /api/editions/:id/disputes': ['national', 'provincial', 'verifier'],
  'POST /api/disputes/:id/decision': ['national', 'verifier'],
  'GET /api/users': ['national'],
  'POST /api/users': ['national'],
  'PATCH /api/users/:id': ['national'],
  'GET /api/audit': ['national'],
  'GET /api/audit/verify': ['national'],
  'GET /api/audit/anchor': ['national'],
  'POST /api/admin/backup': ['national'],
  'GET /api/catalogue/unsur': signedIn,
  'GET /api/editions/:id/panels': ['national', 'provincial', 'juror'],
  'POST /api/editions/:id/panels': ['national', 'provincial'],
  'PUT /api/panels/:id': ['national', 'provincial'],
  'DELETE /api/panels/:id': ['national', 'provincial'],
  'PUT /api/panels/:id/members': ['national', 'provincial'],
  'GET /api/jurors': ['national', 'provincial'],
  'GET /api/juror/profile': ['juror'],
  'PUT /api/juror/profile': ['juror'],
  'POST /api/pools/:id/conflicts': ['juror'],
  'POST /api/conflicts/:id/review': ['national', 'provincial'],
  'GET /api/editions/:id/categories/:categoryId/scoring': signedIn,
  'PUT /api/editions/:id/categories/:categoryId/scoring': ['national'],
  'GET /api/editions/:id/pools': ['national', 'provincial', 'juror'],
  'POST /api/editions/:id/pools': ['national', 'provincial'],
  'GET /api/pools/:id': ['national', 'provincial', 'juror'],
  'PUT /api/pools/:id/assignments': ['national', 'provincial'],
  'POST /api/pools/:id/stages/:stage/open': ['national', 'provincial', 'juror'],
  'POST /api/pools/:id/stages/:stage/close': ['national', 'provincial', 'juror'],
  'PUT /api/pools/:id/slots/:candidateId': ['national', 'provincial', 'juror'],
  'DELETE /api/pools/:id/slots/:candidateId': ['national', 'provincial', 'juror'],
  'POST /api/pools/:id/slots/:candidateId/attendance': ['national', 'provincial', 'juror'],
  'GET /api/pools/:id/moderation': ['national', 'provincial', 'juror'],
  'GET /api/pools/:id/result': ['national', 'provincial', 'juror'],
  'GET /api/pools/:id/results': ['national', 'provincial', 'juror'],
  'POST /api/pools/:id/finalise': ['juror'],
  'POST /api/pools/:id/reopen': ['national', 'provincial'],
  'GET /api/results/:id/package': ['national', 'provincial', 'juror'],
  'GET /api/results/:id/minutes': ['national', 'provincial', 'juror'],
  'GET /api/editions/:id/my-pools': ['juror'],
  'GET /api/pools/:id/sheets/:candidateId': ['juror'],
  'PUT /api/pools/:id/marks': ['juror'],
  'POST /api/pools/:id/sheets/:candidateId/submit': ['juror'],
  'GET /api/candidates/:id/interviews': ['national', 'provincial', 'verifier', 'candidate'],
  'GET /api/pools/:id/publication': ['national', 'provincial'],
  'POST /api/pools/:id/publish': ['national', 'provincial'],
  'POST /api/pools/:id/withdraw': ['national', 'provincial'],
  'GET /api/editions/:id/signatories': ['national', 'provincial'],
  'PUT /api/editions/:id/signatories': ['national'],
  'POST /api/results/:id/press-releases': ['national', 'provincial'],
  'GET /api/press-releases/:id': ['national', 'provincial'],
  'PUT /api/press-releases/:id': ['national', 'provincial'],
  'GET /api/editions/:id/exports/:dataset': ['national', 'provincial'],
  'GET /api/editions/:id/archive': ['national'],
  'POST /api/editions/import': ['national'],
  'POST /api/editions/import/inspect': ['national'],
  'GET /api/public/editions': everyone,
  'GET /api/public/editions/:id': everyone,
  'GET /api/public/editions/:id/results': everyone,
  'GET /api/public/editions/:id/coverage': everyone,
  'GET /api/public/editions/:id/coverage/:province': everyone,
  'GET /api/public/pools/:id/result': everyone,
  'GET /api/public/pools/:id/package': everyone,
  'GET /api/public/certificates/:code': everyone,
  'GET /api/public/certificates/:code/pdf': everyone,
  'GET /api/public/signing-keys': everyone,
};

describe.each(drivers())('route policies on %s', (driver) => {
  let t: TestApp;
  const clients = new Map<Who, Client>();
  const ids: Record<string, string> = {};
  let emails: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(driver);
    await seedDemo(t.database.db);
    const db = t.database.db;
    const [edition] = await listEditions(db);
    ids.id = edition!.id;
    ids.categoryId = (await listCategories(db, edition!.id))[0]!.id;
    ids.levelId = (await listLevels(db, edition!.id))[0]!.id;
    ids.eventId = (await listEvents(db, edition!.id))[0]!.id;
    const candidate = (await listCandidates(db, edition!.id, { all: true }))[0]!;
    ids.code = '18';
    ids.snapshotId = '00000000-0000-4000-8000-000000000000';
    ids.candidateId = candidate.id;
    ids.stage = 'desk';
    ids.dataset = 'results';
    ids.province = '52';
    const users = {
      national: await makeUser(t, roles.nationalAdmin()),
      provincial: await makeUser(t, roles.provincialAdmin('52')),
      verifier: await makeUser(t, roles.verifier('52')),
      juror: await makeUser(t, roles.juror()),
      candidate: await makeUser(t, roles.candidate(candidate.id)),
    };
    ids.userId = users.juror.id;
    emails = Object.fromEntries(Object.entries(users).map(([who, u]) => [who, u.email]));
    clients.set('anonymous', anonymous(t));
    for (const [who, user] of Object.entries(users)) clients.set(who as Who, await signIn(t, user.email));
  });
  afterAll(async () => t?.close());

  it('has a row for every API route, and no row for a route that does not exist', () => {
    const registered = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered).toEqual(Object.keys(matrix).sort());
  });

  const urlOf = (pattern: string) =>
    pattern.replace(':code', pattern.includes('regencies') ? '18.02' : '18').replace(/:(\w+)/g, (_, name: string) => ids[name]!);

  for (const [route, allowed] of Object.entries(matrix)) {
    const [method, pattern] = route.split(' ') as ['GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', string];
    for (const who of everyone) {
      const expected = allowed.includes(who) ? 'allowed' : 'refused';
      it(`${route}: ${who} is ${expected}`, async () => {
        // Writes carry an empty body: an allowed caller gets past the policy
        // and is stopped by validation (400), so nothing changes.
        const body = method === 'GET' || pattern === '/api/auth/logout' ? undefined : {};
        // Signing out ends the session: use a session of its own.
        const client = pattern === '/api/auth/logout' && who !== 'anonymous' ? await signIn(t, emails[who]!) : clients.get(who)!;
        const res = await client.request(method, urlOf(pattern), body);
        if (expected === 'refused') {
          expect(res.statusCode).toBe(who === 'anonymous' ? 401 : 403);
          expect(res.json<{ error: { code: string } }>().error.code).toBe(who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        } else {
          expect([401, 403]).not.toContain(res.statusCode);
        }
      });
    }
  }
});

/**
 * The authorization matrix: every API route × every kind of caller × every
 * scope of resource it can name, with the exact HTTP status.
 *
 * HOW TO ADD A ROUTE (the first test fails while a route has no row):
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

const everyone = ['anonymous', 'national', 'provincial', 'verifier', 'branch', 'natVerifier', 'chair', 'member', 'outsider', 'candidate', 'observer', 'ntbObserver'] as const;
type Who = (typeof everyone)[number];
type Scope = 'own' | 'lampung' | 'national' | 'conflicted' | 'ntb' | 'edition' | 'any' | 'missing';
type Expectation = { others: number; exceptions: Partial<Record<Who, number>>; open: boolean };

/** Every signed-in caller not listed gets `others`; the anonymous caller 401 unless listed. */
const signedIn = (others: number, exceptions: Partial<Record<Who, number>> = {}): Expectation => ({ others, exceptions, open: false });
/** A public route: everyone, the anonymous caller included, gets `status` unless listed. */
const open = (status: number, exceptions: Partial<Record<Who, number>> = {}): Expectation => ({ others: status, exceptions, open: true });

const statusOf = (e: Expectation, who: Who): number => e.exceptions[who] ?? (who === 'anonymous' && !e.open ? 401 : e.others);

// prettier-ignore
const matrix: Record<string, Partial<Record<Scope, Expectation>>> = {
  'GET /api/health': { any: open(200) },
  'GET /api/openapi.json': { any: open(200) },
  'POST /api/auth/login': { any: open(400) },
  'POST /api/auth/logout': { any: signedIn(200) },
  'GET /api/auth/me': { any: signedIn(200) },
  'POST /api/auth/password': { any: signedIn(400) },
  'POST /api/auth/password-reset': { any: open(400) },
  'POST /api/auth/password-reset/confirm': { any: open(400) },
  'POST /api/auth/login/second-factor': { any: open(400) },
  'GET /api/auth/oidc': { any: open(200) },
  'GET /api/auth/oidc/start': { any: open(404) },
  'GET /api/auth/oidc/callback': { any: open(404) },
  'GET /api/account/two-factor': { any: signedIn(200) },
  'POST /api/account/two-factor/setup': { any: signedIn(400) },
  'POST /api/account/two-factor/confirm': { any: signedIn(400) },
  'POST /api/account/two-factor/recovery-codes': { any: signedIn(400) },
  'POST /api/account/two-factor/disable': { any: signedIn(400) },
  'GET /api/account/sessions': { any: signedIn(200) },
  'DELETE /api/account/sessions/:id': { missing: signedIn(404) },
  'POST /api/account/sessions/end-others': { any: signedIn(200) },
  'PATCH /api/account/profile': { any: signedIn(400) },
  'GET /api/security/settings': { any: signedIn(403, { national: 200 }) },
  'PUT /api/security/settings': { any: signedIn(403, { national: 400 }) },
  'GET /api/regions/provinces': { any: open(200) },
  'GET /api/regions/provinces/:code': { any: open(200) },
  'GET /api/regions/regencies': { any: open(200) },
  'GET /api/regions/regencies/:code': { any: open(200) },
  // Without the regency it asks about, the search is refused for everyone alike.
  'GET /api/regions/villages': { any: open(400) },
  'GET /api/editions': { any: signedIn(200) },
  'POST /api/editions': { any: signedIn(403, { national: 400 }) },
  'GET /api/editions/:id': { edition: signedIn(200) },
  'PATCH /api/editions/:id': { edition: signedIn(403, { national: 400 }) },
  'POST /api/editions/:id/copy': { edition: signedIn(403, { national: 400 }) },
  'POST /api/editions/:id/status': { edition: signedIn(403, { national: 400 }) },
  'PUT /api/editions/:id/timeline': { edition: signedIn(403, { national: 400 }) },
  'POST /api/editions/:id/categories': { edition: signedIn(403, { national: 400 }) },
  'PATCH /api/editions/:id/categories/:categoryId': { edition: signedIn(403, { national: 400 }) },
  'DELETE /api/editions/:id/categories/:categoryId': { edition: signedIn(403, { national: 409 }) },
  'POST /api/editions/:id/levels': { edition: signedIn(403, { national: 400 }) },
  'PATCH /api/editions/:id/levels/:levelId': { edition: signedIn(403, { national: 400 }) },
  'DELETE /api/editions/:id/levels/:levelId': { edition: signedIn(403, { national: 409 }) },
  'GET /api/editions/:id/province-calendars': { edition: signedIn(200), missing: signedIn(404) },
  'PUT /api/editions/:id/province-calendars/:code': { edition: signedIn(403, { national: 400, provincial: 400 }) },
  // Special awards are the national committee's; writes that would change the demo's award meet a missing edition or candidacy.
  'GET /api/editions/:id/special-awards': { edition: signedIn(403, { national: 200 }), missing: signedIn(403, { national: 404 }) },
  'POST /api/editions/:id/special-awards': { edition: signedIn(403, { national: 400 }) },
  'GET /api/editions/:id/special-awards/:awardId': { edition: signedIn(403, { national: 200 }), missing: signedIn(403, { national: 404 }) },
  'PUT /api/editions/:id/special-awards/:awardId': { edition: signedIn(403, { national: 400 }) },
  'DELETE /api/editions/:id/special-awards/:awardId': { missing: signedIn(403, { national: 404 }) },
  'POST /api/editions/:id/special-awards/:awardId/fill': { missing: signedIn(403, { national: 404 }) },
  'PUT /api/editions/:id/special-awards/:awardId/entries/:candidateId': { edition: signedIn(403, { national: 400 }) },
  'DELETE /api/editions/:id/special-awards/:awardId/entries/:candidateId': { edition: signedIn(403, { national: 404 }) },
  'POST /api/editions/:id/events': { edition: signedIn(403, { national: 400, provincial: 400 }) },
  'PATCH /api/editions/:id/events/:eventId': { edition: signedIn(403, { national: 400 }) },
  'DELETE /api/editions/:id/events/:eventId': { missing: signedIn(403, { national: 404, provincial: 404 }) },
  'GET /api/editions/:id/candidates': { edition: signedIn(200, { chair: 403, member: 403, outsider: 403 }) },
  'POST /api/editions/:id/candidates': { edition: signedIn(403, { national: 400, provincial: 400 }) },
  'GET /api/editions/:id/candidates/template': { edition: signedIn(403, { national: 200, provincial: 200 }) },
  'POST /api/editions/:id/candidates/import': { edition: signedIn(403, { national: 400, provincial: 400 }) },
  'GET /api/candidates/:id': {
    own: signedIn(200, { chair: 403, member: 403, outsider: 403, natVerifier: 403 }),
    lampung: signedIn(403, { national: 200, observer: 200 }),
    national: signedIn(403, { national: 200, provincial: 200, verifier: 200, branch: 200, natVerifier: 200, observer: 200, ntbObserver: 200 }),
    conflicted: signedIn(403, { national: 200, provincial: 200, verifier: 200, observer: 200, ntbObserver: 200 }),
  },
  'PATCH /api/candidates/:id': {
    own: signedIn(403, { national: 400, provincial: 400, candidate: 400 }),
    lampung: signedIn(403, { national: 400 }),
    national: signedIn(403, { national: 400 }),
    conflicted: signedIn(403, { national: 400, provincial: 400 }),
  },
  'POST /api/candidates/:id/response': { own: signedIn(403, { candidate: 400 }), lampung: signedIn(403), national: signedIn(403), conflicted: signedIn(403) },
  'POST /api/candidates/:id/invitations': {
    own: signedIn(403, { national: 400, provincial: 400 }),
    lampung: signedIn(403, { national: 400 }),
    national: signedIn(403, { national: 400 }),
    conflicted: signedIn(403, { national: 400, provincial: 400 }),
  },
  'GET /api/candidates/:id/invitations': {
    own: signedIn(403, { national: 200, provincial: 200 }),
    lampung: signedIn(403, { national: 200 }),
    national: signedIn(403, { national: 200, provincial: 200 }),
    conflicted: signedIn(403, { national: 200, provincial: 200 }),
  },
  'POST /api/invitations/accept': { any: open(400) },
  'GET /api/outbox': { any: signedIn(403, { national: 200, provincial: 200 }) },
  'POST /api/outbox/:id/decision': { missing: signedIn(403, { national: 400, provincial: 400 }) },
  'GET /api/jobs/:id': { missing: signedIn(404) },
  'GET /api/outbox/status': { any: signedIn(403, { national: 200, provincial: 200 }) },
  'POST /api/outbox/:id/handed': { missing: signedIn(403, { national: 404, provincial: 404 }) },
  'GET /api/notifications': { any: signedIn(200) },
  'POST /api/notifications/:id/read': { missing: signedIn(404) },
  'POST /api/notifications/read-all': { any: signedIn(200) },
  'GET /api/notifications/preferences': { any: signedIn(200) },
  'PUT /api/notifications/preferences': { any: signedIn(400) },
  'GET /api/notification-templates': { any: signedIn(403, { national: 200 }) },
  'PUT /api/notification-templates/:kind/:locale': { any: signedIn(403, { national: 400 }) },
  'DELETE /api/notification-templates/:kind/:locale': { any: signedIn(403, { national: 200 }) },
  'POST /api/notification-templates/:kind/preview': { any: signedIn(403, { national: 400 }) },
  'GET /api/registration/editions': { any: open(200) },
  'POST /api/registrations': { any: open(400) },
  'POST /api/registrations/confirm': { any: open(400) },
  'POST /api/candidates/:id/registration': {
    own: signedIn(403, { national: 400, provincial: 400 }),
    lampung: signedIn(403, { national: 400 }),
    national: signedIn(403, { national: 400 }),
    conflicted: signedIn(403, { national: 400, provincial: 400 }),
  },
  'POST /api/candidates/:id/evidence': {
    own: signedIn(403, { national: 415, provincial: 415, candidate: 415 }),
    lampung: signedIn(403, { national: 415 }),
    national: signedIn(403, { national: 415 }),
    conflicted: signedIn(403, { national: 415, provincial: 415 }),
  },
  'GET /api/candidates/:id/evidence': {
    own: signedIn(200, { chair: 403, member: 403, outsider: 403, natVerifier: 403 }),
    lampung: signedIn(403, { national: 200, observer: 200 }),
    national: signedIn(403, { national: 200, provincial: 200, verifier: 200, branch: 200, natVerifier: 200, observer: 200, ntbObserver: 200 }),
    conflicted: signedIn(403, { national: 200, provincial: 200, verifier: 200, observer: 200, ntbObserver: 200 }),
  },
  // Evidence no verifier has confirmed never reaches a juror, seated or not (test/server/conflict-walls.test.ts shows verified evidence does).
  'GET /api/evidence/:id': { own: signedIn(200, { chair: 403, member: 403, outsider: 403, natVerifier: 403 }), conflicted: signedIn(200, { chair: 403, member: 403, outsider: 403, candidate: 403, branch: 403, natVerifier: 403 }), lampung: signedIn(403, { national: 200, observer: 200 }) },
  'GET /api/candidates/:id/self-assessment': {
    own: signedIn(200, { chair: 403, member: 403, outsider: 403, natVerifier: 403 }),
    lampung: signedIn(403, { national: 200, observer: 200 }),
    national: signedIn(403, { national: 200, provincial: 200, verifier: 200, branch: 200, natVerifier: 200, observer: 200, ntbObserver: 200 }),
    conflicted: signedIn(403, { national: 200, provincial: 200, verifier: 200, observer: 200, ntbObserver: 200 }),
  },
  'PUT /api/candidates/:id/self-assessment': { own: signedIn(403, { candidate: 400 }), lampung: signedIn(403), national: signedIn(403), conflicted: signedIn(403) },
  'POST /api/candidates/:id/self-assessment/submit': { own: signedIn(403, { candidate: 409 }), lampung: signedIn(403), national: signedIn(403), conflicted: signedIn(403) },
  'POST /api/candidates/:id/self-assessment/reopen': {
    own: signedIn(403, { national: 400, provincial: 400 }),
    lampung: signedIn(403, { national: 400 }),
    national: signedIn(403, { national: 400 }),
    conflicted: signedIn(403, { national: 400, provincial: 400 }),
  },
  'POST /api/candidates/:id/self-assessment/extend': {
    own: signedIn(403, { national: 400, provincial: 400 }),
    lampung: signedIn(403, { national: 400 }),
    national: signedIn(403, { national: 400 }),
    conflicted: signedIn(403, { national: 400, provincial: 400 }),
  },
  'GET /api/candidates/:id/carry-forward': {
    own: signedIn(200, { chair: 403, member: 403, outsider: 403, natVerifier: 403 }),
    lampung: signedIn(403, { national: 200, observer: 200 }),
    national: signedIn(403, { national: 200, provincial: 200, verifier: 200, branch: 200, natVerifier: 200, observer: 200, ntbObserver: 200 }),
    conflicted: signedIn(403, { national: 200, provincial: 200, verifier: 200, observer: 200, ntbObserver: 200 }),
  },
  'POST /api/candidates/:id/carry-forward': { own: signedIn(403, { candidate: 400 }), lampung: signedIn(403), national: signedIn(403), conflicted: signedIn(403) },
  // An organisation shows the candidacies the reader may see; one with none in reach is not found.
  'GET /api/organisations/:key': {
    own: signedIn(200, { chair: 403, member: 403, outsider: 403 }),
    lampung: signedIn(404, { national: 200, observer: 200, chair: 403, member: 403, outsider: 403 }),
    missing: signedIn(404, { chair: 403, member: 403, outsider: 403 }),
  },
  'GET /api/editions/:id/verification': { edition: signedIn(403, { national: 200, provincial: 200, verifier: 200, branch: 200, natVerifier: 200 }) },
  'GET /api/candidates/:id/verification': {
    own: signedIn(200, { chair: 403, member: 403, outsider: 403, natVerifier: 403 }),
    lampung: signedIn(403, { national: 409, observer: 409 }),
    national: signedIn(403, { national: 200, provincial: 200, verifier: 200, branch: 200, natVerifier: 200, observer: 200, ntbObserver: 200 }),
    conflicted: signedIn(403, { national: 409, provincial: 409, verifier: 409, observer: 409, ntbObserver: 409 }),
  },
  'POST /api/candidates/:id/verification/items': {
    own: signedIn(403, { national: 400, verifier: 400, branch: 400 }),
    lampung: signedIn(403, { national: 400 }),
    national: signedIn(403, { national: 400, natVerifier: 400 }),
    conflicted: signedIn(403, { national: 400, verifier: 400 }),
  },
  'POST /api/candidates/:id/verification/confirm': {
    own: signedIn(403, { national: 409, verifier: 409, branch: 409 }),
    lampung: signedIn(403, { national: 409 }),
    national: signedIn(403, { national: 409, natVerifier: 409 }),
    conflicted: signedIn(403, { national: 409, verifier: 409 }),
  },
  'GET /api/candidates/:id/verification/earlier': {
    own: signedIn(200, { chair: 403, member: 403, outsider: 403, natVerifier: 403 }),
    lampung: signedIn(403, { national: 200, observer: 200 }),
    national: signedIn(403, { national: 200, provincial: 200, verifier: 200, branch: 200, natVerifier: 200, observer: 200, ntbObserver: 200 }),
    conflicted: signedIn(403, { national: 200, provincial: 200, verifier: 200, observer: 200, ntbObserver: 200 }),
  },
  'POST /api/candidates/:id/verification/adopt': {
    own: signedIn(403, { national: 400, verifier: 400, branch: 400 }),
    lampung: signedIn(403, { national: 400 }),
    national: signedIn(403, { national: 400, natVerifier: 400 }),
    conflicted: signedIn(403, { national: 400, verifier: 400 }),
  },
  'GET /api/editions/:id/progress': { edition: signedIn(200, { chair: 403, member: 403, outsider: 403 }) },
  'GET /api/candidates/:id/history': {
    own: signedIn(200, { chair: 403, member: 403, outsider: 403, natVerifier: 403 }),
    lampung: signedIn(403, { national: 200, observer: 200 }),
    national: signedIn(403, { national: 200, provincial: 200, verifier: 200, branch: 200, natVerifier: 200, observer: 200, ntbObserver: 200 }),
    conflicted: signedIn(403, { national: 200, provincial: 200, verifier: 200, observer: 200, ntbObserver: 200 }),
  },
  'GET /api/catalogue/categories': { any: signedIn(200) },
  'POST /api/editions/:id/coverage/imports': { edition: signedIn(403, { national: 415 }) },
  'GET /api/editions/:id/coverage/snapshots': { edition: signedIn(403, { national: 200, provincial: 200, verifier: 200, branch: 200 }) },
  'GET /api/editions/:id/coverage/snapshots/:snapshotId': { edition: signedIn(403, { national: 404, provincial: 404, verifier: 404, branch: 404 }) },
  'GET /api/editions/:id/coverage/regions': { edition: signedIn(200) },
  'GET /api/editions/:id/coverage/screening': { edition: signedIn(403, { national: 200, provincial: 200, verifier: 200, branch: 200 }) },
  'PUT /api/editions/:id/coverage/screening': { edition: signedIn(403, { national: 400 }) },
  'GET /api/editions/:id/coverage/shortlist': { edition: signedIn(403, { national: 400, provincial: 400 }) },
  'POST /api/editions/:id/coverage/shortlist/nominate': { edition: signedIn(403, { national: 400, provincial: 400 }) },
  'GET /api/candidates/:id/figures': {
    own: signedIn(200, { chair: 403, member: 403, outsider: 403, natVerifier: 403 }),
    lampung: signedIn(403, { national: 200, observer: 200 }),
    national: signedIn(403, { national: 200, provincial: 200, verifier: 200, branch: 200, observer: 200, ntbObserver: 200 }),
    conflicted: signedIn(403, { national: 200, provincial: 200, verifier: 200, observer: 200, ntbObserver: 200 }),
  },
  'POST /api/candidates/:id/disputes': { own: signedIn(403, { candidate: 400 }), lampung: signedIn(403), national: signedIn(403), conflicted: signedIn(403) },
  'GET /api/editions/:id/disputes': { edition: signedIn(403, { national: 200, provincial: 200, verifier: 200, branch: 200 }) },
  'POST /api/disputes/:id/decision': { missing: signedIn(403, { national: 404, verifier: 404, branch: 404 }) },
  'GET /api/users': { any: signedIn(403, { national: 200, provincial: 200 }) },
  'POST /api/users': { any: signedIn(403, { national: 400, provincial: 400 }) },
  'PATCH /api/users/:id': { any: signedIn(403, { national: 400 }) },
  'GET /api/users/template': { any: signedIn(403, { national: 200, provincial: 200 }) },
  'POST /api/users/import': { any: signedIn(403, { national: 400, provincial: 400 }) },
  'GET /api/staff-invitations': { any: signedIn(403, { national: 200, provincial: 200 }) },
  'POST /api/staff-invitations/:id/revoke': { missing: signedIn(403, { national: 404, provincial: 404 }) },
  'POST /api/staff-invitations/:id/resend': { missing: signedIn(403, { national: 404, provincial: 404 }) },
  'POST /api/staff-invitations/lookup': { any: open(400) },
  'POST /api/staff-invitations/accept': { any: open(400) },
  'GET /api/audit': { any: signedIn(403, { national: 200 }) },
  'GET /api/audit/:seq': { any: signedIn(403, { national: 200 }) },
  'GET /api/audit/verify': { any: signedIn(403, { national: 200 }) },
  'GET /api/audit/anchor': { any: signedIn(403, { national: 200 }) },
  'POST /api/admin/backup': { any: signedIn(403, { national: 200 }) },
  'GET /api/catalogue/unsur': { any: signedIn(200) },
  'GET /api/editions/:id/panels': { edition: signedIn(200, { verifier: 403, candidate: 403, branch: 403, natVerifier: 403, observer: 403, ntbObserver: 403 }) },
  'POST /api/editions/:id/panels': { edition: signedIn(403, { national: 400, provincial: 400 }) },
  'PUT /api/panels/:id': { ntb: signedIn(403, { national: 400, provincial: 400 }) },
  'DELETE /api/panels/:id': { ntb: signedIn(403, { national: 409, provincial: 409 }) },
  'PUT /api/panels/:id/members': { ntb: signedIn(403, { national: 400, provincial: 400 }) },
  'GET /api/jurors': { any: signedIn(403, { national: 200, provincial: 200 }) },
  'GET /api/juror/profile': { any: signedIn(403, { chair: 200, member: 200, outsider: 200 }) },
  'PUT /api/juror/profile': { any: signedIn(403, { chair: 400, member: 400, outsider: 400 }) },
  'POST /api/pools/:id/conflicts': { ntb: signedIn(403, { chair: 400, member: 400 }) },
  'POST /api/conflicts/:id/review': { conflicted: signedIn(403, { national: 400, provincial: 400 }) },
  'GET /api/editions/:id/categories/:categoryId/scoring': { edition: signedIn(200) },
  'PUT /api/editions/:id/categories/:categoryId/scoring': { edition: signedIn(403, { national: 400 }) },
  'GET /api/editions/:id/pools': { edition: signedIn(200, { verifier: 403, candidate: 403, branch: 403, natVerifier: 403, observer: 403, ntbObserver: 403 }) },
  'POST /api/editions/:id/pools': { edition: signedIn(403, { national: 400, provincial: 400 }) },
  'GET /api/pools/:id': { ntb: signedIn(200, { verifier: 403, outsider: 403, candidate: 403, branch: 403, natVerifier: 403, observer: 403, ntbObserver: 403 }) },
  'PUT /api/pools/:id/assignments': { ntb: signedIn(403, { national: 400, provincial: 400 }) },
  'POST /api/pools/:id/stages/:stage/open': { ntb: signedIn(403, { national: 409, provincial: 409, chair: 409 }) },
  'POST /api/pools/:id/stages/:stage/close': { ntb: signedIn(403, { national: 409, provincial: 409, chair: 409 }) },
  'PUT /api/pools/:id/slots/:candidateId': { own: signedIn(403, { national: 400, provincial: 400, chair: 400 }), conflicted: signedIn(403, { national: 400, provincial: 400, chair: 400 }) },
  'DELETE /api/pools/:id/slots/:candidateId': { own: signedIn(403, { national: 409, provincial: 409, chair: 409 }), conflicted: signedIn(403, { national: 409, provincial: 409, chair: 409 }) },
  'POST /api/pools/:id/slots/:candidateId/attendance': { own: signedIn(403, { national: 400, provincial: 400, chair: 400 }), conflicted: signedIn(403, { national: 400, provincial: 400, chair: 400 }) },
  'GET /api/pools/:id/moderation': { ntb: signedIn(400, { verifier: 403, candidate: 403, branch: 403, natVerifier: 403, observer: 403, ntbObserver: 403 }) },
  'GET /api/pools/:id/result': { ntb: signedIn(200, { verifier: 403, outsider: 403, candidate: 403, branch: 403, natVerifier: 403, observer: 403, ntbObserver: 403 }) },
  'GET /api/pools/:id/results': { ntb: signedIn(200, { verifier: 403, outsider: 403, candidate: 403, branch: 403, natVerifier: 403, observer: 403, ntbObserver: 403 }) },
  'POST /api/pools/:id/finalise': { ntb: signedIn(403, { chair: 409 }) },
  'POST /api/pools/:id/reopen': { ntb: signedIn(403, { national: 400, provincial: 400 }) },
  'GET /api/results/:id/package': { ntb: signedIn(200, { verifier: 403, outsider: 403, candidate: 403, branch: 403, natVerifier: 403, observer: 403, ntbObserver: 403 }) },
  'GET /api/results/:id/minutes': { ntb: signedIn(200, { verifier: 403, outsider: 403, candidate: 403, branch: 403, natVerifier: 403, observer: 403, ntbObserver: 403 }) },
  'GET /api/editions/:id/my-pools': { edition: signedIn(403, { chair: 200, member: 200, outsider: 200 }) },
  'GET /api/pools/:id/sheets/:candidateId': { own: signedIn(403, { chair: 200, member: 200 }), conflicted: signedIn(403, { chair: 200 }) },
  'PUT /api/pools/:id/marks': { ntb: signedIn(403, { chair: 400, member: 400 }) },
  'POST /api/pools/:id/sheets/:candidateId/submit': { own: signedIn(403, { chair: 400, member: 400 }), conflicted: signedIn(403, { chair: 400 }) },
  'GET /api/candidates/:id/interviews': {
    own: signedIn(200, { chair: 403, member: 403, outsider: 403, natVerifier: 403 }),
    lampung: signedIn(403, { national: 200, observer: 200 }),
    national: signedIn(403, { national: 200, provincial: 200, verifier: 200, branch: 200, natVerifier: 200, observer: 200, ntbObserver: 200 }),
    conflicted: signedIn(403, { national: 200, provincial: 200, verifier: 200, observer: 200, ntbObserver: 200 }),
  },
  'GET /api/pools/:id/publication': { ntb: signedIn(403, { national: 200, provincial: 200 }) },
  'POST /api/pools/:id/publish': { ntb: signedIn(403, { national: 409, provincial: 409 }) },
  'POST /api/pools/:id/withdraw': { ntb: signedIn(403, { national: 400, provincial: 400 }) },
  'PUT /api/pools/:id/handover': { ntb: signedIn(403, { national: 400, provincial: 400 }) },
  'GET /api/editions/:id/signatories': { edition: signedIn(403, { national: 200, provincial: 200 }) },
  'PUT /api/editions/:id/signatories': { edition: signedIn(403, { national: 400 }) },
  'POST /api/results/:id/press-releases': { ntb: signedIn(403, { national: 400, provincial: 400 }) },
  'GET /api/press-releases/:id': { missing: signedIn(403, { national: 404, provincial: 404 }) },
  'PUT /api/press-releases/:id': { missing: signedIn(403, { national: 404, provincial: 404 }) },
  // Feedback: the candidate itself, its province's and the national committee, the chair of its panel; another candidate never.
  'GET /api/candidates/:id/feedback': {
    own: signedIn(403, { national: 200, provincial: 200, chair: 200, candidate: 200 }),
    conflicted: signedIn(403, { national: 200, provincial: 200, chair: 200 }),
    lampung: signedIn(403, { national: 409 }),
    national: signedIn(403, { national: 409, provincial: 409 }),
    missing: signedIn(404, { verifier: 403, branch: 403, natVerifier: 403, observer: 403, ntbObserver: 403 }),
  },
  'GET /api/candidates/:id/feedback/document': {
    own: signedIn(403, { national: 200, provincial: 200, chair: 200, candidate: 200 }),
    conflicted: signedIn(403, { national: 200, provincial: 200, chair: 200 }),
    lampung: signedIn(403, { national: 409 }),
    national: signedIn(403, { national: 409, provincial: 409 }),
    missing: signedIn(404, { verifier: 403, branch: 403, natVerifier: 403, observer: 403, ntbObserver: 403 }),
  },
  'GET /api/editions/:id/recap': { edition: signedIn(403, { national: 200, provincial: 200, observer: 200, ntbObserver: 200 }), missing: signedIn(403, { national: 404, provincial: 404, observer: 404, ntbObserver: 404 }) },
  'GET /api/editions/:id/recap/document': { edition: signedIn(403, { national: 200, provincial: 200, observer: 200, ntbObserver: 200 }) },
  'GET /api/editions/:id/recap/decision-draft': { edition: signedIn(403, { national: 200 }) },
  'GET /api/editions/:id/exports/:dataset': { edition: signedIn(403, { national: 200, provincial: 200 }) },
  'GET /api/editions/:id/archive': { edition: signedIn(403, { national: 200 }) },
  'POST /api/editions/import': { any: signedIn(403, { national: 415 }) },
  'POST /api/editions/import/inspect': { any: signedIn(403, { national: 415 }) },
  'GET /api/public/editions': { any: open(200) },
  'GET /api/public/editions/:id': { edition: open(200) },
  'GET /api/public/editions/:id/results': { edition: open(200) },
  'GET /api/public/editions/:id/coverage': { edition: open(200) },
  'GET /api/public/editions/:id/coverage/:province': { edition: open(200) },
  'GET /api/public/pools/:id/result': { ntb: open(200) },
  // Only an organisation ranked in a published result has a public record.
  'GET /api/public/organisations/:key': { own: open(200), lampung: open(404), missing: open(404) },
  'GET /api/public/pools/:id/package': { ntb: open(200) },
  'GET /api/public/certificates/:code': { any: open(200) },
  'GET /api/public/certificates/:code/pdf': { any: open(404) },
  'GET /api/public/signing-keys': { any: open(200) },
};

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

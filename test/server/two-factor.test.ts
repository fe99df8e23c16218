import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { drivers, rowsOf } from '../support/database.ts';
import { appOn, makeUser, roles, signIn, startTestApp, testPassword, type Client, type TestApp } from '../support/app.ts';
import { base32Decode, base32Encode, hotp, matchingStep, totpAt } from '../../src/server/auth/totp.ts';
import { findUserByEmail } from '../../src/db/repositories/users.ts';
import { listAudit } from '../../src/db/repositories/audit.ts';
import { secretsMismatchReason } from '../../src/server/services/health.ts';

type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string }[] } };

describe('TOTP (RFC 6238)', () => {
  // RFC 6238 appendix B, SHA-1 column: the seed is the ASCII of "12345678901234567890", 8 digits.
  const key = Buffer.from('12345678901234567890', 'ascii');
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('gives the RFC code at T=%i', (seconds, code) => {
    expect(hotp(key, Math.floor(seconds / 30), 8)).toBe(code);
  });

  it('accepts the step before and after, not two away, and reads its own base32', () => {
    const secret = base32Encode(key);
    expect(base32Decode(secret).equals(key)).toBe(true);
    const t = 1_111_111_111_000;
    const step = Math.floor(t / 30_000);
    expect(matchingStep(secret, totpAt(secret, t), t)).toBe(step);
    expect(matchingStep(secret, totpAt(secret, t - 30_000), t)).toBe(step - 1);
    expect(matchingStep(secret, totpAt(secret, t + 30_000), t)).toBe(step + 1);
    expect(matchingStep(secret, totpAt(secret, t + 60_000), t)).toBeNull();
    expect(matchingStep(secret, 'abcdef', t)).toBeNull();
  });
});

describe.each(drivers())('two-factor sign-in on %s', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver, { LOGIN_LOCK_AFTER: '3', LOGIN_RATE_PER_MINUTE: '1000', LOGIN_ACCOUNT_RATE_PER_MINUTE: '1000' });
  });
  afterAll(async () => t?.close());

  const cookieOf = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === 'paritrana_session')!.value;
  const login = (email: string, password = testPassword) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  const second = (cookie: string, code: string) => t.app.inject({ method: 'POST', url: '/api/auth/login/second-factor', cookies: { paritrana_session: cookie }, payload: { code } });

  /** Enrols the user; answers the secret and the recovery codes. */
  async function enrol(email: string) {
    const client = await signIn(t, email);
    const setup = await client.request('POST', '/api/account/two-factor/setup', { password: testPassword });
    expect(setup.statusCode).toBe(200);
    const { secret, qrCode, otpauthUrl } = setup.json<{ secret: string; qrCode: string; otpauthUrl: string }>();
    expect(qrCode).toMatch(/^data:image\/png;base64,/);
    expect(otpauthUrl).toContain(`secret=${secret}`);
    // Not on until confirmed: the password alone still signs in.
    expect((await login(email)).json()).toHaveProperty('csrfToken');
    const wrong = await client.request('POST', '/api/account/two-factor/confirm', { code: totpAt(secret, Date.now() + 120_000) });
    expect(wrong.statusCode).toBe(400);
    const enrolmentCode = totpAt(secret, Date.now());
    const confirm = await client.request('POST', '/api/account/two-factor/confirm', { code: enrolmentCode });
    expect(confirm.statusCode).toBe(200);
    const { recoveryCodes } = confirm.json<{ recoveryCodes: string[] }>();
    return { client, secret, recoveryCodes, enrolmentCode };
  }

  it('asks for the code after the password, takes each code once, and takes each recovery code once', async () => {
    const user = await makeUser(t, roles.provincialAdmin('52'));
    const { secret, recoveryCodes, enrolmentCode } = await enrol(user.email);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);

    const first = await login(user.email);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ secondFactorRequired: true });
    const pending = cookieOf(first);
    // The pending session grants nothing.
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { paritrana_session: pending } })).statusCode).toBe(401);
    // The enrolment's code cannot be used again; the next step's can, once.
    const replayed = await second(pending, enrolmentCode);
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json<ErrorBody>().error.code).toBe('INVALID_SECOND_FACTOR');
    const next = totpAt(secret, Date.now() + 30_000);
    const ok = await second(pending, next);
    expect(ok.statusCode).toBe(200);
    expect(ok.json<{ twoFactor: { enabled: boolean } }>().twoFactor.enabled).toBe(true);
    const session = cookieOf(ok);
    expect(session).not.toBe(pending);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { paritrana_session: session } })).statusCode).toBe(200);
    // The pending session is gone: its token cannot be used twice.
    expect((await second(pending, recoveryCodes[0]!)).statusCode).toBe(401);

    const again = cookieOf(await login(user.email));
    expect((await second(again, next)).statusCode).toBe(401);
    const viaRecovery = await second(again, recoveryCodes[0]!.toUpperCase());
    expect(viaRecovery.statusCode).toBe(200);
    const third = cookieOf(await login(user.email));
    expect((await second(third, recoveryCodes[0]!)).json<ErrorBody>().error.code).toBe('INVALID_SECOND_FACTOR');
    expect((await second(third, recoveryCodes[1]!)).statusCode).toBe(200);

    const me = await findUserByEmail(t.database.db, user.email);
    const actions = (await listAudit(t.database.db, { entityType: 'user', entityId: me!.id, limit: 50 })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.two-factor-enable', 'user.recovery-code-use']));
  });

  it('lets an admin switch off the two-step verification of an account it manages, with a reason: sessions end, the owner is e-mailed, audited', async () => {
    const ntbAdmin = await makeUser(t, roles.provincialAdmin('52'));
    const lampungAdmin = await makeUser(t, roles.provincialAdmin('18'));
    const verifier = await makeUser(t, roles.verifier('52'));
    const { client: verifierSession } = await enrol(verifier.email);
    const admin = await signIn(t, ntbAdmin.email);
    const reset = (client: Client, id: string, reason: string) => client.request('POST', `/api/users/${id}/two-factor/reset`, { reason });
    const reason = 'Ponsel hilang bersama kode pemulihan';
    expect((await admin.request('GET', '/api/users')).json<{ id: string; twoFactor: boolean }[]>().find((u) => u.id === verifier.id)?.twoFactor).toBe(true);

    // Another province's admin does not manage the account; a reason is needed; nobody resets their own here.
    expect((await reset(await signIn(t, lampungAdmin.email), verifier.id, reason)).statusCode).toBe(403);
    const short = await reset(admin, verifier.id, 'hilang');
    expect(short.statusCode).toBe(400);
    expect(short.json<ErrorBody>().error.details?.[0]?.path).toBe('body.reason');
    // A provincial admin does not manage its own account; the national admin does, but switches its own off from its account page.
    expect((await reset(admin, ntbAdmin.id, reason)).statusCode).toBe(403);
    const national = await makeUser(t, roles.nationalAdmin());
    expect((await reset(await signIn(t, national.email), national.id, reason)).statusCode).toBe(409);

    const done = await reset(admin, verifier.id, reason);
    expect(done.statusCode).toBe(200);
    expect(done.json<{ twoFactor: boolean }>().twoFactor).toBe(false);
    // The sessions of the account ended; the password alone signs in again.
    expect((await verifierSession.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await login(verifier.email)).json()).toHaveProperty('csrfToken');
    const row = rowsOf<{ totp_secret: string | null; codes: number }>(
      await t.database.db.execute(sql`select totp_secret, (select count(*)::int from recovery_codes where user_id = ${verifier.id}::uuid) as codes from users where id = ${verifier.id}::uuid`),
    )[0]!;
    expect(row).toEqual({ totp_secret: null, codes: 0 });
    const audit = await listAudit(t.database.db, { entityType: 'user', entityId: verifier.id, limit: 50 });
    expect(audit.find((a) => a.action === 'user.two-factor-reset')).toMatchObject({ actorLabel: ntbAdmin.email, after: { twoFactor: false, reason } });
    const notice = rowsOf<{ subject: string; body: string; province_code: string | null }>(
      await t.database.db.execute(sql`select subject, body, province_code from outbox where "to" = ${verifier.email}`),
    );
    expect(notice).toHaveLength(1);
    expect(notice[0]!.subject).toContain('Two-step verification of your Paritrana account was switched off');
    expect(notice[0]!.body).toContain(reason);
    expect(notice[0]!.province_code).toBeNull();
    // Off already: nothing to reset.
    expect((await reset(admin, verifier.id, reason)).statusCode).toBe(409);
  });

  it('counts wrong codes like wrong passwords: the account locks', async () => {
    const user = await makeUser(t, roles.verifier('52'));
    const { secret } = await enrol(user.email);
    const pending = cookieOf(await login(user.email));
    for (let i = 0; i < 3; i += 1) expect((await second(pending, '000000')).statusCode).toBe(401);
    expect((await findUserByEmail(t.database.db, user.email))!.lockedUntil).not.toBeNull();
    // Locked: even the right code is refused, and so is the password.
    expect((await second(pending, totpAt(secret, Date.now() + 30_000))).statusCode).toBe(401);
    expect((await login(user.email)).statusCode).toBe(401);
  });

  it('regenerates recovery codes with a code, and switches off only with the password and a code', async () => {
    const user = await makeUser(t, roles.juror());
    const { client, secret, recoveryCodes } = await enrol(user.email);
    const fresh = await client.request('POST', '/api/account/two-factor/recovery-codes', { code: totpAt(secret, Date.now() + 30_000) });
    expect(fresh.statusCode).toBe(200);
    const newCodes = fresh.json<{ recoveryCodes: string[] }>().recoveryCodes;
    expect(newCodes.some((c) => recoveryCodes.includes(c))).toBe(false);
    expect((await client.request('GET', '/api/account/two-factor')).json()).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });

    expect((await client.request('POST', '/api/account/two-factor/disable', { password: 'not-the-password', code: newCodes[0] })).statusCode).toBe(400);
    expect((await client.request('POST', '/api/account/two-factor/disable', { password: testPassword, code: recoveryCodes[0] })).statusCode).toBe(400);
    expect((await client.request('POST', '/api/account/two-factor/disable', { password: testPassword, code: newCodes[0] })).statusCode).toBe(200);
    expect((await client.request('GET', '/api/account/two-factor')).json()).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    expect((await login(user.email)).json()).toHaveProperty('csrfToken');
  });

  it('when required, leads an admin without two-factor to enrol before anything else', async () => {
    const national = await signIn(t, (await makeUser(t, roles.nationalAdmin())).email);
    const provincialUser = await makeUser(t, roles.provincialAdmin('18'));
    const juror = await signIn(t, (await makeUser(t, roles.juror())).email);
    const provincial = await signIn(t, provincialUser.email);
    expect((await provincial.request('PUT', '/api/security/settings', { twoFactorRequiredForAdmins: true })).statusCode).toBe(403);
    expect((await national.request('PUT', '/api/security/settings', { twoFactorRequiredForAdmins: true })).statusCode).toBe(200);
    try {
      const refused = await provincial.request('GET', '/api/editions');
      expect(refused.statusCode).toBe(403);
      expect(refused.json<ErrorBody>().error.code).toBe('TWO_FACTOR_REQUIRED');
      expect((await provincial.request('GET', '/api/auth/me')).json()).toMatchObject({ twoFactor: { enabled: false, setupRequired: true } });
      // A juror is not an admin: unaffected.
      expect((await juror.request('GET', '/api/editions')).statusCode).toBe(200);
      const setup = await provincial.request('POST', '/api/account/two-factor/setup', { password: testPassword });
      const { secret } = setup.json<{ secret: string }>();
      expect((await provincial.request('POST', '/api/account/two-factor/confirm', { code: totpAt(secret, Date.now()) })).statusCode).toBe(200);
      expect((await provincial.request('GET', '/api/editions')).statusCode).toBe(200);
      const audit = await listAudit(t.database.db, { entityType: 'security_settings', limit: 5 });
      expect(audit[0]).toMatchObject({ action: 'security.two-factor-requirement' });
    } finally {
      await national.request('PUT', '/api/security/settings', { twoFactorRequiredForAdmins: false });
    }
  });
});

describe.each(drivers())('two-factor secrets sealed in the database on %s', (driver) => {
  let t: TestApp;
  const key = 'ab'.repeat(32);
  const others: FastifyInstance[] = [];
  beforeAll(async () => {
    t = await startTestApp(driver, { SECRETS_KEY: key, LOGIN_RATE_PER_MINUTE: '1000', LOGIN_ACCOUNT_RATE_PER_MINUTE: '1000' });
  });
  afterAll(async () => {
    for (const app of others) await app.close();
    await t?.close();
  });
  const server = async (env: Record<string, string>) => {
    const app = await appOn(t.database, { LOGIN_RATE_PER_MINUTE: '1000', LOGIN_ACCOUNT_RATE_PER_MINUTE: '1000', ...env });
    others.push(app);
    return app;
  };
  const stored = async (id: string) =>
    rowsOf<{ totp_secret: string | null; totp_pending_secret: string | null }>(await t.database.db.execute(sql`select totp_secret, totp_pending_secret from users where id = ${id}::uuid`))[0]!;
  /** Password, then a code of the next step, on `app`: the second step's answer. */
  const secondStep = async (app: FastifyInstance, email: string, secret: string, at: number) => {
    const first = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: testPassword } });
    expect(first.json()).toEqual({ secondFactorRequired: true });
    const pending = first.cookies.find((c) => c.name === 'paritrana_session')!.value;
    return app.inject({ method: 'POST', url: '/api/auth/login/second-factor', cookies: { paritrana_session: pending }, payload: { code: totpAt(secret, at) } });
  };
  const signInWithCode = async (app: FastifyInstance, email: string, secret: string, at: number) => (await secondStep(app, email, secret, at)).statusCode;
  const healthOf = async (app: FastifyInstance) => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    return { status: res.statusCode, secrets: res.json<{ checks: { secrets: { ok: boolean; reason?: string } } }>().checks.secrets };
  };

  it('keeps the secret sealed, which another server opens with the same key and not with another', async () => {
    const user = await makeUser(t, roles.provincialAdmin('52'));
    const client = await signIn(t, user.email);
    const { secret } = (await client.request('POST', '/api/account/two-factor/setup', { password: testPassword })).json<{ secret: string }>();
    const offered = await stored(user.id);
    expect(offered.totp_pending_secret).toMatch(/^v1:/);
    expect(offered.totp_pending_secret).not.toContain(secret);
    expect((await client.request('POST', '/api/account/two-factor/confirm', { code: totpAt(secret, Date.now()) })).statusCode).toBe(200);
    const on = await stored(user.id);
    expect(on.totp_secret).toMatch(/^v1:/);
    expect(on.totp_secret).not.toContain(secret);
    expect(on.totp_pending_secret).toBeNull();
    // Moved to another user's row, it opens for nobody: it is bound to its user.
    const other = await makeUser(t, roles.provincialAdmin('52'));
    await t.database.db.execute(sql`update users set totp_secret = ${on.totp_secret}, totp_enabled_at = now() where id = ${other.id}::uuid`);

    const wrongKey = await server({ SECRETS_KEY: 'cd'.repeat(32) });
    const refused = await secondStep(wrongKey, user.email, secret, Date.now() + 30_000);
    expect(refused.statusCode).toBe(503);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('TWO_FACTOR_UNAVAILABLE');
    expect(await signInWithCode(t.app, other.email, secret, Date.now() + 30_000)).toBe(503);
    // The server with the wrong key says so in its health check (a load balancer takes it out); the others do not.
    expect(await healthOf(wrongKey)).toEqual({ status: 503, secrets: { ok: false, reason: secretsMismatchReason } });
    expect(await healthOf(t.app)).toEqual({ status: 200, secrets: { ok: true } });
    // Those refusals used no code: the same step signs in on another server with the same key.
    const same = await server({ SECRETS_KEY: key });
    expect(await signInWithCode(same, user.email, secret, Date.now() + 30_000)).toBe(200);
  });

  it('seals a secret stored before sealing when a server starts, with an audit entry, and it still signs in', async () => {
    const user = await makeUser(t, roles.provincialAdmin('52'));
    const secret = base32Encode(Buffer.from('paritrana-legacy-01', 'ascii'));
    await t.database.db.execute(sql`update users set totp_secret = ${secret}, totp_enabled_at = now() where id = ${user.id}::uuid`);
    // Read as stored until a server seals it.
    expect(await signInWithCode(t.app, user.email, secret, Date.now())).toBe(200);
    const restarted = await server({ SECRETS_KEY: key });
    const row = await stored(user.id);
    expect(row.totp_secret).toMatch(/^v1:/);
    expect(row.totp_secret).not.toContain(secret);
    const audit = await listAudit(t.database.db, { entityType: 'user', entityId: user.id, limit: 10 });
    expect(audit.map((a) => a.action)).toContain('user.two-factor-secret-seal');
    expect(await signInWithCode(restarted, user.email, secret, Date.now() + 30_000)).toBe(200);
  });

  it('a server given another key seals no stored secret, which the servers with the right key still open', async () => {
    const user = await makeUser(t, roles.provincialAdmin('52'));
    const secret = base32Encode(Buffer.from('paritrana-legacy-02', 'ascii'));
    await t.database.db.execute(sql`update users set totp_secret = ${secret}, totp_enabled_at = now() where id = ${user.id}::uuid`);
    const wrongKey = await server({ SECRETS_KEY: 'ef'.repeat(32) });
    expect((await stored(user.id)).totp_secret).toBe(secret);
    expect((await healthOf(wrongKey)).status).toBe(503);
    const restarted = await server({ SECRETS_KEY: key });
    expect((await stored(user.id)).totp_secret).toMatch(/^v1:/);
    expect(await signInWithCode(restarted, user.email, secret, Date.now() + 30_000)).toBe(200);
  });

  it('without SECRETS_KEY seals with a key file made in the data directory, readable by its owner only', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'paritrana-secrets-'));
    const own = await server({ PARITRANA_DATA_DIR: dataDir });
    expect(existsSync(join(dataDir, 'secrets.key'))).toBe(false);
    // Secrets sealed already and no key here (a data directory restored without its secrets.key): the key is wrong, and no key is made for it.
    expect(await healthOf(own)).toEqual({ status: 503, secrets: { ok: false, reason: secretsMismatchReason } });
    expect(existsSync(join(dataDir, 'secrets.key'))).toBe(false);
    const user = await makeUser(t, roles.provincialAdmin('52'));
    const client = await signIn({ ...t, app: own }, user.email);
    expect((await client.request('POST', '/api/account/two-factor/setup', { password: testPassword })).statusCode).toBe(200);
    expect(statSync(join(dataDir, 'secrets.key')).mode & 0o777).toBe(0o600);
    expect((await stored(user.id)).totp_pending_secret).toMatch(/^v1:/);
  });
});


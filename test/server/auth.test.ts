import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { anonymous, makeUser, roles, signIn, startTestApp, testPassword, type TestApp } from '../support/app.ts';
import { findUserByEmail, updateUser } from '../../src/db/repositories/users.ts';
import { listOutbox } from '../../src/db/repositories/messages.ts';
import { passwordResets } from '../../src/db/schema/index.ts';
import { updateUserAccount } from '../../src/server/services/users.ts';

type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string }[] } };

const login = (t: TestApp, email: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });

describe.each(drivers())('log-in, lockout and passwords on %s', (driver) => {
  let t: TestApp;

  beforeAll(async () => {
    // Three failures lock for 15 minutes, then 30, 60, at most 60; the address limit out of the way.
    t = await startTestApp(driver, { LOGIN_LOCK_AFTER: '3', LOGIN_LOCK_MINUTES: '15', LOGIN_LOCK_MAX_MINUTES: '60', LOGIN_RATE_PER_MINUTE: '1000', LOGIN_ACCOUNT_RATE_PER_MINUTE: '1000' });
  });
  afterAll(async () => t?.close());

  it('answers every failed log-in alike: unknown e-mail, wrong password, locked or inactive account', async () => {
    const known = await makeUser(t, roles.juror());
    const locked = await makeUser(t, roles.nationalAdmin());
    const inactive = await makeUser(t, roles.juror());
    await updateUserAccount({ db: t.database.db, actor: null }, inactive.id, { active: false });
    for (let i = 0; i < 3; i += 1) await login(t, locked.email, 'wrong-password-guess');
    expect((await findUserByEmail(t.database.db, locked.email))!.lockedUntil).not.toBeNull();

    const answers = [
      await login(t, 'nobody@test.example', testPassword),
      await login(t, known.email, 'wrong-password-guess'),
      // The right password of a locked or an inactive account says no more than a wrong one.
      await login(t, locked.email, testPassword),
      await login(t, inactive.email, testPassword),
    ];
    for (const answer of answers) {
      expect(answer.statusCode).toBe(401);
      expect(answer.json<ErrorBody>()).toEqual({
        error: { code: 'INVALID_CREDENTIALS', message: 'E-mail or password is wrong, or the account is locked for a while after too many failed attempts' },
      });
    }
  });

  it('forgets the failures when a lock runs out, locks longer each time (capped), and clears all on success', async () => {
    const user = await makeUser(t, roles.nationalAdmin());
    const db = t.database.db;
    const state = async () => {
      const row = (await findUserByEmail(db, user.email))!;
      const minutes = row.lockedUntil ? Math.round((row.lockedUntil.getTime() - Date.now()) / 60_000) : null;
      return { failedLogins: row.failedLogins, lockouts: row.lockouts, minutes };
    };
    const expireLock = () => updateUser(db, user.id, { lockedUntil: new Date(Date.now() - 1000) });

    for (let i = 0; i < 3; i += 1) await login(t, user.email, 'wrong-password-guess');
    expect(await state()).toEqual({ failedLogins: 3, lockouts: 1, minutes: 15 });

    await expireLock();
    // One failure after the lock ran out does not lock again: the count starts over.
    expect((await login(t, user.email, 'wrong-password-guess')).statusCode).toBe(401);
    expect(await state()).toEqual({ failedLogins: 1, lockouts: 1, minutes: null });
    for (let i = 0; i < 2; i += 1) await login(t, user.email, 'wrong-password-guess');
    expect(await state()).toEqual({ failedLogins: 3, lockouts: 2, minutes: 30 });

    for (const minutes of [60, 60]) {
      await expireLock();
      for (let i = 0; i < 3; i += 1) await login(t, user.email, 'wrong-password-guess');
      expect((await state()).minutes).toBe(minutes);
    }

    await expireLock();
    expect((await login(t, user.email, testPassword)).statusCode).toBe(200);
    expect(await state()).toEqual({ failedLogins: 0, lockouts: 0, minutes: null });
  });

  it('refuses short and common passwords wherever a password is set', async () => {
    const admin = await signIn(t, (await makeUser(t, roles.nationalAdmin())).email);
    let n = 0;
    const create = (password: string) =>
      admin.request('POST', '/api/users', { email: `baru-${(n += 1)}@test.example`, name: 'Pengguna Baru', password, locale: 'id', roles: roles.juror() });
    const short = await create('Sandi-11chr');
    expect(short.statusCode).toBe(400);
    expect(short.json<ErrorBody>().error.details).toEqual([{ path: 'body.password', message: 'at least 12 characters' }]);
    for (const common of ['indonesia123', 'qwerty123456', 'Password1234', 'BISMILLAH123']) {
      const res = await create(common);
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorBody>().error.details).toEqual([{ path: 'password', message: 'too common: it is on the list of passwords known from breaches' }]);
    }
    const user = await makeUser(t, roles.juror());
    const reset = await admin.request('PATCH', `/api/users/${user.id}`, { password: 'password1234' });
    expect(reset.statusCode).toBe(400);
    expect((await create('hujan-di-bulan-juni')).statusCode).toBe(201);
  });

  it('changes one’s own password with the current one and ends the other sessions', async () => {
    const user = await makeUser(t, roles.provincialAdmin('52'));
    const here = await signIn(t, user.email);
    const elsewhere = await signIn(t, user.email);

    const wrong = await here.request('POST', '/api/auth/password', { currentPassword: 'not-my-password', newPassword: 'hujan-di-bulan-juni' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<ErrorBody>().error.details).toEqual([{ path: 'currentPassword', message: 'wrong password' }]);
    const common = await here.request('POST', '/api/auth/password', { currentPassword: testPassword, newPassword: 'indonesia123' });
    expect(common.statusCode).toBe(400);
    const unsigned = await anonymous(t).request('POST', '/api/auth/password', { currentPassword: testPassword, newPassword: 'hujan-di-bulan-juni' });
    expect(unsigned.statusCode).toBe(401);

    const changed = await here.request('POST', '/api/auth/password', { currentPassword: testPassword, newPassword: 'hujan-di-bulan-juni' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ ok: true });
    expect((await here.request('GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await elsewhere.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await login(t, user.email, testPassword)).statusCode).toBe(401);
    expect((await login(t, user.email, 'hujan-di-bulan-juni')).statusCode).toBe(200);
  });

  it('resets a password by an e-mailed link: the same answer for any e-mail, once, within the hour, every session ended', async () => {
    const db = t.database.db;
    const user = await makeUser(t, roles.nationalAdmin());
    const session = await signIn(t, user.email);
    const before = (await listOutbox(db, { all: true })).length;

    const unknown = await anonymous(t).request('POST', '/api/auth/password-reset', { email: 'tidak-ada@test.example' });
    const known = await anonymous(t).request('POST', '/api/auth/password-reset', { email: user.email.toUpperCase() });
    expect([unknown.statusCode, unknown.json()]).toEqual([200, { ok: true }]);
    expect([known.statusCode, known.json()]).toEqual([200, { ok: true }]);
    const all = await listOutbox(db, { all: true });
    const sent = all.slice(0, all.length - before);
    expect(sent.map((m) => m.to)).toEqual([user.email]);
    const token = /\/atur-ulang-sandi\/([\w-]+)/.exec(sent[0]!.body)![1]!;

    // Stored hashed; the national admin's outbox never shows the link.
    const [stored] = await db.select().from(passwordResets).where(eq(passwordResets.userId, user.id));
    expect(stored!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    const outbox = (await session.request('GET', '/api/outbox')).json<{ to: string; body: string }[]>();
    expect(outbox.find((m) => m.to === user.email)!.body).not.toContain(token);

    const weak = await anonymous(t).request('POST', '/api/auth/password-reset/confirm', { token, password: 'qwerty123456' });
    expect(weak.statusCode).toBe(400);
    const done = await anonymous(t).request('POST', '/api/auth/password-reset/confirm', { token, password: 'angin-timur-bertiup' });
    expect([done.statusCode, done.json()]).toEqual([200, { ok: true }]);
    expect((await session.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await login(t, user.email, testPassword)).statusCode).toBe(401);
    expect((await login(t, user.email, 'angin-timur-bertiup')).statusCode).toBe(200);
    const again = await anonymous(t).request('POST', '/api/auth/password-reset/confirm', { token, password: 'angin-barat-bertiup' });
    expect(again.statusCode).toBe(404);

    // A link past its hour no longer works.
    await anonymous(t).request('POST', '/api/auth/password-reset', { email: user.email });
    const late = /\/atur-ulang-sandi\/([\w-]+)/.exec((await listOutbox(db, { all: true }))[0]!.body)![1]!;
    await db.update(passwordResets).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(passwordResets.userId, user.id));
    expect((await anonymous(t).request('POST', '/api/auth/password-reset/confirm', { token: late, password: 'angin-barat-bertiup' })).statusCode).toBe(404);
  });
});

describe.each(drivers())('log-in rate limits on %s', (driver) => {
  let apps: TestApp[] = [];
  const start = async (env: Record<string, string>) => {
    const t = await startTestApp(driver, env);
    apps.push(t);
    return t;
  };
  afterAll(async () => {
    for (const t of apps) await t.close();
    apps = [];
  });

  it('counts attempts by the connecting address unless the proxy is trusted', async () => {
    const spoofed = (t: TestApp, i: number) => login(t, 'nobody@test.example', 'wrong-password-guess', { 'x-forwarded-for': `203.0.113.${i}` });
    const direct = await start({ LOGIN_RATE_PER_MINUTE: '3' });
    expect(direct.app.deps.config.trustProxy).toBe(false);
    const statuses = [];
    for (let i = 1; i <= 4; i += 1) statuses.push((await spoofed(direct, i)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);

    const proxied = await start({ LOGIN_RATE_PER_MINUTE: '3', TRUST_PROXY: '127.0.0.1' });
    const behindProxy = [];
    for (let i = 1; i <= 4; i += 1) behindProxy.push((await spoofed(proxied, i)).statusCode);
    expect(behindProxy).toEqual([401, 401, 401, 401]);
  });

  it('throttles the attempts on one account from any address', async () => {
    const t = await start({ LOGIN_ACCOUNT_RATE_PER_MINUTE: '2', LOGIN_RATE_PER_MINUTE: '100', TRUST_PROXY: '127.0.0.1' });
    const user = await makeUser(t, roles.nationalAdmin());
    const statuses = [];
    for (let i = 1; i <= 3; i += 1) statuses.push((await login(t, user.email, 'wrong-password-guess', { 'x-forwarded-for': `198.51.100.${i}` })).statusCode);
    expect(statuses).toEqual([401, 401, 429]);
    expect((await login(t, user.email.toUpperCase(), testPassword, { 'x-forwarded-for': '198.51.100.9' })).statusCode).toBe(429);
    expect((await login(t, 'someone-else@test.example', 'wrong-password-guess')).statusCode).toBe(401);
  });
});

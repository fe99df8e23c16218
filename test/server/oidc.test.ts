import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Provider from 'oidc-provider';
import { eq, sql } from 'drizzle-orm';
import { drivers } from '../support/database.ts';
import { makeUser, roles, signIn, startTestApp, testPassword, type TestApp } from '../support/app.ts';
import { oidcLogins, sessions } from '../../src/db/schema/index.ts';
import { totpAt } from '../../src/server/auth/totp.ts';

const appUrl = 'http://app.paritrana.test';

/** A TCP port free at this moment on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe: Server = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The people the provider knows: its login name → claims. */
const people: Record<string, { email: string; email_verified: boolean }> = {};

describe.each(drivers())('single sign-on against a real OpenID provider on %s', (driver) => {
  let t: TestApp;
  let issuer: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const port = await freePort();
    issuer = `http://127.0.0.1:${port}`;
    const provider = new Provider(issuer, {
      clients: [{ client_id: 'paritrana', client_secret: 'paritrana-secret-for-tests', redirect_uris: [`${appUrl}/api/auth/oidc/callback`], grant_types: ['authorization_code'], response_types: ['code'] }],
      pkce: { required: () => true },
      claims: { openid: ['sub'], email: ['email', 'email_verified'] },
      findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, ...people[sub] }) }),
      features: { devInteractions: { enabled: true } },
      // Consent is taken as given: the test is about the client.
      loadExistingGrant: async (ctx) => {
        const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
        grant.addOIDCScope('openid email');
        await grant.save();
        return grant;
      },
    });
    const server = provider.listen(port, '127.0.0.1');
    close = () => new Promise((resolve) => server.close(() => resolve()));
    t = await startTestApp(driver, {
      PUBLIC_URL: appUrl,
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: 'paritrana',
      OIDC_CLIENT_SECRET: 'paritrana-secret-for-tests',
      OIDC_BUTTON_LABEL: 'SSO Kemnaker',
      LOGIN_RATE_PER_MINUTE: '1000',
    });
  });
  afterAll(async () => {
    await t?.close();
    await close?.();
  });

  /**
   * The whole redirect flow, as a browser would run it: the app's start,
   * the provider's log-in form (answered as `login`), back to the app's
   * callback, whose redirect is answered. `tamper` may change the callback
   * URL or the database before the app sees it.
   */
  async function signOn(login: string, tamper?: (callback: URL) => Promise<URL> | URL, expectedStatus = 302): Promise<{ location: string; session?: string }> {
    const start = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
    expect(start.statusCode).toBe(302);
    const stateCookie = start.cookies.find((c) => c.name === 'paritrana_oidc_state')!.value;
    const jar = new Map<string, string>();
    const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const keep = (res: Response) => {
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const [name, ...value] = pair!.split('=');
        jar.set(name!.trim(), value.join('='));
      }
    };
    let url = start.headers.location as string;
    expect(url.startsWith(issuer)).toBe(true);
    for (let hop = 0; hop < 20 && !url.startsWith(appUrl); hop += 1) {
      const res = await fetch(url, { redirect: 'manual', headers: { cookie: cookieHeader() } });
      keep(res);
      if (res.status >= 300 && res.status < 400) {
        url = new URL(res.headers.get('location')!, url).href;
        continue;
      }
      const html = await res.text();
      const action = /action="([^"]+)"/.exec(html)?.[1];
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
      if (!action || !prompt) throw new Error(`unexpected provider page ${res.status}: ${html.slice(0, 300)}`);
      const form = new URLSearchParams({ prompt, login, password: 'any' });
      const post = await fetch(new URL(action, url), { method: 'POST', redirect: 'manual', headers: { cookie: cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' }, body: form });
      keep(post);
      url = new URL(post.headers.get('location')!, url).href;
    }
    let callback = new URL(url);
    if (tamper) callback = await tamper(callback);
    const back = await t.app.inject({ method: 'GET', url: callback.pathname + callback.search, cookies: { paritrana_oidc_state: stateCookie } });
    expect(back.statusCode).toBe(expectedStatus);
    return { location: back.headers.location as string, session: back.cookies.find((c) => c.name === 'paritrana_session' && c.value)?.value };
  }

  const me = (session: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { paritrana_session: session } });

  it('offers the button, and signs in an account an admin created by its verified e-mail', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/oidc' })).json()).toEqual({ enabled: true, label: 'SSO Kemnaker' });
    const user = await makeUser(t, roles.verifier('52'), { email: 'Verifikator.SSO@test.example' });
    people['verifikator'] = { email: 'VERIFIKATOR.sso@test.example', email_verified: true };
    const { location, session } = await signOn('verifikator');
    expect(location).toBe('/');
    const answer = await me(session!);
    expect(answer.statusCode).toBe(200);
    expect(answer.json<{ user: { id: string } }>().user.id).toBe(user.id);
  });

  it('refuses an unverified e-mail and an unknown one, and creates no account', async () => {
    await makeUser(t, roles.juror(), { email: 'juri.sso@test.example' });
    people['unverified'] = { email: 'juri.sso@test.example', email_verified: false };
    people['stranger'] = { email: 'stranger@test.example', email_verified: true };
    const unverified = await signOn('unverified');
    expect(unverified).toEqual({ location: '/sso-gagal?alasan=unverified', session: undefined });
    const unknown = await signOn('stranger');
    expect(unknown).toEqual({ location: '/sso-gagal?alasan=unknown', session: undefined });
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'stranger@test.example', password: testPassword } })).statusCode).toBe(401);
  });

  it('refuses a tampered state and a wrong nonce', async () => {
    await makeUser(t, roles.juror(), { email: 'juri2.sso@test.example' });
    people['juri2'] = { email: 'juri2.sso@test.example', email_verified: true };
    const tampered = await signOn('juri2', (callback) => {
      callback.searchParams.set('state', `${callback.searchParams.get('state')}x`);
      return callback;
    });
    expect(tampered).toEqual({ location: '/sso-gagal?alasan=state', session: undefined });
    // The nonce the app expects is not the one in the ID token.
    const wrongNonce = await signOn('juri2', async (callback) => {
      await t.database.db.update(oidcLogins).set({ nonce: 'not-the-nonce-that-was-sent' }).where(eq(oidcLogins.state, callback.searchParams.get('state')!));
      return callback;
    });
    expect(wrongNonce).toEqual({ location: '/sso-gagal?alasan=failed', session: undefined });
  });

  it('opens no session when the sign-on cannot be written to the audit log', async () => {
    const user = await makeUser(t, roles.juror(), { email: 'juri3.sso@test.example' });
    people['juri3'] = { email: 'juri3.sso@test.example', email_verified: true };
    const db = t.database.db;
    // The audit log refuses this one sign-on, as a full disk or a lost connection would.
    await db.execute(sql`CREATE FUNCTION refuse_sso_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF NEW.action = 'user.sso-login' THEN RAISE EXCEPTION 'audit log unavailable'; END IF; RETURN NEW; END $$`);
    await db.execute(sql`CREATE TRIGGER refuse_sso_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_sso_audit()`);
    try {
      const refused = await signOn('juri3', undefined, 500);
      expect(refused.session).toBeUndefined();
      expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
    } finally {
      await db.execute(sql`DROP TRIGGER refuse_sso_audit ON audit_log`);
      await db.execute(sql`DROP FUNCTION refuse_sso_audit()`);
    }
    const { session } = await signOn('juri3');
    expect((await db.select().from(sessions).where(eq(sessions.userId, user.id))).length).toBe(1);
    expect((await me(session!)).statusCode).toBe(200);
  });

  it('still asks the two-factor code of an account that has it', async () => {
    const user = await makeUser(t, roles.provincialAdmin('52'), { email: 'admin.sso@test.example' });
    const client = await signIn(t, user.email);
    const { secret } = (await client.request('POST', '/api/account/two-factor/setup', { password: testPassword })).json<{ secret: string }>();
    expect((await client.request('POST', '/api/account/two-factor/confirm', { code: totpAt(secret, Date.now()) })).statusCode).toBe(200);
    people['admin'] = { email: 'admin.sso@test.example', email_verified: true };
    const { location, session } = await signOn('admin');
    expect(location).toBe('/login?langkah=kode');
    expect((await me(session!)).statusCode).toBe(401);
    const second = await t.app.inject({ method: 'POST', url: '/api/auth/login/second-factor', cookies: { paritrana_session: session! }, payload: { code: totpAt(secret, Date.now() + 30_000) } });
    expect(second.statusCode).toBe(200);
  });
});

describe('single sign-on configuration', () => {
  it('needs issuer, client id and secret together, and https unless the issuer is on this machine', async () => {
    const { loadConfig } = await import('../../src/server/config.ts');
    expect(loadConfig({}).oidc).toBeNull();
    expect(() => loadConfig({ OIDC_ISSUER: 'https://sso.example.go.id' })).toThrow(/OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: required/);
    expect(() => loadConfig({ OIDC_ISSUER: 'http://sso.example.go.id', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' })).toThrow(/must be an https/);
    expect(loadConfig({ OIDC_ISSUER: 'http://127.0.0.1:4000', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' }).oidc).toMatchObject({ emailClaim: 'email', buttonLabel: 'SSO' });
  });
});

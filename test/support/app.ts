import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Database, QueryListener } from '../../src/db/client.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { version } from '../../src/server/bootstrap.ts';
import { createUser } from '../../src/server/services/users.ts';
import type { RoleGrant } from '../../src/shared/contracts/index.ts';
import { testDatabase, type Driver } from './database.ts';

export const testPassword = 'correct-horse-battery';

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  close: () => Promise<void>;
};

export async function startTestApp(driver: Driver, env: Record<string, string> = {}, onQuery?: QueryListener): Promise<TestApp> {
  const database = await testDatabase(driver, onQuery);
  const app = await appOn(database, env);
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/**
 * Another app server on a database a test already holds (its close leaves the
 * database open). Each app has its own data directory (evidence files, audit
 * anchors, secrets key) unless the test names one. The head is anchored at
 * start and on close; the periodic anchor waits a day unless the test asks for
 * it, so a slow run cannot add one in the middle of a test.
 */
export async function appOn(database: Database, env: Record<string, string> = {}): Promise<FastifyInstance> {
  const config = loadConfig({ LOG_LEVEL: 'silent', PARITRANA_DATA_DIR: mkdtempSync(join(tmpdir(), 'paritrana-app-')), AUDIT_ANCHOR_SECONDS: '86400', ...env });
  const app = await buildApp({ config, database, version }, { logger: false });
  await app.ready();
  return app;
}

let counter = 0;
/** Creates a user with the given roles (factory with overrides). */
export async function makeUser(t: TestApp, roles: RoleGrant[], overrides: { email?: string; name?: string } = {}) {
  counter += 1;
  return createUser(
    { db: t.database.db, actor: null },
    {
      email: overrides.email ?? `user${counter}-${Date.now()}@test.example`,
      name: overrides.name ?? `Test User ${counter}`,
      password: testPassword,
      locale: 'id',
      roles,
    },
  );
}

/** A signed-in HTTP client: keeps the session cookie and sends the CSRF token. */
export type Client = {
  request: (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  /** A raw request (e.g. multipart) with the session cookie and CSRF header added. */
  inject: (options: InjectOptions) => Promise<LightMyRequestResponse>;
  csrfToken: string;
};

export async function signIn(t: TestApp, email: string, password = testPassword): Promise<Client> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'paritrana_session')!;
  const { csrfToken } = res.json<{ csrfToken: string }>();
  return {
    csrfToken,
    inject: (options) =>
      t.app.inject({
        ...options,
        cookies: { paritrana_session: cookie.value },
        headers: { ...(options.headers ?? {}), 'x-csrf-token': csrfToken },
      }),
    request: (method, url, body) =>
      t.app.inject({
        method,
        url,
        cookies: { paritrana_session: cookie.value },
        headers: method === 'GET' ? {} : { 'x-csrf-token': csrfToken },
        ...(body !== undefined ? { payload: body as object } : {}),
      }),
  };
}

/** An anonymous client. */
export const anonymous = (t: TestApp): Client => ({
  csrfToken: '',
  inject: (options) => t.app.inject(options),
  request: (method, url, body) => t.app.inject({ method, url, ...(body !== undefined ? { payload: body as object } : {}) }),
});

export const roles = {
  nationalAdmin: (): RoleGrant[] => [{ role: 'national_admin', provinceCode: null, candidateId: null }],
  provincialAdmin: (provinceCode: string): RoleGrant[] => [{ role: 'provincial_admin', provinceCode, candidateId: null }],
  verifier: (provinceCode: string): RoleGrant[] => [{ role: 'verifier', provinceCode, candidateId: null }],
  /** A juror; with a province, its committee may list and seat them. */
  juror: (provinceCode: string | null = null): RoleGrant[] => [{ role: 'juror', provinceCode, candidateId: null }],
  candidate: (candidateId: string): RoleGrant[] => [{ role: 'candidate', provinceCode: null, candidateId }],
  /** A verifier limited to some regencies of its province (a branch office). */
  branchVerifier: (provinceCode: string, regencyCodes: string[]): RoleGrant[] => [{ role: 'verifier', provinceCode, candidateId: null, regencyCodes }],
  nationalVerifier: (): RoleGrant[] => [{ role: 'national_verifier', provinceCode: null, candidateId: null }],
  /** An observer of the whole nation (no provinces), or of the given provinces (one grant each). */
  observer: (provinceCodes: string[] = [], organisation: NonNullable<RoleGrant['organisation']> = 'kemnaker'): RoleGrant[] =>
    provinceCodes.length === 0
      ? [{ role: 'observer', provinceCode: null, candidateId: null, organisation }]
      : provinceCodes.map((provinceCode) => ({ role: 'observer' as const, provinceCode, candidateId: null, organisation })),
};

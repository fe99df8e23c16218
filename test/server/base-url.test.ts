import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { anonymous, makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { listEditions } from '../../src/db/repositories/editions.ts';
import { signingKeys } from '../../src/db/schema/index.ts';
import { loadConfig } from '../../src/server/config.ts';

const hostile = { host: 'attacker.example', 'x-forwarded-host': 'attacker.example', 'x-forwarded-proto': 'https' };

describe('the address put in links', () => {
  it('is PUBLIC_URL, else the configured host and port, never a request’s', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://paritrana.example.go.id/' }).baseUrl).toBe('https://paritrana.example.go.id');
    expect(loadConfig({}).baseUrl).toBe('http://127.0.0.1:3000');
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '8080' }).baseUrl).toBe('http://localhost:8080');
    expect(loadConfig({ HOST: '::1', PORT: '8080' }).baseUrl).toBe('http://[::1]:8080');
  });
});

describe.each(drivers())('links and public answers without PUBLIC_URL on %s', (driver) => {
  let t: TestApp;
  let editionId: string;
  let admin52: Client;

  beforeAll(async () => {
    t = await startTestApp(driver, { HOST: 'paritrana.internal', PORT: '8080' });
    await seedDemo(t.database.db);
    editionId = (await listEditions(t.database.db))[0]!.id;
    admin52 = await signIn(t, (await makeUser(t, roles.provincialAdmin('52'))).email);
  });
  afterAll(async () => t?.close());

  it('writes an invitation’s link from the configuration, whatever Host the request names', async () => {
    const lotim = (await admin52.request('GET', `/api/editions/${editionId}/candidates`)).json<{ id: string; name: string }[]>().find((c) => c.name === 'Kabupaten Lombok Timur')!;
    const invite = await admin52.inject({ method: 'POST', url: `/api/candidates/${lotim.id}/invitations`, headers: hostile, payload: { email: 'operator@lomboktimurkab.go.id' } });
    expect(invite.statusCode).toBe(201);
    const outbox = (await admin52.request('GET', '/api/outbox')).json<{ to: string; body: string }[]>();
    const body = outbox.find((m) => m.to === 'operator@lomboktimurkab.go.id')!.body;
    expect(body).toMatch(/http:\/\/paritrana\.internal:8080\/undangan\/[\w-]{20,}/);
    expect(body).not.toContain('attacker.example');
  });

  it('keeps one cached public answer whatever Host the request names', async () => {
    const first = await anonymous(t).inject({ method: 'GET', url: '/api/public/signing-keys', headers: { host: 'a.example' } });
    expect(first.statusCode).toBe(200);
    // A change the data version does not track: a server that rebuilt the answer per Host would show it.
    await t.database.db.insert(signingKeys).values({ id: 'f'.repeat(32), publicKey: 'not-a-key' });
    const other = await anonymous(t).inject({ method: 'GET', url: '/api/public/signing-keys', headers: { host: 'b.example' } });
    expect(other.statusCode).toBe(200);
    expect(other.headers.etag).toBe(first.headers.etag);
    expect(other.body).toBe(first.body);
  });
});

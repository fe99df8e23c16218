import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { anonymous, makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { finalisedPool } from '../support/publication.ts';
import { listEditions } from '../../src/db/repositories/editions.ts';
import { clockTime, isoDate, isStorableText, slotInput, text, webUrl } from '../../src/shared/contracts/index.ts';

type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string }[] } };

const storable = 'must not contain NUL characters or unpaired surrogates';

describe('the shared input checks', () => {
  it('refuse NUL characters and unpaired surrogates, and keep every well-formed text', () => {
    expect(['Kabupaten Sumbawa', '', 'Ñusa 🌴 Tenggara', '\uD83C\uDF34'].map(isStorableText)).toEqual([true, true, true, true]);
    expect(['a\0b', '\uD800', 'x\uDC00y', '\uDC00\uD800', '🌴\uD83C'].map(isStorableText)).toEqual([false, false, false, false, false]);
    expect(text().safeParse('a\0b').error?.issues.map((i) => i.message)).toEqual([storable]);
  });

  it('take real times of day only', () => {
    expect(['00:00', '09:30', '23:59'].map((v) => clockTime.safeParse(v).success)).toEqual([true, true, true]);
    expect(['24:00', '99:99', '12:60', '9:30', '12:30:00', ''].map((v) => clockTime.safeParse(v).success)).toEqual([false, false, false, false, false, false]);
  });

  it('take real calendar dates between 1900 and 2100 only', () => {
    expect(['1900-01-01', '2024-02-29', '2100-12-31'].map((v) => isoDate.safeParse(v).success)).toEqual([true, true, true]);
    expect(['0000-01-01', '1899-12-31', '2101-01-01', '2025-02-29', '2025-13-01', '2025-1-1'].map((v) => isoDate.safeParse(v).success)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('take http and https links only', () => {
    expect(['https://meet.example.go.id/abc', 'http://zoom.example/j/1'].map((v) => webUrl.safeParse(v).success)).toEqual([true, true]);
    expect(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'JAVASCRIPT:alert(1)', 'ftp://x.example/', 'vbscript:x'].map((v) => webUrl.safeParse(v).success)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    const slot = { heldOn: '2025-08-13', startsAt: '09:00', endsAt: null, place: null, onlineUrl: 'javascript:alert(document.cookie)' };
    expect(slotInput.safeParse(slot).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['onlineUrl', 'must be an http:// or https:// link']]);
  });
});

describe.each(drivers())('malformed input answered 400, never 500, on %s', (driver) => {
  let t: TestApp;
  let editionId: string;
  let lotim: string;
  let national: Client;

  beforeAll(async () => {
    t = await startTestApp(driver);
    await seedDemo(t.database.db);
    editionId = (await listEditions(t.database.db))[0]!.id;
    national = await signIn(t, 'admin@paritrana.demo', 'paritrana-demo-2025');
    lotim = (await national.request('GET', `/api/editions/${editionId}/candidates`)).json<{ id: string; name: string }[]>().find((c) => c.name === 'Kabupaten Lombok Timur')!.id;
  });
  afterAll(async () => t?.close());

  /** A JSON body written by hand, so that it can hold escapes JSON.stringify would never produce from a valid string. */
  const raw = (client: Client, method: 'PATCH' | 'POST' | 'PUT', url: string, json: string) =>
    client.inject({ method, url, payload: json, headers: { 'content-type': 'application/json' } });

  const problems = (res: { json: <T>() => T }) => res.json<ErrorBody>().error.details?.map((d) => [d.path, d.message]);

  it('refuses NUL characters and lone surrogates in text fields of every kind of route', async () => {
    const cases = [
      { client: national, method: 'PATCH' as const, url: `/api/candidates/${lotim}`, json: '{"name":"Kabupaten\\u0000Lombok"}', path: 'name' },
      { client: national, method: 'PATCH' as const, url: `/api/candidates/${lotim}`, json: '{"sector":"Pertanian \\ud800"}', path: 'sector' },
      { client: national, method: 'PATCH' as const, url: `/api/editions/${editionId}`, json: '{"label":"Paritrana \\udfff 2025"}', path: 'label' },
      { client: national, method: 'POST' as const, url: '/api/users', json: '{"email":"a@b.example","name":"Nama\\u0000","password":"correct-horse-battery","roles":[{"role":"juror","provinceCode":null,"candidateId":null}]}', path: 'name' },
      { client: anonymous(t), method: 'POST' as const, url: '/api/auth/login', json: '{"email":"admin@paritrana.demo","password":"x\\u0000y"}', path: 'password' },
    ];
    for (const c of cases) {
      const res = await raw(c.client, c.method, c.url, c.json);
      expect([c.url, res.statusCode, res.json<ErrorBody>().error.code], res.body).toEqual([c.url, 400, 'VALIDATION_FAILED']);
      expect(problems(res)).toEqual([[`body.${c.path}`, storable]]);
    }
    const code = await anonymous(t).request('GET', '/api/public/certificates/AB%00CD');
    expect(code.statusCode).toBe(400);
  });

  it('refuses impossible times and dates', async () => {
    const period = await national.request('PATCH', `/api/editions/${editionId}`, { periodStart: '0000-01-01' });
    expect(period.statusCode).toBe(400);
    expect(problems(period)).toEqual([['body.periodStart', 'year must be between 1900 and 2100']]);
    const timeline = await national.request('PUT', `/api/editions/${editionId}/timeline`, { milestones: [{ kind: 'registration', startsOn: '0000-01-01', endsOn: null, place: null }] });
    expect(timeline.statusCode).toBe(400);
    expect(problems(timeline)).toEqual([['body.milestones.0.startsOn', 'year must be between 1900 and 2100']]);
  });

  it('refuses an empty PATCH with a clear message', async () => {
    const user = await makeUser(t, roles.juror());
    for (const url of [`/api/candidates/${lotim}`, `/api/editions/${editionId}`, `/api/users/${user.id}`]) {
      const res = await national.request('PATCH', url, {});
      expect([url, res.statusCode, res.json<ErrorBody>().error.code]).toEqual([url, 400, 'VALIDATION_FAILED']);
      expect(problems(res)).toEqual([['body', 'nothing to change: send at least one field']]);
    }
  });

  it('refuses an import whose cell is 60 KB with the row’s error', async () => {
    const boundary = '----paritrana-test';
    const sheet = `kategori,kode_wilayah,nama_kontak,email_kontak\npemkab-kota,52.04,Kepala Disnaker,a@${'a'.repeat(60_000)}\n`;
    const payload = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="kandidat.csv"\r\nContent-Type: text/csv\r\n\r\n${sheet}\r\n--${boundary}--\r\n`);
    const res = await national.inject({ method: 'POST', url: `/api/editions/${editionId}/candidates/import?province=52`, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(res.statusCode).toBe(400);
    expect(problems(res)).toEqual([['baris 2.email_kontak', 'too long: 60002 characters (at most 500)']]);
    expect(res.json<ErrorBody>().error.details?.[0]).toMatchObject({ reason: 'too-long', values: { length: 60002, max: 500 } });
  });

  it('changes a user’s roles alone', async () => {
    const user = await makeUser(t, roles.juror());
    const res = await national.request('PATCH', `/api/users/${user.id}`, { roles: roles.verifier('52') });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ roles: unknown }>().roles).toEqual(roles.verifier('52'));
  });

  it('refuses impossible interview times and links other than http(s)', async () => {
    // Last: making a finalised pool moves the edition on. A real pool, since the route authorizes its pool before it reads the body.
    const pool = await finalisedPool(t.database.db);
    const slot = await national.request('PUT', `/api/pools/${pool.poolId}/slots/${lotim}`, { heldOn: '2025-08-13', startsAt: '99:99', endsAt: '24:00', place: 'Mataram', onlineUrl: null });
    expect(slot.statusCode).toBe(400);
    expect(problems(slot)).toEqual([
      ['body.startsAt', 'time must be HH:MM between 00:00 and 23:59'],
      ['body.endsAt', 'time must be HH:MM between 00:00 and 23:59'],
    ]);
    const link = await national.request('PUT', `/api/pools/${pool.poolId}/slots/${lotim}`, { heldOn: '2025-08-13', startsAt: '09:00', endsAt: null, place: null, onlineUrl: 'javascript:alert(1)' });
    expect(link.statusCode).toBe(400);
    expect(problems(link)).toEqual([['body.onlineUrl', 'must be an http:// or https:// link']]);
  });
});

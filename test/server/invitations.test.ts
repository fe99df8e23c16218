import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { anonymous, makeUser, roles, signIn, startTestApp, testPassword, type Client, type TestApp } from '../support/app.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { listEditions } from '../../src/db/repositories/editions.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';
import { findUserByEmail, rolesOf } from '../../src/db/repositories/users.ts';
import { eq } from 'drizzle-orm';
import { listOutbox, markSent } from '../../src/db/repositories/messages.ts';
import { outbox } from '../../src/db/schema/index.ts';

type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string }[] } };

describe.each(drivers())('invitations on %s', (driver) => {
  let t: TestApp;
  let admin52: Client;
  let national: Client;
  let lotim: string;
  let sumbawaBarat: string;

  beforeAll(async () => {
    t = await startTestApp(driver);
    await seedDemo(t.database.db);
    const editionId = (await listEditions(t.database.db))[0]!.id;
    const all = await listCandidates(t.database.db, editionId, { all: true });
    lotim = all.find((c) => c.name === 'Kabupaten Lombok Timur')!.id;
    sumbawaBarat = all.find((c) => c.provinceCode === '52' && c.id !== lotim)!.id;
    admin52 = await signIn(t, (await makeUser(t, roles.provincialAdmin('52'))).email);
    national = await signIn(t, 'admin@paritrana.demo', 'paritrana-demo-2025');
  });
  afterAll(async () => t?.close());

  /** Invites the e-mail to the candidate and reads the link's token from the outbox. */
  async function invite(candidateId: string, email: string): Promise<string> {
    const res = await admin52.request('POST', `/api/candidates/${candidateId}/invitations`, { email });
    expect(res.statusCode).toBe(201);
    const message = (await listOutbox(t.database.db, { all: true })).find((m) => m.to === email)!;
    return /\/undangan\/([\w-]+)/.exec(message.body)![1]!;
  }
  const rolesOfEmail = async (email: string) => {
    const user = (await findUserByEmail(t.database.db, email))!;
    return (await rolesOf(t.database.db, [user.id])).get(user.id) ?? [];
  };

  it('refuses to invite a committee account as a candidate’s user', async () => {
    for (const email of ['admin@paritrana.demo', 'verifikator.ntb@paritrana.demo', 'juri@paritrana.demo']) {
      const res = await admin52.request('POST', `/api/candidates/${lotim}/invitations`, { email });
      expect(res.statusCode).toBe(409);
      expect(res.json<ErrorBody>().error.details).toEqual([{ path: 'email', message: 'belongs to a committee account' }]);
    }
    expect((await listOutbox(t.database.db, { all: true })).filter((m) => m.to === 'admin@paritrana.demo')).toEqual([]);
  });

  it('never checks a password on the link: an existing account signs in and then accepts', async () => {
    const email = 'operator.ganda@test.example';
    const user = await makeUser(t, roles.candidate(sumbawaBarat), { email });
    const token = await invite(lotim, email);

    // Right or wrong, a password sent with the link is no way in: the answer is the same.
    for (const password of ['tebakan-yang-salah', testPassword]) {
      const res = await anonymous(t).request('POST', '/api/invitations/accept', { token, name: 'Siapa Saja', password });
      expect(res.statusCode).toBe(401);
      expect(res.json<ErrorBody>()).toEqual({
        error: { code: 'SIGN_IN_REQUIRED', message: 'An account with this e-mail exists: sign in with it, then accept the invitation' },
      });
    }
    expect(await rolesOfEmail(email)).toEqual(roles.candidate(sumbawaBarat));

    // Signed in as someone else, the link is refused; signed in as the invited account, it joins.
    const other = await signIn(t, (await makeUser(t, roles.candidate(lotim))).email);
    expect((await other.request('POST', '/api/invitations/accept', { token })).statusCode).toBe(403);
    const operator = await signIn(t, user.email);
    const joined = await operator.request('POST', '/api/invitations/accept', { token });
    expect(joined.statusCode).toBe(200);
    expect(joined.json()).toEqual({ ok: true, email, joined: true });
    expect((await rolesOfEmail(email)).map((r) => r.candidateId).sort()).toEqual([lotim, sumbawaBarat].sort());
  });

  it('never widens a committee account, even signed in, when it became staff after the invitation', async () => {
    const email = 'calon.juri@test.example';
    const token = await invite(lotim, email);
    await makeUser(t, roles.juror(), { email });
    const juror = await signIn(t, email);
    const res = await juror.request('POST', '/api/invitations/accept', { token });
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().error.details).toEqual([{ path: 'token', message: 'belongs to a committee account' }]);
    expect(await rolesOfEmail(email)).toEqual(roles.juror());
  });

  it('creates a new account only with a name and a password that pass the rules', async () => {
    const email = 'operator.baru@test.example';
    const token = await invite(lotim, email);
    // Signed in as another account, the link creates nothing: sign out first.
    const someone = await signIn(t, (await makeUser(t, roles.candidate(lotim))).email);
    expect((await someone.request('POST', '/api/invitations/accept', { token, name: 'Operator Baru', password: 'lombok-timur-2025' })).statusCode).toBe(403);
    const missing = await anonymous(t).request('POST', '/api/invitations/accept', { token });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<ErrorBody>().error.details).toEqual([
      { path: 'name', message: 'required' },
      { path: 'password', message: 'required' },
    ]);
    const common = await anonymous(t).request('POST', '/api/invitations/accept', { token, name: 'Operator Baru', password: 'indonesia123' });
    expect(common.statusCode).toBe(400);
    const ok = await anonymous(t).request('POST', '/api/invitations/accept', { token, name: 'Operator Baru', password: 'lombok-timur-2025' });
    expect(ok.json()).toEqual({ ok: true, email, joined: false });
    expect(await rolesOfEmail(email)).toEqual(roles.candidate(lotim));
  });

  it('shows an invitation link in the outbox while queued, and hides it once delivered', async () => {
    const email = 'operator.kirim@test.example';
    const token = await invite(lotim, email);
    const read = async () => (await national.request('GET', '/api/outbox')).json<{ id: string; to: string; body: string }[]>().find((m) => m.to === email)!;
    const queued = await read();
    expect(queued.body).toContain(`/undangan/${token}`);
    // As the sender records a delivery (claimed under its name, then sent).
    await t.database.db.update(outbox).set({ status: 'sending', claimedBy: 'test-sender' }).where(eq(outbox.id, queued.id));
    await markSent(t.database.db, queued.id, 'test-sender');
    const delivered = await read();
    expect(delivered.body).not.toContain(token);
    expect(delivered.body).toContain('/undangan/[disembunyikan setelah terkirim / hidden once sent]');
    const own = (await admin52.request('GET', '/api/outbox')).json<{ to: string; body: string }[]>().find((m) => m.to === email)!;
    expect(own.body).not.toContain(token);
  });
});

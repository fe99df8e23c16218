import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { anonymous, makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { listCategories, listEditions, listMilestones, replaceMilestones } from '../../src/db/repositories/editions.ts';
import { listAudit } from '../../src/db/repositories/audit.ts';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { registrationRequests } from '../../src/db/schema/index.ts';

type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string }[] } };
type Detail = { id: string; name: string; status: string; responseNote: string | null; regencyCode: string | null };
type Message = { to: string; subject: string; body: string; provinceCode: string | null };

const contact = { name: 'Kepala Disnakertrans Sumbawa', position: 'Kepala Dinas', phone: '0371-21000', email: 'disnaker@sumbawa.go.id' };

describe.each(drivers())('self-registration on %s', (driver) => {
  let t: TestApp;
  let editionId: string;
  let categories: Map<string, string>;
  let admin52: Client;
  let admin18: Client;
  let national: Client;
  const publicClient = () => anonymous(t);

  beforeAll(async () => {
    t = await startTestApp(driver, { REGISTRATION_RATE_PER_HOUR: '20' });
    await seedDemo(t.database.db);
    editionId = (await listEditions(t.database.db))[0]!.id;
    categories = new Map((await listCategories(t.database.db, editionId)).map((c) => [c.code, c.id]));
    // The demo's registration closed in May 2025: keep it open for these tests.
    const milestones = (await listMilestones(t.database.db, editionId)).map(({ kind, startsOn, endsOn, place }) => ({
      kind,
      startsOn,
      place,
      endsOn: kind === 'registration' ? '2099-12-31' : endsOn,
    }));
    await replaceMilestones(t.database.db, editionId, milestones);
    admin52 = await signIn(t, 'ntb@paritrana.demo', 'paritrana-demo-2025');
    admin18 = await signIn(t, (await makeUser(t, roles.provincialAdmin('18'))).email);
    national = await signIn(t, 'admin@paritrana.demo', 'paritrana-demo-2025');
  });
  afterAll(async () => t?.close());

  const base = () => ({
    editionId,
    categoryId: categories.get('pemkab-kota')!,
    provinceCode: '52',
    regencyCode: '52.04',
    npp: null,
    name: null,
    sizeClass: null,
    sector: null,
    address: null,
    contact,
  });

  it('lists the open editions and their categories to anyone', async () => {
    const res = await publicClient().request('GET', '/api/registration/editions');
    expect(res.statusCode).toBe(200);
    const [edition] = res.json<{ id: string; label: string; categories: { code: string }[] }[]>();
    expect(edition).toMatchObject({ id: editionId, label: 'Paritrana Award 2025' });
    expect(edition!.categories.map((c) => c.code)).toEqual(['pelayanan-publik', 'pemkab-kota', 'usaha-besar', 'usaha-kecil-mikro', 'usaha-menengah']);
  });

  /** The confirmation link e-mailed to an applicant, read from the outbox. */
  const confirmationToken = async (email: string): Promise<string> => {
    const message = (await national.request('GET', '/api/outbox')).json<Message[]>().find((m) => m.to === email && m.subject.startsWith('Konfirmasi pendaftaran'))!;
    return /\/daftar\/konfirmasi\/([\w-]+)/.exec(message.body)![1]!;
  };
  /** Applies and confirms the e-mail, as an applicant does. */
  const applyAndConfirm = async (body: object, email: string): Promise<{ id: string; name: string; status: string }> => {
    const applied = await publicClient().request('POST', '/api/registrations', body);
    expect(applied.statusCode, applied.body).toBe(201);
    const confirmed = await publicClient().request('POST', '/api/registrations/confirm', { token: await confirmationToken(email) });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    return confirmed.json();
  };

  it('takes a regional government’s application without an account; the committee sees it once the e-mail is confirmed', async () => {
    const res = await publicClient().request('POST', '/api/registrations', base());
    expect(res.statusCode).toBe(201);
    const receipt = res.json<{ id: string; name: string; status: string }>();
    expect(receipt).toMatchObject({ name: 'Kabupaten Sumbawa', status: 'unconfirmed' });
    expect((await admin52.request('GET', `/api/editions/${editionId}/candidates`)).json<Detail[]>().some((c) => c.name === 'Kabupaten Sumbawa')).toBe(false);
    const message = (await national.request('GET', '/api/outbox')).json<Message[]>().find((m) => m.to === 'disnaker@sumbawa.go.id')!;
    expect([message.subject, message.provinceCode]).toEqual(['Konfirmasi pendaftaran Paritrana Award: Kabupaten Sumbawa', '52']);
    expect(message.body).toMatch(/^http:\/\/127\.0\.0\.1:3000\/daftar\/konfirmasi\/[\w-]{30,}$/m);
    const token = await confirmationToken('disnaker@sumbawa.go.id');
    // Only the token's hash is stored.
    const [stored] = await t.database.db.select().from(registrationRequests).where(eq(registrationRequests.id, receipt.id));
    expect(stored!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(token);

    const confirmed = await publicClient().request('POST', '/api/registrations/confirm', { token });
    expect(confirmed.statusCode).toBe(200);
    const candidate = confirmed.json<{ id: string; name: string; status: string }>();
    expect(candidate).toMatchObject({ name: 'Kabupaten Sumbawa', status: 'registered' });
    const audit = await listAudit(t.database.db, { entityType: 'candidate', entityId: candidate.id, limit: 5 });
    expect(audit.map((a) => [a.action, a.actorLabel])).toEqual([['candidate.register', 'pendaftar disnaker@sumbawa.go.id']]);
    const listed = (await admin52.request('GET', `/api/editions/${editionId}/candidates`)).json<Detail[]>();
    expect(listed.find((c) => c.id === candidate.id)?.status).toBe('registered');
    // The link works once.
    const again = await publicClient().request('POST', '/api/registrations/confirm', { token });
    expect(again.statusCode).toBe(404);
    expect(again.json<ErrorBody>().error.message).toBe('The confirmation link does not work: already used or expired; register again if needed');
  });

  it('lets an unconfirmed application expire', async () => {
    const res = await publicClient().request('POST', '/api/registrations', { ...base(), regencyCode: '52.08', contact: { ...contact, email: 'disnaker@bimakab.go.id' } });
    expect(res.statusCode).toBe(201);
    await t.database.db.update(registrationRequests).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(registrationRequests.id, res.json<{ id: string }>().id));
    const late = await publicClient().request('POST', '/api/registrations/confirm', { token: await confirmationToken('disnaker@bimakab.go.id') });
    expect(late.statusCode).toBe(404);
    expect((await admin52.request('GET', `/api/editions/${editionId}/candidates`)).json<Detail[]>().some((c) => c.regencyCode === '52.08')).toBe(false);
  });

  it('reserves nothing while it waits: the province nominates the same regency, and approving the application is then refused', async () => {
    const waiting = await applyAndConfirm({ ...base(), regencyCode: '52.05', contact: { ...contact, email: 'disnaker@dompukab.go.id' } }, 'disnaker@dompukab.go.id');
    const unconfirmed = await publicClient().request('POST', '/api/registrations', { ...base(), regencyCode: '52.06', contact: { ...contact, email: 'disnaker@bimakab2.go.id' } });
    expect(unconfirmed.statusCode).toBe(201);
    for (const regencyCode of ['52.05', '52.06']) {
      const nominated = await admin52.request('POST', `/api/editions/${editionId}/candidates`, { ...base(), regencyCode, contact: undefined, contacts: [] });
      expect(nominated.statusCode, nominated.body).toBe(201);
    }
    const approve = await admin52.request('POST', `/api/candidates/${waiting.id}/registration`, { approve: true, reason: null });
    expect(approve.statusCode).toBe(409);
    expect(approve.json<ErrorBody>().error.message).toBe('52.05 is already a candidate of this category; reject this registration');
    // Nor can the unconfirmed one be confirmed into a taken regency.
    const late = await publicClient().request('POST', '/api/registrations/confirm', { token: await confirmationToken('disnaker@bimakab2.go.id') });
    expect(late.statusCode).toBe(400);
    expect(late.json<ErrorBody>().error.details).toEqual([{ path: 'candidate', message: '52.06 is already a candidate of category pemkab-kota' }]);
    const rejected = await admin52.request('POST', `/api/candidates/${waiting.id}/registration`, { approve: false, reason: 'Sudah dinominasikan oleh provinsi' });
    expect(rejected.json<Detail>().status).toBe('rejected');
  });

  it('names each wrong field and stores nothing', async () => {
    const before = (await admin52.request('GET', `/api/editions/${editionId}/candidates`)).json<Detail[]>().length;
    const foreign = await publicClient().request('POST', '/api/registrations', { ...base(), regencyCode: '18.02' });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json<ErrorBody>().error.details).toEqual([{ path: 'regencyCode', message: 'Kabupaten Lampung Tengah is not a region of province 52' }]);
    // Lombok Timur is nominated already.
    const twice = await publicClient().request('POST', '/api/registrations', { ...base(), regencyCode: '52.03' });
    expect(twice.json<ErrorBody>().error.details).toEqual([{ path: 'candidate', message: '52.03 is already a candidate of category pemkab-kota' }]);
    const company = await publicClient().request('POST', '/api/registrations', {
      ...base(),
      categoryId: categories.get('usaha-menengah'),
      regencyCode: null,
      npp: 'AB',
      sizeClass: null,
    });
    expect(company.json<ErrorBody>().error.details).toEqual([
      { path: 'npp', message: 'NPP "AB" is not valid (5–20 letters or digits)' },
      { path: 'name', message: 'required for a company' },
    ]);
    expect((await admin52.request('GET', `/api/editions/${editionId}/candidates`)).json<Detail[]>()).toHaveLength(before);
  });

  it('is approved by the province’s admin only: nominated, and its contact invited', async () => {
    const sumbawa = (await admin52.request('GET', `/api/editions/${editionId}/candidates`)).json<Detail[]>().find((c) => c.name === 'Kabupaten Sumbawa')!;
    const foreign = await admin18.request('POST', `/api/candidates/${sumbawa.id}/registration`, { approve: true, reason: null });
    expect(foreign.statusCode).toBe(403);
    const inviteFirst = await admin52.request('POST', `/api/candidates/${sumbawa.id}/invitations`, { email: 'lain@sumbawa.go.id' });
    expect(inviteFirst.statusCode).toBe(409);
    const approved = await admin52.request('POST', `/api/candidates/${sumbawa.id}/registration`, { approve: true, reason: null });
    expect(approved.statusCode).toBe(200);
    expect(approved.json<Detail>().status).toBe('nominated');
    const again = await admin52.request('POST', `/api/candidates/${sumbawa.id}/registration`, { approve: false, reason: 'sudah diputuskan' });
    expect(again.statusCode).toBe(409);
    const outbox = (await admin52.request('GET', '/api/outbox')).json<Message[]>().filter((m) => m.subject.startsWith('Undangan'));
    expect(outbox.map((m) => [m.to, m.subject, m.provinceCode])).toEqual([['disnaker@sumbawa.go.id', 'Undangan Paritrana Award: Kabupaten Sumbawa', '52']]);
    expect(outbox[0]!.body).toMatch(/\/undangan\/[\w-]{20,}/);
    // Another province's admin reads none of province 52's messages; the national admin reads all.
    expect((await admin18.request('GET', '/api/outbox')).json<Message[]>()).toEqual([]);
    expect((await national.request('GET', '/api/outbox')).json<Message[]>()).toHaveLength((await admin52.request('GET', '/api/outbox')).json<Message[]>().length);
    const history = (await admin52.request('GET', `/api/candidates/${sumbawa.id}/history`)).json<{ action: string; note: string | null }[]>();
    expect(history.map((h) => [h.action, h.note])).toEqual([
      ['candidate.invite', 'disnaker@sumbawa.go.id'],
      ['candidate.registration.approve', null],
      ['candidate.register', null],
    ]);
  });

  it('is rejected with a reason, told to the applicant', async () => {
    const { id } = await applyAndConfirm({
      ...base(),
      categoryId: categories.get('usaha-menengah'),
      regencyCode: null,
      npp: '19002345',
      name: 'PT Sasak Makmur',
      sizeClass: 'menengah',
      sector: 'Perhotelan',
      address: 'Jl. Pejanggik 10, Mataram',
      contact: { ...contact, email: 'hrd@sasakmakmur.co.id' },
    }, 'hrd@sasakmakmur.co.id');
    const short = await admin52.request('POST', `/api/candidates/${id}/registration`, { approve: false, reason: null });
    expect(short.statusCode).toBe(400);
    const rejected = await admin52.request('POST', `/api/candidates/${id}/registration`, { approve: false, reason: 'NPP tidak terdaftar di BPJS Ketenagakerjaan Mataram' });
    expect(rejected.json<Detail>()).toMatchObject({ status: 'rejected', responseNote: 'NPP tidak terdaftar di BPJS Ketenagakerjaan Mataram' });
    const message = (await admin52.request('GET', '/api/outbox')).json<Message[]>().find((m) => m.to === 'hrd@sasakmakmur.co.id')!;
    expect(message.subject).toBe('Pendaftaran Paritrana Award: PT Sasak Makmur');
    expect(message.body).toContain('NPP tidak terdaftar di BPJS Ketenagakerjaan Mataram');
    // The rejected application does not keep the employer from being nominated in its category.
    const nominated = await admin52.request('POST', `/api/editions/${editionId}/candidates`, {
      categoryId: categories.get('usaha-menengah'),
      provinceCode: '52',
      regencyCode: null,
      npp: '19002345',
      name: 'PT Sasak Makmur',
      sizeClass: 'menengah',
      sector: 'Perhotelan',
      address: null,
      contacts: [],
    });
    expect(nominated.statusCode, nominated.body).toBe(201);
  });

  it('keeps at most the configured number of applications waiting per province', async () => {
    const capped = await startTestApp(driver, { REGISTRATION_PENDING_PER_PROVINCE: '2', REGISTRATION_RATE_PER_HOUR: '20' });
    try {
      await seedDemo(capped.database.db);
      const milestones = (await listMilestones(capped.database.db, editionId)).map(({ kind, startsOn, endsOn, place }) => ({ kind, startsOn, place, endsOn: kind === 'registration' ? '2099-12-31' : endsOn }));
      const cappedEdition = (await listEditions(capped.database.db))[0]!.id;
      await replaceMilestones(capped.database.db, cappedEdition, milestones);
      const category = (await listCategories(capped.database.db, cappedEdition)).find((c) => c.code === 'pemkab-kota')!.id;
      const apply = (regencyCode: string, provinceCode = '52') =>
        anonymous(capped).request('POST', '/api/registrations', { ...base(), editionId: cappedEdition, categoryId: category, provinceCode, regencyCode, contact: { ...contact, email: `x${regencyCode}@example.go.id` } });
      const statuses = [];
      for (const code of ['52.04', '52.05', '52.06']) statuses.push((await apply(code)).statusCode);
      expect(statuses).toEqual([201, 201, 409]);
      const third = await apply('52.07');
      expect(third.json<ErrorBody>().error).toEqual({
        code: 'CONFLICT',
        message: 'Province 52 already has 2 registrations waiting; try again once the committee has dealt with them',
      });
      // Another province has its own allowance.
      const elsewhere = await apply('18.04', '18');
      expect(elsewhere.statusCode, elsewhere.body).toBe(201);
    } finally {
      await capped.close();
    }
  });

  it('limits applications per address and hour', async () => {
    const limited = await startTestApp(driver, { REGISTRATION_RATE_PER_HOUR: '2' });
    try {
      const client = anonymous(limited);
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await client.request('POST', '/api/registrations', {})).statusCode);
      expect(statuses).toEqual([400, 400, 429]);
    } finally {
      await limited.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { anonymous, makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { listCategories, listEditions, listMilestones, replaceMilestones } from '../../src/db/repositories/editions.ts';
import { listAudit } from '../../src/db/repositories/audit.ts';

type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string }[] } };
type Detail = { id: string; name: string; status: string; responseNote: string | null };
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
    t = await startTestApp(driver, { REGISTRATION_RATE_PER_HOUR: '8' });
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

  it('takes a regional government’s application without an account, as registered', async () => {
    const res = await publicClient().request('POST', '/api/registrations', base());
    expect(res.statusCode).toBe(201);
    const receipt = res.json<{ id: string; name: string; status: string }>();
    expect(receipt).toMatchObject({ name: 'Kabupaten Sumbawa', status: 'registered' });
    const audit = await listAudit(t.database.db, { entityType: 'candidate', entityId: receipt.id, limit: 5 });
    expect(audit.map((a) => [a.action, a.actorLabel])).toEqual([['candidate.register', 'pendaftar disnaker@sumbawa.go.id']]);
    const listed = (await admin52.request('GET', `/api/editions/${editionId}/candidates`)).json<Detail[]>();
    expect(listed.find((c) => c.id === receipt.id)?.status).toBe('registered');
  });

  it('names each wrong field in Indonesian and stores nothing', async () => {
    const before = (await admin52.request('GET', `/api/editions/${editionId}/candidates`)).json<Detail[]>().length;
    const foreign = await publicClient().request('POST', '/api/registrations', { ...base(), regencyCode: '18.02' });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json<ErrorBody>().error.details).toEqual([{ path: 'regencyCode', message: 'Kabupaten Lampung Tengah bukan wilayah provinsi 52' }]);
    const twice = await publicClient().request('POST', '/api/registrations', base());
    expect(twice.json<ErrorBody>().error.details).toEqual([{ path: 'candidate', message: '52.04 sudah menjadi kandidat kategori pemkab-kota' }]);
    const company = await publicClient().request('POST', '/api/registrations', {
      ...base(),
      categoryId: categories.get('usaha-menengah'),
      regencyCode: null,
      npp: 'AB',
      sizeClass: null,
    });
    expect(company.json<ErrorBody>().error.details).toEqual([
      { path: 'npp', message: 'NPP "AB" tidak sah (5–20 huruf atau angka)' },
      { path: 'name', message: 'wajib diisi untuk badan usaha' },
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
    const outbox = (await admin52.request('GET', '/api/outbox')).json<Message[]>();
    expect(outbox.map((m) => [m.to, m.subject, m.provinceCode])).toEqual([['disnaker@sumbawa.go.id', 'Undangan Paritrana Award: Kabupaten Sumbawa', '52']]);
    expect(outbox[0]!.body).toMatch(/\/undangan\/[\w-]{20,}/);
    // Another province's admin reads none of province 52's messages; the national admin reads all.
    expect((await admin18.request('GET', '/api/outbox')).json<Message[]>()).toEqual([]);
    expect((await national.request('GET', '/api/outbox')).json<Message[]>()).toHaveLength(1);
    const history = (await admin52.request('GET', `/api/candidates/${sumbawa.id}/history`)).json<{ action: string; note: string | null }[]>();
    expect(history.map((h) => [h.action, h.note])).toEqual([
      ['candidate.invite', 'disnaker@sumbawa.go.id'],
      ['candidate.registration.approve', null],
      ['candidate.register', null],
    ]);
  });

  it('is rejected with a reason, told to the applicant', async () => {
    const res = await publicClient().request('POST', '/api/registrations', {
      ...base(),
      categoryId: categories.get('usaha-menengah'),
      regencyCode: null,
      npp: '19002345',
      name: 'PT Sasak Makmur',
      sizeClass: 'menengah',
      sector: 'Perhotelan',
      address: 'Jl. Pejanggik 10, Mataram',
      contact: { ...contact, email: 'hrd@sasakmakmur.co.id' },
    });
    expect(res.statusCode).toBe(201);
    const { id } = res.json<{ id: string }>();
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

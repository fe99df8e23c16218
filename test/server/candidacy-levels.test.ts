import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { lotimAnswers } from '../support/publication.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { findCategoryByCode, listEditions } from '../../src/db/repositories/editions.ts';
import { findCandidate, insertCandidate } from '../../src/db/repositories/candidates.ts';
import { insertSubmission } from '../../src/db/repositories/submissions.ts';

type ErrorBody = { error: { code: string } };

/**
 * A candidacy belongs to the committee of its level: NTB's people run NTB's
 * provincial round, the national committee the national one. They still see
 * their province's national-level candidacies, read-only.
 */
describe.each(drivers())('a national-level candidacy of NTB on %s', (driver) => {
  let t: TestApp;
  let provincialId: string;
  let nationalId: string;
  let national: Client;
  let admin52: Client;
  let verifier52: Client;

  beforeAll(async () => {
    t = await startTestApp(driver);
    const db = t.database.db;
    await seedDemo(db);
    const [edition] = await listEditions(db);
    const category = (await findCategoryByCode(db, edition!.id, 'pemkab-kota'))!;
    const base = { editionId: edition!.id, categoryId: category.id, kind: 'pemda' as const, provinceCode: '52', regencyCode: '52.08', name: 'Kabupaten Lombok Utara', status: 'accepted' };
    const provincial = await insertCandidate(db, { ...base, level: 'provinsi' });
    const nationalLevel = await insertCandidate(db, { ...base, level: 'nasional', advancedFrom: provincial.id });
    provincialId = provincial.id;
    nationalId = nationalLevel.id;
    for (const candidateId of [provincialId, nationalId]) await insertSubmission(db, { candidateId, status: 'submitted', version: 1, answers: lotimAnswers });
    national = await signIn(t, (await makeUser(t, roles.nationalAdmin())).email);
    admin52 = await signIn(t, (await makeUser(t, roles.provincialAdmin('52'))).email);
    verifier52 = await signIn(t, (await makeUser(t, roles.verifier('52'))).email);
  });
  afterAll(async () => t?.close());

  const decision = { key: 'innovation', status: 'valid', comment: null, deadline: null };

  it('NTB’s admin and verifier still read it, as history', async () => {
    for (const client of [admin52, verifier52]) {
      const res = await client.request('GET', `/api/candidates/${nationalId}`);
      expect(res.statusCode).toBe(200);
      expect(res.json<{ level: string }>().level).toBe('nasional');
      expect((await client.request('GET', `/api/candidates/${nationalId}/verification`)).statusCode).toBe(200);
    }
  });

  it('tells the web app what each may do with it, and what each role may do anywhere', async () => {
    type Abilities = Record<string, boolean>;
    const abilitiesOf = async (client: Client, id: string) => (await client.request('GET', `/api/candidates/${id}`)).json<{ abilities: Abilities }>().abilities;
    const pick = (a: Abilities) => ({ see: a.see, edit: a.edit, rename: a.rename, invite: a.invite, reopenSelfAssessment: a.reopenSelfAssessment, verify: a.verify });
    expect(pick(await abilitiesOf(verifier52, nationalId))).toEqual({ see: true, edit: false, rename: false, invite: false, reopenSelfAssessment: false, verify: false });
    expect(pick(await abilitiesOf(admin52, nationalId))).toEqual({ see: true, edit: false, rename: false, invite: false, reopenSelfAssessment: false, verify: false });
    expect(pick(await abilitiesOf(national, nationalId))).toEqual({ see: true, edit: true, rename: true, invite: true, reopenSelfAssessment: true, verify: true });
    expect(pick(await abilitiesOf(verifier52, provincialId))).toEqual({ see: true, edit: false, rename: false, invite: false, reopenSelfAssessment: false, verify: true });
    expect(pick(await abilitiesOf(admin52, provincialId))).toEqual({ see: true, edit: true, rename: true, invite: true, reopenSelfAssessment: true, verify: false });
    const me = (await verifier52.request('GET', '/api/auth/me')).json<{ abilities: Abilities }>().abilities;
    expect({ verify: me.verify, nominate: me.nominate, manageUsers: me.manageUsers, readVerificationQueue: me.readVerificationQueue }).toEqual({ verify: true, nominate: false, manageUsers: false, readVerificationQueue: true });
    expect((await admin52.request('GET', '/api/auth/me')).json<{ committee: unknown }>().committee).toEqual({ national: false, provinces: ['52'] });
    expect((await national.request('GET', '/api/auth/me')).json<{ committee: unknown }>().committee).toEqual({ national: true, provinces: [] });
  });

  it('NTB’s verifier may not verify it, nor NTB’s admin rename, reopen or invite for it', async () => {
    const refused = [
      await verifier52.request('POST', `/api/candidates/${nationalId}/verification/items`, decision),
      await verifier52.request('POST', `/api/candidates/${nationalId}/verification/confirm`, {}),
      await admin52.request('PATCH', `/api/candidates/${nationalId}`, { name: 'Kab. Lombok Utara' }),
      await admin52.request('PATCH', `/api/candidates/${nationalId}`, { address: 'Jl. Tioq Tata Tunaq, Tanjung' }),
      await admin52.request('POST', `/api/candidates/${nationalId}/self-assessment/reopen`, { reason: 'Data program perlu dikoreksi' }),
      await admin52.request('POST', `/api/candidates/${nationalId}/invitations`, { email: 'operator@lombokutarakab.go.id' }),
    ];
    expect(refused.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403, 403]);
    expect(refused.map((r) => r.json<ErrorBody>().error.code)).toEqual(Array(6).fill('FORBIDDEN'));
    const row = (await findCandidate(t.database.db, nationalId))!;
    expect(row.name).toBe('Kabupaten Lombok Utara');
    expect(row.address).toBeNull();
  });

  it('the national admin verifies and renames it; NTB’s people still act on the provincial candidacy', async () => {
    expect((await national.request('POST', `/api/candidates/${nationalId}/verification/items`, decision)).statusCode).toBe(200);
    expect((await national.request('PATCH', `/api/candidates/${nationalId}`, { address: 'Jl. Tioq Tata Tunaq, Tanjung' })).statusCode).toBe(200);
    expect((await verifier52.request('POST', `/api/candidates/${provincialId}/verification/items`, decision)).statusCode).toBe(200);
    expect((await admin52.request('PATCH', `/api/candidates/${provincialId}`, { address: 'Jl. Tioq Tata Tunaq, Tanjung' })).statusCode).toBe(200);
  });
});

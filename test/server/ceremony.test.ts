import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { finalisedPool, type FinalisedPool } from '../support/publication.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { listAudit } from '../../src/db/repositories/audit.ts';
import { listEvents } from '../../src/db/repositories/editions.ts';
import type { CertificateVerification, Handover, PressRelease, PublicationStatus } from '../../src/shared/contracts/index.ts';

type ErrorAnswer = { error: { code: string; details?: { path: string; message: string }[] } };

const mataram = 'Gedung Sangkareang, Kantor Gubernur NTB, Mataram';

/**
 * The ceremony a provincial pool's certificates and press releases name is
 * its own province's: the demo's Lampung ceremony (its event and the
 * edition's provincial milestone) never stands in for NTB's.
 */
describe.each(drivers())('the ceremony and hand-over of a pool on %s', (driver) => {
  let t: TestApp;
  let f: FinalisedPool;
  let admin: Client;
  let lampung: Client;
  let ntbEventId: string;

  const status = async () => (await admin.request('GET', `/api/pools/${f.poolId}/publication`)).json<PublicationStatus>();
  const certificateOf = async (candidate: string) => {
    const code = (await status()).winners.find((w) => w.candidate === candidate)!.certificate!.code;
    return (await admin.request('GET', `/api/public/certificates/${code}`)).json<CertificateVerification>().certificate!;
  };
  const releaseOf = async (candidate: string) => {
    const s = await status();
    const res = await admin.request('POST', `/api/results/${s.result!.id}/press-releases`, { candidateId: s.winners.find((w) => w.candidate === candidate)!.candidateId });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<PressRelease>();
  };

  beforeAll(async () => {
    t = await startTestApp(driver, { PARITRANA_DATA_DIR: mkdtempSync(join(tmpdir(), 'paritrana-cer-')) });
    await seedDemo(t.database.db);
    f = await finalisedPool(t.database.db);
    admin = await signIn(t, f.provincial.email);
    lampung = await signIn(t, (await makeUser(t, roles.provincialAdmin('18'))).email);
    ntbEventId = (await listEvents(t.database.db, f.editionId)).find((e) => e.kind === 'provincial_ceremony' && e.provinceCode === '52')!.id;
  });
  afterAll(async () => t?.close());

  it('prints NTB’s own ceremony, in Mataram, on the certificate and in the release', async () => {
    const s = await status();
    expect(s.ceremony).toEqual({ date: '2025-08-13', place: mataram, source: 'province' });
    expect(s.warnings).toEqual([]);
    expect((await admin.request('POST', `/api/pools/${f.poolId}/publish`)).statusCode).toBe(200);
    expect((await certificateOf('52.03')).ceremony).toEqual({ date: '2025-08-13', place: mataram });
    const release = await releaseOf('52.03');
    expect(release.body).toContain(`pada Rabu, 13 Agustus 2025 di ${mataram}`);
    expect(release.facts.find((x) => x.key === 'ceremony.place')?.value).toBe(mataram);
  });

  it('with no ceremony of NTB’s own, warns and prints no date or place, never Lampung’s', async () => {
    // Lampung recorded its ceremony (an event of the demo), and the edition’s provincial milestone is Lampung’s too.
    const events = await listEvents(t.database.db, f.editionId);
    expect(events.find((e) => e.kind === 'provincial_ceremony' && e.provinceCode === '18')?.place).toBe('Balai Keratun, Kantor Gubernur Lampung');
    expect((await admin.request('DELETE', `/api/editions/${f.editionId}/events/${ntbEventId}`)).statusCode).toBe(200);

    const s = await status();
    expect(s.ceremony).toBeNull();
    expect(s.warnings).toEqual(['no-ceremony']);
    // A missing ceremony warns; it does not stop the announcement.
    expect(s.problems).toEqual([]);
    const published = await admin.request('POST', `/api/pools/${f.poolId}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    const certificate = await certificateOf('52.03');
    expect(certificate.ceremony).toBeNull();
    expect(JSON.stringify(certificate)).not.toMatch(/Lampung|Keratun/);
    const pdf = await admin.request('GET', `/api/public/certificates/${(await status()).winners[0]!.certificate!.code}/pdf`);
    expect(pdf.statusCode).toBe(200);
    const release = await releaseOf('52.03');
    expect(`${release.title} ${release.body}`).not.toMatch(/Lampung|Keratun|13 Agustus 2025/);
    expect(release.facts.map((x) => x.key)).not.toContain('ceremony.date');
    // The presenter is still stated, without a date or place.
    expect(release.body).toContain('Penghargaan tersebut diserahkan oleh Gubernur Nusa Tenggara Barat, Dr. H. Lalu Muhamad Iqbal.');
  });

  it('records the hand-over as it happened, for the pool’s committee only, audited and used by the release', async () => {
    const s = await status();
    const lotim = s.winners.find((w) => w.candidate === '52.03')!.candidateId;
    const body = {
      presenter: { name: 'Hj. Indah Dhamayanti Putri', title: 'Wakil Gubernur Nusa Tenggara Barat' },
      occasion: { name: 'penandatanganan nota kesepahaman perlindungan pekerja rentan', date: '2025-09-02', place: 'Pendopo Gubernur NTB, Mataram' },
      representatives: [{ candidateId: lotim, name: 'H. Muhammad Juaini Taofik', title: 'Sekretaris Daerah Kabupaten Lombok Timur', onBehalfOf: 'Bupati Lombok Timur' }],
    };
    expect((await lampung.request('PUT', `/api/pools/${f.poolId}/handover`, body)).statusCode).toBe(403);
    const outsider = await admin.request('PUT', `/api/pools/${f.poolId}/handover`, { ...body, representatives: [{ ...body.representatives[0]!, candidateId: '00000000-0000-4000-8000-000000000000' }] });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json<ErrorAnswer>().error.details!.map((d) => d.path)).toEqual(['representatives.0.candidateId']);
    const twice = await admin.request('PUT', `/api/pools/${f.poolId}/handover`, { ...body, representatives: [body.representatives[0], body.representatives[0]] });
    expect(twice.statusCode).toBe(400);
    expect((await admin.request('PUT', `/api/pools/${f.poolId}/handover`, { ...body, occasion: { ...body.occasion, date: '2025-02-30' } })).statusCode).toBe(400);

    const saved = await admin.request('PUT', `/api/pools/${f.poolId}/handover`, body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<Handover>()).toMatchObject(body);
    expect((await status()).handover).toMatchObject(body);
    const [entry] = await listAudit(t.database.db, { entityType: 'pool', entityId: f.poolId, limit: 1 });
    expect(entry).toMatchObject({ action: 'handover.save', before: { presenter: null, representatives: [] }, after: { presenter: body.presenter } });

    const release = await releaseOf('52.03');
    const sentence = release.draft.paragraphs.flat().find((x) => x.text.startsWith('Penghargaan tersebut'))!;
    expect(sentence.text).toBe(
      'Penghargaan tersebut diserahkan oleh Wakil Gubernur Nusa Tenggara Barat, Hj. Indah Dhamayanti Putri, dalam acara penandatanganan nota kesepahaman perlindungan pekerja rentan pada Selasa, 2 September 2025 di Pendopo Gubernur NTB, Mataram ' +
        'dan diterima oleh Sekretaris Daerah Kabupaten Lombok Timur, H. Muhammad Juaini Taofik, yang hadir mewakili Bupati Lombok Timur.',
    );
    expect(sentence.facts).toEqual(['handover.presenter', 'handover.occasion', 'handover.date', 'handover.place', 'handover.representative']);
    expect(release.facts.find((x) => x.key === 'handover.representative')?.value).toBe('H. Muhammad Juaini Taofik, Sekretaris Daerah Kabupaten Lombok Timur, mewakili Bupati Lombok Timur');
    // Another winner had no representative: its release names none.
    expect((await releaseOf('52.01')).body).not.toContain('mewakili Bupati');

    // Clearing the record goes back to the signatory who hands over.
    expect((await admin.request('PUT', `/api/pools/${f.poolId}/handover`, { presenter: null, occasion: null, representatives: [] })).statusCode).toBe(200);
    expect((await releaseOf('52.03')).body).toContain('diserahkan oleh Gubernur Nusa Tenggara Barat');
  });
});

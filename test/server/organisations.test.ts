import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { anonymous, makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { seedShowcase } from '../../src/server/services/demo-showcase.ts';
import { todayInWib } from '../../src/server/services/demo-calendar.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';
import { listEditions } from '../../src/db/repositories/editions.ts';
import { evidenceOf } from '../../src/db/repositories/evidence.ts';
import { findSubmission, updateSubmission } from '../../src/db/repositories/submissions.ts';
import { listAudit } from '../../src/db/repositories/audit.ts';
import type { CarryForwardView, Organisation, PublicOrganisation } from '../../src/shared/contracts/index.ts';

type SA = { version: number; status: string; missing: string[]; answers: { regulations: Record<string, unknown>[]; agreements: Record<string, unknown>[] } & Record<string, unknown> };
type ErrorBody = { error: { code: string; details?: { path: string; message: string }[] } };

const pdf = Buffer.from('%PDF-1.4\n% Perkada Lombok Timur\n%%EOF\n');
function multipart(filename: string, content: Buffer) {
  const boundary = '----org-test';
  return {
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(drivers())('organisations across editions and carrying forward on %s', (driver) => {
  let t: TestApp;
  let current: { id: string; label: string };
  let previous: { id: string; label: string };
  let lotimNow: string;
  let lotimBefore: string;
  let lotimProvincial: string;
  let company: string;
  let lotim: Client;
  let national: Client;
  let verifier: Client;
  let previousFile: { id: string; sha256: string };

  beforeAll(async () => {
    t = await startTestApp(driver);
    // Laid out around today, so that the demo edition's registration is open and the calendar's validity dates keep their distance from today.
    const today = todayInWib();
    await seedDemo(t.database.db, { today });
    await seedShowcase(t.database.db, { today });
    const editions = await listEditions(t.database.db);
    const year = Number(today.slice(0, 4));
    current = editions.find((e) => e.label === `Paritrana Award ${year}`)!;
    previous = editions.find((e) => e.label === `Paritrana Award ${year - 1}`)!;
    lotimNow = (await listCandidates(t.database.db, current.id, { all: true })).find((c) => c.regencyCode === '52.03')!.id;
    company = (await listCandidates(t.database.db, current.id, { all: true })).find((c) => c.kind === 'badan-usaha')!.id;
    // Juara 1 of NTB went on to the national round: the national candidacy holds the answers it went on with.
    const before = (await listCandidates(t.database.db, previous.id, { all: true })).filter((c) => c.regencyCode === '52.03');
    lotimProvincial = before.find((c) => c.level === 'provinsi')!.id;
    lotimBefore = before.find((c) => c.level === 'nasional')!.id;
    lotim = await signIn(t, 'lotim@paritrana.demo', 'paritrana-demo-2025');
    national = await signIn(t, 'admin@paritrana.demo', 'paritrana-demo-2025');
    verifier = await signIn(t, 'verifikator.ntb@paritrana.demo', 'paritrana-demo-2025');

    // Last year's Perkada had its evidence file: the national committee reopens, adds it, and the submission is as it was with the file attached.
    expect((await national.request('POST', `/api/candidates/${lotimBefore}/self-assessment/reopen`, { reason: 'Melengkapi berkas Perkada' })).statusCode).toBe(200);
    const { payload, headers } = multipart('perkada-23.pdf', pdf);
    const upload = await national.inject({ method: 'POST', url: `/api/candidates/${lotimBefore}/evidence`, payload, headers });
    expect(upload.statusCode).toBe(201);
    const file = (await evidenceOf(t.database.db, lotimBefore))[0]!;
    previousFile = { id: file.id, sha256: file.sha256 };
    const stored = (await findSubmission(t.database.db, lotimBefore))!;
    const answers = stored.answers as { regulations: { evidenceIds: string[] }[] };
    answers.regulations[0]!.evidenceIds = [file.id];
    await updateSubmission(t.database.db, lotimBefore, { answers, status: 'submitted' });
  });
  afterAll(async () => t?.close());

  it('shows an organisation’s track record to staff: every edition, the level reached and the published standing', async () => {
    const res = await national.request('GET', '/api/organisations/52.03');
    expect(res.statusCode).toBe(200);
    const org = res.json<Organisation>();
    expect(org).toMatchObject({ key: '52.03', unit: 'kabupaten-kota', kind: 'pemda', name: 'Kabupaten Lombok Timur', provinceCode: '52' });
    expect(
      org.candidacies.map((c) => [c.edition.label, c.category.code, c.level.kind, c.status, c.published ? [c.published.rank, c.published.award] : null, c.furthest]),
    ).toEqual([
      [current.label, 'pemkab-kota', 'provinsi', 'nominated', null, true],
      [previous.label, 'pemkab-kota', 'provinsi', 'verified', [1, 1], false],
      [previous.label, 'pemkab-kota', 'nasional', 'accepted', null, true],
    ]);
    expect(org.candidacies.map((c) => c.candidateId)).toEqual([lotimNow, lotimProvincial, lotimBefore]);
    // The candidate page links to it.
    expect((await national.request('GET', `/api/candidates/${lotimNow}`)).json<{ organisationKey: string }>().organisationKey).toBe('52.03');
  });

  it('narrows the staff view to the candidacies the reader may see, and hides organisations out of reach', async () => {
    const own = (await lotim.request('GET', '/api/organisations/52.03')).json<Organisation>();
    expect(own.candidacies.map((c) => c.candidateId)).toEqual([lotimNow]);
    const lampung = await signIn(t, (await makeUser(t, roles.provincialAdmin('18'))).email);
    expect((await lampung.request('GET', '/api/organisations/52.03')).statusCode).toBe(404);
    expect((await lampung.request('GET', '/api/organisations/18.06')).json<Organisation>().name).toBe('Kabupaten Tanggamus');
    expect((await national.request('GET', '/api/organisations/99.99')).statusCode).toBe(404);
    expect((await national.request('GET', '/api/organisations/no!such')).statusCode).toBe(404);
  });

  it('shows the public only published results, linked to each result', async () => {
    const visitor = anonymous(t);
    const res = await visitor.request('GET', '/api/public/organisations/52.03');
    expect(res.statusCode).toBe(200);
    const org = res.json<PublicOrganisation>();
    expect(org.name).toBe('Kabupaten Lombok Timur');
    expect(org.results.map((r) => [r.edition.label, r.level.kind, r.area?.code, r.category.code, r.rank, r.award, r.advances])).toEqual([
      [previous.label, 'provinsi', '52', 'pemkab-kota', 1, 1, true],
    ]);
    expect((await visitor.request('GET', `/api/public/pools/${org.results[0]!.poolId}/result`)).statusCode).toBe(200);
    // A candidacy of this year, never ranked in a published result, has no public record.
    expect((await visitor.request('GET', '/api/public/organisations/18.02')).statusCode).toBe(404);
  });

  it('offers the previous candidacy’s regulations and agreements still in force, and says why an expired one is not', async () => {
    const res = await lotim.request('GET', `/api/candidates/${lotimNow}/carry-forward`);
    expect(res.statusCode).toBe(200);
    const view = res.json<CarryForwardView>();
    expect(view.from).toEqual({ candidateId: lotimBefore, editionId: previous.id, editionLabel: previous.label });
    expect(view.canCarry).toBe(true);
    expect(view.offers.map((o) => [o.section, o.entryId, o.type, o.status, o.evidenceFiles])).toEqual([
      ['regulations', 'r1', 'perkada', 'offered', 1],
      ['agreements', 'a1', 'mou', 'offered', 0],
      ['agreements', 'a2', 'pks', 'expired', 0],
    ]);
    // An employer has no regulations to carry.
    expect((await national.request('GET', `/api/candidates/${company}/carry-forward`)).json<CarryForwardView>()).toEqual({ from: null, offers: [], canCarry: false });
    // The verifier reads the offers but may not carry.
    expect((await verifier.request('GET', `/api/candidates/${lotimNow}/carry-forward`)).json<CarryForwardView>().canCarry).toBe(false);
  });

  it('refuses to carry an expired agreement, naming the reason', async () => {
    const res = await lotim.request('POST', `/api/candidates/${lotimNow}/carry-forward`, { version: 0, items: ['regulations:r1', 'agreements:a2'] });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'items.1', message: 'its validity has ended' }] });
    expect(await findSubmission(t.database.db, lotimNow)).toBeNull();
  });

  it('carries every entry in force in one step, marked with its edition, evidence re-linked to the same stored file', async () => {
    const res = await lotim.request('POST', `/api/candidates/${lotimNow}/carry-forward`, { version: 0 });
    expect(res.statusCode).toBe(200);
    const sa = res.json<SA>();
    expect(sa.version).toBe(1);
    const mark = (entryId: string) => ({ candidateId: lotimBefore, editionId: previous.id, editionLabel: previous.label, entryId });
    expect(sa.answers.regulations.map((r) => [r.type, r.title, r.validUntil, r.carriedForward])).toEqual([
      ['perkada', 'Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan', null, mark('r1')],
    ]);
    expect(sa.answers.agreements.map((a) => [a.type, a.carriedForward])).toEqual([['mou', mark('a1')]]);
    // The file is this candidacy's own row naming the same bytes: no copy, and it opens.
    const files = await evidenceOf(t.database.db, lotimNow);
    expect(files.map((f) => [f.sha256, f.originalName])).toEqual([[previousFile.sha256, 'perkada-23.pdf']]);
    expect(files[0]!.id).not.toBe(previousFile.id);
    expect(sa.answers.regulations[0]!.evidenceIds).toEqual([files[0]!.id]);
    const opened = await lotim.request('GET', `/api/evidence/${files[0]!.id}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.rawPayload.equals(pdf)).toBe(true);
    const audit = (await listAudit(t.database.db, { entityId: lotimNow, limit: 100 })).filter((e) => e.action === 'self-assessment.carry-forward');
    expect(audit.map((e) => e.after)).toEqual([{ version: 1, from: lotimBefore, edition: previous.label, items: ['regulations:r1', 'agreements:a1'], evidenceRelinked: 1 }]);

    // Nothing is offered twice.
    const again = (await lotim.request('GET', `/api/candidates/${lotimNow}/carry-forward`)).json<CarryForwardView>();
    expect(again.offers.map((o) => o.status)).toEqual(['carried', 'carried', 'expired']);
    expect(again.canCarry).toBe(false);
    expect((await lotim.request('POST', `/api/candidates/${lotimNow}/carry-forward`, { version: 1 })).statusCode).toBe(409);
  });

  it('keeps a mark through saves but never lets a save make one up', async () => {
    const sa = (await lotim.request('GET', `/api/candidates/${lotimNow}/self-assessment`)).json<SA>();
    const forged = { ...sa.answers.regulations[0]!, id: 'r-own', carriedForward: { ...(sa.answers.regulations[0]!.carriedForward as object), entryId: 'r9' } };
    const refused = await lotim.request('PUT', `/api/candidates/${lotimNow}/self-assessment`, { version: sa.version, answers: { ...sa.answers, regulations: [...sa.answers.regulations, forged] } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ErrorBody>().error.details).toEqual([{ path: 'answers.regulations.1.carriedForward', message: 'not carried forward' }]);
    const narrative = 'Bantuan modal UMKM dialihkan menjadi iuran BPJS Ketenagakerjaan, perlindungan pekerja rentan berlanjut setiap tahun.';
    // The candidate completes a carried entry (a link to the MoU): it stays marked.
    const agreements = [{ ...sa.answers.agreements[0]!, links: ['https://jdih.lomboktimurkab.go.id/mou-bpjs'] }];
    const saved = await lotim.request('PUT', `/api/candidates/${lotimNow}/self-assessment`, { version: sa.version, answers: { ...sa.answers, agreements, innovation: { narrative, evidenceIds: [], links: [] } } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<SA>().answers.regulations[0]!.carriedForward).toEqual(sa.answers.regulations[0]!.carriedForward);
    expect(saved.json<SA>().answers.agreements[0]!.carriedForward).toEqual(sa.answers.agreements[0]!.carriedForward);
  });

  it('shows the verifier each carried entry with its mark', async () => {
    const submitted = await lotim.request('POST', `/api/candidates/${lotimNow}/self-assessment/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    const view = (await verifier.request('GET', `/api/candidates/${lotimNow}/verification`)).json<{ items: { key: string; entry: { carriedForward?: unknown } }[] }>();
    const marks = view.items.filter((i) => i.key.startsWith('regulations:') || i.key.startsWith('agreements:')).map((i) => i.entry.carriedForward);
    expect(marks).toEqual([
      { candidateId: lotimBefore, editionId: previous.id, editionLabel: previous.label, entryId: 'r1' },
      { candidateId: lotimBefore, editionId: previous.id, editionLabel: previous.label, entryId: 'a1' },
    ]);
  });
});

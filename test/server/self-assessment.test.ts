import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { listEditions, listMilestones } from '../../src/db/repositories/editions.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';
import { findSubmission } from '../../src/db/repositories/submissions.ts';
import { listAudit } from '../../src/db/repositories/audit.ts';

type SA = { status: string; version: number; missing: string[]; answers: Record<string, unknown>; deadline: string | null };
type ErrorBody = { error: { code: string; details?: { path: string; message: string }[] } };

const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
function multipart(filename: string, content: Buffer) {
  const boundary = '----sa-test';
  return {
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const pemdaAnswers = (evidenceId: string | null) => ({
  kind: 'pemda',
  regulations: [
    {
      id: 'r1',
      type: 'instruksi',
      number: 'B.02/INST/30/082021',
      date: '2021-08-02',
      title: 'Optimalisasi Pelaksanaan Program Jaminan Sosial Ketenagakerjaan',
      evidenceIds: evidenceId ? [evidenceId] : [],
    },
  ],
  agreements: [],
  programs: [
    { id: 'p1', segment: 'nelayan', peopleProtected: 376, budgetRupiah: 69_400_000, fundingSource: 'apbd', periodStart: '2021-01-01', periodEnd: '2021-12-31', evidenceIds: evidenceId ? [evidenceId] : [] },
  ],
  coverage: { note: '', evidenceIds: [] },
  innovation: { narrative: 'Perlindungan 4.871 tenaga non-ASN dan 376 nelayan melalui APBD, dengan MoU dan PKS bersama BPJS.', evidenceIds: [] },
});

describe.each(drivers())('self-assessment on %s', (driver) => {
  let t: TestApp;
  let editionId: string;
  let lotim: string;
  let bontang: string;
  let candidate: Client;
  let bontangUser: Client;
  let admin52: Client;
  let national: Client;

  beforeAll(async () => {
    t = await startTestApp(driver, { PARITRANA_DATA_DIR: await mkdtemp(`${tmpdir()}/paritrana-sa-`) });
    await seedDemo(t.database.db);
    editionId = (await listEditions(t.database.db))[0]!.id;
    const all = await listCandidates(t.database.db, editionId, { all: true });
    lotim = all.find((c) => c.name === 'Kabupaten Lombok Timur')!.id;
    bontang = all.find((c) => c.name === 'Kota Bontang')!.id;
    candidate = await signIn(t, 'lotim@paritrana.demo', 'paritrana-demo-2025');
    admin52 = await signIn(t, 'ntb@paritrana.demo', 'paritrana-demo-2025');
    national = await signIn(t, 'admin@paritrana.demo', 'paritrana-demo-2025');
    bontangUser = await signIn(t, (await makeUser(t, roles.candidate(bontang))).email);
    // The demo's registration closed in May 2025; move it into the future for this test.
    const milestones = (await listMilestones(t.database.db, editionId)).map(({ kind, startsOn, endsOn, place }) => ({ kind, startsOn, endsOn, place }));
    const future = milestones.map((m) => (m.kind === 'registration' ? { ...m, endsOn: '2099-12-31' } : m));
    expect((await national.request('PUT', `/api/editions/${editionId}/timeline`, { milestones: future })).statusCode).toBe(200);
  });
  afterAll(async () => t?.close());

  it('starts empty and says what is missing', async () => {
    const res = await candidate.request('GET', `/api/candidates/${lotim}/self-assessment`);
    expect(res.statusCode).toBe(200);
    expect(res.json<SA>()).toMatchObject({ status: 'draft', version: 0, missing: ['innovation.narrative', 'regulations'], deadline: '2099-12-31' });
    // Reading stores nothing: the draft is written on the candidate's first save.
    expect(await findSubmission(t.database.db, lotim)).toBeNull();
    const foreign = await bontangUser.request('PUT', `/api/candidates/${lotim}/self-assessment`, { version: 0, answers: res.json<SA>().answers });
    expect(foreign.statusCode).toBe(403);
    expect(await findSubmission(t.database.db, lotim)).toBeNull();
  });

  it('autosaves with a version, refuses a stale one and foreign evidence, then submits', async () => {
    const saved = await candidate.request('PUT', `/api/candidates/${lotim}/self-assessment`, { version: 0, answers: pemdaAnswers(null) });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<SA>()).toMatchObject({
      version: 1,
      missing: ['regulations.0.evidenceIds', 'programs.0.evidenceIds'],
    });
    const stale = await candidate.request('PUT', `/api/candidates/${lotim}/self-assessment`, { version: 0, answers: pemdaAnswers(null) });
    expect(stale.statusCode).toBe(409);
    // Autosave is audited once per editing session: a second save straight after adds no entry.
    expect((await candidate.request('PUT', `/api/candidates/${lotim}/self-assessment`, { version: 1, answers: pemdaAnswers(null) })).json<SA>().version).toBe(2);
    const saves = (await listAudit(t.database.db, { entityType: 'candidate', entityId: lotim, limit: 50 })).filter((e) => e.action === 'self-assessment.save');
    expect(saves.map((e) => ({ before: e.before, after: e.after, actorLabel: e.actorLabel }))).toEqual([
      { before: { version: 0 }, after: { version: 1, changed: ['regulations', 'programs', 'innovation'] }, actorLabel: expect.stringContaining('lotim@paritrana.demo') as unknown },
    ]);

    const foreignUpload = multipart('bontang.pdf', pdf);
    const foreign = (await bontangUser.inject({ method: 'POST', url: `/api/candidates/${bontang}/evidence`, ...foreignUpload })).json<{ id: string }>();
    const withForeign = await candidate.request('PUT', `/api/candidates/${lotim}/self-assessment`, { version: 2, answers: pemdaAnswers(foreign.id) });
    expect(withForeign.statusCode).toBe(400);
    expect(withForeign.json<ErrorBody>().error.details).toEqual([{ path: 'evidenceIds', message: foreign.id }]);

    const incomplete = await candidate.request('POST', `/api/candidates/${lotim}/self-assessment/submit`);
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json<ErrorBody>().error.details?.map((d) => d.path)).toEqual(['regulations.0.evidenceIds', 'programs.0.evidenceIds']);

    const own = (await candidate.inject({ method: 'POST', url: `/api/candidates/${lotim}/evidence`, ...multipart('instruksi.pdf', pdf) })).json<{ id: string }>();
    const complete = await candidate.request('PUT', `/api/candidates/${lotim}/self-assessment`, { version: 2, answers: pemdaAnswers(own.id) });
    expect(complete.json<SA>()).toMatchObject({ version: 3, missing: [] });
    const submitted = await candidate.request('POST', `/api/candidates/${lotim}/self-assessment/submit`);
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json<SA>().status).toBe('submitted');
    const after = await candidate.request('PUT', `/api/candidates/${lotim}/self-assessment`, { version: 4, answers: pemdaAnswers(own.id) });
    expect(after.statusCode).toBe(409);
  });

  it('is verified item by item: a revision goes back to the candidate, then values are confirmed', async () => {
    const verifier = await signIn(t, 'verifikator.ntb@paritrana.demo', 'paritrana-demo-2025');
    const queue = (await verifier.request('GET', `/api/editions/${editionId}/verification`)).json<{ name: string; submissionStatus: string; items: number }[]>();
    expect(queue.find((q) => q.name === 'Kabupaten Lombok Timur')).toMatchObject({ submissionStatus: 'submitted', items: 4 });
    const decide = (key: string, status: string, comment: string | null = null, deadline: string | null = null) =>
      verifier.request('POST', `/api/candidates/${lotim}/verification/items`, { key, status, comment, deadline });
    expect((await decide('regulations:r1', 'valid')).statusCode).toBe(200);
    expect((await decide('programs:p1', 'revision')).statusCode).toBe(400);
    const revision = await decide('programs:p1', 'revision', 'Lampirkan SK penetapan 376 nelayan', '2099-06-30');
    expect(revision.json<{ submissionStatus: string; state: string }>()).toMatchObject({ submissionStatus: 'reopened', state: 'revision' });
    // The candidate sees its to-do list, fixes the entry and submits again.
    const todo = (await candidate.request('GET', `/api/candidates/${lotim}/verification`)).json<{ items: { key: string; status: string; comment: string | null }[] }>();
    expect(todo.items.filter((i) => i.status === 'revision')).toEqual([
      expect.objectContaining({ key: 'programs:p1', comment: 'Lampirkan SK penetapan 376 nelayan' }),
    ]);
    const current = (await candidate.request('GET', `/api/candidates/${lotim}/self-assessment`)).json<SA>();
    expect((await candidate.request('PUT', `/api/candidates/${lotim}/self-assessment`, { version: current.version, answers: current.answers })).statusCode).toBe(200);
    expect((await candidate.request('POST', `/api/candidates/${lotim}/self-assessment/submit`)).statusCode).toBe(200);
    const early = await verifier.request('POST', `/api/candidates/${lotim}/verification/confirm`);
    expect(early.statusCode).toBe(409);
    for (const key of ['programs:p1', 'coverage', 'innovation']) expect((await decide(key, 'valid')).statusCode).toBe(200);
    const confirmed = await verifier.request('POST', `/api/candidates/${lotim}/verification/confirm`);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json<{ candidateStatus: string; confirmedValues: Record<string, unknown> }>()).toMatchObject({
      candidateStatus: 'verified',
      confirmedValues: { regulation_type: 'instruksi', regulations_count: 1, people_protected: 376, budget_rupiah: 69_400_000, segments_count: 1 },
    });
    const history = (await candidate.request('GET', `/api/candidates/${lotim}/history`)).json<{ action: string }[]>().map((h) => h.action);
    expect(history).toContain('verification.confirm');
    expect(history).toContain('verification.revision');
  });

  it('shows each province’s progress and what each candidate lacks', async () => {
    const progress = (await admin52.request('GET', `/api/editions/${editionId}/progress`)).json<{
      provinces: { provinceCode: string; total: number; byStatus: Record<string, number> }[];
      candidates: { name: string; missing: string[]; ineligible: { reasonId: string }[] }[];
    }>();
    expect(progress.provinces).toEqual([expect.objectContaining({ provinceCode: '52', total: 7, byStatus: { verified: 1, nominated: 6 } })]);
    expect(progress.candidates.find((c) => c.name === 'RS Lotim Medical Center')!.missing).toEqual(['innovation.narrative', 'workers', 'programs']);
    // The committee sees why a candidate is blocked, as the candidate does.
    expect(progress.candidates.find((c) => c.name === 'Bank NTB Syariah')!.ineligible).toEqual([
      { reasonId: 'Bukan peserta aktif BPJS Ketenagakerjaan pada akhir periode penilaian', reasonEn: 'Not an active BPJS Ketenagakerjaan participant at the end of the assessment period' },
    ]);
    expect(progress.candidates.find((c) => c.name === 'Kabupaten Lombok Timur')!.ineligible).toEqual([]);
  });

  it('is reopened only by the province’s committee, with a reason', async () => {
    expect((await candidate.request('POST', `/api/candidates/${lotim}/self-assessment/reopen`, { reason: 'saya ingin' })).statusCode).toBe(403);
    const reopened = await admin52.request('POST', `/api/candidates/${lotim}/self-assessment/reopen`, { reason: 'Perbaiki nomor Instruksi Bupati' });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json<SA>().status).toBe('reopened');
  });

  it('blocks an ineligible employer from submitting and says why', async () => {
    const bank = (await listCandidates(t.database.db, editionId, { all: true })).find((c) => c.name === 'Bank NTB Syariah')!;
    const bankUser = await signIn(t, (await makeUser(t, roles.candidate(bank.id))).email);
    const view = (await bankUser.request('GET', `/api/candidates/${bank.id}/self-assessment`)).json<SA & { eligibility: { eligible: boolean } }>();
    expect(view.eligibility.eligible).toBe(false);
    const answers = {
      kind: 'badan-usaha',
      workers: 1450,
      programs: ['JKK', 'JKM', 'JHT', 'JP', 'JKP'],
      supplyChain: { vendorsTotal: 40, vendorsProtected: 31, evidenceIds: [] },
      csr: { vulnerableWorkersProtected: 500, budgetRupiah: 84_000_000, evidenceIds: [] },
      innovation: { narrative: 'Program perlindungan pekerja rentan nasabah UMKM melalui CSR dan kemitraan dengan BPJS Ketenagakerjaan.', evidenceIds: [] },
    };
    expect((await bankUser.request('PUT', `/api/candidates/${bank.id}/self-assessment`, { version: 0, answers })).statusCode).toBe(200);
    const refused = await bankUser.request('POST', `/api/candidates/${bank.id}/self-assessment/submit`);
    expect(refused.statusCode).toBe(409);
    // Usaha besar requires an active participant without arrears; no coverage data says it is one.
    expect(refused.json<ErrorBody>().error).toMatchObject({
      code: 'INELIGIBLE',
      details: [{ path: 'active-participant', message: 'Bukan peserta aktif BPJS Ketenagakerjaan pada akhir periode penilaian' }],
    });
  });

  it('refuses writes after the deadline and the candidate of another', async () => {
    const milestones = (await listMilestones(t.database.db, editionId)).map(({ kind, startsOn, endsOn, place }) => ({ kind, startsOn, endsOn, place }));
    const past = milestones.map((m) => (m.kind === 'registration' ? { ...m, endsOn: '2025-05-31' } : m));
    await national.request('PUT', `/api/editions/${editionId}/timeline`, { milestones: past });
    const late = await bontangUser.request('PUT', `/api/candidates/${bontang}/self-assessment`, {
      version: 0,
      answers: { ...pemdaAnswers(null), regulations: [] },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json<ErrorBody>().error.code).toBe('DEADLINE_PASSED');
    expect(late.json<ErrorBody>().error.details).toEqual([{ path: 'deadline', message: 'passed' }]);
    const other = await bontangUser.request('PUT', `/api/candidates/${lotim}/self-assessment`, { version: 4, answers: pemdaAnswers(null) });
    expect(other.statusCode).toBe(403);
  });
});

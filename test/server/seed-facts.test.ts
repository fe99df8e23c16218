import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { listEditions, listMilestones } from '../../src/db/repositories/editions.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';
import { insertSubmission } from '../../src/db/repositories/submissions.ts';
import { valuesOf } from '../../src/db/repositories/coverage.ts';

type SA = { status: string; version: number; missing: string[]; answers: Record<string, unknown> };
type ErrorBody = { error: { code: string; details?: { path: string; message: string }[] } };

function upload(filename: string, content: Buffer) {
  const boundary = '----facts-test';
  return {
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
/** The start of an Open XML package: a ZIP whose headers name its parts. */
const openXml = (...parts: string[]) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), ...parts.map((p) => Buffer.from(`\0\0${p}\0\0`))]);
const pptx = openXml('[Content_Types].xml', '_rels/.rels', 'ppt/presentation.xml', 'ppt/slides/slide1.xml');
const docx = openXml('[Content_Types].xml', '_rels/.rels', 'word/document.xml');

/**
 * Every fact the award's reports (seeds 000–004) praise a candidate for, as
 * a regency enters it: targets and realisation (000), Dana Desa versus ADD,
 * membership as a condition of permits and construction contracts, kader and
 * satuan keamanan desa, the regional target exceeded (002), MoU/PKS with
 * Disnaker, DPMPTSP and BPJS, programs still being budgeted for the new
 * segments (003), outreach and easier registration (004).
 */
function seedFacts(slides: string, document: string) {
  const program = (id: string, segment: string, extra: Record<string, unknown>) => ({
    id,
    segment,
    status: 'berjalan',
    membership: 'bpu',
    governmentPaid: true,
    paidPrograms: ['JKK', 'JKM'],
    peopleTargeted: null,
    peopleProtected: null,
    budgetRupiah: null,
    budgetRealisedRupiah: null,
    fundingSource: 'apbd',
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
    evidenceIds: [document],
    links: [],
    ...extra,
  });
  const budgeted = ['jasa-konstruksi', 'tenaga-pendidik-swasta', 'tenaga-kerja-koperasi', 'pekerja-keagamaan', 'ojek-online', 'penyelenggara-pemilu'].map((segment, i) =>
    program(`b${i}`, segment, { status: i % 2 === 0 ? 'proses-penganggaran' : 'dianggarkan', peopleTargeted: 100 + i }),
  );
  return {
    kind: 'pemda',
    regulations: [{ id: 'r1', type: 'perda', number: '4 Tahun 2023', date: '2023-03-01', title: 'Perlindungan Jaminan Sosial Ketenagakerjaan', validUntil: null, carriedForward: null, evidenceIds: [], links: ['https://jdih.lomboktimurkab.go.id/perda-4-2023'] }],
    agreements: [
      { id: 'a1', type: 'mou', parties: '', partyList: ['bpjs-ketenagakerjaan'], number: 'MoU/01/2021', date: '2021-09-01', validFrom: '2021-09-01', validUntil: '2026-08-31', carriedForward: null, evidenceIds: [document], links: [] },
      { id: 'a2', type: 'pks', parties: 'Bagian Kerja Sama Setda', partyList: ['disnaker', 'dpmptsp', 'bpjs-ketenagakerjaan'], number: 'PKS/02/2021', date: '2021-09-01', validFrom: '2021-09-01', validUntil: '2026-08-31', carriedForward: null, evidenceIds: [document], links: [] },
    ],
    programs: [
      program('p1', 'petani', { membership: 'bpu', peopleTargeted: 50_000, peopleProtected: 9360, budgetRupiah: 2_000_000_000, budgetRealisedRupiah: 1_887_000_000, fundingSource: 'dbh-sawit' }),
      program('p2', 'perangkat-desa', { membership: 'pu', paidPrograms: ['JKK', 'JKM', 'JHT'], peopleTargeted: 4000, peopleProtected: 4000, budgetRupiah: 600_100_000, budgetRealisedRupiah: 600_100_000, fundingSource: 'alokasi-dana-desa' }),
      program('p3', 'kader', { peopleTargeted: 900, peopleProtected: 850, budgetRupiah: 100_000_000, budgetRealisedRupiah: 95_000_000, fundingSource: 'dana-desa' }),
      program('p4', 'satuan-keamanan-desa', { peopleTargeted: 600, peopleProtected: 600, budgetRupiah: 70_000_000, budgetRealisedRupiah: 70_000_000, fundingSource: 'apbd-p' }),
      program('p5', 'nelayan', { peopleTargeted: 376, peopleProtected: 376, budgetRupiah: 69_400_000, budgetRealisedRupiah: 69_400_000, fundingSource: 'apbd' }),
      ...budgeted,
    ],
    enforcement: [
      { id: 'x1', type: 'syarat-perizinan', description: 'Kepesertaan BPJS Ketenagakerjaan menjadi syarat perizinan berusaha', evidenceIds: [document], links: [] },
      { id: 'x2', type: 'syarat-kontrak-konstruksi', description: 'Pelaksana proyek konstruksi wajib mendaftarkan pekerjanya', evidenceIds: [document], links: [] },
      { id: 'x3', type: 'sosialisasi', description: 'Sosialisasi kepada pemberi kerja dan pekerja rentan', evidenceIds: [slides], links: [] },
      { id: 'x4', type: 'layanan-pendaftaran', description: 'Kemudahan pendaftaran di mal pelayanan publik', evidenceIds: [], links: ['https://lomboktimurkab.go.id/berita/layanan-bpjs'] },
    ],
    coverage: { note: 'Melampaui target kepesertaan dengan capaian lebih dari 30 persen', targetPct: 30, achievedPct: 31.2, nationalTargetPct: 52.15, evidenceIds: [slides], links: [] },
    innovation: { narrative: 'Perangkat desa, kader dan satuan keamanan desa diintegrasikan sebagai peserta aktif, dibiayai ADD, bukan Dana Desa.', evidenceIds: [], links: [] },
  };
}

describe.each(drivers())('the seeds’ facts on %s', (driver) => {
  let t: TestApp;
  let lotim: string;
  let bontang: string;
  let candidate: Client;
  let national: Client;

  beforeAll(async () => {
    t = await startTestApp(driver, { PARITRANA_DATA_DIR: await mkdtemp(`${tmpdir()}/paritrana-facts-`) });
    await seedDemo(t.database.db);
    const editionId = (await listEditions(t.database.db))[0]!.id;
    const all = await listCandidates(t.database.db, editionId, { all: true });
    lotim = all.find((c) => c.name === 'Kabupaten Lombok Timur')!.id;
    bontang = all.find((c) => c.name === 'Kota Bontang')!.id;
    candidate = await signIn(t, 'lotim@paritrana.demo', 'paritrana-demo-2025');
    national = await signIn(t, 'admin@paritrana.demo', 'paritrana-demo-2025');
    const milestones = (await listMilestones(t.database.db, editionId)).map(({ kind, startsOn, endsOn, place }) => ({ kind, startsOn, endsOn, place }));
    const future = milestones.map((m) => (m.kind === 'registration' ? { ...m, endsOn: '2099-12-31' } : m));
    expect((await national.request('PUT', `/api/editions/${editionId}/timeline`, { milestones: future })).statusCode).toBe(200);
  });
  afterAll(async () => t?.close());

  it('loads a self-assessment saved before the new fields, with their defaults', async () => {
    await insertSubmission(t.database.db, {
      candidateId: bontang,
      version: 1,
      answers: {
        kind: 'pemda',
        regulations: [],
        agreements: [{ id: 'a1', type: 'mou', parties: 'BPJS', number: '1', date: null, evidenceIds: [] }],
        programs: [{ id: 'p1', segment: 'nelayan', peopleProtected: 376, budgetRupiah: 1, fundingSource: 'apbd', periodStart: null, periodEnd: null, evidenceIds: [] }],
        coverage: { note: '', evidenceIds: [] },
        innovation: { narrative: '', evidenceIds: [] },
      },
    });
    const res = await national.request('GET', `/api/candidates/${bontang}/self-assessment`);
    expect(res.statusCode).toBe(200);
    expect(res.json<SA>().answers).toMatchObject({
      enforcement: [],
      agreements: [{ partyList: [], validFrom: null, carriedForward: null, links: [] }],
      programs: [{ status: 'berjalan', paidPrograms: [], peopleTargeted: null, links: [] }],
      coverage: { targetPct: null, links: [] },
    });
    expect(res.json<SA>().missing).toEqual(expect.arrayContaining(['agreements.0.evidenceIds', 'programs.0.evidenceIds']));
  });

  it('takes slides and documents as evidence by their content, and refuses a plain http link', async () => {
    const slides = await candidate.inject({ method: 'POST', url: `/api/candidates/${lotim}/evidence`, ...upload('paparan.pptx', pptx) });
    expect(slides.statusCode).toBe(201);
    expect(slides.json<{ type: string }>().type).toBe('pptx');
    const doc = await candidate.inject({ method: 'POST', url: `/api/candidates/${lotim}/evidence`, ...upload('pks.docx', docx) });
    expect(doc.json<{ type: string }>().type).toBe('docx');
    // A renamed file is judged by its bytes.
    const fake = await candidate.inject({ method: 'POST', url: `/api/candidates/${lotim}/evidence`, ...upload('paparan.pptx', Buffer.from('not slides')) });
    expect(fake.statusCode).toBe(415);
    const answers = seedFacts(slides.json<{ id: string }>().id, doc.json<{ id: string }>().id);
    const http = await candidate.request('PUT', `/api/candidates/${lotim}/self-assessment`, {
      version: 0,
      answers: { ...answers, regulations: [{ ...answers.regulations[0], links: ['http://jdih.lomboktimurkab.go.id/perda-4-2023'] }] },
    });
    expect(http.statusCode).toBe(400);
    expect(http.json<ErrorBody>().error.details?.[0]?.path).toContain('links');
  });

  it('lets a regency report every fact the seeds quote, and the verifier confirm them into its values', async () => {
    const evidence = (await candidate.request('GET', `/api/candidates/${lotim}/evidence`)).json<{ id: string; type: string }[]>();
    const answers = seedFacts(evidence.find((e) => e.type === 'pptx')!.id, evidence.find((e) => e.type === 'docx')!.id);
    const saved = await candidate.request('PUT', `/api/candidates/${lotim}/self-assessment`, { version: 0, answers });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<SA>().missing).toEqual([]);
    // What was entered is what is read back.
    const read = (await candidate.request('GET', `/api/candidates/${lotim}/self-assessment`)).json<SA>();
    expect(read.answers).toEqual(answers);
    expect((await candidate.request('POST', `/api/candidates/${lotim}/self-assessment/submit`)).statusCode).toBe(200);

    const verifier = await signIn(t, 'verifikator.ntb@paritrana.demo', 'paritrana-demo-2025');
    const view = (await verifier.request('GET', `/api/candidates/${lotim}/verification`)).json<{ items: { key: string }[] }>();
    expect(view.items.map((i) => i.key)).toEqual(expect.arrayContaining(['enforcement:x1', 'enforcement:x4', 'agreements:a2', 'programs:b5', 'coverage']));
    for (const item of view.items) {
      const res = await verifier.request('POST', `/api/candidates/${lotim}/verification/items`, { key: item.key, status: 'valid', comment: null, deadline: null });
      expect(res.statusCode, item.key).toBe(200);
    }
    expect((await verifier.request('POST', `/api/candidates/${lotim}/verification/confirm`)).statusCode).toBe(200);
    const values = Object.fromEntries((await valuesOf(t.database.db, [lotim])).filter((v) => v.source === 'verification').map((v) => [v.key, v.valueNum ?? v.valueText]));
    expect(values).toMatchObject({
      regulation_type: 'perda',
      agreements_count: 2,
      agreement_parties_count: 3,
      people_protected: 9360 + 4000 + 850 + 600 + 376,
      budget_realised_rupiah: 1_887_000_000 + 600_100_000 + 95_000_000 + 70_000_000 + 69_400_000,
      // Five running segments; the six being budgeted add targets, not people.
      segments_count: 5,
      people_targeted: 50_000 + 4000 + 900 + 600 + 376 + (100 + 101 + 102 + 103 + 104 + 105),
      enforcement_measures: 4,
      region_target_achieved_pct: 104,
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { finalisedPool, type FinalisedPool } from '../support/publication.ts';
import { pdfText } from '../support/pdf.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { upsertItem } from '../../src/db/repositories/verification.ts';
import type { CandidateFeedback } from '../../src/shared/contracts/index.ts';

type ErrorAnswer = { error: { code: string } };

describe.each(drivers())('a candidate’s feedback on %s', (driver) => {
  let t: TestApp;
  let f: FinalisedPool;
  let lotim: Client;
  let lobar: Client;
  let provincial: Client;
  let national: Client;
  let chair: Client;
  let verifier: Client;
  let lampungAdmin: Client;
  let lotimId: string;
  let lobarId: string;

  beforeAll(async () => {
    t = await startTestApp(driver);
    await seedDemo(t.database.db);
    f = await finalisedPool(t.database.db);
    lotimId = f.ids.get('52.03')!;
    lobarId = f.ids.get('52.01')!;
    // The verifier found the second program valid, with a remark the candidate should read.
    await upsertItem(t.database.db, { candidateId: lotimId, itemKey: 'programs:p2', status: 'valid', comment: 'Daftar 4.871 perangkat desa cocok dengan data kepesertaan BPJS.', deadline: null, decidedBy: f.national.id });
    lotim = await signIn(t, (await makeUser(t, roles.candidate(lotimId))).email);
    lobar = await signIn(t, (await makeUser(t, roles.candidate(lobarId))).email);
    provincial = await signIn(t, f.provincial.email);
    national = await signIn(t, f.national.email);
    chair = await signIn(t, f.chair.email);
    verifier = await signIn(t, (await makeUser(t, roles.verifier('52'))).email);
    lampungAdmin = await signIn(t, (await makeUser(t, roles.provincialAdmin('18'))).email);
  });
  afterAll(async () => t?.close());

  it('is not available before the result is announced', async () => {
    const page = await lotim.request('GET', `/api/candidates/${lotimId}/feedback`);
    expect(page.statusCode).toBe(409);
    expect(page.json<ErrorAnswer>().error.code).toBe('RESULT_NOT_PUBLISHED');
    const document = await lotim.request('GET', `/api/candidates/${lotimId}/feedback/document`);
    expect(document.statusCode).toBe(409);
    expect(document.json<ErrorAnswer>().error.code).toBe('RESULT_NOT_PUBLISHED');
    // Not even the chair, who saw the final result, reads it before the announcement.
    expect((await chair.request('GET', `/api/candidates/${lotimId}/feedback`)).statusCode).toBe(409);
  });

  it('gives the winner its scores beside the median and the winners’, with the rubric level reached', async () => {
    expect((await national.request('POST', `/api/pools/${f.poolId}/publish`)).statusCode).toBe(200);
    const res = await lotim.request('GET', `/api/candidates/${lotimId}/feedback`);
    expect(res.statusCode).toBe(200);
    const fb = res.json<CandidateFeedback>();
    expect(fb).toMatchObject({
      candidateId: lotimId,
      name: 'Kabupaten Lombok Timur',
      poolId: f.poolId,
      resultId: f.resultId,
      version: 1,
      level: { code: 'provinsi', kind: 'provinsi', name: 'Tingkat Provinsi' },
      area: { code: '52', name: 'Nusa Tenggara Barat' },
      category: { code: 'pemkab-kota', nameId: 'Pemerintah Kabupaten/Kota', nameEn: 'Regency/City Government' },
      instrument: { id: 'pemda.v1' },
      rank: 1,
      candidates: 3,
      award: 1,
      advances: true,
      total: { own: 83.9, median: 61.19, winners: [83.9, 61.19, 43.24] },
    });
    expect(fb.winners).toEqual([
      { name: 'Kabupaten Lombok Timur', award: 1, score: 83.9 },
      { name: 'Kabupaten Lombok Barat', award: 2, score: 61.19 },
      { name: 'Kabupaten Lombok Tengah', award: 3, score: 43.24 },
    ]);
    expect(fb.stages.map((s) => [s.id, s.labelId, s.labelEn, s.weight, s.own, s.median, s.winners])).toEqual([
      ['desk', 'Penilaian dokumen', 'Desk evaluation', 70, 79.86, 59.41, [79.86, 59.41, 44.91]],
      ['wawancara', 'Wawancara', 'Interview', 30, 93.33, 65.33, [93.33, 65.33, 39.33]],
    ]);
    const desk = fb.stages[0]!;
    expect(desk.aspects.map((a) => [a.id, a.weight, a.own, a.median, a.winners])).toEqual([
      ['regulasi', 25, 89, 80, [89, 80, 51]],
      ['anggaran', 20, 95.83, 58.55, [95.83, 58.55, 20.83]],
      ['kinerja', 35, 57.47, 56.17, [57.47, 41.04, 56.17]],
      ['inovasi', 20, 91.67, 66.67, [91.67, 66.67, 41.67]],
    ]);
    const regulation = desk.aspects[0]!.indicators;
    // A data indicator: its score beside the others'; a choice is shown by its score only.
    expect(regulation[0]).toMatchObject({ id: 'reg.jenis', source: 'data', own: 85, median: 85, winners: [85, 100, 65], value: null, aggregate: null, level: null, levelLabelId: null });
    // Marks 5, 5 and 4: a mean of 4.6667 reaches level 5 of the rubric.
    expect(regulation[1]).toEqual({
      id: 'reg.cakupan',
      labelId: 'Cakupan segmen pekerja dalam regulasi',
      labelEn: 'Worker segments covered by the regulation',
      weight: 30,
      source: 'rubric',
      own: 91.67,
      median: 66.67,
      winners: [91.67, 66.67, 41.67],
      value: null,
      aggregate: 4.6667,
      level: 5,
      levelLabelId: 'Regulasi mencakup seluruh segmen rentan dan pekerja penerima upah di wilayah, dengan sasaran, jadwal dan penanggung jawab.',
      levelLabelEn: 'It covers every vulnerable segment and wage workers in the area, with targets, a schedule and named responsible agencies.',
    });
    // A numeric data value is given as it was scored: 4.871 workers paid for by the regional budget.
    expect(desk.aspects[1]!.indicators[0]).toMatchObject({ id: 'ang.pekerja', source: 'data', own: 100, median: 50.43, winners: [100, 50.43, 0], value: 4871 });
    expect(desk.aspects[2]!.indicators.map((i) => [i.id, i.own, i.median, i.value])).toEqual([
      ['kin.coverage', 68.67, 63.33, 41.2],
      ['kin.tumbuh', 61.54, 61.54, 6.5],
      ['kin.bpu', 31, 31, 12.4],
    ]);
    expect(fb.comments).toEqual([
      {
        key: 'programs:p2',
        section: 'programs',
        entry: expect.objectContaining({ id: 'p2', segment: 'perangkat-desa' }) as unknown,
        status: 'valid',
        comment: 'Daftar 4.871 perangkat desa cocok dengan data kepesertaan BPJS.',
      },
    ]);
  });

  it('gives a candidate lower down its own rank and levels, and the same median and winners', async () => {
    const fb = (await lobar.request('GET', `/api/candidates/${lobarId}/feedback`)).json<CandidateFeedback>();
    expect([fb.rank, fb.award, fb.advances, fb.total]).toEqual([2, 2, false, { own: 61.19, median: 61.19, winners: [83.9, 61.19, 43.24] }]);
    // Marks 4, 3 and 4: a mean of 3.6667 reaches level 4.
    const cakupan = fb.stages[0]!.aspects[0]!.indicators[1]!;
    expect([cakupan.own, cakupan.aggregate, cakupan.level, cakupan.levelLabelEn]).toEqual([66.67, 3.6667, 4, 'It also covers vulnerable workers (fishermen, farmers, religious teachers, caretakers) with numeric targets.']);
    expect(fb.comments).toEqual([]);
  });

  it('is read by the candidate, its committees and the chair, and by nobody else', async () => {
    for (const reader of [provincial, national, chair]) expect((await reader.request('GET', `/api/candidates/${lotimId}/feedback`)).statusCode).toBe(200);
    for (const outsider of [lobar, verifier, lampungAdmin]) {
      expect((await outsider.request('GET', `/api/candidates/${lotimId}/feedback`)).statusCode).toBe(403);
      expect((await outsider.request('GET', `/api/candidates/${lotimId}/feedback/document`)).statusCode).toBe(403);
    }
    expect((await lotim.request('GET', `/api/candidates/${lobarId}/feedback`)).statusCode).toBe(403);
    expect((await lotim.request('GET', '/api/candidates/00000000-0000-4000-8000-000000000000/feedback')).statusCode).toBe(404);
  });

  it('prints the feedback as a PDF in the reader’s language', async () => {
    const id = await lotim.request('GET', `/api/candidates/${lotimId}/feedback/document`);
    expect(id.statusCode).toBe(200);
    expect(id.headers['content-type']).toBe('application/pdf');
    expect(id.headers['content-disposition']).toBe('attachment; filename="umpan-balik-kabupaten-lombok-timur-paritrana-award-2025.pdf"');
    const text = pdfText(id.rawPayload);
    expect(text.pages).toBe(2);
    expect(text.lines.slice(0, 2)).toEqual(['Umpan balik penilaian', 'Kabupaten Lombok Timur']);
    expect(text.lines).toContain('Nilai akhir: 83,90 · Peringkat 1 dari 3 kandidat');
    expect(text.lines).toContain('Median pool: 61,19');
    expect(text.lines).toContain('Juara 2: Kabupaten Lombok Barat — 61,19');
    expect(text.lines).toContain('Catatan verifikator');
    expect(text.lines).toContain('Program perlindungan: Perangkat desa — Sah');
    expect(text.lines).toContain('Daftar 4.871 perangkat desa cocok dengan data kepesertaan BPJS.');

    const en = await lotim.request('GET', `/api/candidates/${lotimId}/feedback/document?lang=en`);
    expect(en.headers['content-disposition']).toBe('attachment; filename="feedback-kabupaten-lombok-timur-paritrana-award-2025.pdf"');
    const english = pdfText(en.rawPayload).lines;
    expect(english.slice(0, 1)).toEqual(['Assessment feedback']);
    expect(english).toContain('Final score: 83.90 · Rank 1 of 3 candidates');
    expect(english).toContain('Stage: Desk evaluation (weight 70)');
    expect(english).toContain('Verifier’s comments');
  });

  it('is no longer available once the announcement is withdrawn', async () => {
    expect((await national.request('POST', `/api/pools/${f.poolId}/withdraw`, { reason: 'Nilai salah ketik pada satu kandidat' })).statusCode).toBe(200);
    const res = await lotim.request('GET', `/api/candidates/${lotimId}/feedback`);
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorAnswer>().error.code).toBe('RESULT_NOT_PUBLISHED');
  });
});

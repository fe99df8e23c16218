import { createHash } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { assessingEditionWithCandidates, lampungCandidates } from '../support/panels.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { pemdaV1 } from '../../src/domain/instruments/index.ts';
import { rubricIndicators } from '../../src/domain/panels/scoring-setup.ts';
import type { ScoringPackage } from '../../src/domain/scoring/index.ts';
import { insertSubmission, updateSubmission } from '../../src/db/repositories/submissions.ts';
import { upsertItem } from '../../src/db/repositories/verification.ts';
import type { MarkingSheet, ModerationReport, PanelDetail, PoolResultView, PoolSummary } from '../../src/shared/contracts/index.ts';

const desk = rubricIndicators(pemdaV1, 'desk').map((i) => i.id);
const interview = rubricIndicators(pemdaV1, 'wawancara').map((i) => i.id);

/**
 * A conflict walls a juror off from every view of the candidate: the sheet,
 * the interview, the moderation report and the packages. The chair (Juri 1)
 * declares a conflict with Tanggamus (18.06); Juri 2 and Juri 3 mark it.
 */
describe.each(drivers())('conflicts wall a juror off on %s', (driver) => {
  let t: TestApp;
  let editionId: string;
  let categoryId: string;
  let ids: Map<string, string>;
  let admin: Client;
  const jurors: { id: string; client: Client }[] = [];
  let pool: PoolSummary;
  let resultId = '';
  const seq = new Map<string, number>();
  const tanggamus = () => ids.get('18.06')!;

  const mark = (who: number, candidate: string, indicators: string[], value: number, comment: string | null = null) =>
    jurors[who]!.client.request('PUT', `/api/pools/${pool.id}/marks`, {
      marks: indicators.map((indicatorId) => {
        const key = `${who}|${candidate}|${indicatorId}`;
        seq.set(key, (seq.get(key) ?? 0) + 1);
        return { candidateId: ids.get(candidate), indicatorId, value, comment, seq: seq.get(key) };
      }),
    });
  const submit = (who: number, candidate: string, stage: string) => jurors[who]!.client.request('POST', `/api/pools/${pool.id}/sheets/${ids.get(candidate)}/submit`, { stage });
  /** Every juror marks and submits every candidate they may mark in a stage. */
  const markStage = async (stage: string, indicators: string[]) => {
    for (const [who, code, value, comment] of [
      [0, '18.02', 5, null], [0, '18.04', 3, null],
      [1, '18.02', 4, null], [1, '18.06', 4, 'catatan rahasia Tanggamus'], [1, '18.04', 2, null],
      [2, '18.02', 4, null], [2, '18.06', 5, null], [2, '18.04', 3, null],
    ] as const) {
      expect((await mark(who, code, indicators, value, comment)).statusCode).toBe(200);
      expect((await submit(who, code, stage)).statusCode).toBe(200);
    }
  };

  beforeAll(async () => {
    t = await startTestApp(driver, { PARITRANA_DATA_DIR: await mkdtemp(`${tmpdir()}/paritrana-walls-`) });
    await seedDemo(t.database.db);
    ({ editionId, categoryId, ids } = await assessingEditionWithCandidates(t.database.db, lampungCandidates));
    admin = await signIn(t, (await makeUser(t, roles.provincialAdmin('18'))).email);
    for (let i = 0; i < 3; i += 1) {
      const user = await makeUser(t, roles.juror('18'), { name: `Juri ${i + 1}` });
      jurors.push({ id: user.id, client: await signIn(t, user.email) });
    }
    const panel = (
      await admin.request('POST', `/api/editions/${editionId}/panels`, { level: 'provinsi', area: '18', name: 'Tim Penilai Provinsi Lampung', decreeNumber: null, decreeDate: null, categoryCodes: ['pemkab-kota'] })
    ).json<PanelDetail>();
    const members = [
      { userId: jurors[0]!.id, unsur: 'pemda', role: 'chair', title: null },
      { userId: jurors[1]!.id, unsur: 'akademisi', role: 'member', title: null },
      { userId: jurors[2]!.id, unsur: 'apindo', role: 'member', title: null },
    ];
    expect((await admin.request('PUT', `/api/panels/${panel.id}/members`, { members })).statusCode).toBe(200);
    pool = (await admin.request('POST', `/api/editions/${editionId}/pools`, { level: 'provinsi', area: '18', categoryId, panelId: panel.id })).json<PoolSummary>();
    const declared = await jurors[0]!.client.request('POST', `/api/pools/${pool.id}/conflicts`, { candidateId: tanggamus(), reason: 'Adik ipar Bupati Tanggamus' });
    expect(declared.statusCode, declared.body).toBe(201);
    expect((await jurors[0]!.client.request('POST', `/api/pools/${pool.id}/stages/desk/open`, { acknowledgeShortfall: true })).statusCode).toBe(200);
    await markStage('desk', desk);
    expect((await jurors[0]!.client.request('POST', `/api/pools/${pool.id}/stages/desk/close`)).statusCode).toBe(200);
  });
  afterAll(async () => t?.close());

  const pdf = (text: string) => Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`);
  const upload = (client: Client, candidateId: string, filename: string) => {
    const boundary = '----walls-test';
    return client.inject({
      method: 'POST',
      url: `/api/candidates/${candidateId}/evidence`,
      payload: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`),
        pdf(filename),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
  };

  it('closes evidence with the submission, and shows jurors only the evidence of verified items', async () => {
    const lamteng = ids.get('18.02')!;
    const candidate = await signIn(t, (await makeUser(t, roles.candidate(lamteng))).email);
    const perda = await upload(candidate, lamteng, 'perda-jamsostek.pdf');
    expect(perda.statusCode, perda.body).toBe(201);
    const perdaId = perda.json<{ id: string }>().id;
    const regulation = { id: 'r1', type: 'perda', number: '5 Tahun 2023', title: 'Perlindungan Pekerja Rentan', date: '2023-03-01', evidenceIds: [perdaId] };
    const answers = { kind: 'pemda', regulations: [regulation], agreements: [], programs: [], coverage: { note: '', evidenceIds: [] }, innovation: { narrative: '', evidenceIds: [] } };
    await insertSubmission(t.database.db, { candidateId: lamteng, status: 'submitted', version: 2, answers, submittedAt: new Date() });
    await upsertItem(t.database.db, { candidateId: lamteng, itemKey: 'regulations:r1', status: 'valid', comment: null, deadline: null, decidedBy: null });

    // Submitted: no more files, from the candidate or its committee, until the committee reopens it.
    const refused = await upload(candidate, lamteng, 'susulan.pdf');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toEqual({ error: { code: 'CONFLICT', message: 'The self-assessment was submitted: evidence can be added again only after the committee reopens it' } });
    expect((await upload(admin, lamteng, 'susulan.pdf')).statusCode).toBe(409);
    expect((await admin.request('POST', `/api/candidates/${lamteng}/self-assessment/reopen`, { reason: 'Lampiran perda kurang lengkap' })).statusCode).toBe(200);
    const late = await upload(candidate, lamteng, 'lampiran-susulan.pdf');
    expect(late.statusCode, late.body).toBe(201);
    const lateId = late.json<{ id: string }>().id;
    // Attached to the verified regulation after its verification, then submitted again.
    await updateSubmission(t.database.db, lamteng, { status: 'submitted', answers: { ...answers, regulations: [{ ...regulation, evidenceIds: [perdaId, lateId] }] } });

    const sheet = (await jurors[1]!.client.request('GET', `/api/pools/${pool.id}/sheets/${lamteng}`)).json<MarkingSheet>();
    expect(sheet.evidence.map((e) => [e.id, e.originalName])).toEqual([[perdaId, 'perda-jamsostek.pdf']]);
    expect((await jurors[1]!.client.request('GET', `/api/evidence/${perdaId}`)).statusCode).toBe(200);
    expect((await jurors[1]!.client.request('GET', `/api/evidence/${lateId}`)).statusCode).toBe(403);
    expect((await candidate.request('GET', `/api/evidence/${lateId}`)).statusCode).toBe(200);
  });

  it('leaves the conflicted candidate out of the moderation report of a juror in conflict with it, and only theirs', async () => {
    const walled = await jurors[0]!.client.request('GET', `/api/pools/${pool.id}/moderation?stage=desk`);
    expect(walled.statusCode).toBe(200);
    const report = walled.json<ModerationReport>();
    expect([...new Set(report.marks.map((m) => m.candidateId))].sort()).toEqual([ids.get('18.02'), ids.get('18.04')].sort());
    expect(walled.body).not.toContain(tanggamus());
    expect(walled.body).not.toContain('catatan rahasia Tanggamus');
    for (const a of report.agreement) expect(a.candidates).toBe(2);
    // Each indicator is named as the instrument labels it, never by its key.
    expect(report.agreement.filter((a) => !a.labelId || !a.labelEn || a.labelId === a.indicator)).toEqual([]);

    const member = (await jurors[1]!.client.request('GET', `/api/pools/${pool.id}/moderation?stage=desk`)).json<ModerationReport>();
    const seen = member.marks.filter((m) => m.candidateId === tanggamus()).map((m) => `${m.userId} ${m.comment}`);
    expect(seen.sort()).toEqual([...desk.map(() => `${jurors[1]!.id} catatan rahasia Tanggamus`), ...desk.map(() => `${jurors[2]!.id} null`)].sort());
    for (const a of member.agreement) expect(a.candidates).toBe(3);
    const committee = (await admin.request('GET', `/api/pools/${pool.id}/moderation?stage=desk`)).json<ModerationReport>();
    expect(committee.marks).toHaveLength(member.marks.length);
  });

  it('refuses a chair in conflict the interview of that candidate; the committee schedules and records it', async () => {
    const chair = jurors[0]!.client;
    expect((await chair.request('POST', `/api/pools/${pool.id}/stages/wawancara/open`, { acknowledgeShortfall: true })).statusCode).toBe(200);
    const slot = { heldOn: '2025-07-14', startsAt: '10:00', endsAt: null, place: 'Kantor Gubernur Lampung', onlineUrl: null };
    const refused = await chair.request('PUT', `/api/pools/${pool.id}/slots/${tanggamus()}`, slot);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({ error: { code: 'FORBIDDEN', message: 'You are in conflict with this candidate: its interview is scheduled and recorded by the committee' } });
    expect((await admin.request('PUT', `/api/pools/${pool.id}/slots/${tanggamus()}`, slot)).statusCode).toBe(200);
    // Neither a new time nor the attendance (a scored value) from the conflicted chair.
    expect((await chair.request('PUT', `/api/pools/${pool.id}/slots/${tanggamus()}`, { ...slot, startsAt: '15:00' })).statusCode).toBe(403);
    expect((await chair.request('POST', `/api/pools/${pool.id}/slots/${tanggamus()}/attendance`, { attendance: 'kepala-daerah', note: null })).statusCode).toBe(403);
    expect((await chair.request('DELETE', `/api/pools/${pool.id}/slots/${tanggamus()}`)).statusCode).toBe(403);
    const recorded = await admin.request('POST', `/api/pools/${pool.id}/slots/${tanggamus()}/attendance`, { attendance: 'wakil', note: null });
    expect(recorded.statusCode).toBe(200);
    expect(recorded.json()).toMatchObject({ startsAt: '10:00', attendance: 'wakil' });
    // The chair still runs the interviews of the other candidates.
    for (const code of ['18.02', '18.04']) {
      expect((await chair.request('PUT', `/api/pools/${pool.id}/slots/${ids.get(code)}`, { ...slot, startsAt: '09:00' })).statusCode).toBe(200);
      expect((await chair.request('POST', `/api/pools/${pool.id}/slots/${ids.get(code)}/attendance`, { attendance: 'sekda', note: null })).statusCode).toBe(200);
    }
  });

  it('gives a juror in conflict a package without the marks of that candidate; everyone else the frozen one', async () => {
    await markStage('wawancara', interview);
    expect((await jurors[0]!.client.request('POST', `/api/pools/${pool.id}/stages/wawancara/close`)).statusCode).toBe(200);
    const final = await jurors[0]!.client.request('POST', `/api/pools/${pool.id}/finalise`);
    expect(final.statusCode, final.body).toBe(200);
    const result = final.json<PoolResultView>();
    resultId = result.id!;

    const full = await jurors[1]!.client.request('GET', `/api/results/${resultId}/package`);
    expect(full.statusCode).toBe(200);
    expect(createHash('sha256').update(full.body).digest('hex')).toBe(result.packageSha256);
    expect(full.headers['x-package-sha256']).toBe(result.packageSha256);
    const fullPkg = JSON.parse(full.body) as ScoringPackage;
    expect(fullPkg.marks!.filter((m) => m.candidate === '18.06')).toHaveLength(2 * (desk.length + interview.length));

    const walled = await jurors[0]!.client.request('GET', `/api/results/${resultId}/package`);
    expect(walled.statusCode).toBe(200);
    const pkg = JSON.parse(walled.body) as ScoringPackage;
    expect(pkg.marks!.filter((m) => m.candidate === '18.06')).toEqual([]);
    expect(pkg.marks).toEqual(fullPkg.marks!.filter((m) => m.candidate !== '18.06'));
    expect(walled.headers['x-package-sha256']).toBe(createHash('sha256').update(walled.body).digest('hex'));
    expect(walled.headers['x-package-redacted']).toBe('conflicts');
    expect(walled.headers['content-disposition']).toBe('attachment; filename="paritrana-pemkab-kota-provinsi-18-v1-tanpa-konflik.json"');
    // The committee keeps the frozen package, and the result itself is the same for everyone.
    expect((await admin.request('GET', `/api/results/${resultId}/package`)).body).toBe(full.body);
    const seen = (await jurors[0]!.client.request('GET', `/api/pools/${pool.id}/result`)).json<PoolResultView>();
    expect(seen.rows).toEqual(result.rows);
  });

  it('keeps a superseded package from the panel while its pool is reopened, and gives it back once the pool is final again', async () => {
    const reopened = await admin.request('POST', `/api/pools/${pool.id}/reopen`, { reason: 'Nilai wawancara dinilai ulang oleh panel', stage: 'wawancara' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    for (const who of [0, 1, 2]) {
      const refused = await jurors[who]!.client.request('GET', `/api/results/${resultId}/package`);
      expect(refused.statusCode).toBe(403);
      expect(refused.json<{ error: { message: string } }>().error.message).toBe('This result was reopened: its package is kept from the panel until the result is final again');
    }
    const kept = await admin.request('GET', `/api/results/${resultId}/package`);
    expect(kept.statusCode).toBe(200);
    expect(kept.headers['x-package-sha256']).toBe(createHash('sha256').update(kept.body).digest('hex'));

    await markStage('wawancara', interview);
    expect((await jurors[0]!.client.request('POST', `/api/pools/${pool.id}/stages/wawancara/close`)).statusCode).toBe(200);
    expect((await jurors[0]!.client.request('POST', `/api/pools/${pool.id}/finalise`)).statusCode).toBe(200);
    expect((await jurors[1]!.client.request('GET', `/api/results/${resultId}/package`)).statusCode).toBe(200);
  });
});

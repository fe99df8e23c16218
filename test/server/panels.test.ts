import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { assessingEditionWithCandidates, lampungCandidates } from '../support/panels.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { pemdaV1 } from '../../src/domain/instruments/index.ts';
import { rubricIndicators } from '../../src/domain/panels/scoring-setup.ts';
import { scorePackage, type ScoringPackage } from '../../src/domain/scoring/index.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';
import { valuesOf } from '../../src/db/repositories/coverage.ts';
import { findSubmission, insertSubmission } from '../../src/db/repositories/submissions.ts';
import { evidenceOf, insertEvidence } from '../../src/db/repositories/evidence.ts';
import { verifyAuditChain } from '../../src/db/repositories/audit.ts';
import type { MarkingSheet, MyPool, PanelDetail, PoolDetail, PoolResultView, PoolSummary } from '../../src/shared/contracts/index.ts';

const bin = fileURLToPath(new URL('../../bin/paritrana', import.meta.url));
const artifacts = fileURLToPath(new URL('../../test-artifacts', import.meta.url));
const desk = rubricIndicators(pemdaV1, 'desk').map((i) => i.id);
const interview = rubricIndicators(pemdaV1, 'wawancara').map((i) => i.id);

describe.each(drivers())('panels, marking and results on %s', (driver) => {
  let t: TestApp;
  let editionId: string;
  let categoryId: string;
  let ids: Map<string, string>;
  let admin: Client;
  let otherProvince: Client;
  let chair: Client;
  const jurors: { id: string; client: Client }[] = [];
  let panel: PanelDetail;
  let pool: PoolSummary;
  const seq = new Map<string, number>();

  /** A juror's marks for a candidate, one value for every indicator. */
  const mark = (who: number, candidate: string, indicators: string[], value: number) =>
    jurors[who]!.client.request('PUT', `/api/pools/${pool.id}/marks`, {
      marks: indicators.map((indicatorId) => {
        const key = `${who}|${candidate}|${indicatorId}`;
        seq.set(key, (seq.get(key) ?? 0) + 1);
        return { candidateId: ids.get(candidate), indicatorId, value, comment: null, seq: seq.get(key) };
      }),
    });
  const submit = (who: number, candidate: string, stage: string) => jurors[who]!.client.request('POST', `/api/pools/${pool.id}/sheets/${ids.get(candidate)}/submit`, { stage });

  beforeAll(async () => {
    t = await startTestApp(driver);
    await seedDemo(t.database.db);
    ({ editionId, categoryId, ids } = await assessingEditionWithCandidates(t.database.db, lampungCandidates));
    admin = await signIn(t, (await makeUser(t, roles.provincialAdmin('18'))).email);
    otherProvince = await signIn(t, (await makeUser(t, roles.provincialAdmin('52'))).email);
    for (let i = 0; i < 3; i += 1) {
      const user = await makeUser(t, roles.juror('18'), { name: `Juri ${i + 1}` });
      jurors.push({ id: user.id, client: await signIn(t, user.email) });
    }
    chair = jurors[0]!.client;
    // Lampung Tengah's evidence and self-assessment, to see them carried to the national level.
    const evidence = await insertEvidence(t.database.db, { candidateId: ids.get('18.02')!, sha256: 'a'.repeat(64), bytes: 1234, type: 'pdf', originalName: 'perbup-jamsostek.pdf' });
    evidenceId = evidence.id;
    await insertSubmission(t.database.db, { candidateId: ids.get('18.02')!, status: 'submitted', version: 3, answers: { kind: 'pemda', regulations: [{ id: 'r1', type: 'perkada', evidenceIds: [evidence.id] }] } });
  });
  let evidenceId = '';
  afterAll(async () => t?.close());

  it('sets up a provincial panel with its decree and members by unsur, refusing another province and non-jurors', async () => {
    const input = { level: 'provinsi', area: '18', name: 'Tim Penilai Provinsi Lampung', decreeNumber: '100.3.3.2-456 Tahun 2025', decreeDate: '2025-06-02', categoryCodes: ['pemkab-kota'] };
    expect((await otherProvince.request('POST', `/api/editions/${editionId}/panels`, input)).statusCode).toBe(403);
    // A provincial admin sets up only their province's panels; the committee gets a clear reason.
    expect((await admin.request('POST', `/api/editions/${editionId}/panels`, { ...input, area: '' })).statusCode).toBe(403);
    const committee = await signIn(t, 'admin@paritrana.demo', 'paritrana-demo-2025');
    const bad = await committee.request('POST', `/api/editions/${editionId}/panels`, { ...input, area: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path)).toEqual(['area']);
    const created = await admin.request('POST', `/api/editions/${editionId}/panels`, input);
    expect(created.statusCode, created.body).toBe(201);
    panel = created.json<PanelDetail>();

    const nonJuror = await makeUser(t, roles.verifier('18'));
    const refused = await admin.request('PUT', `/api/panels/${panel.id}/members`, {
      members: [{ userId: nonJuror.id, unsur: 'bpjs', role: 'chair', title: null }],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path)).toEqual(['members.0.userId']);

    const members = [
      { userId: jurors[0]!.id, unsur: 'pemda', role: 'chair', title: 'Sekretaris Daerah' },
      { userId: jurors[1]!.id, unsur: 'akademisi', role: 'member', title: null },
      { userId: jurors[2]!.id, unsur: 'apindo', role: 'secretary', title: null },
    ];
    const saved = await admin.request('PUT', `/api/panels/${panel.id}/members`, { members });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<PanelDetail>().members.map((m) => [m.name, m.role, m.unsur])).toEqual([
      ['Juri 1', 'chair', 'pemda'],
      ['Juri 2', 'member', 'akademisi'],
      ['Juri 3', 'secretary', 'apindo'],
    ]);
  });

  it('finds the conflict of a juror tied to a candidate when the pool is created, and assigns the rest of the panel', async () => {
    const profile = await jurors[2]!.client.request('PUT', '/api/juror/profile', { institution: 'APINDO Lampung', ties: [{ kind: 'regency', code: '18.06', note: 'anggota tim ahli Bupati' }] });
    expect(profile.statusCode).toBe(200);
    const created = await admin.request('POST', `/api/editions/${editionId}/pools`, { level: 'provinsi', area: '18', categoryId, panelId: panel.id });
    expect(created.statusCode, created.body).toBe(201);
    pool = created.json<PoolSummary>();
    const detail = (await admin.request('GET', `/api/pools/${pool.id}`)).json<PoolDetail>();
    expect(detail.conflicts.map((c) => [c.jurorName, c.candidateName, c.source, c.status])).toEqual([['Juri 3', 'Kabupaten Tanggamus', 'profile', 'pending']]);
    // 3 jurors × 3 candidates − 1 conflicted pair.
    expect(detail.assignments).toHaveLength(8);
    expect(detail.shortfalls.map((s) => s.jurors).sort()).toEqual([2, 3, 3]);
  });

  it('warns before marking opens when candidates have fewer than K jurors, and opens once the chair confirms', async () => {
    expect((await jurors[1]!.client.request('POST', `/api/pools/${pool.id}/stages/desk/open`, {})).statusCode).toBe(403);
    const warned = await chair.request('POST', `/api/pools/${pool.id}/stages/desk/open`, {});
    expect(warned.statusCode).toBe(409);
    expect(warned.json<{ error: { code: string; details: unknown[] } }>().error).toMatchObject({ code: 'JUROR_SHORTFALL' });
    expect(warned.json<{ error: { details: unknown[] } }>().error.details).toHaveLength(3);
    const opened = await chair.request('POST', `/api/pools/${pool.id}/stages/desk/open`, { acknowledgeShortfall: true });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json<PoolDetail>().stages).toEqual([
      { id: 'desk', state: 'open' },
      { id: 'wawancara', state: 'pending' },
    ]);
  });

  it('keeps a conflicted juror away from the candidate, and each juror sees only their own marks', async () => {
    const sheet = await jurors[2]!.client.request('GET', `/api/pools/${pool.id}/sheets/${ids.get('18.06')}`);
    expect(sheet.statusCode).toBe(403);
    const walled = await mark(2, '18.06', desk, 5);
    expect(walled.statusCode).toBe(200);
    expect(walled.json<{ results: { applied: boolean; refused: { reason: string } | null }[] }>().results.map((r) => [r.applied, r.refused?.reason])).toEqual(desk.map(() => [false, 'conflict']));
    const mine = (await jurors[2]!.client.request('GET', `/api/editions/${editionId}/my-pools`)).json<MyPool[]>();
    expect(mine[0]!.candidates.map((c) => [c.name, c.access])).toEqual([
      ['Kabupaten Lampung Barat', 'assigned'],
      ['Kabupaten Lampung Tengah', 'assigned'],
      ['Kabupaten Tanggamus', 'conflict'],
    ]);

    expect((await mark(1, '18.02', desk, 4)).statusCode).toBe(200);
    const own = (await jurors[1]!.client.request('GET', `/api/pools/${pool.id}/sheets/${ids.get('18.02')}`)).json<MarkingSheet>();
    expect(own.marks.map((m) => m.value)).toEqual(desk.map(() => 4));
    expect(own.stages[0]!.indicators[0]!.levels).toHaveLength(5);
    expect(own.values.find((v) => v.key === 'coverage_pct')).toMatchObject({ value: 41.2, source: 'verification' });
    const others = (await chair.request('GET', `/api/pools/${pool.id}/sheets/${ids.get('18.02')}`)).json<MarkingSheet>();
    expect(others.marks).toEqual([]);
    // The chair sees progress, not marks; nobody sees the moderation before the stage closes.
    const detail = (await chair.request('GET', `/api/pools/${pool.id}`)).json<PoolDetail>();
    expect(detail.progress.find((p) => p.userId === jurors[1]!.id && p.candidateId === ids.get('18.02'))).toMatchObject({ marked: desk.length, total: desk.length, submitted: false });
    expect(JSON.stringify(detail)).not.toContain('"value"');
    expect((await chair.request('GET', `/api/pools/${pool.id}/moderation?stage=desk`)).statusCode).toBe(409);
    // The audit log holds the marks, but shows them to nobody before the result is final.
    const committee = await signIn(t, 'admin@paritrana.demo', 'paritrana-demo-2025');
    const entries = (await committee.request('GET', '/api/audit?limit=20')).json<{ entries: { action: string; after: { marks: unknown } }[] }>().entries;
    const saved = entries.filter((e) => e.action === 'marks.save');
    expect(saved.length).toBeGreaterThan(0);
    for (const e of saved) expect(e.after.marks).toBe('hidden until the result is final');
  });

  it('saves a mark once however often it is sent, ignores a stale write and refuses a value out of range', async () => {
    const id = ids.get('18.04');
    const write = { candidateId: id, indicatorId: desk[0], value: 3, comment: 'cukup', seq: 10 };
    const first = await jurors[1]!.client.request('PUT', `/api/pools/${pool.id}/marks`, { marks: [write] });
    expect(first.json()).toEqual({ results: [{ candidateId: id, indicatorId: desk[0], seq: 10, applied: true, refused: null }] });
    const again = await jurors[1]!.client.request('PUT', `/api/pools/${pool.id}/marks`, { marks: [write] });
    expect(again.json()).toEqual({ results: [{ candidateId: id, indicatorId: desk[0], seq: 10, applied: false, refused: null }] });
    const stale = await jurors[1]!.client.request('PUT', `/api/pools/${pool.id}/marks`, { marks: [{ ...write, value: 1, seq: 9 }] });
    expect(stale.json<{ results: { applied: boolean }[] }>().results[0]!.applied).toBe(false);
    const sheet = (await jurors[1]!.client.request('GET', `/api/pools/${pool.id}/sheets/${id}`)).json<MarkingSheet>();
    expect(sheet.marks.find((m) => m.indicatorId === desk[0])).toEqual({ indicatorId: desk[0], value: 3, comment: 'cukup', seq: 10 });
    // A bad write is refused on its own; the good one beside it is stored.
    const out = await jurors[1]!.client.request('PUT', `/api/pools/${pool.id}/marks`, {
      marks: [
        { ...write, value: 7, seq: 11 },
        { ...write, indicatorId: interview[0], seq: 12 },
        { ...write, indicatorId: desk[1], value: 3, seq: 13 },
      ],
    });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({
      results: [
        { candidateId: id, indicatorId: desk[0], seq: 11, applied: false, refused: { reason: 'out-of-range', message: '7 is outside 1..5' } },
        { candidateId: id, indicatorId: interview[0], seq: 12, applied: false, refused: { reason: 'stage-not-open', message: `${interview[0]} is not a rubric indicator of an open stage` } },
        { candidateId: id, indicatorId: desk[1], seq: 13, applied: true, refused: null },
      ],
    });
    const after = (await jurors[1]!.client.request('GET', `/api/pools/${pool.id}/sheets/${id}`)).json<MarkingSheet>();
    expect(after.marks.filter((m) => m.indicatorId === desk[0] || m.indicatorId === desk[1]).sort((a, b) => a.seq - b.seq)).toEqual([
      { indicatorId: desk[0], value: 3, comment: 'cukup', seq: 10 },
      { indicatorId: desk[1], value: 3, comment: 'cukup', seq: 13 },
    ]);
  });

  it('closes the desk only when every sheet is submitted; then the panel sees the moderation', async () => {
    expect((await submit(0, '18.02', 'desk')).statusCode).toBe(400);
    const plan: [number, string, number][] = [
      [0, '18.02', 5], [0, '18.06', 3], [0, '18.04', 2],
      [1, '18.02', 4], [1, '18.06', 4], [1, '18.04', 3],
      [2, '18.02', 4], [2, '18.04', 2],
    ];
    for (const [who, candidate, value] of plan) expect((await mark(who, candidate, desk, value)).statusCode).toBe(200);
    for (const [who, candidate] of plan.slice(0, -1)) expect((await submit(who, candidate, 'desk')).statusCode).toBe(200);
    const early = await chair.request('POST', `/api/pools/${pool.id}/stages/desk/close`);
    expect(early.statusCode).toBe(409);
    expect(early.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path)).toEqual(['Juri 3 · Kabupaten Lampung Barat']);
    // The chair's progress says which sheet is still open, and how far each is marked.
    const waiting = (await chair.request('GET', `/api/pools/${pool.id}`)).json<PoolDetail>().progress.filter((p) => p.stageId === 'desk');
    const of = (who: number, candidate: string) => waiting.find((p) => p.userId === jurors[who]!.id && p.candidateId === ids.get(candidate));
    expect(of(2, '18.04')).toMatchObject({ marked: desk.length, total: desk.length, submitted: false });
    expect(of(0, '18.02')).toMatchObject({ marked: desk.length, submitted: true });
    expect(waiting.filter((p) => p.submitted)).toHaveLength(plan.length - 1);
    expect((await submit(2, '18.04', 'desk')).statusCode).toBe(200);
    const late = await mark(2, '18.04', desk, 5);
    expect(late.statusCode).toBe(200);
    expect(late.json<{ results: { applied: boolean; refused: { reason: string } | null }[] }>().results.map((r) => [r.applied, r.refused?.reason])).toEqual(desk.map(() => [false, 'sheet-submitted']));
    expect((await chair.request('POST', `/api/pools/${pool.id}/stages/desk/close`)).statusCode).toBe(200);
    const report = await jurors[1]!.client.request('GET', `/api/pools/${pool.id}/moderation?stage=desk`);
    expect(report.statusCode).toBe(200);
    const body = report.json<{ jurors: { name: string; marks: number }[]; agreement: { kendallW: number | null }[] }>();
    expect(body.jurors.map((j) => [j.name, j.marks])).toEqual(
      [['Juri 1', 3 * desk.length], ['Juri 2', 3 * desk.length], ['Juri 3', 2 * desk.length]].sort((a, b) => (jurorIdOf(a[0] as string) < jurorIdOf(b[0] as string) ? -1 : 1)),
    );
    expect(body.agreement).toHaveLength(desk.length);
  });
  const jurorIdOf = (name: string) => jurors[Number(name.slice(-1)) - 1]!.id;

  it('schedules the interviews, records who attended, and marks the interview stage', async () => {
    expect((await chair.request('POST', `/api/pools/${pool.id}/stages/wawancara/open`, { acknowledgeShortfall: true })).statusCode).toBe(200);
    for (const [code, time, attendance] of [['18.02', '09:00', 'kepala-daerah'], ['18.06', '10:00', 'wakil'], ['18.04', '11:00', 'sekda']] as const) {
      const slot = await chair.request('PUT', `/api/pools/${pool.id}/slots/${ids.get(code)}`, { heldOn: '2025-07-14', startsAt: time, endsAt: null, place: 'Hotel Premier Park, Mataram', onlineUrl: null });
      expect(slot.statusCode, slot.body).toBe(200);
      expect((await chair.request('POST', `/api/pools/${pool.id}/slots/${ids.get(code)}/attendance`, { attendance, note: null })).statusCode).toBe(200);
    }
    expect((await chair.request('POST', `/api/pools/${pool.id}/slots/${ids.get('18.02')}/attendance`, { attendance: 'presiden', note: null })).statusCode).toBe(400);
    // The candidate sees its own interview, and no one else's.
    const candidate = await signIn(t, (await makeUser(t, roles.candidate(ids.get('18.02')!))).email);
    const own = await candidate.request('GET', `/api/candidates/${ids.get('18.02')}/interviews`);
    expect(own.json()).toEqual([
      { poolId: pool.id, candidateId: ids.get('18.02'), heldOn: '2025-07-14', startsAt: '09:00', endsAt: null, place: 'Hotel Premier Park, Mataram', onlineUrl: null, attendance: 'kepala-daerah', attendanceNote: null },
    ]);
    expect((await candidate.request('GET', `/api/candidates/${ids.get('18.06')}/interviews`)).statusCode).toBe(403);
    const plan: [number, string, number][] = [
      [0, '18.02', 5], [0, '18.06', 4], [0, '18.04', 3],
      [1, '18.02', 5], [1, '18.06', 3], [1, '18.04', 3],
      [2, '18.02', 4], [2, '18.04', 2],
    ];
    for (const [who, candidate, value] of plan) {
      expect((await mark(who, candidate, interview, value)).statusCode).toBe(200);
      expect((await submit(who, candidate, 'wawancara')).statusCode).toBe(200);
    }
    expect((await chair.request('POST', `/api/pools/${pool.id}/stages/wawancara/close`)).statusCode).toBe(200);
  });

  let resultId = '';
  it('finalises by the chair only; the frozen package recomputes to the same result, here and with `paritrana score`', async () => {
    const preview = (await chair.request('GET', `/api/pools/${pool.id}/result`)).json<PoolResultView>();
    expect(preview.status).toBe('preview');
    expect((await jurors[1]!.client.request('POST', `/api/pools/${pool.id}/finalise`)).statusCode).toBe(403);
    expect((await admin.request('POST', `/api/pools/${pool.id}/finalise`)).statusCode).toBe(403);
    const final = await chair.request('POST', `/api/pools/${pool.id}/finalise`);
    expect(final.statusCode, final.body).toBe(200);
    const result = final.json<PoolResultView>();
    resultId = result.id!;
    expect(result).toMatchObject({ status: 'final', version: 1, packageSha256: preview.packageSha256 });
    expect(result.rows.map((r) => [r.name, r.rank, r.award, r.advances])).toEqual([
      ['Kabupaten Lampung Tengah', 1, 1, true],
      ['Kabupaten Tanggamus', 2, 2, false],
      ['Kabupaten Lampung Barat', 3, 3, false],
    ]);
    expect((await chair.request('POST', `/api/pools/${pool.id}/finalise`)).statusCode).toBe(409);

    const exported = await admin.request('GET', `/api/results/${resultId}/package`);
    expect(exported.statusCode).toBe(200);
    expect(createHash('sha256').update(exported.body).digest('hex')).toBe(result.packageSha256);
    const pkg = JSON.parse(exported.body) as ScoringPackage;
    // The conflicted juror's conflict is in the package; attendance is a data value.
    expect(pkg.jurors!.find((j) => j.id === jurors[2]!.id)!.conflicts).toEqual(['18.06']);
    expect(pkg.values!['18.02']!['ww.hadir']).toBe('kepala-daerah');
    const recomputed = scorePackage(pkg);
    expect(recomputed.results.map((r) => [r.candidate, r.rank, r.score])).toEqual(result.rows.map((r) => [r.candidate, r.rank, r.score]));

    const dir = await mkdtemp(join(tmpdir(), 'paritrana-package-'));
    await writeFile(join(dir, 'package.json'), exported.body);
    const cli = JSON.parse(execFileSync(process.execPath, [bin, 'score', join(dir, 'package.json')], { encoding: 'utf8' })) as { results: { candidate: string; rank: number; score: number; stages: Record<string, number> }[] };
    expect(cli.results.map((r) => [r.candidate, r.rank, r.score, r.stages])).toEqual(result.rows.map((r) => [r.candidate, r.rank, r.score, r.stages]));
  });

  it('sends Juara 1 to the national level with its data, evidence and self-assessment carried over', async () => {
    // The demo's provincial government is nominated at national level directly; the advanced ones come from a result.
    const national = (await listCandidates(t.database.db, editionId, { all: true })).filter((c) => c.level === 'nasional' && c.advancedFrom !== null);
    expect(national.map((c) => [c.name, c.status, c.advancedFrom])).toEqual([['Kabupaten Lampung Tengah', 'accepted', ids.get('18.02')]]);
    const values = await valuesOf(t.database.db, [national[0]!.id]);
    expect(Object.fromEntries(values.map((v) => [v.key, v.valueNum ?? v.valueText]))).toEqual(lampungCandidates[0]!.values);
    const copied = await evidenceOf(t.database.db, national[0]!.id);
    expect(copied.map((e) => [e.sha256, e.originalName])).toEqual([['a'.repeat(64), 'perbup-jamsostek.pdf']]);
    expect(copied[0]!.id).not.toBe(evidenceId);
    const submission = await findSubmission(t.database.db, national[0]!.id);
    expect(submission).toMatchObject({ status: 'submitted', answers: { kind: 'pemda', regulations: [{ id: 'r1', type: 'perkada', evidenceIds: [copied[0]!.id] }] } });
  });

  it('prints the minutes as a PDF, and changes a final result only by a reopening with a reason', async () => {
    const minutes = await chair.request('GET', `/api/results/${resultId}/minutes`);
    expect(minutes.statusCode).toBe(200);
    expect(minutes.headers['content-type']).toBe('application/pdf');
    expect(minutes.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Text was drawn: the page uses the fonts of the title and the table.
    expect(minutes.rawPayload.toString('latin1')).toContain('/BaseFont /Helvetica-Bold');
    await mkdir(artifacts, { recursive: true });
    await writeFile(join(artifacts, `berita-acara-${driver}.pdf`), minutes.rawPayload);

    expect((await chair.request('POST', `/api/pools/${pool.id}/reopen`, { reason: 'Data cakupan Tanggamus dikoreksi', stage: null })).statusCode).toBe(403);
    expect((await admin.request('POST', `/api/pools/${pool.id}/reopen`, { reason: 'pendek', stage: null })).statusCode).toBe(400);
    const reopened = await admin.request('POST', `/api/pools/${pool.id}/reopen`, { reason: 'Nilai wawancara Lampung Barat dikoreksi oleh juri', stage: 'wawancara' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect((await chair.request('GET', `/api/results/${resultId}/minutes`)).statusCode).toBe(409);
    for (const who of [0, 1]) {
      expect((await mark(who, '18.04', interview, 5)).statusCode).toBe(200);
      expect((await submit(who, '18.04', 'wawancara')).statusCode).toBe(200);
    }
    for (const [who, code] of [[0, '18.02'], [0, '18.06'], [1, '18.02'], [1, '18.06'], [2, '18.02'], [2, '18.04']] as const) {
      expect((await submit(who, code, 'wawancara')).statusCode).toBe(200);
    }
    expect((await chair.request('POST', `/api/pools/${pool.id}/stages/wawancara/close`)).statusCode).toBe(200);
    const second = (await chair.request('POST', `/api/pools/${pool.id}/finalise`)).json<PoolResultView>();
    expect(second.version).toBe(2);
    const history = (await admin.request('GET', `/api/pools/${pool.id}/results`)).json<PoolResultView[]>();
    expect(history.map((h) => [h.version, h.status, h.reopenReason])).toEqual([
      [2, 'final', null],
      [1, 'superseded', 'Nilai wawancara Lampung Barat dikoreksi oleh juri'],
    ]);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { assessingEditionWithCandidates, lampungCandidates } from '../support/panels.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { pemdaV1 } from '../../src/domain/instruments/index.ts';
import { rubricIndicators } from '../../src/domain/panels/scoring-setup.ts';
import { marksOf, sheetsOf } from '../../src/db/repositories/pools.ts';
import type { MarkBatchResult, PanelDetail, PoolSummary } from '../../src/shared/contracts/index.ts';

const desk = rubricIndicators(pemdaV1, 'desk').map((i) => i.id);
const jurorCount = 4;
const writesPerRace = 24;

/**
 * A sheet is submitted while marks for it are still being written: every
 * write either lands before the submission (and is in the submitted sheet)
 * or is refused after it. Run on PostgreSQL, the requests really overlap on
 * separate connections.
 */
describe.each(drivers())('marks racing a submission on %s', (driver) => {
  let t: TestApp;
  let ids: Map<string, string>;
  const jurors: { id: string; client: Client }[] = [];
  let pool: PoolSummary;

  beforeAll(async () => {
    t = await startTestApp(driver);
    await seedDemo(t.database.db);
    let editionId: string;
    let categoryId: string;
    ({ editionId, categoryId, ids } = await assessingEditionWithCandidates(t.database.db, lampungCandidates));
    const admin = await signIn(t, (await makeUser(t, roles.provincialAdmin('18'))).email);
    for (let i = 0; i < jurorCount; i += 1) {
      const user = await makeUser(t, roles.juror('18'), { name: `Juri ${i + 1}` });
      jurors.push({ id: user.id, client: await signIn(t, user.email) });
    }
    const panel = (
      await admin.request('POST', `/api/editions/${editionId}/panels`, { level: 'provinsi', area: '18', name: 'Tim Penilai Lampung', decreeNumber: null, decreeDate: null, categoryCodes: ['pemkab-kota'] })
    ).json<PanelDetail>();
    const members = jurors.map((j, i) => ({ userId: j.id, unsur: 'akademisi', role: i === 0 ? 'chair' : 'member', title: null }));
    expect((await admin.request('PUT', `/api/panels/${panel.id}/members`, { members })).statusCode).toBe(200);
    pool = (await admin.request('POST', `/api/editions/${editionId}/pools`, { level: 'provinsi', area: '18', categoryId, panelId: panel.id })).json<PoolSummary>();
    expect((await jurors[0]!.client.request('POST', `/api/pools/${pool.id}/stages/desk/open`, { acknowledgeShortfall: true })).statusCode).toBe(200);
  });
  afterAll(async () => t?.close());

  it('never stores a mark after the sheet is submitted, and every acknowledged write is in the submitted sheet', async () => {
    let races = 0;
    for (const [who, juror] of jurors.entries()) {
      for (const candidateId of ids.values()) {
        // A complete sheet first, so that the submission may succeed at any moment of the race.
        const complete = await juror.client.request('PUT', `/api/pools/${pool.id}/marks`, { marks: desk.map((indicatorId) => ({ candidateId, indicatorId, value: 3, comment: null, seq: 1 })) });
        expect(complete.statusCode).toBe(200);
        const writes = Array.from({ length: writesPerRace }, (_, k) => ({ candidateId, indicatorId: desk[k % desk.length]!, value: 1 + ((k + who) % 5), comment: `tulisan ${k}`, seq: 2 + k }));
        const sent = writes.map((w) => juror.client.request('PUT', `/api/pools/${pool.id}/marks`, { marks: [w] }));
        const submitted = juror.client.request('POST', `/api/pools/${pool.id}/sheets/${candidateId}/submit`, { stage: 'desk' });
        const answers = await Promise.all(sent);
        expect((await submitted).statusCode).toBe(200);

        const sheet = (await sheetsOf(t.database.db, pool.id)).find((s) => s.userId === juror.id && s.candidateId === candidateId)!;
        const stored = await marksOf(t.database.db, pool.id, { userId: juror.id, candidateId });
        // No mark is newer than the submission.
        for (const m of stored) expect(m.updatedAt.getTime()).toBeLessThanOrEqual(sheet.submittedAt.getTime());
        // Every write was answered on its own: stored (or older than the stored one) before the submission, or refused after it.
        const results = answers.map((a) => {
          expect(a.statusCode).toBe(200);
          return a.json<MarkBatchResult>().results[0]!;
        });
        for (const r of results) expect(r.refused === null ? null : r.refused.reason).toBe(r.refused === null ? null : 'sheet-submitted');
        // The newest acknowledged write of each field is what the submitted sheet holds.
        for (const indicatorId of desk) {
          const acknowledged = writes.filter((w, k) => w.indicatorId === indicatorId && results[k]!.applied);
          const newest = acknowledged.at(-1) ?? { value: 3, comment: null, seq: 1 };
          const mark = stored.find((m) => m.indicatorId === indicatorId)!;
          expect({ value: mark.value, comment: mark.comment, seq: mark.seq }).toEqual({ value: newest.value, comment: newest.comment, seq: newest.seq });
        }
        races += 1;
      }
    }
    expect(races).toBe(jurorCount * ids.size);
  });
});

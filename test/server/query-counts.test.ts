import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { assessingEditionWithCandidates, lampungCandidates } from '../support/panels.ts';
import { lotimAnswers } from '../support/publication.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { findCategoryByCode } from '../../src/db/repositories/editions.ts';
import { insertCandidate, updateCandidate } from '../../src/db/repositories/candidates.ts';
import { searchRegencies } from '../../src/db/repositories/regions.ts';
import { insertSubmission } from '../../src/db/repositories/submissions.ts';
import { upsertItem } from '../../src/db/repositories/verification.ts';
import { upsertValue } from '../../src/db/repositories/coverage.ts';
import type { MarkBatchResult, MarkingSheet, PanelDetail, PoolSummary } from '../../src/shared/contracts/index.ts';

/**
 * The pages a committee opens every day answer with a number of SQL queries
 * that does not grow with the number of candidates: each request's queries
 * are counted (the driver reports every statement) with 3 candidates and
 * with 30. Requests run one at a time; the job runner's and the audit
 * anchor's background queries are told apart by their tables, and each page
 * is asked twice, keeping the smaller count.
 */
describe.each(drivers())('queries per request on %s', (driver) => {
  let window: string[] | null = null;
  const background = /"jobs"|\bjobs\b|audit_anchor/;
  let t: TestApp;
  let editionId: string;
  let poolId: string;
  let poolCandidateIds: string[];
  let national: Client;
  let provincial: Client;
  let verifier: Client;
  let chair: Client;
  const userIds: string[] = [];

  /** The queries one GET sends to the database. */
  async function queriesOf(client: Client, url: string): Promise<string[]> {
    let fewest: string[] | null = null;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      window = [];
      const res = await client.request('GET', url);
      const seen = window.filter((q) => !background.test(q));
      window = null;
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      if (!fewest || seen.length < fewest.length) fewest = seen;
    }
    return fewest!;
  }

  /** The queries one request sends to the database, and its answer. */
  async function queriesOfWrite(client: Client, method: 'PUT' | 'POST', url: string, body: unknown) {
    window = [];
    const res = await client.request(method, url, body);
    const seen = window.filter((q) => !background.test(q));
    window = null;
    return { res, queries: seen };
  }

  /** Every page's query count, by page. */
  async function counts(): Promise<Record<string, number>> {
    const pages: [string, Client, string][] = [
      ['candidates list', provincial, `/api/editions/${editionId}/candidates`],
      ['progress', provincial, `/api/editions/${editionId}/progress`],
      ['verification queue', verifier, `/api/editions/${editionId}/verification`],
      ['pool overview (committee)', provincial, `/api/pools/${poolId}`],
      ['pool overview (chair)', chair, `/api/pools/${poolId}`],
      ['coverage dashboard', national, `/api/editions/${editionId}/coverage/regions`],
      ['my pools (juror)', chair, `/api/editions/${editionId}/my-pools`],
    ];
    const out: Record<string, number> = {};
    for (const [name, client, url] of pages) out[name] = (await queriesOf(client, url)).length;
    return out;
  }

  /** A candidate of Lampung as far as the committee's pages go: submitted, its items decided, verified with data values. */
  async function candidateWithWork(candidateId: string) {
    await insertSubmission(t.database.db, { candidateId, status: 'submitted', version: 2, answers: lotimAnswers });
    for (const key of ['regulations:r1', 'agreements:a1', 'programs:p1']) {
      await upsertItem(t.database.db, { candidateId, itemKey: key, status: 'valid', comment: null, deadline: null, decidedBy: userIds[0]! });
    }
  }

  beforeAll(async () => {
    t = await startTestApp(driver, {}, (query) => window?.push(query));
    await seedDemo(t.database.db);
    const setup = await assessingEditionWithCandidates(t.database.db, lampungCandidates);
    editionId = setup.editionId;
    national = await signIn(t, 'admin@paritrana.demo', 'paritrana-demo-2025');
    const admin = await makeUser(t, roles.provincialAdmin('18'));
    userIds.push(admin.id);
    provincial = await signIn(t, admin.email);
    verifier = await signIn(t, (await makeUser(t, roles.verifier('18'))).email);
    for (const id of setup.ids.values()) await candidateWithWork(id);
    const jurors = [];
    for (let i = 0; i < 3; i += 1) jurors.push(await makeUser(t, roles.juror('18'), { name: `Juri ${i + 1}` }));
    chair = await signIn(t, jurors[0]!.email);
    const panel = (
      await provincial.request('POST', `/api/editions/${editionId}/panels`, { level: 'provinsi', area: '18', name: 'Tim Penilai Provinsi Lampung', decreeNumber: null, decreeDate: null, categoryCodes: ['pemkab-kota'] })
    ).json<PanelDetail>();
    await provincial.request('PUT', `/api/panels/${panel.id}/members`, {
      members: jurors.map((j, i) => ({ userId: j.id, unsur: ['pemda', 'akademisi', 'apindo'][i], role: i === 0 ? 'chair' : 'member', title: null })),
    });
    const pool = await provincial.request('POST', `/api/editions/${editionId}/pools`, { level: 'provinsi', area: '18', categoryId: setup.categoryId, panelId: panel.id });
    expect(pool.statusCode, pool.body).toBe(201);
    poolId = pool.json<PoolSummary>().id;
    poolCandidateIds = [...setup.ids.values()];
  });
  afterAll(async () => t?.close());

  it('sends the same number of queries for 3 candidates as for 30 on every page a committee opens daily', async () => {
    const few = await counts();
    // 27 more candidates of Lampung: the rest of its regencies/cities (in the pool) and companies.
    const db = t.database.db;
    const pemda = (await findCategoryByCode(db, editionId, 'pemkab-kota'))!;
    const companies = (await findCategoryByCode(db, editionId, 'usaha-besar'))!;
    const taken = new Set(lampungCandidates.map((c) => c.regencyCode));
    const regencies = (await searchRegencies(db, { province: '18' })).filter((r) => !taken.has(r.code));
    let added = 0;
    for (const r of regencies.slice(0, 12)) {
      const row = await insertCandidate(db, { editionId, categoryId: pemda.id, kind: 'pemda', provinceCode: '18', name: r.name, regencyCode: r.code });
      await candidateWithWork(row.id);
      await updateCandidate(db, row.id, { status: 'verified' });
      await upsertValue(db, { candidateId: row.id, key: 'coverage_pct', valueNum: 30 + added, valueText: null, source: 'verification', snapshotId: null, note: null });
      added += 1;
    }
    for (let i = 0; added < 27; i += 1, added += 1) {
      const row = await insertCandidate(db, { editionId, categoryId: companies.id, kind: 'badan-usaha', provinceCode: '18', name: `PT Lampung ${i}`, npp: `NPP18${String(i).padStart(4, '0')}`, sizeClass: 'besar' });
      await candidateWithWork(row.id);
    }
    const many = await counts();
    expect(many).toEqual(few);
    // And the counts stay small: no page is a query per row in disguise.
    // Every page reads the session and its data: a listener that saw nothing would prove nothing.
    for (const [page, n] of Object.entries(many)) {
      expect(n, page).toBeGreaterThan(1);
      expect(n, page).toBeLessThan(20);
    }
  });

  it('saves a batch of marks with as many queries as one mark, and submits a sheet in a bounded number', async () => {
    const opened = await chair.request('POST', `/api/pools/${poolId}/stages/desk/open`, { acknowledgeShortfall: true });
    expect(opened.statusCode, opened.body).toBe(200);
    const [first, second] = poolCandidateIds.toSorted();
    const sheet = (await chair.request('GET', `/api/pools/${poolId}/sheets/${first}`)).json<MarkingSheet>();
    const desk = sheet.stages.find((s) => s.id === 'desk')!.indicators;
    expect(desk.length).toBeGreaterThan(3);
    const marks = (candidateId: string, indicators: typeof desk) => ({ marks: indicators.map((i) => ({ candidateId, indicatorId: i.id, value: i.max, comment: null, seq: 1 })) });

    const one = await queriesOfWrite(chair, 'PUT', `/api/pools/${poolId}/marks`, marks(second!, desk.slice(0, 1)));
    expect(one.res.statusCode, one.res.body).toBe(200);
    const all = await queriesOfWrite(chair, 'PUT', `/api/pools/${poolId}/marks`, marks(first!, desk));
    expect(all.res.statusCode, all.res.body).toBe(200);
    expect(all.res.json<MarkBatchResult>().results.map((r) => r.applied)).toEqual(desk.map(() => true));
    // Every mark of the batch in one statement: the count does not grow with the marks sent.
    expect(all.queries.length).toBe(one.queries.length);
    expect(all.queries.length).toBeLessThan(25);

    const submit = await queriesOfWrite(chair, 'POST', `/api/pools/${poolId}/sheets/${first}/submit`, { stage: 'desk' });
    expect(submit.res.statusCode, submit.res.body).toBe(200);
    expect(submit.res.json<MarkingSheet>().stages.find((s) => s.id === 'desk')!.submitted).toBe(true);
    expect(submit.queries.length).toBeGreaterThan(1);
    expect(submit.queries.length).toBeLessThan(35);
  });
});

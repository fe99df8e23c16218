import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { anonymous, makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { actorWith, finalisedPool, type FinalisedPool } from '../support/publication.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { importContext } from '../../src/server/services/candidates.ts';
import { listCandidates, updateCandidate } from '../../src/db/repositories/candidates.ts';
import { listAudit } from '../../src/db/repositories/audit.ts';
import { khususV1 } from '../../src/domain/instruments/index.ts';
import { rubricIndicators } from '../../src/domain/panels/scoring-setup.ts';
import { closeStage, openStage } from '../../src/server/services/pools.ts';
import { submitSheet, writeMarks } from '../../src/server/services/marking.ts';
import type { Actor } from '../../src/server/policies/actor.ts';
import type { PoolDetail, PublicEditionDetail, PublicResult, SpecialAward, SpecialAwardDetail } from '../../src/shared/contracts/index.ts';

type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string }[] } };

const award = {
  code: 'terbaik-inovasi-ntb',
  nameId: 'Terbaik Inovasi NTB',
  nameEn: 'Best Innovation NTB',
  descriptionId: 'Inovasi perlindungan terbaik di NTB.',
  descriptionEn: 'The best protection innovation in NTB.',
  level: 'provinsi',
  sourceCategoryCodes: ['pemkab-kota', 'usaha-besar'],
  entryRule: 'finalists' as const,
  winners: 1,
};

/**
 * Special awards: the national committee defines one across categories,
 * enters candidacies by its rule or by hand, and its pool is marked,
 * finalised and published like any category's, labelled as a special award.
 */
describe.each(drivers())('special awards on %s', (driver) => {
  let t: TestApp;
  let f: FinalisedPool;
  let national: Client;
  let provincial: Client;
  let created: SpecialAward;
  const company = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp(driver);
    await seedDemo(t.database.db);
    f = await finalisedPool(t.database.db);
    national = await signIn(t, f.national.email);
    provincial = await signIn(t, (await makeUser(t, roles.provincialAdmin('52'))).email);
    // Two of NTB's large enterprises are verified; the third is not.
    for (const c of await listCandidates(t.database.db, f.editionId, { all: true })) {
      if (c.level !== 'provinsi' || c.provinceCode !== '52' || !c.npp) continue;
      company.set(c.name, c.id);
      if (c.name === 'Bank NTB Syariah' || c.name === 'PT Aman Mineral Integrasi') await updateCandidate(t.database.db, c.id, { status: 'verified' });
    }
  });
  afterAll(async () => t?.close());

  const url = (rest = '') => `/api/editions/${f.editionId}/special-awards${rest}`;

  it('comes with the demo edition: Terbaik Inovasi, from regencies and large enterprises at the national level', async () => {
    const list = (await national.request('GET', url())).json<SpecialAward[]>();
    expect(list.map((a) => [a.code, a.nameId, a.nameEn, a.level, a.sourceCategoryCodes, a.entryRule, a.winners, a.entries.length])).toEqual([
      ['terbaik-inovasi', 'Terbaik Inovasi', 'Best Innovation', 'nasional', ['pemkab-kota', 'usaha-besar'], 'verified', 1, 0],
    ]);
    // Its own category is scored with the special-award instrument and cannot be changed as a plain category.
    const edition = (await national.request('GET', `/api/editions/${f.editionId}`)).json<{ categories: { id: string; code: string; family: string; levels: string[]; advance: number }[] }>();
    expect(edition.categories.find((c) => c.code === 'terbaik-inovasi')).toMatchObject({ family: 'khusus', levels: ['nasional'], advance: 0 });
    const categoryId = list[0]!.categoryId;
    const patched = await national.request('PATCH', `/api/editions/${f.editionId}/categories/${categoryId}`, { code: 'terbaik-inovasi', family: 'pemda', nameId: 'X Y', nameEn: 'X Y', levels: ['nasional'], awards: 1, advance: 0, eligibility: [] });
    expect(patched.statusCode).toBe(409);
    // Nobody is nominated, imported or registered into it: its entrants come from other categories.
    expect([...(await importContext(t.database.db, f.editionId, '52')).categories.keys()]).not.toContain('terbaik-inovasi');
  });

  it('is copied with its definition, without entrants, into a copy of the edition', async () => {
    const copy = await national.request('POST', `/api/editions/${f.editionId}/copy`, { label: 'Paritrana Award Salinan', periodStart: '2025-01-01', periodEnd: '2025-12-31' });
    expect(copy.statusCode, copy.body).toBe(201);
    const id = copy.json<{ id: string }>().id;
    const list = (await national.request('GET', `/api/editions/${id}/special-awards`)).json<SpecialAward[]>();
    expect(list.map((a) => [a.code, a.level, a.sourceCategoryCodes, a.entryRule, a.winners, a.entries.length, a.editionId])).toEqual([
      ['terbaik-inovasi', 'nasional', ['pemkab-kota', 'usaha-besar'], 'verified', 1, 0, id],
    ]);
  });

  it('refuses a definition that cannot work, naming the field', async () => {
    const post = (body: object) => national.request('POST', url(), { ...award, ...body });
    const unknown = await post({ sourceCategoryCodes: ['pemkab-kota', 'usaha-raksasa'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<ErrorBody>().error.details).toEqual([{ path: 'sourceCategoryCodes', message: 'No category usaha-raksasa in this edition' }]);
    const notThere = await post({ sourceCategoryCodes: ['pemprov'] });
    expect(notThere.json<ErrorBody>().error.details).toEqual([{ path: 'sourceCategoryCodes', message: 'Category pemprov does not run at level provinsi' }]);
    const special = await post({ level: 'nasional', sourceCategoryCodes: ['terbaik-inovasi'] });
    expect(special.json<ErrorBody>().error.details).toEqual([{ path: 'sourceCategoryCodes', message: 'terbaik-inovasi is a special award: entrants come from ordinary categories' }]);
    const level = await post({ level: 'zona-jawa' });
    expect(level.json<ErrorBody>().error.details?.[0]).toEqual({ path: 'level', message: 'No level zona-jawa in this edition' });
    const taken = await post({ code: 'pemkab-kota' });
    expect(taken.statusCode).toBe(409);
    expect((await post({ sourceCategoryCodes: [] })).statusCode).toBe(400);
    expect((await post({ winners: 0 })).statusCode).toBe(400);
    // Only the national committee defines special awards.
    expect((await provincial.request('POST', url(), award)).statusCode).toBe(403);
  });

  it('enters the finalists by its rule and others by hand, audited, until marking starts', async () => {
    const res = await national.request('POST', url(), award);
    expect(res.statusCode, res.body).toBe(201);
    created = res.json<SpecialAward>();
    expect(created).toMatchObject({ level: 'provinsi', entryRule: 'finalists', winners: 1, entries: [], pools: [], entriesLocked: false });

    // The finalists: NTB's three regencies, each given an award in the final provincial result; companies have no result yet.
    const filled = (await national.request('POST', url(`/${created.id}/fill`))).json<SpecialAward>();
    expect(filled.entries.map((e) => [e.name, e.categoryCode, e.source])).toEqual([
      ['Kabupaten Lombok Barat', 'pemkab-kota', 'rule'],
      ['Kabupaten Lombok Tengah', 'pemkab-kota', 'rule'],
      ['Kabupaten Lombok Timur', 'pemkab-kota', 'rule'],
    ]);
    const detail = (await national.request('GET', url(`/${created.id}`))).json<SpecialAwardDetail>();
    expect(detail.eligible.filter((e) => e.provinceCode === '52').map((e) => [e.name, e.finalist, e.entered])).toEqual([
      ['Bank NTB Syariah', false, false],
      ['Kabupaten Lombok Barat', true, true],
      ['Kabupaten Lombok Tengah', true, true],
      ['Kabupaten Lombok Timur', true, true],
      ['PT Aman Mineral Integrasi', false, false],
    ]);

    // By hand: a verified enterprise may enter; one not verified may not.
    const bank = company.get('Bank NTB Syariah')!;
    const entered = (await national.request('PUT', url(`/${created.id}/entries/${bank}`))).json<SpecialAward>();
    expect(entered.entries.find((e) => e.candidateId === bank)).toMatchObject({ name: 'Bank NTB Syariah', categoryCode: 'usaha-besar', source: 'hand' });
    const alfa = await national.request('PUT', url(`/${created.id}/entries/${company.get('PT Sumber Alfaria Trijaya')!}`));
    expect(alfa.statusCode).toBe(400);
    expect(alfa.json<ErrorBody>().error.details).toEqual([{ path: 'candidateId', message: 'may not enter' }]);
    // Filling again keeps the hand entry; taking one out works before marking.
    const lobar = f.ids.get('52.01')!;
    expect((await national.request('DELETE', url(`/${created.id}/entries/${lobar}`))).json<SpecialAward>().entries).toHaveLength(3);
    const again = (await national.request('POST', url(`/${created.id}/fill`))).json<SpecialAward>();
    expect(again.entries.map((e) => [e.name, e.source])).toEqual([
      ['Bank NTB Syariah', 'hand'],
      ['Kabupaten Lombok Barat', 'rule'],
      ['Kabupaten Lombok Tengah', 'rule'],
      ['Kabupaten Lombok Timur', 'rule'],
    ]);
    const audit = await listAudit(t.database.db, { entityType: 'special_award', entityId: created.id, limit: 10 });
    expect(audit.map((a) => a.action).reverse()).toEqual(['special-award.create', 'special-award.fill', 'special-award.enter', 'special-award.leave', 'special-award.fill']);
    expect(audit[0]!.after).toEqual({ rule: 'finalists', added: [lobar], removed: [] });
  });

  it('is marked, finalised and published like a category, and the public sees it as a special award', async () => {
    const jurors: Actor[] = [];
    for (const name of ['Prof. Inovasi Satu', 'Dr. Inovasi Dua', 'Ir. Inovasi Tiga']) jurors.push(await actorWith(t.database.db, roles.juror('52'), name));
    const panel = await national.request('POST', `/api/editions/${f.editionId}/panels`, {
      level: 'provinsi',
      area: '52',
      name: 'Panel Terbaik Inovasi NTB',
      decreeNumber: null,
      decreeDate: null,
      categoryCodes: [award.code],
    });
    expect(panel.statusCode, panel.body).toBe(201);
    const panelId = panel.json<{ id: string }>().id;
    const members = jurors.map((j, i) => ({ userId: j.id, unsur: ['pemda', 'akademisi', 'apindo'][i]!, role: i === 0 ? 'chair' : 'member', title: null }));
    expect((await national.request('PUT', `/api/panels/${panelId}/members`, { members })).statusCode).toBe(200);
    const pool = await national.request('POST', `/api/editions/${f.editionId}/pools`, { level: 'provinsi', area: '52', categoryId: created.categoryId, panelId });
    expect(pool.statusCode, pool.body).toBe(201);
    const poolId = pool.json<{ id: string }>().id;
    const detail = (await national.request('GET', `/api/pools/${poolId}`)).json<PoolDetail>();
    expect(detail.candidatesList.map((c) => [c.name, c.inPool])).toEqual([
      ['Bank NTB Syariah', true],
      ['Kabupaten Lombok Barat', true],
      ['Kabupaten Lombok Tengah', true],
      ['Kabupaten Lombok Timur', true],
    ]);
    expect(detail.stages.map((s) => s.id)).toEqual(['penilaian']);

    // The panel marks with the special-award instrument: the bank first, then Lombok Timur.
    const chair = jurors[0]!;
    await openStage({ db: t.database.db, actor: chair }, poolId, 'penilaian', true);
    const locked = await national.request('POST', url(`/${created.id}/fill`));
    expect(locked.statusCode).toBe(409);
    const marks: Record<string, number> = { [company.get('Bank NTB Syariah')!]: 5, [f.ids.get('52.03')!]: 4, [f.ids.get('52.01')!]: 3, [f.ids.get('52.02')!]: 2 };
    const indicators = rubricIndicators(khususV1, 'penilaian').map((i) => i.id);
    let seq = 0;
    for (const juror of jurors) {
      for (const [candidateId, value] of Object.entries(marks)) {
        await writeMarks({ db: t.database.db, actor: juror }, poolId, indicators.map((indicatorId) => ({ candidateId, indicatorId, value, comment: null, seq: (seq += 1) })));
        await submitSheet({ db: t.database.db, actor: juror }, poolId, candidateId, 'penilaian');
      }
    }
    await closeStage({ db: t.database.db, actor: chair }, poolId, 'penilaian');
    const chairClient = await signIn(t, chair.email);
    const finalised = await chairClient.request('POST', `/api/pools/${poolId}/finalise`);
    expect(finalised.statusCode, finalised.body).toBe(200);
    const rows = finalised.json<{ rows: { candidate: string; name: string; rank: number; score: number; award: number | null; advances: boolean }[] }>().rows;
    expect(rows.map((r) => [r.candidate, r.name, r.rank, r.score, r.award, r.advances])).toEqual([
      ['520010103', 'Bank NTB Syariah', 1, 100, 1, false],
      ['52.03', 'Kabupaten Lombok Timur', 2, 75, null, false],
      ['52.01', 'Kabupaten Lombok Barat', 3, 50, null, false],
      ['52.02', 'Kabupaten Lombok Tengah', 4, 25, null, false],
    ]);
    // Nobody advances from a special award.
    expect((await listCandidates(t.database.db, f.editionId, { all: true })).filter((c) => c.name === 'Bank NTB Syariah').map((c) => c.level)).toEqual(['provinsi']);

    const published = await national.request('POST', `/api/pools/${poolId}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    const result = (await anonymous(t).request('GET', `/api/public/pools/${poolId}/result`)).json<PublicResult>();
    expect(result.category).toEqual({ code: award.code, nameId: award.nameId, nameEn: award.nameEn, special: true });
    expect(result.winners.map((w) => [w.name, w.award, w.certificateCode !== null])).toEqual([['Bank NTB Syariah', 1, true]]);
    const edition = (await anonymous(t).request('GET', `/api/public/editions/${f.editionId}`)).json<PublicEditionDetail>();
    expect(edition.published.map((p) => [p.category.code, p.category.special])).toEqual([[award.code, true]]);
    expect(edition.categories.filter((c) => c.special).map((c) => c.code)).toEqual(['terbaik-inovasi', award.code]);

    // A special award with a pool is neither removed nor moved to another level.
    expect((await national.request('DELETE', url(`/${created.id}`))).statusCode).toBe(409);
    expect((await national.request('PUT', url(`/${created.id}`), { ...award, level: 'nasional' })).statusCode).toBe(409);
    const renamed = await national.request('PUT', url(`/${created.id}`), { ...award, nameEn: 'Best Innovation, NTB' });
    expect(renamed.json<SpecialAward>()).toMatchObject({ nameEn: 'Best Innovation, NTB', entriesLocked: true });
  });

  it('removes a special award without a pool, with its category', async () => {
    const res = (await national.request('POST', url(), { ...award, code: 'terbaik-kolaborasi', entryRule: 'manual' })).json<SpecialAward>();
    const manual = await national.request('POST', url(`/${res.id}/fill`));
    expect(manual.json<ErrorBody>().error.details).toEqual([{ path: 'entryRule', message: 'manual' }]);
    expect((await national.request('DELETE', url(`/${res.id}`))).statusCode).toBe(200);
    const edition = (await national.request('GET', `/api/editions/${f.editionId}`)).json<{ categories: { code: string }[] }>();
    expect(edition.categories.some((c) => c.code === 'terbaik-kolaborasi')).toBe(false);
    const [entry] = await listAudit(t.database.db, { entityType: 'special_award', entityId: res.id, limit: 1 });
    expect(entry).toMatchObject({ action: 'special-award.delete' });
  });
});

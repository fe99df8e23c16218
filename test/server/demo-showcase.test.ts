import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { anonymous, signIn, startTestApp, type TestApp } from '../support/app.ts';
import { demoPassword, seedDemo } from '../../src/server/services/demo.ts';
import { seedShowcase, showcaseLabel } from '../../src/server/services/demo-showcase.ts';
import { verifyAuditChain } from '../../src/db/repositories/audit.ts';
import { scorePackage, type ScoringPackage } from '../../src/domain/scoring/index.ts';
import type { Me, CandidateFeedback, PublicEdition, PublicResult } from '../../src/shared/contracts/index.ts';

describe.each(drivers())('the demo’s published showcase edition on %s', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
    await seedDemo(t.database.db);
    await seedShowcase(t.database.db);
  });
  afterAll(async () => t?.close());

  it('publishes NTB’s provincial result through the app’s own use cases, with certificates that verify', async () => {
    const visitor = anonymous(t);
    const editions = (await visitor.request('GET', '/api/public/editions')).json<PublicEdition[]>();
    expect(editions.map((e) => [e.label, e.results])).toEqual([[showcaseLabel, 1]]);
    const detail = (await visitor.request('GET', `/api/public/editions/${editions[0]!.id}`)).json<{ published: { poolId: string }[] }>();
    const result = (await visitor.request('GET', `/api/public/pools/${detail.published[0]!.poolId}/result`)).json<PublicResult>();
    expect(result.rows).toHaveLength(4);
    expect(result.rows.map((r) => r.award)).toEqual([1, 2, 3, null]);
    expect(result.winners[0]).toMatchObject({ name: 'Kabupaten Lombok Timur', award: 1 });
    for (const w of result.winners) {
      const check = await visitor.request('GET', `/api/public/certificates/${w.certificateCode}`);
      const v = check.json<{ status: string; certificate: { ceremony: unknown } }>();
      expect(v.status).toBe('valid');
      // NTB's own ceremony, recorded as its event.
      expect(v.certificate.ceremony).toEqual({ date: '2024-08-21', place: 'Gedung Sangkareang, Kantor Gubernur NTB, Mataram' });
    }
    // The published package recomputes to the published numbers.
    const pkg = (await visitor.request('GET', `/api/public/pools/${detail.published[0]!.poolId}/package`)).json<ScoringPackage>();
    expect(scorePackage(pkg).results.map((r) => [r.candidate, r.rank, r.score])).toEqual(result.rows.map((r) => [r.candidate, r.rank, r.score]));
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('gives the demo candidates of the published result their feedback to read, and only their own', async () => {
    const lotim = await signIn(t, 'hasil.lotim@paritrana.demo', demoPassword);
    const bima = await signIn(t, 'hasil.bima@paritrana.demo', demoPassword);
    const idOf = async (client: typeof lotim) => (await client.request('GET', '/api/auth/me')).json<Me>().user.roles[0]!.candidateId!;
    const lotimId = await idOf(lotim);
    const bimaId = await idOf(bima);
    const own = (await lotim.request('GET', `/api/candidates/${lotimId}/feedback`)).json<CandidateFeedback>();
    expect([own.name, own.rank, own.candidates, own.award, own.edition.label]).toEqual(['Kabupaten Lombok Timur', 1, 4, 1, showcaseLabel]);
    expect(own.comments.map((c) => c.key)).toEqual(['programs:p2', 'coverage']);
    const last = (await bima.request('GET', `/api/candidates/${bimaId}/feedback`)).json<CandidateFeedback>();
    expect([last.name, last.rank, last.award, last.winners.length, last.comments]).toEqual(['Kabupaten Bima', 4, null, 3, []]);
    expect(last.total.median).toBe(own.total.median);
    expect((await lotim.request('GET', `/api/candidates/${bimaId}/feedback`)).statusCode).toBe(403);
  });
});

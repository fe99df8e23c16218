import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
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

  it('seats every member of both demo panels with its own organisation', async () => {
    const rows = await t.database.db.execute(sql`
      select e.label, u.email, m.unsur, m.title, j.institution
      from panel_members m join panels p on p.id = m.panel_id join editions e on e.id = p.edition_id
      join users u on u.id = m.user_id left join juror_profiles j on j.user_id = m.user_id
      order by e.label, m.unsur`);
    const members = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { label: string; email: string; unsur: string; title: string | null; institution: string | null }[];
    const organisations = {
      akademisi: ['juri@paritrana.demo', 'Universitas Mataram'],
      apindo: ['apindo.ntb@paritrana.demo', 'DPP APINDO Nusa Tenggara Barat'],
      bpjs: ['bpjs.ntb@paritrana.demo', 'BPJS Ketenagakerjaan Cabang Mataram'],
      bps: ['bps.ntb@paritrana.demo', 'BPS Provinsi Nusa Tenggara Barat'],
      pemda: ['ketua.ntb@paritrana.demo', 'Pemerintah Provinsi Nusa Tenggara Barat'],
      'serikat-pekerja': ['spsi.ntb@paritrana.demo', 'DPD KSPSI Nusa Tenggara Barat'],
    } as Record<string, [string, string]>;
    // The showcase's panel and the current edition's.
    expect(new Set(members.map((m) => m.label)).size).toBe(2);
    expect(members.map((m) => m.label)).toContain(showcaseLabel);
    for (const m of members) {
      expect([m.email, m.institution], `${m.label} ${m.unsur}`).toEqual(organisations[m.unsur]);
    }
    // Only the academic juror is of the university.
    expect(members.filter((m) => m.title === 'Universitas Mataram').map((m) => m.unsur)).toEqual(['akademisi', 'akademisi']);
    expect(members.filter((m) => ['bps', 'apindo', 'serikat-pekerja'].includes(m.unsur)).map((m) => m.title)).toEqual([
      'DPP APINDO Nusa Tenggara Barat',
      'BPS Provinsi Nusa Tenggara Barat',
      'DPD KSPSI Nusa Tenggara Barat',
      'DPP APINDO Nusa Tenggara Barat',
      'BPS Provinsi Nusa Tenggara Barat',
      'DPD KSPSI Nusa Tenggara Barat',
    ]);
  });
});

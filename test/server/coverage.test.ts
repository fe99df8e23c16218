import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { listEditions } from '../../src/db/repositories/editions.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';
import { employerComplianceFor, regionIndicators } from '../../src/db/repositories/coverage.ts';
import { coverageEmployers, coverageRegions, editions } from '../../src/db/schema/index.ts';
import { eq } from 'drizzle-orm';

const bin = fileURLToPath(new URL('../../bin/paritrana', import.meta.url));
type Snapshot = { id: string; version: number; status: string; problems: string[] | null; inputFiles: { name: string; sha256: string }[] };
type Dashboard = {
  snapshot: Snapshot | null;
  targetPct: number | null;
  national: { active: number; workingPopulation: number | null; coveragePct: number | null } | null;
  provinces: { code: string; active: number; workingPopulation: number | null; coveragePct: number | null }[];
  regencies: { code: string; coveragePct: number | null }[];
};

async function multipartOf(dir: string, year: number) {
  const boundary = '----coverage-test';
  const parts: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="year"\r\n\r\n${year}\r\n`)];
  for (const name of await readdir(dir)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    parts.push(await readFile(join(dir, name)));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(drivers())('coverage data in an edition on %s', (driver) => {
  let t: TestApp;
  let editionId: string;
  let national: Client;
  let extract: string;

  const importExtract = async (dir: string): Promise<Snapshot> => {
    const started = await national.inject({ method: 'POST', url: `/api/editions/${editionId}/coverage/imports`, ...(await multipartOf(dir, 2024)) });
    expect(started.statusCode, started.body).toBe(202);
    await t.app.jobs.drain();
    const id = started.json<Snapshot>().id;
    return (await national.request('GET', `/api/editions/${editionId}/coverage/snapshots/${id}`)).json<Snapshot>();
  };

  beforeAll(async () => {
    extract = await mkdtemp(join(tmpdir(), 'paritrana-extract-'));
    execFileSync(process.execPath, [bin, 'gen-extract', '--out', extract, '--scale', 'small', '--seed', '7'], { stdio: 'pipe' });
    t = await startTestApp(driver);
    await seedDemo(t.database.db);
    editionId = (await listEditions(t.database.db))[0]!.id;
    national = await signIn(t, 'admin@paritrana.demo', 'paritrana-demo-2025');
  });
  afterAll(async () => t?.close());

  it('imports an extract as snapshot v1 with the hashes of its files, and shows coverage by region', async () => {
    const snapshot = await importExtract(extract);
    expect(snapshot).toMatchObject({ version: 1, status: 'ready', problems: null });
    expect(snapshot.inputFiles.map((f) => f.name.split('.')[0]).sort()).toEqual(['contributions', 'employers', 'min_wage', 'participants', 'workforce']);
    const dashboard = (await national.request('GET', `/api/editions/${editionId}/coverage/regions`)).json<Dashboard>();
    expect(dashboard.provinces).toHaveLength(38);
    expect(dashboard.regencies).toHaveLength(514);
    expect(dashboard.targetPct).toBe(52.15);
    // The national figure is recomputed from the provinces' sums, not averaged.
    const active = dashboard.provinces.reduce((s, p) => s + p.active, 0);
    const working = dashboard.provinces.reduce((s, p) => s + (p.workingPopulation ?? 0), 0);
    expect(dashboard.national!.active).toBe(active);
    expect(dashboard.national!.coveragePct).toBe(Math.round((active / working) * 100 * 10_000) / 10_000);
    const stored = await regionIndicators(t.database.db, snapshot.id);
    expect(stored).toHaveLength(514 + 38);
  });

  it('fills the figures of regional-government candidates with their source', async () => {
    const lampungTengah = (await listCandidates(t.database.db, editionId, { all: true })).find((c) => c.regencyCode === '18.02')!;
    const figures = (await national.request('GET', `/api/candidates/${lampungTengah.id}/figures`)).json<{
      figures: { key: string; value: number | null; source: string | null; snapshotVersion: number | null }[];
    }>();
    const coverage = figures.figures.find((f) => f.key === 'coverage_pct')!;
    const dashboard = (await national.request('GET', `/api/editions/${editionId}/coverage/regions`)).json<Dashboard>();
    expect(coverage).toMatchObject({ source: 'coverage', snapshotVersion: 1, value: dashboard.regencies.find((r) => r.code === '18.02')!.coveragePct });
    // The working population and the share of the regency's employers without a PDS signal feed the v2 instrument.
    const [region] = await t.database.db.select().from(coverageRegions).where(eq(coverageRegions.code, '18.02'));
    expect(figures.figures.find((f) => f.key === 'working_population')).toMatchObject({ source: 'coverage', value: region!.workingPopulation });
    expect(figures.figures.map((f) => f.key)).toContain('employer_compliance_pct');
    // The share of a regency's employers without a PDS signal, as the snapshot's figures give it to regency candidates.
    const allEmployers = await t.database.db.select().from(coverageEmployers);
    const code = allEmployers.map((e) => e.regencyCode).find((c) => allEmployers.filter((e) => e.regencyCode === c).length > 2)!;
    const employers = allEmployers.filter((e) => e.regencyCode === code);
    const clean = employers.filter((e) => (e.declaredCoveragePct == null || e.declaredCoveragePct >= 100) && (e.programCompletePct == null || e.programCompletePct >= 100) && (e.belowMinWagePct == null || e.belowMinWagePct <= 0));
    expect(clean.length).toBeLessThan(employers.length);
    const compliance = { value: (await employerComplianceFor(t.database.db, employers[0]!.snapshotId, [code])).get(code) };
    expect(compliance.value).toBeCloseTo((clean.length / employers.length) * 100, 3);
  });

  it('lets a province nominate from its shortlist; the candidate disputes a figure and a verifier corrects it', async () => {
    const admin52 = await signIn(t, 'ntb@paritrana.demo', 'paritrana-demo-2025');
    const list = (await admin52.request('GET', `/api/editions/${editionId}/coverage/shortlist?province=52&category=usaha-kecil-mikro`)).json<{
      entries: { candidateKey: string; name: string; rank: number; nominatedCandidateId: string | null }[];
    }>();
    expect(list.entries.length).toBeGreaterThan(0);
    expect(list.entries.map((e) => e.rank)).toEqual([...list.entries.map((e) => e.rank)].sort((a, b) => a - b));
    const key = list.entries[0]!.candidateKey;
    const nominated = await admin52.request('POST', `/api/editions/${editionId}/coverage/shortlist/nominate`, { province: '52', category: 'usaha-kecil-mikro', keys: [key] });
    expect(nominated.json()).toEqual({ created: 1, alreadyNominated: 0 });
    const again = await admin52.request('POST', `/api/editions/${editionId}/coverage/shortlist/nominate`, { province: '52', category: 'usaha-kecil-mikro', keys: [key] });
    expect(again.json()).toEqual({ created: 0, alreadyNominated: 1 });
    const foreign = await admin52.request('GET', `/api/editions/${editionId}/coverage/shortlist?province=18&category=usaha-besar`);
    expect(foreign.statusCode).toBe(403);
    // Once the edition is past nominations, the shortlist adds no one, as any other nomination.
    const before = (await listEditions(t.database.db))[0]!;
    await t.database.db.update(editions).set({ status: 'assessing' }).where(eq(editions.id, editionId));
    const locked = await admin52.request('POST', `/api/editions/${editionId}/coverage/shortlist/nominate`, { province: '52', category: 'usaha-kecil-mikro', keys: [list.entries[1]!.candidateKey] });
    expect(locked.statusCode).toBe(409);
    expect(locked.json<{ error: { code: string } }>().error.code).toBe('EDITION_LOCKED');
    expect((await listCandidates(t.database.db, editionId, { all: true })).some((c) => c.npp === list.entries[1]!.candidateKey)).toBe(false);
    await t.database.db.update(editions).set({ status: before.status }).where(eq(editions.id, editionId));

    const company = (await listCandidates(t.database.db, editionId, { all: true })).find((c) => c.npp === key)!;
    const user = await signIn(t, (await makeUser(t, roles.candidate(company.id))).email);
    const figures = (await user.request('GET', `/api/candidates/${company.id}/figures`)).json<{ figures: { key: string; value: number | null; source: string }[] }>();
    const workers = figures.figures.find((f) => f.key === 'workers')!;
    expect(workers.source).toBe('coverage');
    const dispute = await user.request('POST', `/api/candidates/${company.id}/disputes`, {
      key: 'workers',
      claimedValue: (workers.value ?? 0) + 12,
      reason: 'Dua belas pekerja kontrak terdaftar pada Desember tetapi belum tercatat.',
      evidence: 'Daftar pekerja Desember 2024',
    });
    expect(dispute.statusCode).toBe(201);
    const verifier = await signIn(t, 'verifikator.ntb@paritrana.demo', 'paritrana-demo-2025');
    const queue = (await verifier.request('GET', `/api/editions/${editionId}/disputes?status=open`)).json<{ id: string; key: string; labelId: string; labelEn: string }[]>();
    expect(queue).toHaveLength(1);
    // The figure is named in words in both languages, never by its key alone.
    expect(queue[0]).toMatchObject({ key: 'workers', labelId: 'Pekerja terdaftar aktif', labelEn: 'Active registered workers' });
    const decided = await verifier.request('POST', `/api/disputes/${queue[0]!.id}/decision`, {
      status: 'accepted',
      correctedValue: (workers.value ?? 0) + 12,
      note: 'Sesuai daftar upah Desember',
    });
    expect(decided.statusCode).toBe(200);
    const after = (await user.request('GET', `/api/candidates/${company.id}/figures`)).json<{ figures: { key: string; value: number | null; source: string }[] }>();
    expect(after.figures.find((f) => f.key === 'workers')).toMatchObject({ value: (workers.value ?? 0) + 12, source: 'dispute' });

    // A new snapshot replaces the figures from the data but keeps the verifier's correction.
    const second = await importExtract(extract);
    expect(second).toMatchObject({ version: 2, status: 'ready' });
    const kept = (await user.request('GET', `/api/candidates/${company.id}/figures`)).json<{ figures: { key: string; value: number | null; source: string }[] }>();
    expect(kept.figures.find((f) => f.key === 'workers')).toMatchObject({ source: 'dispute' });
    expect(kept.figures.find((f) => f.key === 'on_time_pct')).toMatchObject({ source: 'coverage' });
  });

  it('refuses an extract that lacks a file, and fails a snapshot with bad rows without storing anything', async () => {
    const partial = await mkdtemp(join(tmpdir(), 'paritrana-partial-'));
    await writeFile(join(partial, 'workforce.csv'), await readFile(join(extract, (await readdir(extract)).find((n) => n.startsWith('workforce'))!)));
    const refused = await national.inject({ method: 'POST', url: `/api/editions/${editionId}/coverage/imports`, ...(await multipartOf(partial, 2024)) });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path)).toEqual([
      'files.min_wage',
      'files.employers',
      'files.participants',
      'files.contributions',
    ]);

    const broken = await mkdtemp(join(tmpdir(), 'paritrana-broken-'));
    for (const name of await readdir(extract)) await writeFile(join(broken, name), await readFile(join(extract, name)));
    const participants = (await readdir(broken)).find((n) => n.startsWith('participants'))!;
    const lines = (await readFile(join(broken, participants), 'utf8')).split('\n');
    const header = lines[0]!.split(',');
    const row = lines[1]!.split(',');
    row[header.indexOf('segment')] = 'XYZ';
    lines[1] = row.join(',');
    await writeFile(join(broken, participants), lines.join('\n'));
    const failed = await importExtract(broken);
    expect(failed.status).toBe('failed');
    // Only the problems: the screen's progress lines are not stored as problems.
    expect(failed.problems).toEqual([expect.stringMatching(/^participants\.csv(\.gz)? row 2, column segment: /)]);
    expect(await regionIndicators(t.database.db, failed.id)).toEqual([]);
    const dashboard = (await national.request('GET', `/api/editions/${editionId}/coverage/regions`)).json<Dashboard>();
    expect(dashboard.snapshot!.version).toBe(2);
  });

  it('lets the national admin set the shortlist’s weights and size for the next import, audited, and reset them', async () => {
    const url = `/api/editions/${editionId}/coverage/screening`;
    type View = { settings: { topN: number; regency: Record<string, number>; employer: Record<string, number> }; isDefault: boolean; editable: boolean };
    const initial = (await national.request('GET', url)).json<View>();
    expect(initial).toMatchObject({ isDefault: true, editable: true, settings: { topN: 10, regency: { coverage: 0.6, bpuCoverage: 0.2, growth: 0.2 } } });

    const settings = { topN: 3, regency: { coverage: 1, bpuCoverage: 0, growth: 0 }, employer: { programComplete: 0, onTime: 1, declaredCoverage: 0, wageCompliance: 0 } };
    const invalid = await national.request('PUT', url, { settings: { ...settings, topN: 0, regency: { coverage: 0, bpuCoverage: 0, growth: 0 } } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json<{ error: { code: string; details: { path: string }[] } }>().error.details.map((d) => d.path).sort()).toEqual(['body.settings.regency', 'body.settings.topN']);
    const provincial = await signIn(t, 'ntb@paritrana.demo', 'paritrana-demo-2025');
    expect((await provincial.request('PUT', url, { settings })).statusCode).toBe(403);
    expect((await national.request('GET', url)).json<View>().isDefault).toBe(true);

    const saved = await national.request('PUT', url, { settings });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<View>()).toMatchObject({ isDefault: false, settings });
    const audit = (await national.request('GET', `/api/audit?entityType=edition&entityId=${editionId}`)).json<{ entries: { action: string; after: unknown }[] }>().entries;
    expect(audit[0]).toMatchObject({ action: 'edition.screening', after: { screeningConfig: settings } });

    // The next import ranks by coverage alone and keeps three per province and category.
    expect(await importExtract(extract)).toMatchObject({ status: 'ready' });
    const list = (await provincial.request('GET', `/api/editions/${editionId}/coverage/shortlist?province=52&category=pemkab-kota`)).json<{ entries: { candidateKey: string }[] }>();
    const dashboard = (await national.request('GET', `/api/editions/${editionId}/coverage/regions`)).json<Dashboard>();
    const byCoverage = dashboard.regencies
      .filter((r) => r.code.startsWith('52.'))
      .sort((a, b) => (b.coveragePct ?? 0) - (a.coveragePct ?? 0) || a.code.localeCompare(b.code))
      .slice(0, 3)
      .map((r) => r.code);
    expect(list.entries.map((e) => e.candidateKey)).toEqual(byCoverage);

    const reset = await national.request('PUT', url, { settings: null });
    expect(reset.json<View>()).toMatchObject({ isDefault: true, settings: { topN: 10 } });
  });
});

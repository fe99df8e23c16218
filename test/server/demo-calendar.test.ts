import { afterEach, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { anonymous, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { seedDemo, demoPassword } from '../../src/server/services/demo.ts';
import { seedShowcase } from '../../src/server/services/demo-showcase.ts';
import { demoCalendar, todayInWib } from '../../src/server/services/demo-calendar.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';
import { editionPhase } from '../../src/domain/editions/phase.ts';
import { fromDayNumber, toDayNumber } from '../../src/domain/editions/dates.ts';
import type { EditionDetail, EditionSummary, MyPool, PublicEdition } from '../../src/shared/contracts/index.ts';

const plusDays = (day: string, n: number) => fromDayNumber(toDayNumber(day) + n);

describe('the demo calendar', () => {
  it('reproduces the award’s 2025 calendar on the reference day and moves every date with the day', () => {
    const reference = demoCalendar();
    expect([reference.year, reference.at('2025-04-01'), reference.inYear('2024-01-01')]).toEqual([2025, '2025-04-01', '2024-01-01']);
    const later = demoCalendar('2027-01-20');
    expect([later.year, later.at('2025-04-15'), later.at('2025-05-31'), later.yearOf(2024), later.inYear('2024-12-31')]).toEqual([2027, '2027-01-20', '2027-03-07', 2026, '2026-12-31']);
    expect(() => demoCalendar('2025-02-30')).toThrow('not a date');
  });

  it('says where an edition stands on a day', () => {
    const milestones = [
      { kind: 'registration', startsOn: '2025-04-01', endsOn: '2025-05-31' },
      { kind: 'provincial_ceremony', startsOn: '2025-08-13', endsOn: null },
    ];
    const on = (today: string, status: 'open' | 'assessing' = 'open') => editionPhase({ status, milestones, today });
    expect([on('2025-03-31'), on('2025-04-01'), on('2025-05-31'), on('2025-06-01'), on('2025-06-01', 'assessing')]).toEqual([
      { kind: 'registration-soon', date: '2025-04-01' },
      { kind: 'registration-open', date: '2025-05-31' },
      { kind: 'registration-open', date: '2025-05-31' },
      { kind: 'registration-closed', date: '2025-06-01' },
      { kind: 'assessing', date: '2025-08-13' },
    ]);
    expect(editionPhase({ status: 'published', milestones, today: '2025-06-01' })).toEqual({ kind: 'published', date: null });
  });
});

describe.each(drivers())('the demo walked on any date on %s', (driver) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  const today = todayInWib();
  it.each([today, plusDays(today, 200)])('laid out around %s: registration open, a form to fill, a pool in marking, a published result', async (day) => {
    t = await startTestApp(driver);
    const { label } = await seedDemo(t.database.db, { today: day });
    const showcase = await seedShowcase(t.database.db, { today: day });
    expect([label, showcase.label]).toEqual([`Paritrana Award ${day.slice(0, 4)}`, `Paritrana Award ${Number(day.slice(0, 4)) - 1}`]);

    // Registration is open: /daftar lists the edition, and its timeline holds the day.
    const visitor = anonymous(t);
    const open = (await visitor.request('GET', '/api/registration/editions')).json<{ id: string; label: string }[]>();
    expect(open.map((e) => e.label)).toEqual([label]);
    const national = await signIn(t, 'admin@paritrana.demo', demoPassword);
    const detail = (await national.request('GET', `/api/editions/${open[0]!.id}`)).json<EditionDetail>();
    const registration = detail.milestones.find((m) => m.kind === 'registration')!;
    expect(registration.startsOn <= day && day <= registration.endsOn!).toBe(true);
    const summaries = (await national.request('GET', '/api/editions')).json<EditionSummary[]>();
    expect(summaries.map((e) => [e.label, e.status])).toEqual([
      [label, 'open'],
      [showcase.label, 'assessing'],
    ]);
    expect(summaries[0]!.phase.kind).toBe(day === today ? 'registration-open' : 'registration-soon');

    // The candidate fills its form: the deadline has not passed.
    const lotimUser = await signIn(t, 'lotim@paritrana.demo', demoPassword);
    const lotim = (await listCandidates(t.database.db, open[0]!.id, { all: true })).find((c) => c.name === 'Kabupaten Lombok Timur')!.id;
    const saved = await lotimUser.request('PUT', `/api/candidates/${lotim}/self-assessment`, {
      version: 0,
      answers: { kind: 'pemda', regulations: [], agreements: [], programs: [], coverage: { note: 'Draf', evidenceIds: [] }, innovation: { narrative: '', evidenceIds: [] } },
    });
    expect(saved.statusCode).toBe(200);
    // Its organisation took part last year: last year's Perkada and MoU are still in force, the PKS has expired.
    const offers = (await lotimUser.request('GET', `/api/candidates/${lotim}/carry-forward`)).json<{ offers: { entryId: string; status: string }[]; canCarry: boolean }>();
    expect(offers.offers.map((o) => [o.entryId, o.status])).toEqual([
      ['r1', 'offered'],
      ['a1', 'offered'],
      ['a2', 'expired'],
    ]);
    expect(offers.canCarry).toBe(true);

    // A pool of the previous edition is in marking: the academic juror submits its sheets, the chair closes the desk stage and opens the interview.
    const juror = await signIn(t, 'juri@paritrana.demo', demoPassword);
    const showcaseId = summaries[1]!.id;
    const pools = (await juror.request('GET', `/api/editions/${showcaseId}/my-pools`)).json<MyPool[]>();
    const marking = pools.find((p) => p.pool.status === 'marking')!;
    expect(marking.pool.stages.map((s) => [s.id, s.state])).toEqual([
      ['desk', 'open'],
      ['wawancara', 'pending'],
    ]);
    const poolId = marking.pool.id;
    const chair: Client = await signIn(t, 'ketua.ntb@paritrana.demo', demoPassword);
    expect((await chair.request('POST', `/api/pools/${poolId}/stages/desk/close`)).statusCode).toBe(409);
    let seq = 0;
    for (const c of marking.candidates) {
      const sheet = (await juror.request('GET', `/api/pools/${poolId}/sheets/${c.id}`)).json<{ stages: { id: string; indicators: { id: string }[] }[] }>();
      const indicators = sheet.stages.find((s) => s.id === 'desk')!.indicators;
      const marks = indicators.map((i) => ({ candidateId: c.id, indicatorId: i.id, value: 4, comment: null, seq: (seq += 1) }));
      expect((await juror.request('PUT', `/api/pools/${poolId}/marks`, { marks })).statusCode).toBe(200);
      expect((await juror.request('POST', `/api/pools/${poolId}/sheets/${c.id}/submit`, { stage: 'desk' })).statusCode).toBe(200);
    }
    expect((await chair.request('POST', `/api/pools/${poolId}/stages/desk/close`)).statusCode).toBe(200);
    expect((await chair.request('POST', `/api/pools/${poolId}/stages/wawancara/open`, { acknowledgeShortfall: false })).statusCode).toBe(200);

    // Its panel keeps each member's own organisation: the university only for the academic.
    const panels = (await national.request('GET', `/api/editions/${showcaseId}/panels`)).json<{ members: { unsur: string; title: string | null }[] }[]>();
    expect(panels[0]!.members.map((m) => [m.unsur, m.title]).sort()).toEqual([
      ['akademisi', 'Universitas Mataram'],
      ['apindo', 'DPP APINDO Nusa Tenggara Barat'],
      ['bpjs', 'Sekretaris Tim'],
      ['bps', 'BPS Provinsi Nusa Tenggara Barat'],
      ['pemda', 'Sekretaris Daerah, Ketua Tim'],
      ['serikat-pekerja', 'DPD KSPSI Nusa Tenggara Barat'],
    ]);

    // The previous edition's result is published.
    const published = (await visitor.request('GET', '/api/public/editions')).json<PublicEdition[]>();
    expect(published.map((e) => [e.label, e.results])).toEqual([[showcase.label, 1]]);
  }, 300_000);
});

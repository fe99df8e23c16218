/**
 * A panel judges its pools: the committee creates a pool per category, a
 * juror declares a conflict, the chair opens each stage (the desk
 * assessment, then the interview with its slots and attendance), every
 * juror marks and submits every sheet assigned to them (concurrently, as
 * nine people would), the chair closes the stage and finalises the result.
 */
import { each, randomOf, RehearsalError, Session } from './http.ts';
import { provincialCategories, type Person, type PoolState, type World } from './world.ts';
import { password } from './servers.ts';

type PoolSummary = { id: string; stages: { id: string; state: string }[]; candidates: number };
type PoolDetail = PoolSummary & { candidatesList: { id: string; inPool: boolean }[]; attendanceOptions: string[]; conflicts: { candidateName: string }[] };
type MyPool = { pool: { id: string }; candidates: { id: string; access: string }[] };
type Sheet = { stages: { id: string; state: string; submitted: boolean; indicators: { id: string; min: number; max: number }[] }[] };
type Result = { id: string | null; status: string; rows: { candidate: string; rank: number; score: number; advances: boolean }[] };

export type PanelRun = { admin: Session; level: string; area: string; panelId: string; jurors: Person[]; categories: readonly string[] };

/** One juror marks and submits every sheet of the stage assigned to them. */
async function markStage(world: World, juror: Session, poolId: string, stageId: string, seed: number, seq: { n: number }): Promise<void> {
  const random = randomOf(seed);
  const mine = (await juror.get<MyPool[]>(`/api/editions/${world.editionId}/my-pools`)).find((m) => m.pool.id === poolId);
  if (!mine) {
    world.stats.error(`${juror.email} does not see pool ${poolId} among their pools`);
    return;
  }
  // Each juror has a view of the candidates: some higher, some lower.
  const bias = random.int(-1, 1);
  for (const c of mine.candidates.filter((x) => x.access === 'assigned')) {
    const sheet = await juror.get<Sheet>(`/api/pools/${poolId}/sheets/${c.id}`);
    const stage = sheet.stages.find((s) => s.id === stageId)!;
    if (stage.indicators.length > 0) {
      const quality = random.int(0, 2);
      const marks = stage.indicators.map((i) => ({
        candidateId: c.id,
        indicatorId: i.id,
        value: Math.min(i.max, Math.max(i.min, i.min + quality + random.int(0, 2) + bias)),
        comment: random.next() < 0.2 ? 'Sesuai bukti' : null,
        seq: (seq.n += 1),
      }));
      const saved = await juror.send<{ results: { applied: boolean; refused: { reason: string } | null }[] }>('PUT', `/api/pools/${poolId}/marks`, { marks }, 200);
      const refused = saved.results.filter((r) => !r.applied);
      if (refused.length > 0) world.stats.error(`${juror.email}: ${refused.length} marks refused (${refused[0]!.refused?.reason})`);
      world.sent.marks += marks.length - refused.length;
    }
    await juror.send('POST', `/api/pools/${poolId}/sheets/${c.id}/submit`, { stage: stageId }, 200);
    world.sent.sheets += 1;
  }
}

/** Runs one pool from creation to its final result. */
async function runPool(world: World, run: PanelRun, categoryCode: string, jurors: Session[], seedBase: number): Promise<void> {
  const { admin } = run;
  const created = await admin.send<PoolSummary>('POST', `/api/editions/${world.editionId}/pools`, { level: run.level, area: run.area, categoryId: world.categories.get(categoryCode), panelId: run.panelId }, 201);
  const state: PoolState = { id: created.id, level: run.level, area: run.area, categoryCode, panelJurors: run.jurors, candidates: 0 };
  world.pools.push(state);
  const detail = await admin.get<PoolDetail>(`/api/pools/${created.id}`);
  const members = detail.candidatesList.filter((c) => c.inPool);
  state.candidates = members.length;
  if (members.length === 0) return;
  const chair = jurors[0]!;
  // The second juror declares a conflict with a candidate of this pool.
  if (members.length > 1) {
    await jurors[1]!.send('POST', `/api/pools/${created.id}/conflicts`, { candidateId: members[members.length - 1]!.id, reason: 'Pernah menjadi konsultan kandidat ini' }, 201);
    world.sent.conflicts += 1;
  }
  const seqs = jurors.map(() => ({ n: 0 }));
  for (const stage of created.stages) {
    await chair.send('POST', `/api/pools/${created.id}/stages/${stage.id}/open`, { acknowledgeShortfall: true }, 200);
    if (stage.id === 'wawancara') {
      const pool = await chair.get<PoolDetail>(`/api/pools/${created.id}`);
      for (const [i, c] of members.entries()) {
        const hour = 8 + (i % 9);
        await chair.send('PUT', `/api/pools/${created.id}/slots/${c.id}`, { heldOn: '2025-07-14', startsAt: `${String(hour).padStart(2, '0')}:00`, endsAt: null, place: 'Kantor Gubernur', onlineUrl: null }, 200);
        await chair.send('POST', `/api/pools/${created.id}/slots/${c.id}/attendance`, { attendance: pool.attendanceOptions[i % pool.attendanceOptions.length], note: null }, 200);
      }
    }
    await Promise.all(
      jurors.map((j, i) =>
        markStage(world, j, created.id, stage.id, seedBase + i * 31 + stage.id.length, seqs[i]!).catch((error: unknown) => {
          if (!(error instanceof RehearsalError)) world.stats.error(String(error));
        }),
      ),
    );
    await chair.send('POST', `/api/pools/${created.id}/stages/${stage.id}/close`, {}, 200);
  }
  const final = await chair.send<Result>('POST', `/api/pools/${created.id}/finalise`, {}, 200);
  state.resultId = final.id ?? undefined;
}

/** A panel's pools, one after the other (the same nine people judge them). */
export async function judgePanel(world: World, run: PanelRun, seedBase: number): Promise<void> {
  const jurors: Session[] = [];
  for (const j of run.jurors) jurors.push(await Session.signIn(world.api, j.email, password));
  for (const [i, code] of run.categories.entries()) await runPool(world, run, code, jurors, seedBase + i * 1009);
}

export async function judgeProvinces(world: World): Promise<void> {
  await each(world.stats, world.provinces, world.options.concurrency, async (p, i) => {
    const admin = await Session.signIn(world.api, p.admin.email, password);
    await judgePanel(world, { admin, level: 'provinsi', area: p.code, panelId: p.panelId!, jurors: p.jurors, categories: provincialCategories }, world.options.seed * 7919 + i * 104_729);
  });
}

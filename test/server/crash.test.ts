import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type Database } from '../../src/db/client.ts';
import { ensureRegions } from '../../src/db/repositories/regions.ts';
import { listPanels } from '../../src/db/repositories/panels.ts';
import { findPoolByKey } from '../../src/db/repositories/pools.ts';
import { verifyAuditChain } from '../../src/db/repositories/audit.ts';
import { pemdaV1 } from '../../src/domain/instruments/index.ts';
import { rubricIndicators } from '../../src/domain/panels/scoring-setup.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { replaceMembers, updatePanel } from '../../src/server/services/panels.ts';
import { openStage } from '../../src/server/services/pools.ts';
import { drivers, type Driver } from '../support/database.ts';
import { assessingEditionWithCandidates, ntbCandidates } from '../support/panels.ts';
import { actorWith } from '../support/publication.ts';
import { killHard, startServer, type ServerProcess } from '../support/server-process.ts';

const password = 'correct-horse-battery';
const desk = rubricIndicators(pemdaV1, 'desk');

type Setup = { poolId: string; jurorEmails: string[]; candidateIds: string[] };

/** NTB's demo pool with three jurors seated and the desk stage open (factory: panels.test.ts tests these steps). */
async function poolOpenForMarking(database: Database): Promise<Setup> {
  const { db } = database;
  await migrateDatabase(database);
  await ensureRegions(db);
  await seedDemo(db);
  const { editionId, categoryId, ids } = await assessingEditionWithCandidates(db, ntbCandidates);
  const provincial = await actorWith(db, [{ role: 'provincial_admin', provinceCode: '52', candidateId: null }], 'Admin NTB');
  const jurors = [];
  for (const name of ['Juri Satu', 'Juri Dua', 'Juri Tiga']) jurors.push(await actorWith(db, [{ role: 'juror', provinceCode: '52', candidateId: null }], name));
  const [demoPanel] = (await listPanels(db, editionId)).filter((p) => p.area === '52');
  const panel = await updatePanel({ db, actor: provincial }, demoPanel!.id, { level: 'provinsi', area: '52', name: 'Tim Penilai Provinsi NTB', decreeNumber: '100/2025', decreeDate: '2025-06-02', categoryCodes: ['pemkab-kota'] });
  await replaceMembers({ db, actor: provincial }, panel.id, { members: jurors.map((j, i) => ({ userId: j.id, unsur: ['pemda', 'akademisi', 'apindo'][i]!, role: i === 0 ? 'chair' : 'member', title: null })) });
  const pool = (await findPoolByKey(db, { editionId, level: 'provinsi', area: '52', categoryId }))!;
  await openStage({ db, actor: jurors[0]! }, pool.id, 'desk', true);
  return { poolId: pool.id, jurorEmails: jurors.map((j) => j.email), candidateIds: [...ids.values()] };
}

type Session = { cookie: string; csrf: string };
async function login(url: string, email: string): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('paritrana_session='))!.split(';')[0]!;
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

type Write = { juror: number; candidateId: string; indicatorId: string; value: number; seq: number };
const field = (w: { juror: number; candidateId: string; indicatorId: string }) => `${w.juror}|${w.candidateId}|${w.indicatorId}`;

async function putMark(url: string, poolId: string, session: Session, w: Write): Promise<{ status: number; applied: boolean[] }> {
  const res = await fetch(`${url}/api/pools/${poolId}/marks`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: JSON.stringify({ marks: [{ candidateId: w.candidateId, indicatorId: w.indicatorId, value: w.value, comment: null, seq: w.seq }] }),
  });
  const body = (await res.json()) as { results?: { applied: boolean }[] };
  return { status: res.status, applied: (body.results ?? []).map((r) => r.applied) };
}

async function newPostgresDatabase(): Promise<string> {
  const { default: pg } = await import('pg');
  const name = `paritrana_crash_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

describe.each(drivers())('kill -9 of the server while a juror marks, on %s', (driver: Driver) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'paritrana-crash-'));
  let databaseUrl = '';
  const servers: ServerProcess[] = [];
  const open = () => (databaseUrl ? openDatabase({ url: databaseUrl }) : openDatabase({ dataDir: join(dataDir, 'db') }));
  const env = (): Record<string, string> => (databaseUrl ? { DATABASE_URL: databaseUrl } : {});
  afterAll(async () => {
    for (const s of servers) await killHard(s);
    if (databaseUrl) {
      const { default: pg } = await import('pg');
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${new URL(databaseUrl).pathname.slice(1)} with (force)`);
      await admin.end();
    }
  });

  it('loses no acknowledged mark and applies none twice', { timeout: 600_000 }, async () => {
    if (driver === 'postgres') databaseUrl = await newPostgresDatabase();
    const setupDb = await open();
    let setup: Setup;
    try {
      setup = await poolOpenForMarking(setupDb);
    } finally {
      await setupDb.close();
    }

    const first = await startServer(dataDir, env());
    servers.push(first);
    const sessions = await Promise.all(setup.jurorEmails.map((email) => login(first.url, email)));
    // Three jurors write marks concurrently, each field over and over with a rising seq.
    const fields = setup.candidateIds.flatMap((candidateId) => desk.map((indicator) => ({ candidateId, indicator })));
    const acknowledged = new Map<string, Write>();
    const sent = new Map<string, Write[]>();
    let acks = 0;
    const kill: { done: Promise<void> | null } = { done: null };
    const killAfter = 120;
    const jurorLoop = async (juror: number) => {
      for (let i = 0; ; i++) {
        const { candidateId, indicator } = fields[i % fields.length]!;
        const seq = Math.floor(i / fields.length) + 1;
        const w: Write = { juror, candidateId, indicatorId: indicator.id, seq, value: indicator.scale.min + ((seq + juror) % (indicator.scale.max - indicator.scale.min + 1)) };
        sent.set(field(w), [...(sent.get(field(w)) ?? []), w]);
        let result;
        try {
          result = await putMark(first.url, setup.poolId, sessions[juror]!, w);
        } catch {
          return; // the server is gone: this write was never acknowledged
        }
        if (result.status !== 200 || result.applied[0] !== true) throw new Error(`write refused: ${result.status} ${JSON.stringify(result)}`);
        acknowledged.set(field(w), w);
        acks += 1;
        if (acks === killAfter) kill.done = killHard(first);
      }
    };
    await Promise.all([0, 1, 2].map(jurorLoop));
    await kill.done;
    expect(acks).toBeGreaterThanOrEqual(killAfter);
    // Each juror's loop ended at its first write without an answer: the kill came mid-load.
    expect([...sent.values()].flat().length - acks).toBe(3);

    const second = await startServer(dataDir, env());
    servers.push(second);
    const again = await Promise.all(setup.jurorEmails.map((email) => login(second.url, email)));
    // Every acknowledged write is there: the stored seq is at least the acknowledged one, and the value is that of the stored seq's write.
    let lost = 0;
    for (const [juror, session] of again.entries()) {
      for (const candidateId of setup.candidateIds) {
        const res = await fetch(`${second.url}/api/pools/${setup.poolId}/sheets/${candidateId}`, { headers: { cookie: session.cookie } });
        expect(res.status).toBe(200);
        const sheet = (await res.json()) as { marks: { indicatorId: string; value: number | null; seq: number }[] };
        for (const indicator of desk) {
          const key = field({ juror, candidateId, indicatorId: indicator.id });
          const ack = acknowledged.get(key);
          const stored = sheet.marks.find((m) => m.indicatorId === indicator.id);
          if (ack && (!stored || stored.seq < ack.seq)) lost += 1;
          if (stored) expect({ seq: stored.seq, value: stored.value }).toEqual({ seq: stored.seq, value: sent.get(key)!.find((w) => w.seq === stored.seq)!.value });
        }
      }
    }
    expect(lost).toBe(0);
    // Sending the acknowledged writes again (a client retrying after the crash) applies none of them.
    const resent = [];
    for (const w of acknowledged.values()) resent.push(...(await putMark(second.url, setup.poolId, again[w.juror]!, w)).applied);
    expect(resent.filter((applied) => applied)).toEqual([]);
    await killHard(second);

    const after = await open();
    try {
      // Every applied write is in the audit log exactly once, and the chain is whole.
      const result: unknown = await after.db.execute(sql`
        select m->>'candidateId' as "candidateId", m->>'indicatorId' as "indicatorId", (m->>'seq')::int as seq, after->>'juror' as juror
          from audit_log, jsonb_array_elements(after->'marks') m where action = 'marks.save'`);
      const entries = (result as { rows: { candidateId: string; indicatorId: string; seq: number; juror: string }[] }).rows;
      const keys = entries.map((e) => `${e.juror}|${e.candidateId}|${e.indicatorId}|${e.seq}`);
      expect(keys.length - new Set(keys).size).toBe(0);
      expect(entries.length).toBeGreaterThanOrEqual(acks);
      const chain = await verifyAuditChain(after.db);
      expect(chain.ok).toBe(true);
    } finally {
      await after.close();
    }
  });
});

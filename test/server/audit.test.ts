import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, rowsOf, testDatabase } from '../support/database.ts';
import { signIn, startTestApp, type TestApp } from '../support/app.ts';
import { migrateDatabase, openDatabase, type Db } from '../../src/db/client.ts';
import { appendAudit, auditHash, auditHead, verifyAuditChain } from '../../src/db/repositories/audit.ts';
import { appRoleGrants } from '../../src/db/app-role.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { Anchorer, AnchorStore, verifyWithAnchors } from '../../src/server/services/audit-anchor.ts';
import type { AuditAnchorState, AuditVerification } from '../../src/shared/contracts/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

type Row = { seq: number; at: string; actor_id: string | null; actor_label: string; action: string; entity_type: string; entity_id: string; before: unknown; after: unknown; hash: string };

/** The database's words: the query layer wraps them as the cause of its own error. */
async function refusal(query: Promise<unknown>): Promise<string> {
  try {
    await query;
  } catch (error) {
    return error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
  }
  return 'not refused';
}


/** What someone who can run SQL as the table's owner can do: switch the trigger off. */
async function asOwner(db: Db, statements: (db: Db) => Promise<void>): Promise<void> {
  await db.execute(sql`alter table audit_log disable trigger user`);
  try {
    await statements(db);
  } finally {
    await db.execute(sql`alter table audit_log enable trigger user`);
  }
}

/** Rewrites the chain from `fromSeq` on so that every hash matches again, as a careful forger would. */
async function rewriteConsistently(db: Db, fromSeq: number, change: (row: Row) => Row): Promise<void> {
  const rows = rowsOf<Row>(await db.execute(sql`select seq::int as seq, at, actor_id, actor_label, action, entity_type, entity_id, before, after, hash, prev_hash from audit_log order by seq`));
  let prev = rows.find((r) => r.seq === fromSeq - 1)?.hash ?? '0'.repeat(64);
  await asOwner(db, async (tx) => {
    for (const original of rows.filter((r) => r.seq >= fromSeq)) {
      const row = original.seq === fromSeq ? change(original) : original;
      const hash = auditHash(prev, {
        at: new Date(row.at).toISOString(),
        actorId: row.actor_id,
        actorLabel: row.actor_label,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        before: row.before,
        after: row.after,
      });
      await tx.execute(sql`update audit_log set actor_label = ${row.actor_label}, prev_hash = ${prev}, hash = ${`tmp-${row.seq}`} where seq = ${row.seq}`);
      await tx.execute(sql`update audit_log set hash = ${hash} where seq = ${row.seq}`);
      prev = hash;
    }
  });
}

type Run = { code: number; stdout: string; stderr: string };
function paritrana(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL' && k !== 'PARITRANA_DATA_DIR' && k !== 'AUDIT_ANCHOR_DIR'));
    execFile(process.execPath, ['bin/paritrana', ...args], { cwd: root, env: { ...clean, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe.each(drivers())('the audit log on %s', (driver) => {
  let t: TestApp;
  let dataDir: string;
  let store: AnchorStore;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'paritrana-audit-'));
    t = await startTestApp(driver, { PARITRANA_DATA_DIR: dataDir });
    await seedDemo(t.database.db);
    store = new AnchorStore(join(dataDir, 'audit-anchors'));
  });
  afterAll(async () => t?.close());

  it('refuses UPDATE, DELETE and TRUNCATE of an entry through its trigger', async () => {
    const db = t.database.db;
    expect(await refusal(db.execute(sql`update audit_log set actor_label = 'someone else' where seq = 1`))).toMatch(/append-only/);
    expect(await refusal(db.execute(sql`delete from audit_log where seq = 1`))).toMatch(/append-only/);
    expect(await refusal(db.execute(sql`truncate audit_log`))).toMatch(/append-only/);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('shows the national admin the newest anchor, signed outside the database, beside the head', async () => {
    const anchor = await store.anchor(t.database.db);
    const head = await auditHead(t.database.db);
    expect(anchor).toMatchObject({ seq: head!.seq, hash: head!.hash, key: store.keyId() });
    const national = await signIn(t, 'admin@paritrana.demo', 'paritrana-demo-2025');
    const state = (await national.request('GET', '/api/audit/anchor')).json<AuditAnchorState>();
    expect(state).toEqual({ latest: { seq: head!.seq, hash: head!.hash, at: anchor!.at, key: store.keyId() }, anchors: 1, key: store.keyId(), head, problem: null });
    // The private key is a file readable by its owner only, never a row of the database.
    expect(readFileSync(join(store.dir, 'anchor-key.pem'), 'utf8')).toMatch(/BEGIN PRIVATE KEY/);
    const verification = (await national.request('GET', '/api/audit/verify')).json<AuditVerification>();
    expect(verification).toMatchObject({ ok: true, firstBadSeq: null, reason: null, anchors: 1, latestAnchor: state.latest });
  });

  it('anchors the head when it starts, before its start is reported done', async () => {
    const head = await auditHead(t.database.db);
    const fresh = new AnchorStore(mkdtempSync(join(tmpdir(), 'paritrana-audit-start-')));
    const anchorer = new Anchorer(t.database.db, fresh, (error) => {
      throw error;
    });
    await anchorer.start(86_400);
    try {
      // Written when start resolves: anything the server does next finds it, and adds nothing to it.
      expect(fresh.read()).toEqual([expect.objectContaining({ seq: head!.seq, hash: head!.hash })]);
    } finally {
      await anchorer.stop();
    }
    expect(fresh.read()).toHaveLength(1);
  });

  it('finds an entry changed with the trigger off', async () => {
    const db = t.database.db;
    const label = rowsOf<Row>(await db.execute(sql`select actor_label from audit_log where seq = 3`))[0]!.actor_label;
    await asOwner(db, async (tx) => {
      await tx.execute(sql`update audit_log set actor_label = 'Seseorang' where seq = 3`);
    });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBadSeq: 3, reason: 'entry content does not match its hash' });
    // Put it back for the next cases.
    await asOwner(db, async (tx) => {
      await tx.execute(sql`update audit_log set actor_label = ${label} where seq = 3`);
    });
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('finds a chain rewritten whole, which the chain alone takes for intact', async () => {
    const db = t.database.db;
    const anchored = (await store.anchor(db))!;
    await rewriteConsistently(db, 2, (row) => ({ ...row, actor_label: 'Penyusup' }));
    expect((await verifyAuditChain(db)).ok).toBe(true);
    expect(await verifyWithAnchors(db, store)).toMatchObject({
      ok: false,
      firstBadSeq: anchored.seq,
      reason: `entry ${anchored.seq} does not have the hash anchored on ${anchored.at}: the chain was rewritten`,
    });
  });

  it('finds newest entries removed, which the chain alone takes for intact', async () => {
    const db = t.database.db;
    const fresh = new AnchorStore(mkdtempSync(join(tmpdir(), 'paritrana-anchors-')));
    const head = (await auditHead(db))!;
    const anchor = (await fresh.anchor(db))!;
    await asOwner(db, async (tx) => {
      await tx.execute(sql`delete from audit_log where seq > ${head.seq - 3}`);
    });
    expect((await verifyAuditChain(db)).ok).toBe(true);
    expect(await verifyWithAnchors(db, fresh)).toMatchObject({
      ok: false,
      firstBadSeq: head.seq,
      reason: `the log ends at entry ${head.seq - 3}, but entry ${head.seq} was anchored on ${anchor.at}: newer entries were removed`,
    });
  });

  it('trusts no anchor whose signature does not match', async () => {
    const fresh = new AnchorStore(mkdtempSync(join(tmpdir(), 'paritrana-anchors-')));
    await fresh.anchor(t.database.db);
    const file = join(fresh.dir, 'anchors.jsonl');
    const line = JSON.parse(readFileSync(file, 'utf8')) as { seq: number };
    writeFileSync(file, `${JSON.stringify({ ...line, seq: line.seq - 1 })}\n`);
    expect(await verifyWithAnchors(t.database.db, fresh)).toMatchObject({ ok: false, reason: `anchors: anchors.jsonl line 1: the signature does not match the anchor key ${fresh.keyId()}` });
  });
});

describe.each(drivers())('the server anchors the chain on its own on %s', (driver) => {
  it('writes an anchor of the head when it stops', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'paritrana-anchor-stop-'));
    const t = await startTestApp(driver, { PARITRANA_DATA_DIR: dataDir });
    await seedDemo(t.database.db);
    const head = await auditHead(t.database.db);
    await t.app.close();
    const anchors = new AnchorStore(join(dataDir, 'audit-anchors')).read();
    await t.database.close();
    expect(anchors.at(-1)).toMatchObject({ seq: head!.seq, hash: head!.hash });
  });
});

describe('paritrana audit verify', () => {
  it('exits 3 on a mistyped PGlite directory and creates nothing there', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'paritrana-nodb-')), 'typo');
    const run = await paritrana(['audit', 'verify'], { PARITRANA_DATA_DIR: missing });
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`audit log UNREADABLE: no database in ${join(missing, 'db')} (check PARITRANA_DATA_DIR); nothing was created\n`);
    expect(existsSync(missing)).toBe(false);
  });

  it('exits 0 on an intact log with its anchors, 1 once an anchored entry is gone', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'paritrana-verify-'));
    const database = await openDatabase({ dataDir: join(dataDir, 'db') });
    await migrateDatabase(database);
    for (let i = 0; i < 3; i += 1) {
      await database.db.transaction((tx) => appendAudit(tx, { id: null, label: 'system' }, { action: 'test.write', entityType: 'test', entityId: String(i) }));
    }
    await database.close();
    const env = { PARITRANA_DATA_DIR: dataDir };
    const anchored = await paritrana(['audit', 'anchor'], env);
    expect(anchored.code).toBe(0);
    const intact = await paritrana(['audit', 'verify'], env);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/^audit chain intact: 3 entries; checked against 1 anchor\(s\), the newest for entry 3 signed on /);

    const reopened = await openDatabase({ dataDir: join(dataDir, 'db') });
    await asOwner(reopened.db, async (tx) => {
      await tx.execute(sql`delete from audit_log where seq = 3`);
    });
    await reopened.close();
    const broken = await paritrana(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^audit chain BROKEN at entry 3: the log ends at entry 2, but entry 3 was anchored on .*: newer entries were removed \(2 entries before it are intact\)\n$/);
  });

  it.runIf(drivers().includes('postgres'))('exits 3 when the PostgreSQL database does not exist', async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = '/paritrana_no_such_database';
    const run = await paritrana(['audit', 'verify'], { DATABASE_URL: url.toString(), PARITRANA_DATA_DIR: mkdtempSync(join(tmpdir(), 'paritrana-pgv-')) });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^audit log UNREADABLE: cannot (open|read) the database: .*paritrana_no_such_database.* does not exist\n$/);
  });
});

describe.runIf(drivers().includes('postgres'))('a PostgreSQL role that may only add to the audit log', () => {
  it('runs the app’s writes but cannot change, remove or unprotect an entry', async () => {
    const owner = await testDatabase('postgres');
    const role = `paritrana_app_${process.pid}_${Date.now() % 100_000}`;
    try {
      await owner.db.execute(sql.raw(`create role ${role} login`));
      for (const statement of appRoleGrants(role)) await owner.db.execute(sql.raw(statement));
      const name = rowsOf<{ name: string }>(await owner.db.execute(sql`select current_database() as name`))[0]!.name;
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${name}`;
      url.username = role;
      const app = await openDatabase({ url: url.toString(), poolSize: 1 });
      try {
        await app.db.transaction((tx) => appendAudit(tx, { id: null, label: 'system' }, { action: 'test.write', entityType: 'test', entityId: '1' }));
        await app.db.execute(sql`update regencies set name = name where code = '52.03'`);
        expect(await refusal(app.db.execute(sql`update audit_log set actor_label = 'x'`))).toMatch(/permission denied/);
        expect(await refusal(app.db.execute(sql`delete from audit_log`))).toMatch(/permission denied/);
        expect(await refusal(app.db.execute(sql`truncate audit_log`))).toMatch(/permission denied/);
        expect(await refusal(app.db.execute(sql`alter table audit_log disable trigger user`))).toMatch(/must be owner/);
        expect(await refusal(app.db.execute(sql`drop trigger audit_log_no_update on audit_log`))).toMatch(/must be owner/);
        expect(await verifyAuditChain(app.db)).toMatchObject({ ok: true, entries: 1 });
      } finally {
        await app.close();
      }
    } finally {
      await owner.close();
      const { default: pg } = await import('pg');
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`drop role if exists ${role}`);
      await admin.end();
    }
  });
});

describe.each(drivers())('reading the audit log page by page on %s', (driver) => {
  let t: TestApp;
  let national: Awaited<ReturnType<typeof signIn>>;
  let dataDir: string;
  type Entry = { seq: number; action: string; actorLabel: string; entityType: string; entityId: string; objectLabel: string | null; after: unknown };
  type Page = { entries: Entry[]; nextBefore: number | null };
  const page = async (query: string) => {
    const res = await national.request('GET', `/api/audit?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page>();
  };
  const scalar = async (query: ReturnType<typeof sql>) => Number(rowsOf<{ n: number | string }>(await t.database.db.execute(query))[0]!.n);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'paritrana-audit-page-'));
    t = await startTestApp(driver, { PARITRANA_DATA_DIR: dataDir });
    await seedDemo(t.database.db);
    national = await signIn(t, 'admin@paritrana.demo', 'paritrana-demo-2025');
  });
  afterAll(async () => t?.close());

  it('pages newest first with a cursor, every entry once', async () => {
    const total = await scalar(sql`select count(*) as n from audit_log`);
    expect(total).toBeGreaterThan(12);
    const first = await page('limit=5');
    const second = await page(`limit=5&before=${first.nextBefore}`);
    const ten = await page('limit=10');
    expect([...first.entries, ...second.entries].map((e) => e.seq)).toEqual(ten.entries.map((e) => e.seq));
    expect(first.nextBefore).toBe(first.entries[4]!.seq);
    expect(ten.entries.map((e) => e.seq)).toEqual([...ten.entries.map((e) => e.seq)].sort((a, b) => b - a));
    const all = await page('limit=500');
    expect(all.entries).toHaveLength(Math.min(total, 500));
    expect(all.nextBefore).toBe(total > 500 ? all.entries[499]!.seq : null);
    // The default page is 50 entries.
    expect((await page('')).entries).toHaveLength(Math.min(total, 50));
  });

  it('filters by action, area of actions, actor, object, days in WIB, edition, province and free text', async () => {
    const db = t.database.db;
    const submitted = await page('action=candidate.create&limit=500');
    expect(submitted.entries.length).toBe(await scalar(sql`select count(*) as n from audit_log where action = 'candidate.create'`));
    expect(submitted.entries.length).toBeGreaterThan(0);
    const area = await page('action=candidate.&limit=500');
    expect(area.entries.length).toBe(await scalar(sql`select count(*) as n from audit_log where action like 'candidate.%'`));
    expect(new Set(area.entries.map((e) => e.action.split('.')[0]))).toEqual(new Set(['candidate']));

    const [busiest] = rowsOf<{ actor_label: string; n: number | string }>(await db.execute(sql`select actor_label, count(*) as n from audit_log group by actor_label order by count(*) desc limit 1`));
    const part = busiest!.actor_label.slice(1, -1).toUpperCase();
    const byActor = await page(`actor=${encodeURIComponent(part)}&limit=500`);
    expect(byActor.entries.length).toBe(await scalar(sql`select count(*) as n from audit_log where position(lower(${part}) in lower(actor_label)) > 0`));
    expect(byActor.entries.filter((e) => e.actorLabel === busiest!.actor_label)).toHaveLength(Math.min(500, Number(busiest!.n)));

    // Every demo entry was written today (WIB): from today finds them all, up to yesterday none.
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() + 7 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
    const total = await scalar(sql`select count(*) as n from audit_log`);
    expect((await page(`from=${today}&to=${today}&limit=500`)).entries).toHaveLength(Math.min(total, 500));
    expect((await page(`to=${yesterday}`)).entries).toEqual([]);
    expect((await page(`from=${today}&to=${yesterday}`)).entries).toEqual([]);

    const [lotim] = rowsOf<{ id: string; edition_id: string; name: string }>(await db.execute(sql`select id::text as id, edition_id::text as edition_id, name from candidates where regency_code = '52.03' and level = 'provinsi' order by created_at desc limit 1`));
    const ofEdition = await page(`editionId=${lotim!.edition_id}&limit=500`);
    expect(ofEdition.entries.map((e) => `${e.entityType}:${e.entityId}`)).toContain(`candidate:${lotim!.id}`);
    const foreign = rowsOf<{ id: string }>(await db.execute(sql`select id::text as id from candidates where edition_id <> ${lotim!.edition_id}::uuid`)).map((r) => r.id);
    expect(ofEdition.entries.filter((e) => e.entityType === 'candidate' && foreign.includes(e.entityId))).toEqual([]);
    expect(ofEdition.entries.length).toBe(
      await scalar(sql`select count(*) as n from audit_log where (entity_type = 'edition' and entity_id = ${lotim!.edition_id})
        or (entity_type = 'candidate' and entity_id in (select id::text from candidates where edition_id = ${lotim!.edition_id}::uuid))
        or (entity_type = 'pool' and entity_id in (select id::text from pools where edition_id = ${lotim!.edition_id}::uuid))
        or (entity_type = 'panel' and entity_id in (select id::text from panels where edition_id = ${lotim!.edition_id}::uuid))
        or (entity_type = 'category' and entity_id in (select id::text from edition_categories where edition_id = ${lotim!.edition_id}::uuid))
        or (entity_type = 'level' and entity_id in (select id::text from edition_levels where edition_id = ${lotim!.edition_id}::uuid))
        or (entity_type = 'event' and entity_id in (select id::text from edition_events where edition_id = ${lotim!.edition_id}::uuid))`),
    );
    const ntb = await page('provinceCode=52&entityType=candidate&limit=500');
    const ntbCandidates = rowsOf<{ id: string }>(await db.execute(sql`select id::text as id from candidates where province_code = '52'`)).map((r) => r.id);
    expect(ntb.entries.length).toBeGreaterThan(0);
    expect(ntb.entries.every((e) => ntbCandidates.includes(e.entityId))).toBe(true);
    expect((await page('provinceCode=11&entityType=candidate&limit=500')).entries.every((e) => !ntbCandidates.includes(e.entityId))).toBe(true);

    // Free text: the candidate's name is in the data of its entries; a word found nowhere finds nothing.
    const named = await page(`q=${encodeURIComponent(lotim!.name)}&limit=500`);
    expect(named.entries.length).toBeGreaterThan(0);
    expect((await page('q=tidak-ada-di-mana-pun')).entries).toEqual([]);
    // % and _ are letters in a search, not wildcards.
    expect((await page('q=%25%25%25')).entries).toEqual([]);
    // The objects are named: a candidate by its name.
    const entry = ofEdition.entries.find((e) => e.entityType === 'candidate' && e.entityId === lotim!.id)!;
    expect(entry.objectLabel).toBe(lotim!.name);
  });

  it('shows one entry with the hash it follows, its own hash checked, and the anchor that covers it', async () => {
    const store = new AnchorStore(join(dataDir, 'audit-anchors'));
    const head = await auditHead(t.database.db);
    const anchor = (await store.anchor(t.database.db))!;
    const first = await national.request('GET', '/api/audit/1');
    expect(first.statusCode).toBe(200);
    const second = (await national.request('GET', '/api/audit/2')).json<{ prevHash: string }>();
    expect(second.prevHash).toBe(first.json<{ hash: string }>().hash);
    expect(first.json()).toMatchObject({ seq: 1, prevHash: '0'.repeat(64), hashMatches: true, anchor: { seq: head!.seq, hash: head!.hash, at: anchor.at, key: store.keyId() } });
    // A newer entry than the newest anchor has none yet.
    await t.database.db.transaction((tx) => appendAudit(tx, { id: null, label: 'system' }, { action: 'test.write', entityType: 'test', entityId: 'x' }));
    const newest = (await auditHead(t.database.db))!;
    expect((await national.request('GET', `/api/audit/${newest.seq}`)).json()).toMatchObject({ seq: newest.seq, action: 'test.write', hashMatches: true, anchor: null, objectLabel: null });
    expect((await national.request('GET', `/api/audit/${newest.seq + 1}`)).statusCode).toBe(404);
    // An entry changed with the trigger off no longer gives its hash.
    await asOwner(t.database.db, async (tx) => {
      await tx.execute(sql`update audit_log set actor_label = 'Seseorang' where seq = ${newest.seq}`);
    });
    expect((await national.request('GET', `/api/audit/${newest.seq}`)).json()).toMatchObject({ hashMatches: false });
  });
});

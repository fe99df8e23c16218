import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { drivers } from '../support/database.ts';
import { makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { queueMessage } from '../../src/db/repositories/messages.ts';
import { listAudit } from '../../src/db/repositories/audit.ts';
import { OutboxSender, smtpTransport } from '../../src/server/services/outbox.ts';

type Message = { id: string; to: string; status: string; sentAt: string | null; error: string | null; attempts: number };

/** A real SMTP listener; mail to `lambat@…` is held until the test releases it; `onAccept` runs before the 250 answer. */
async function startSmtpPeer() {
  const received: ParsedMail[] = [];
  let release: () => void = () => undefined;
  let held: Promise<void> = Promise.resolve();
  let arrived: () => void = () => undefined;
  const state = {
    onAccept: null as null | (() => Promise<void>),
    hold() {
      held = new Promise((resolve) => (release = resolve));
      return { arrived: new Promise<void>((resolve) => (arrived = resolve)), release: () => release() };
    },
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const slow = session.envelope.rcptTo.some((r) => r.address.startsWith('lambat@'));
      simpleParser(stream)
        .then(async (mail) => {
          received.push(mail);
          if (slow) {
            arrived();
            await held;
          }
          if (state.onAccept) await state.onAccept();
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe.each(drivers())('the outbox sends each message at most once on %s', (driver) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  let admin52: Client;
  const from = 'Paritrana Award <noreply@paritrana.example>';
  const errors: unknown[] = [];
  const sender = (db: Database['db'], instance: string, leaseSeconds = 600) =>
    new OutboxSender(db, smtpTransport({ transport: { host: '127.0.0.1', port: smtp.port, secure: false }, from, pollSeconds: 3600 }), from, (e) => errors.push(e), {
      instance,
      leaseSeconds,
    });
  const receivedBy = (to: string) => smtp.received.filter((m) => (m.to && !Array.isArray(m.to) ? m.to.text : '') === to).length;
  const outboxRow = async (to: string) => (await admin52.request('GET', '/api/outbox')).json<Message[]>().find((m) => m.to === to)!;

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    t = await startTestApp(driver);
    admin52 = await signIn(t, (await makeUser(t, roles.provincialAdmin('52'))).email);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('delivers every message exactly once when two servers send from one outbox', async () => {
    const addresses = Array.from({ length: 40 }, (_, i) => `peserta${i}@lombok.go.id`);
    for (const to of addresses) await queueMessage(t.database.db, { to, subject: `Pesan ${to}`, body: 'Isi', provinceCode: '52' });
    // The second server has its own connections to the same database.
    const second = driver === 'postgres' ? await openDatabase({ url: await urlOf(t.database), poolSize: 3 }) : t.database;
    const a = sender(t.database.db, 'server-a');
    const b = sender(second.db, 'server-b');
    const [fromA, fromB] = await Promise.all([a.deliverPending(), b.deliverPending()]);
    expect(fromA.sent + fromB.sent).toBe(40);
    expect(fromA.failed + fromB.failed + fromA.uncertain + fromB.uncertain).toBe(0);
    for (const to of addresses) expect(receivedBy(to)).toBe(1);
    expect(smtp.received).toHaveLength(40);
    const rows = (await admin52.request('GET', '/api/outbox')).json<Message[]>();
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['sent']));
    await a.stop();
    await b.stop();
    if (second !== t.database) await second.close();
  });

  it('never lets another server resend a message whose sender outlived its claim', async () => {
    await queueMessage(t.database.db, { to: 'lambat@lombok.go.id', subject: 'Pesan lambat', body: 'Isi', provinceCode: '52' });
    const slow = smtp.state.hold();
    const a = sender(t.database.db, 'server-a', 1);
    const b = sender(t.database.db, 'server-b');
    const passA = a.deliverPending();
    await slow.arrived;
    // A is still in the SMTP conversation when its claim runs out.
    for (;;) {
      const result = await t.database.db.execute(sql`select claimed_until < now() as over from outbox where "to" = 'lambat@lombok.go.id'`);
      if ((result as { rows: { over: boolean }[] }).rows[0]!.over) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await b.deliverPending()).toEqual({ sent: 0, failed: 0, uncertain: 0 });
    expect(await outboxRow('lambat@lombok.go.id')).toMatchObject({ status: 'uncertain', sentAt: null, attempts: 1 });
    slow.release();
    // A was the sender: when SMTP accepts, it records the truth.
    expect(await passA).toEqual({ sent: 1, failed: 0, uncertain: 0 });
    expect(receivedBy('lambat@lombok.go.id')).toBe(1);
    expect(await outboxRow('lambat@lombok.go.id')).toMatchObject({ status: 'sent', error: null, attempts: 1 });
    await a.stop();
    await b.stop();
  });

  it('leaves a message uncertain, never resent, when recording it as sent fails after the SMTP accept; an admin decides', async () => {
    const to = 'kadis@lombok.go.id';
    await queueMessage(t.database.db, { to, subject: 'Undangan', body: 'Isi', provinceCode: '52' });
    // The database refuses to record delivery (as a full disk or a failing replica would).
    await t.database.db.execute(
      sql.raw(`create function refuse_sent() returns trigger language plpgsql as $$ begin
        if new.sent_at is not null and old.sent_at is null then raise exception 'could not extend file: No space left on device'; end if;
        return new; end $$`),
    );
    await t.database.db.execute(sql.raw('create trigger outbox_refuse_sent before update on outbox for each row execute function refuse_sent()'));
    const a = sender(t.database.db, 'server-a');
    expect(await a.deliverPending()).toEqual({ sent: 0, failed: 0, uncertain: 1 });
    await t.database.db.execute(sql.raw('drop trigger outbox_refuse_sent on outbox'));
    await t.database.db.execute(sql.raw('drop function refuse_sent'));
    expect(receivedBy(to)).toBe(1);
    const row = await outboxRow(to);
    expect(row).toMatchObject({ status: 'uncertain', sentAt: null, attempts: 1 });
    expect(row.error).toContain('SMTP accepted it but recording failed');

    // Neither this server nor another sends it again.
    const b = sender(t.database.db, 'server-b');
    expect(await a.deliverPending()).toEqual({ sent: 0, failed: 0, uncertain: 0 });
    expect(await b.deliverPending()).toEqual({ sent: 0, failed: 0, uncertain: 0 });
    expect(receivedBy(to)).toBe(1);

    // The admin of another province may not decide; this province's admin confirms it arrived.
    const admin18 = await signIn(t, (await makeUser(t, roles.provincialAdmin('18'))).email);
    expect((await admin18.request('POST', `/api/outbox/${row.id}/decision`, { decision: 'sent' })).statusCode).toBe(403);
    const decided = await admin52.request('POST', `/api/outbox/${row.id}/decision`, { decision: 'sent' });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'sent' });
    expect((await admin52.request('POST', `/api/outbox/${row.id}/decision`, { decision: 'resend' })).statusCode).toBe(409);
    const audit = (await listAudit(t.database.db, { entityType: 'message', entityId: row.id, limit: 10 })).map((e) => e.action);
    expect(audit).toEqual(['outbox.decide.sent', 'outbox.uncertain']);
    await a.stop();
    await b.stop();
  });
});

async function urlOf(database: Database): Promise<string> {
  const result = await database.db.execute(sql`select current_database() as name`);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${(result as { rows: { name: string }[] }).rows[0]!.name}`;
  return url.toString();
}

/**
 * The database goes away between the SMTP accept and the record: the
 * sender's connections are terminated and it cannot log in again. This needs
 * a server to cut connections from, so it runs on PostgreSQL.
 */
describe.each(drivers().filter((d) => d === 'postgres'))('the outbox when the database is lost mid-send on %s', (driver) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  let admin: pg.Client;
  let senderDb: Database;
  const role = `outbox_sender_${randomBytes(4).toString('hex')}`;
  const from = 'Paritrana Award <noreply@paritrana.example>';

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    t = await startTestApp(driver);
    const url = new URL(await urlOf(t.database));
    admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    await admin.query(`create role ${role} login`);
    await admin.query(`grant select, insert, update on all tables in schema public to ${role}`);
    await admin.query(`grant usage on all sequences in schema public to ${role}`);
    url.username = role;
    senderDb = await openDatabase({ url: url.toString(), poolSize: 2 });
  });
  afterAll(async () => {
    // The sender's pool lost its connections to a role that may no longer log in: its shutdown
    // is not what this file tests, and once in a while it waited past the hook's timeout on a
    // loaded machine. It gets ten seconds; the database is dropped with its connections below.
    await Promise.race([senderDb?.close(), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    await admin?.end();
    // Dropping the test database ends its connections; the role goes after it.
    await t?.close();
    const base = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await base.connect();
    await base.query(`drop role if exists ${role}`);
    await base.end();
    await smtp?.close();
  });

  it('leaves the message uncertain and never sends it again', async () => {
    const to = 'sekda@lombok.go.id';
    await queueMessage(t.database.db, { to, subject: 'Undangan', body: 'Isi', provinceCode: '52' });
    // Just before the SMTP server answers 250, the sender loses the database.
    smtp.state.onAccept = async () => {
      smtp.state.onAccept = null;
      await admin.query(`alter role ${role} nologin`);
      await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where usename = $1`, [role]);
    };
    const errors: unknown[] = [];
    const a = new OutboxSender(
      senderDb.db,
      smtpTransport({ transport: { host: '127.0.0.1', port: smtp.port, secure: false }, from, pollSeconds: 3600 }),
      from,
      (e) => errors.push(e),
      { instance: 'server-a', leaseSeconds: 1 },
    );
    expect(await a.deliverPending()).toEqual({ sent: 0, failed: 0, uncertain: 1 });
    expect(errors.length).toBe(2);
    expect(smtp.received.filter((m) => m.subject === 'Undangan')).toHaveLength(1);
    const { rows } = await admin.query<{ status: string; claimed_by: string }>(`select status, claimed_by from outbox where "to" = $1`, [to]);
    expect(rows).toEqual([{ status: 'sending', claimed_by: 'server-a' }]);

    // Another server, once the claim has run out, marks it uncertain and does not send it.
    for (;;) {
      const over = await admin.query<{ over: boolean }>(`select claimed_until < now() as over from outbox where "to" = $1`, [to]);
      if (over.rows[0]!.over) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const b = new OutboxSender(
      t.database.db,
      smtpTransport({ transport: { host: '127.0.0.1', port: smtp.port, secure: false }, from, pollSeconds: 3600 }),
      from,
      (e) => errors.push(e),
      { instance: 'server-b' },
    );
    expect(await b.deliverPending()).toEqual({ sent: 0, failed: 0, uncertain: 0 });
    const after = await admin.query<{ status: string; error: string }>(`select status, error from outbox where "to" = $1`, [to]);
    expect(after.rows).toEqual([{ status: 'uncertain', error: 'The sender stopped before recording the outcome: it may have been delivered' }]);
    expect(smtp.received.filter((m) => m.subject === 'Undangan')).toHaveLength(1);
    await b.stop();
    await admin.query(`alter role ${role} login`);
    await a.stop();
  });
});

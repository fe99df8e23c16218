import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { smtpPeer } from '../support/smtp.ts';
import { makeUser, roles, startTestApp, type TestApp } from '../support/app.ts';
import { finalisedPool, type FinalisedPool } from '../support/publication.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { publishResult } from '../../src/server/services/publication.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { listEditions, listMilestones, replaceMilestones } from '../../src/db/repositories/editions.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';
import { insertSubmission } from '../../src/db/repositories/submissions.ts';
import { upsertItem } from '../../src/db/repositories/verification.ts';
import { outbox, reminderKeys } from '../../src/db/schema/index.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { version } from '../../src/server/bootstrap.ts';
import { wibDay } from '../../src/server/notifications/reminders.ts';

const to = (kind: string) => async (db: Database['db']) => (await db.select().from(outbox).where(eq(outbox.kind, kind))).map((m) => m.to).sort();

describe.each(drivers())('notifications through a pool on %s', (driver) => {
  let t: TestApp;
  let f: FinalisedPool;
  const jurors: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(driver);
    await seedDemo(t.database.db);
    f = await finalisedPool(t.database.db);
    const rows = await t.database.db.execute(sql`select u.email from panel_members m join users u on u.id = m.user_id join pools p on p.panel_id = m.panel_id where p.id = ${f.poolId}`);
    for (const r of (rows as { rows: { email: string }[] }).rows) jurors.push(r.email);
  });
  afterAll(async () => t?.close());

  it('tells each juror of their assignment and of each stage that opens', async () => {
    expect(jurors).toHaveLength(3);
    expect(await to('pool.juror-assigned')(t.database.db)).toEqual([...jurors].sort());
    // Two stages (desk, interview), each opened once.
    expect(await to('stage.opened')(t.database.db)).toEqual([...jurors, ...jurors].sort());
  });

  it('sends the interview to the candidate, its province and the jurors who hear it', async () => {
    const rows = await t.database.db.select().from(outbox).where(eq(outbox.event, `candidate:${f.ids.get('52.03')}`));
    const interview = rows.filter((m) => m.kind === 'interview.scheduled');
    expect(interview.map((m) => m.to).sort()).toEqual([...jurors, 'lotim@paritrana.demo', 'ntb@paritrana.demo', f.provincial.email].sort());
    const toCandidate = interview.find((m) => m.to === 'lotim@paritrana.demo')!;
    expect(toCandidate.body).toContain('Hari/tanggal: Senin, 14 Juli 2025');
    expect(toCandidate.body).toContain('Waktu: 09.00 WIB');
    expect(toCandidate.body).toContain('Tempat/tautan: Hotel Premier Park, Mataram');
    expect(toCandidate.body).toContain('Yang hadir: Kepala daerah');
  });

  it('tells the committee the result is final and the winner that it advances', async () => {
    expect(await to('result.finalised')(t.database.db)).toEqual(['ntb@paritrana.demo', f.provincial.email].sort());
    const advanced = await t.database.db.select().from(outbox).where(eq(outbox.kind, 'candidate.advanced'));
    expect(advanced.map((m) => m.to).sort()).toEqual(['lotim@paritrana.demo', 'ntb@paritrana.demo', f.provincial.email].sort());
    expect(advanced[0]!.subject).toMatch(/^Kandidat Melaju ke Tingkat Nasional: Kabupaten Lombok Timur$/);
  });

  it('announces to each candidate its own rank and score, and sends the certificate with its check link', async () => {
    const lobarUser = await makeUser(t, roles.candidate(f.ids.get('52.01')!));
    await publishResult({ db: t.database.db, actor: f.national }, f.poolId);
    const announced = await t.database.db.select().from(outbox).where(eq(outbox.kind, 'result.announced'));
    const lotim = announced.find((m) => m.to === 'lotim@paritrana.demo')!;
    const lobar = announced.find((m) => m.to === lobarUser.email)!;
    expect(lotim.body).toMatch(/Kabupaten Lombok Timur memperoleh peringkat 1 dengan nilai akhir \d+,\d\d\./);
    expect(lobar.body).toMatch(/Kabupaten Lombok Barat memperoleh peringkat 2 dengan nilai akhir \d+,\d\d\./);
    expect(lotim.body).not.toContain('Lombok Barat');
    const certificates = await t.database.db.select().from(outbox).where(eq(outbox.kind, 'certificate.issued'));
    const own = certificates.find((m) => m.to === 'lotim@paritrana.demo')!;
    const code = /nomor (\S+)\./.exec(own.body)![1]!;
    expect(own.body).toContain(`/verifikasi/${code}`);
    expect(own.link).toMatch(new RegExp(`/verifikasi/${code}$`));
  });
});

describe.each(drivers())('reminders with two app servers on %s', (driver) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof smtpPeer>>;

  beforeAll(async () => {
    smtp = await smtpPeer();
    t = await startTestApp(driver);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('queues and sends exactly one reminder per offset, however often both servers sweep', async () => {
    const db = t.database.db;
    await seedDemo(db);
    const editionId = (await listEditions(db))[0]!.id;
    const candidates = await listCandidates(db, editionId, { all: true });
    const bontang = candidates.find((c) => c.name === 'Kota Bontang')!;
    const user = await makeUser(t, roles.candidate(bontang.id));
    const admin = await makeUser(t, roles.nationalAdmin());
    const deadline = wibDay(new Date(Date.now() + 3 * 86_400_000));
    // Bontang was asked for a revision due in three days (factory: asking is tested in notifications.test.ts).
    await insertSubmission(db, { candidateId: bontang.id, status: 'reopened', version: 2, answers: { kind: 'pemda' } });
    await upsertItem(db, { candidateId: bontang.id, itemKey: 'coverage', status: 'revision', comment: 'Lengkapi', deadline, decidedBy: admin.id });
    // No self-assessment reminders for the others: registration closes long after the largest offset.
    const milestones = (await listMilestones(db, editionId)).map(({ kind, startsOn, endsOn, place }) => ({ kind, startsOn, endsOn, place }));
    await replaceMilestones(db, editionId, milestones.map((m) => (m.kind === 'registration' ? { ...m, endsOn: '2099-12-31' } : m)));

    const second = driver === 'postgres' ? await openDatabase({ url: await urlOf(t.database), poolSize: 3 }) : t.database;
    const env = { LOG_LEVEL: 'silent', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false', MAIL_FROM: 'Panitia <noreply@paritrana.example>', MAIL_POLL_SECONDS: '3600', REMINDER_SWEEP_SECONDS: '86400' };
    const apps = await Promise.all(
      [t.database, second].map(async (database) => {
        const config = loadConfig({ ...env, PARITRANA_DATA_DIR: mkdtempSync(join(tmpdir(), 'paritrana-rem-')) });
        const app = await buildApp({ config, database, version }, { logger: false });
        await app.ready();
        return app;
      }),
    );
    try {
      const now = Date.now();
      // Three days before, and again the next day (one day left): both servers sweep at once, three times each.
      for (const at of [now, now, now + 86_400_000 + 3_600_000, now + 2 * 86_400_000]) {
        await Promise.all(apps.flatMap((app) => [app.reminders.sweep(new Date(at)), app.reminders.sweep(new Date(at))]));
      }
      const keys = await db.select().from(reminderKeys).where(eq(reminderKeys.userId, user.id));
      expect(keys.map((k) => k.offsetDays).sort()).toEqual([1, 3]);
      await Promise.all(apps.map((app) => app.mailer!.deliverPending()));
      await Promise.all(apps.map((app) => app.mailer!.deliverPending()));
      const got = smtp.subjectsTo(user.email);
      expect(got.sort()).toEqual(['Pengingat: Batas Waktu Perbaikan 1 Hari Lagi', 'Pengingat: Batas Waktu Perbaikan 3 Hari Lagi']);
      const rows = (await db.select().from(outbox).where(eq(outbox.kind, 'reminder.revision'))).filter((m) => m.to === user.email);
      expect(rows.map((r) => r.status)).toEqual(['sent', 'sent']);
    } finally {
      for (const app of apps) await app.close();
      if (second !== t.database) await second.close();
    }
  });
});

async function urlOf(database: Database): Promise<string> {
  const result = await database.db.execute(sql`select current_database() as name`);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${(result as { rows: { name: string }[] }).rows[0]!.name}`;
  return url.toString();
}

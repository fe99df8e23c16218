import { pairKey } from '../../domain/panels/conflicts.ts';
import type { Db } from '../../db/client.ts';
import type { CandidateRow } from '../../db/repositories/candidates.ts';
import * as repo from '../../db/repositories/notifications.ts';
import * as pools from '../../db/repositories/pools.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import { formatDate } from '../../shared/i18n/format.ts';
import { conflictedPairs } from '../services/pools.ts';
import { loadPool } from '../services/pool-context.ts';
import { candidateDeadline } from '../services/calendars.ts';
import { notifyAboutCandidate, notifyAboutPool } from './events.ts';
import { dateFact } from './facts.ts';
import { notify } from './notify.ts';
import { markingDeadline } from './pool-events.ts';

const system = { id: null, label: 'reminders' };
const dayMs = 86_400_000;

/** Today's date in WIB (UTC+7), where the award's deadlines are. */
export const wibDay = (now: Date) => new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);

/**
 * The offset a deadline is due for today: the smallest configured offset not
 * below the days left (e.g. 5 days left with offsets 7, 3, 1 → the 7-day
 * reminder, if it was not given), or null when the deadline is further away
 * than the largest offset or has passed.
 */
export function dueOffset(today: string, deadline: string, offsets: number[]): number | null {
  const left = daysBetween(today, deadline);
  if (left < 0) return null;
  const fitting = offsets.filter((o) => o >= left);
  return fitting.length > 0 ? Math.min(...fitting) : null;
}

export type SweepCount = { reminders: number; digests: number };

/**
 * One reminder to one person, once: the key (recipient, subject, deadline,
 * offset) is inserted in the transaction that writes the reminder, so a
 * second sweep, on this server or another, finds it and writes nothing.
 */
async function remindOnce(db: Db, key: { userId: string; subject: string; deadline: string; offsetDays: number }, write: (tx: Db) => Promise<unknown>): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await repo.claimReminder(tx, key))) return false;
    await write(tx);
    await appendAudit(tx, system, { action: 'notification.reminder', entityType: 'user', entityId: key.userId, after: key });
    return true;
  });
}

async function candidateUsers(db: Db, candidate: CandidateRow) {
  return repo.usersWithRole(db, ['candidate'], { candidateId: candidate.id });
}

/**
 * Reminders before each deadline to those who have not acted: the
 * self-assessment (the candidate's effective deadline) to candidates that have not
 * submitted, a revision to candidates that have not sent it, marking (the
 * level's interview milestone) to jurors with sheets still open.
 */
export async function sweepReminders(db: Db, now: Date, offsets: number[]): Promise<number> {
  const today = wibDay(now);
  let given = 0;
  for (const candidate of await repo.unsubmittedCandidates(db)) {
    // The candidate's own deadline: its extension, else its province's, else the national one.
    const { deadline } = await candidateDeadline(db, candidate);
    const offset = deadline ? dueOffset(today, deadline, offsets) : null;
    if (!deadline || offset === null) continue;
    const days = String(daysBetween(today, deadline));
    for (const user of await candidateUsers(db, candidate)) {
      const key = { userId: user.id, subject: `self-assessment:${candidate.id}`, deadline, offsetDays: offset };
      if (await remindOnce(db, key, (tx) => notifyAboutCandidate(tx, candidate, 'reminder.self-assessment', [], { deadline: dateFact(deadline), days }, { users: [user.id] }))) given += 1;
    }
  }
  for (const { candidate, deadline } of await repo.pendingRevisions(db)) {
    const offset = dueOffset(today, deadline, offsets);
    if (offset === null) continue;
    const days = String(daysBetween(today, deadline));
    for (const user of await candidateUsers(db, candidate)) {
      const key = { userId: user.id, subject: `revision:${candidate.id}`, deadline, offsetDays: offset };
      if (await remindOnce(db, key, (tx) => notifyAboutCandidate(tx, candidate, 'reminder.revision', [], { deadline: dateFact(deadline), days }, { users: [user.id] }))) given += 1;
    }
  }
  for (const row of await repo.poolsInMarking(db)) {
    const ctx = await loadPool(db, row.id);
    const deadline = await markingDeadline(db, ctx);
    const offset = deadline ? dueOffset(today, deadline, offsets) : null;
    if (!deadline || offset === null) continue;
    const ids = (await pools.candidatesOfPool(db, ctx.pool)).map((c) => c.id);
    const conflicted = await conflictedPairs(db, ids);
    const sheets = await pools.sheetsOf(db, ctx.pool.id);
    const assignments = (await pools.assignmentsOf(db, ctx.pool.id)).filter((a) => ids.includes(a.candidateId) && !conflicted.has(pairKey(a.userId, a.candidateId)));
    for (const [stageId, state] of Object.entries(ctx.pool.stages)) {
      if (state !== 'open') continue;
      const open = new Map<string, number>();
      for (const a of assignments) {
        if (!sheets.some((s) => s.userId === a.userId && s.candidateId === a.candidateId && s.stageId === stageId)) open.set(a.userId, (open.get(a.userId) ?? 0) + 1);
      }
      const stage = ctx.setup.instrument.stages.find((s) => s.id === stageId);
      for (const [userId, count] of open) {
        const key = { userId, subject: `marking:${ctx.pool.id}:${stageId}`, deadline, offsetDays: offset };
        const facts = { stage: stage ? stage.label : stageId, deadline: dateFact(deadline), days: String(daysBetween(today, deadline)), open: String(count) };
        if (await remindOnce(db, key, (tx) => notifyAboutPool(tx, ctx, 'reminder.marking', { users: [userId] }, facts, '/penilaian'))) given += 1;
      }
    }
  }
  return given;
}

/**
 * The daily digest, once per day (WIB) per subscriber: yesterday's
 * notifications in one e-mail, sent on the first sweep of the day. The key
 * (user, day) is written in the same transaction.
 */
export async function sendDigests(db: Db, now: Date): Promise<number> {
  const today = wibDay(now);
  const yesterday = wibDay(new Date(now.getTime() - dayMs));
  const from = new Date(Date.parse(`${yesterday}T00:00:00+07:00`));
  const to = new Date(Date.parse(`${today}T00:00:00+07:00`));
  let sent = 0;
  for (const user of await repo.digestSubscribers(db)) {
    const wrote = await db.transaction(async (tx) => {
      if (!(await repo.claimDigest(tx, user.id, today))) return false;
      const items = (await repo.notificationsBetween(tx, user.id, from, to)).filter((n) => !n.kind.startsWith('digest.'));
      if (items.length > 0) {
        await notify(tx, {
          kind: 'digest.daily',
          to: [{ users: [user.id] }],
          facts: { day: { id: formatDate(yesterday, 'id'), en: formatDate(yesterday, 'en') }, count: String(items.length), items: items.map((n) => `- ${n.subject}`).join('\n') },
          link: '/notifikasi',
          event: `digest:${yesterday}`,
          provinceCode: null,
          forceEmail: true,
        });
      }
      await appendAudit(tx, system, { action: 'notification.digest', entityType: 'user', entityId: user.id, after: { day: yesterday, items: items.length } });
      return true;
    });
    if (wrote) sent += 1;
  }
  return sent;
}

/**
 * Runs the sweep in every app server, now and then (no external cron): what
 * is due is written once across servers and restarts, by the unique keys.
 * One sweep at a time per server.
 */
export class ReminderSweeper {
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly offsets: number[],
    private readonly onError: (error: unknown) => void,
    private readonly afterSweep: (count: SweepCount) => void = () => {},
  ) {}

  sweep(now = new Date()): Promise<SweepCount> {
    const run = this.chain.then(async () => {
      const count = { reminders: await sweepReminders(this.db, now, this.offsets), digests: await sendDigests(this.db, now) };
      if (count.reminders + count.digests > 0) this.afterSweep(count);
      return count;
    });
    this.chain = run.catch(this.onError);
    return run;
  }

  start(everySeconds: number): void {
    this.timer = setInterval(() => void this.sweep().catch(this.onError), everySeconds * 1000);
    this.timer.unref();
    void this.sweep().catch(this.onError);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.chain;
  }
}

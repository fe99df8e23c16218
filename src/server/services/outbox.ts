import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import nodemailer from 'nodemailer';
import { AppError, forbidden, notFound } from '../../domain/errors.ts';
import type { Db } from '../../db/client.ts';
import * as messages from '../../db/repositories/messages.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { OutboxMessage } from '../../shared/contracts/index.ts';
import type { SmtpConfig } from '../config.ts';
import { auditActor, isNationalAdmin, provincesAs } from '../policies/actor.ts';
import type { ServiceContext } from './context.ts';
import { outboxText } from '../secret-links.ts';

/** What the sender needs of a mail transport (nodemailer's SMTP transport). */
export type MailTransport = {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
  close(): void;
};

const maxAttempts = 5;
const system = { id: null, label: 'outbox-sender' };

export const presentMessage = (m: messages.OutboxRow): OutboxMessage => ({
  id: m.id,
  to: m.to,
  subject: m.subject,
  body: outboxText(m.body, m.sentAt !== null || m.status === 'handed'),
  provinceCode: m.provinceCode,
  createdAt: m.createdAt.toISOString(),
  status: m.status,
  sentAt: m.sentAt?.toISOString() ?? null,
  error: m.error,
  attempts: m.attempts,
  kind: m.kind,
  event: m.event,
  link: m.link,
  handedAt: m.handedAt?.toISOString() ?? null,
});

/** The outbox as the admin may read it: everything nationally, a province's messages for its admins. */
export async function listMessages({ db, actor }: ServiceContext): Promise<OutboxMessage[]> {
  const scope = isNationalAdmin(actor) ? { all: true as const } : { provinceCodes: provincesAs(actor, 'provincial_admin') };
  return (await messages.listOutbox(db, scope)).map(presentMessage);
}

/** Did SMTP answer, or fail before the message was handed over? Then nothing was delivered. */
function notDelivered(error: unknown): boolean {
  const e = error as { responseCode?: number; command?: string };
  return typeof e.responseCode === 'number' || e.command === 'CONN';
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export type DeliveryCount = { sent: number; failed: number; uncertain: number };

/**
 * Delivers the outbox by SMTP, at most once per message across servers
 * (docs/jobs.md): takes one message at a time into `sending` under this
 * sender's name before talking to SMTP; records `sent` after the accept, or
 * queues it again when SMTP refused it (retried up to five times). When SMTP
 * may have accepted it but `sent` cannot be recorded, the message becomes
 * `uncertain` and is never sent again by itself: an admin decides. A message
 * left in `sending` by a sender that stopped becomes `uncertain` when its
 * claim runs out. Runs one pass at a time; a pass asked for while another
 * runs follows it.
 */
export class OutboxSender {
  readonly instance: string;
  private readonly leaseSeconds: number;
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly transport: MailTransport,
    private readonly from: string,
    private readonly onError: (error: unknown) => void,
    /** `leaseSeconds`: how long a send may take before the message counts as uncertain (default 10 minutes, SMTP's own time-outs). */
    options: { instance?: string; leaseSeconds?: number } = {},
  ) {
    this.instance = options.instance ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.leaseSeconds = options.leaseSeconds ?? 600;
  }

  deliverPending(): Promise<DeliveryCount> {
    const run = this.chain.then(() => this.pass());
    this.chain = run.catch(this.onError);
    return run;
  }

  /** Starts a pass in the background (after a message was queued). */
  kick(): void {
    this.deliverPending().catch(this.onError);
  }

  start(everySeconds: number): void {
    this.timer = setInterval(() => this.kick(), everySeconds * 1000);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.chain;
    this.transport.close();
  }

  private async pass(): Promise<DeliveryCount> {
    const count: DeliveryCount = { sent: 0, failed: 0, uncertain: 0 };
    await this.db.transaction(async (tx) => {
      for (const row of await messages.expireSending(tx, 'The sender stopped before recording the outcome: it may have been delivered')) {
        await appendAudit(tx, system, { action: 'outbox.uncertain', entityType: 'message', entityId: row.id, after: { to: row.to, claimedBy: row.claimedBy, error: row.error } });
      }
    });
    for (;;) {
      const message = await messages.claimNext(this.db, { instance: this.instance, leaseSeconds: this.leaseSeconds, maxAttempts });
      if (!message) return count;
      try {
        await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.body });
      } catch (error) {
        const refused = notDelivered(error);
        await this.db.transaction(async (tx) => {
          const row = refused
            ? await messages.markRefused(tx, message.id, this.instance, errorText(error), 5 * message.attempts)
            : await messages.markUncertain(tx, message.id, this.instance, `SMTP failed mid-send, it may have been delivered: ${errorText(error)}`);
          if (!row) return;
          await appendAudit(tx, system, {
            action: refused ? 'outbox.failed' : 'outbox.uncertain',
            entityType: 'message',
            entityId: row.id,
            after: { to: row.to, error: row.error, attempts: row.attempts },
          });
        });
        if (refused) count.failed += 1;
        else count.uncertain += 1;
        continue;
      }
      try {
        await this.db.transaction(async (tx) => {
          const row = await messages.markSent(tx, message.id, this.instance);
          if (!row) throw new Error('the message is no longer this sender’s');
          await appendAudit(tx, system, { action: 'outbox.sent', entityType: 'message', entityId: row.id, after: { to: row.to, sentAt: row.sentAt } });
        });
        count.sent += 1;
      } catch (recording) {
        count.uncertain += 1;
        this.onError(recording);
        // SMTP accepted it: whatever happens now, it is never sent again by itself.
        try {
          await this.db.transaction(async (tx) => {
            const row = await messages.markUncertain(tx, message.id, this.instance, `SMTP accepted it but recording failed: ${errorText(recording)}`);
            if (row) await appendAudit(tx, system, { action: 'outbox.uncertain', entityType: 'message', entityId: row.id, after: { to: row.to, error: row.error } });
          });
        } catch (lost) {
          // The database is gone: the message stays `sending` and becomes uncertain when its
          // claim runs out. This pass ends; the next one starts when the database answers again.
          this.onError(lost);
          return count;
        }
      }
    }
  }
}

/** An admin's decision on a message whose delivery is uncertain: it arrived (sent), or send it again. */
export async function decideUncertainMessage({ db, actor }: ServiceContext, id: string, decision: 'sent' | 'resend'): Promise<OutboxMessage> {
  return db.transaction(async (tx) => {
    const before = await messages.findMessage(tx, id);
    if (!before) throw notFound('message');
    const allowed = isNationalAdmin(actor) || (before.provinceCode != null && provincesAs(actor, 'provincial_admin').includes(before.provinceCode));
    if (!allowed) throw forbidden('Only the admins of the message’s province decide on it');
    if (before.status !== 'uncertain') throw new AppError('CONFLICT', `The message is ${before.status}, not uncertain`);
    const after = (await messages.decideUncertain(tx, id, decision))!;
    await appendAudit(tx, auditActor(actor), { action: `outbox.decide.${decision}`, entityType: 'message', entityId: id, before, after });
    return presentMessage(after);
  });
}

/** Without a mail server an admin passed a queued message on by hand (copied its link to the person): audited. */
export async function markMessageHanded({ db, actor }: ServiceContext, id: string): Promise<OutboxMessage> {
  return db.transaction(async (tx) => {
    const before = await messages.findMessage(tx, id);
    if (!before) throw notFound('message');
    const allowed = isNationalAdmin(actor) || (before.provinceCode != null && provincesAs(actor, 'provincial_admin').includes(before.provinceCode));
    if (!allowed) throw forbidden('Only the admins of the message’s province pass it on');
    if (before.status !== 'queued' && before.status !== 'uncertain') throw new AppError('CONFLICT', `The message is ${before.status}: only a queued or uncertain message is passed on by hand`);
    const after = (await messages.markHanded(tx, id, actor!.id))!;
    await appendAudit(tx, auditActor(actor), { action: 'outbox.handed', entityType: 'message', entityId: id, before: { status: before.status }, after: { status: after.status, handedAt: after.handedAt, to: after.to } });
    return presentMessage(after);
  });
}

export function smtpTransport(smtp: SmtpConfig): MailTransport {
  return nodemailer.createTransport(smtp.transport);
}

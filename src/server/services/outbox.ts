import nodemailer from 'nodemailer';
import type { Db } from '../../db/client.ts';
import * as messages from '../../db/repositories/messages.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { OutboxMessage } from '../../shared/contracts/index.ts';
import type { SmtpConfig } from '../config.ts';
import { isNationalAdmin, provincesAs } from '../policies/actor.ts';
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
  body: outboxText(m.body, m.sentAt !== null),
  provinceCode: m.provinceCode,
  createdAt: m.createdAt.toISOString(),
  sentAt: m.sentAt?.toISOString() ?? null,
  error: m.error,
  attempts: m.attempts,
});

/** The outbox as the admin may read it: everything nationally, a province's messages for its admins. */
export async function listMessages({ db, actor }: ServiceContext): Promise<OutboxMessage[]> {
  const scope = isNationalAdmin(actor) ? { all: true as const } : { provinceCodes: provincesAs(actor, 'provincial_admin') };
  return (await messages.listOutbox(db, scope)).map(presentMessage);
}

/**
 * Delivers the outbox by SMTP: claims unsent messages, sends each, and
 * records `sentAt` or the error (retried up to five times). Runs one pass at
 * a time; a pass asked for while another runs follows it.
 */
export class OutboxSender {
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly transport: MailTransport,
    private readonly from: string,
    private readonly onError: (error: unknown) => void,
  ) {}

  deliverPending(): Promise<{ sent: number; failed: number }> {
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

  private async pass(): Promise<{ sent: number; failed: number }> {
    let sent = 0;
    let failed = 0;
    for (;;) {
      const batch = await messages.claimPending(this.db, { limit: 20, maxAttempts, claimMinutes: 5 });
      if (batch.length === 0) return { sent, failed };
      for (const message of batch) {
        try {
          await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.body });
          await this.db.transaction(async (tx) => {
            const row = await messages.markSent(tx, message.id);
            await appendAudit(tx, system, { action: 'outbox.sent', entityType: 'message', entityId: row.id, after: { to: row.to, sentAt: row.sentAt } });
          });
          sent += 1;
        } catch (error) {
          const text = error instanceof Error ? error.message : String(error);
          await this.db.transaction(async (tx) => {
            const row = await messages.markFailed(tx, message.id, text, 5 * message.attempts);
            await appendAudit(tx, system, { action: 'outbox.failed', entityType: 'message', entityId: row.id, after: { to: row.to, error: row.error, attempts: row.attempts } });
          });
          failed += 1;
        }
      }
    }
  }
}

export function smtpTransport(smtp: SmtpConfig): MailTransport {
  return nodemailer.createTransport(smtp.transport);
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { smtpPeer } from '../support/smtp.ts';
import { signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { listEditions } from '../../src/db/repositories/editions.ts';
import { listCandidates } from '../../src/db/repositories/candidates.ts';
import { listAudit } from '../../src/db/repositories/audit.ts';

type Message = { to: string; subject: string; sentAt: string | null; error: string | null; attempts: number };

describe.each(drivers())('the outbox delivered by SMTP on %s', (driver) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof smtpPeer>>;
  let admin52: Client;
  let candidateIds: string[];

  beforeAll(async () => {
    smtp = await smtpPeer({ credentials: { user: 'paritrana', pass: 'rahasia-smtp' }, refuseDomain: '@tidak-ada.go.id' });
    t = await startTestApp(driver, {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_USER: 'paritrana',
      SMTP_PASS: 'rahasia-smtp',
      MAIL_FROM: 'Paritrana Award <noreply@paritrana.example>',
      MAIL_POLL_SECONDS: '3600',
      PUBLIC_URL: 'https://paritrana.example',
    });
    await seedDemo(t.database.db);
    const editionId = (await listEditions(t.database.db))[0]!.id;
    candidateIds = (await listCandidates(t.database.db, editionId, { provinceCodes: ['52'], candidateIds: [] })).map((c) => c.id);
    admin52 = await signIn(t, 'ntb@paritrana.demo', 'paritrana-demo-2025');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('sends a queued invitation and records when', async () => {
    const res = await admin52.request('POST', `/api/candidates/${candidateIds[0]}/invitations`, { email: 'operator@lomboktimurkab.go.id' });
    expect(res.statusCode).toBe(201);
    await t.app.mailer!.deliverPending();
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.from?.text).toBe('"Paritrana Award" <noreply@paritrana.example>');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('operator@lomboktimurkab.go.id');
    expect(mail.subject).toMatch(/^Undangan Paritrana Award: /);
    expect(mail.text).toMatch(/https:\/\/paritrana\.example\/undangan\/[\w-]{20,}/);
    const [message] = (await admin52.request('GET', '/api/outbox')).json<Message[]>();
    expect(message).toMatchObject({ to: 'operator@lomboktimurkab.go.id', error: null, attempts: 1 });
    expect(message!.sentAt).not.toBeNull();
    // Sent once: a later pass finds nothing to send.
    expect(await t.app.mailer!.deliverPending()).toEqual({ sent: 0, failed: 0, uncertain: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('keeps a refused message in the outbox with the server’s answer, audited', async () => {
    await admin52.request('POST', `/api/candidates/${candidateIds[1]}/invitations`, { email: 'siapa@tidak-ada.go.id' });
    // The invitation started a pass in the background; this one follows it.
    await t.app.mailer!.deliverPending();
    const message = (await admin52.request('GET', '/api/outbox')).json<Message[]>().find((m) => m.to === 'siapa@tidak-ada.go.id')!;
    expect(message).toMatchObject({ sentAt: null, attempts: 1 });
    expect(message.error).toContain('550');
    // Not retried at once: the next attempt waits.
    expect(await t.app.mailer!.deliverPending()).toEqual({ sent: 0, failed: 0, uncertain: 0 });
    expect(smtp.received).toHaveLength(1);
    const audit = await listAudit(t.database.db, { entityType: 'message', limit: 10 });
    expect(audit.map((a) => a.action)).toEqual(['outbox.failed', 'outbox.sent']);
  });
});

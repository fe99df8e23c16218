import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export type SmtpPeerOptions = {
  /** Accept a log-in only with these credentials (any other is refused). */
  credentials?: { user: string; pass: string };
  /** Refuse every recipient whose address ends with this (550, mailbox unavailable). */
  refuseDomain?: string;
};

/** A real SMTP server on a free port: what the app delivers, by recipient. */
export async function smtpPeer(options: SmtpPeerOptions = {}) {
  const received: ParsedMail[] = [];
  const { credentials, refuseDomain } = options;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onAuth(auth, _session, callback) {
      if (credentials && auth.username === credentials.user && auth.password === credentials.pass) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      if (refuseDomain && address.address.endsWith(refuseDomain)) callback(Object.assign(new Error('550 mailbox unavailable'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const recipient = (m: ParsedMail) => (m.to && !Array.isArray(m.to) ? m.to.text : '');
  return {
    port,
    /** Every message accepted, in order. */
    received,
    subjectsTo: (to: string) => received.filter((m) => recipient(m) === to).map((m) => m.subject ?? ''),
    mailTo: (to: string, subject: RegExp) => received.find((m) => recipient(m) === to && subject.test(m.subject ?? '')),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

/** A real SMTP server: what the app delivers, by recipient. */
export async function smtpPeer() {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
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
    subjectsTo: (to: string) => received.filter((m) => recipient(m) === to).map((m) => m.subject ?? ''),
    mailTo: (to: string, subject: RegExp) => received.find((m) => recipient(m) === to && subject.test(m.subject ?? '')),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

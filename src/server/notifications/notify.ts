import type { Db } from '../../db/client.ts';
import * as repo from '../../db/repositories/notifications.ts';
import { queueMessage } from '../../db/repositories/messages.ts';
import type { outbox } from '../../db/schema/index.ts';
import { factsOf, render, templates, type Locale, type NotificationKind, type TemplateText } from './templates.ts';
import { inTurn } from '../../db/in-turn.ts';

export type Fact = string | { id: string; en: string };
export type Facts = Record<string, Fact>;
const factsIn = (facts: Facts, locale: Locale): Record<string, string> =>
  Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, typeof v === 'string' ? v : v[locale]]));

/** Who receives a notification; each selector resolves to active accounts. */
export type RecipientSelector =
  | { candidate: string }
  | { province: string; roles: ('provincial_admin' | 'verifier')[] }
  | { national: true }
  | { jurors: string[] }
  | { users: string[] };

export type NotificationEvent = {
  kind: NotificationKind;
  to: RecipientSelector[];
  /** The facts the template fills in, formatted for people; per language where they differ. */
  facts: Facts;
  /** The page to act on, an app path such as `/candidates/<id>`. */
  link: string;
  /** The thing the event happened to: `candidate:<id>`, `pool:<id>`. */
  event: string;
  /** The province the message is about (its provincial admins see it in the outbox). */
  provinceCode: string | null;
  /** Users never to notify (e.g. the person who acted). */
  except?: string[];
  /** E-mail whatever the preferences (the digest itself). */
  forceEmail?: boolean;
};

/** Where e-mailed links point (the configured public address); set when the app is built. */
let publicBase = 'http://localhost:3000';
export function configureNotifications(options: { baseUrl: string }): void {
  publicBase = options.baseUrl.replace(/\/$/, '');
}
export const absoluteLink = (path: string) => (/^https?:\/\//.test(path) ? path : `${publicBase}${path}`);

async function resolve(db: Db, selectors: RecipientSelector[]): Promise<repo.Recipient[]> {
  const found = new Map<string, repo.Recipient>();
  for (const s of selectors) {
    const rows =
      'candidate' in s
        ? await repo.usersWithRole(db, ['candidate'], { candidateId: s.candidate })
        : 'province' in s
          ? await repo.usersWithRole(db, s.roles, { provinceCode: s.province })
          : 'national' in s
            ? await repo.usersWithRole(db, ['national_admin'])
            : await repo.usersById(db, 'jurors' in s ? s.jurors : s.users);
    for (const r of rows) found.set(r.id, r);
  }
  return [...found.values()];
}

const localeOf = (locale: string): Locale => (locale === 'en' ? 'en' : 'id');

/** The template in force for a kind and language: the edited one, else the default. */
export async function templateText(db: Db, kind: NotificationKind, locale: Locale): Promise<TemplateText> {
  const stored = await repo.storedTemplate(db, kind, locale);
  return stored ? { subject: stored.subject, body: stored.body } : templates[kind][locale];
}

/**
 * Records the event for every recipient, in the caller's transaction: an
 * in-app notification and, unless the recipient turned that kind of e-mail
 * off (only non-essential kinds may be), an e-mail in the outbox naming its
 * kind, recipient, event and link, in the recipient's language.
 * Answers the notifications written.
 */
export async function notify(tx: Db, event: NotificationEvent): Promise<repo.NotificationRow[]> {
  const except = new Set(event.except ?? []);
  const recipients = (await resolve(tx, event.to)).filter((r) => !except.has(r.id));
  if (recipients.length === 0) return [];
  const preferences = await repo.preferencesOf(tx, recipients.map((r) => r.id));
  const essential = templates[event.kind].essential;
  const link = absoluteLink(event.link);
  const written: repo.NotificationRow[] = [];
  const texts = new Map<Locale, TemplateText>();
  for (const r of recipients) {
    const locale = localeOf(r.locale);
    if (!texts.has(locale)) texts.set(locale, await templateText(tx, event.kind, locale));
    const facts = { ...Object.fromEntries(Object.keys(factsOf(event.kind)).map((k) => [k, '—'])), ...factsIn(event.facts, locale), recipient: r.name, link };
    const text = render(texts.get(locale)!, facts);
    const pref = preferences.get(r.id);
    const mail = essential || event.forceEmail === true || (pref ? pref.reminderEmails && !pref.dailyDigest : true);
    const message = mail
      ? await queueMessage(tx, { to: r.email, subject: text.subject, body: text.body, provinceCode: event.provinceCode, kind: event.kind, event: event.event, userId: r.id, link })
      : null;
    written.push(
      await repo.insertNotification(tx, {
        userId: r.id,
        kind: event.kind,
        event: event.event,
        subject: text.subject,
        body: text.body,
        link: event.link,
        outboxId: message?.id ?? null,
      }),
    );
  }
  return written;
}

/**
 * Queues one e-mail to an address without an account (an invitation), with
 * its kind and event. Its reader's language is not known: the letter is
 * written in Indonesian, then in English below it, each from its template.
 * Its link carries a secret, so it stays in the body only (hidden there once
 * delivered, src/server/secret-links.ts), never in the outbox's link column.
 */
export async function notifyAddressInBothLanguages(
  tx: Db,
  input: { to: string; kind: NotificationKind; facts: Facts; link: string; event: string; provinceCode: string | null },
): Promise<typeof outbox.$inferSelect> {
  const link = absoluteLink(input.link);
  const recipient = { id: 'Bapak/Ibu', en: 'Sir or Madam' };
  const inLocale = async (locale: 'id' | 'en') => render(await templateText(tx, input.kind, locale), { ...factsIn(input.facts, locale), recipient: recipient[locale], link });
  const [id, en] = await inTurn(
    () => inLocale('id'),
    () => inLocale('en'),
  );
  return queueMessage(tx, { to: input.to, subject: id.subject, body: `${id.body}\n\n— English —\n\n${en.body}`, provinceCode: input.provinceCode, kind: input.kind, event: input.event, userId: null });
}

/** Queues one e-mail to an address without an account (an invitation), with its kind and event. */
export async function notifyAddress(
  tx: Db,
  input: { to: string; locale: Locale; kind: NotificationKind; facts: Facts; link: string; event: string; provinceCode: string | null },
): Promise<typeof outbox.$inferSelect> {
  const link = absoluteLink(input.link);
  const text = render(await templateText(tx, input.kind, input.locale), { ...factsIn(input.facts, input.locale), link });
  return queueMessage(tx, { to: input.to, subject: text.subject, body: text.body, provinceCode: input.provinceCode, kind: input.kind, event: input.event, userId: null, link });
}

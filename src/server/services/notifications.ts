import { AppError, notFound } from '../../domain/errors.ts';
import * as repo from '../../db/repositories/notifications.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { NotificationItem, NotificationList, NotificationPreferences, NotificationTemplate } from '../../shared/contracts/index.ts';
import { auditActor, hasRole } from '../policies/actor.ts';
import { checkTemplate, factsOf, isKind, notificationKinds, render, templates, type Locale, type TemplateText } from '../notifications/templates.ts';
import type { ServiceContext } from './context.ts';

const present = (n: repo.NotificationRow): NotificationItem => ({
  id: n.id,
  kind: n.kind,
  event: n.event,
  subject: n.subject,
  body: n.body,
  link: n.link,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
  emailed: n.outboxId !== null,
});

/** The signed-in user's own notifications, newest first, with the unread count. */
export async function myNotifications({ db, actor }: ServiceContext): Promise<NotificationList> {
  const [items, unread] = [await repo.listNotifications(db, actor!.id), await repo.unreadCount(db, actor!.id)];
  return { unread, items: items.map(present) };
}

/** Marks one of the user's own notifications read (another's is not found). */
export async function readNotification({ db, actor }: ServiceContext, id: string): Promise<NotificationItem> {
  return db.transaction(async (tx) => {
    const row = await repo.markRead(tx, actor!.id, id);
    if (!row) throw notFound('notification');
    await appendAudit(tx, auditActor(actor), { action: 'notification.read', entityType: 'notification', entityId: id, after: { readAt: row.readAt } });
    return present(row);
  });
}

export async function readAllNotifications({ db, actor }: ServiceContext): Promise<{ marked: number }> {
  return db.transaction(async (tx) => {
    const marked = await repo.markAllRead(tx, actor!.id);
    await appendAudit(tx, auditActor(actor), { action: 'notification.read-all', entityType: 'user', entityId: actor!.id, after: { marked } });
    return { marked };
  });
}

export async function myPreferences({ db, actor }: ServiceContext): Promise<NotificationPreferences> {
  const row = (await repo.preferencesOf(db, [actor!.id])).get(actor!.id);
  return { reminderEmails: row?.reminderEmails ?? true, dailyDigest: row?.dailyDigest ?? false };
}

/** Only committee roles (not candidates) may take the daily digest. */
export async function savePreferences({ db, actor }: ServiceContext, input: NotificationPreferences): Promise<NotificationPreferences> {
  const committee = actor!.roles.some((r) => r.role !== 'candidate');
  if (input.dailyDigest && !committee) {
    throw new AppError('VALIDATION_FAILED', 'The daily digest is for committee accounts', [{ path: 'dailyDigest', message: 'committee accounts only' }]);
  }
  return db.transaction(async (tx) => {
    const before = (await repo.preferencesOf(tx, [actor!.id])).get(actor!.id) ?? null;
    const row = await repo.savePreferences(tx, actor!.id, input);
    await appendAudit(tx, auditActor(actor), { action: 'notification.preferences', entityType: 'user', entityId: actor!.id, before, after: input });
    return { reminderEmails: row.reminderEmails, dailyDigest: row.dailyDigest };
  });
}

/** Every template with its text in force per language, its default and the facts it may use. */
export async function listTemplates({ db }: ServiceContext): Promise<NotificationTemplate[]> {
  const stored = await repo.storedTemplates(db);
  const find = (kind: string, locale: Locale) => stored.find((s) => s.kind === kind && s.locale === locale);
  return notificationKinds.map((kind) => {
    const def = templates[kind];
    const side = (locale: Locale) => {
      const s = find(kind, locale);
      return s ? { subject: s.subject, body: s.body, edited: true, updatedAt: s.updatedAt.toISOString() } : { ...def[locale], edited: false, updatedAt: null };
    };
    return { kind, essential: def.essential, facts: factsOf(kind), id: side('id'), en: side('en'), defaults: { id: def.id, en: def.en } };
  });
}

function knownKind(kind: string) {
  if (!isKind(kind)) throw notFound('template');
  return kind;
}

function refuseBroken(kind: ReturnType<typeof knownKind>, text: TemplateText) {
  const problems = checkTemplate(kind, text);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', `The template cannot be saved: ${problems.map((p) => p.message).join('; ')}`, problems);
}

/** The national admin replaces a template's text in one language; a broken template is refused. */
export async function saveTemplate({ db, actor }: ServiceContext, kindName: string, locale: Locale, text: TemplateText): Promise<NotificationTemplate> {
  const kind = knownKind(kindName);
  refuseBroken(kind, text);
  await db.transaction(async (tx) => {
    const before = await repo.storedTemplate(tx, kind, locale);
    const after = await repo.saveTemplate(tx, { kind, locale, subject: text.subject, body: text.body, updatedBy: actor!.id });
    await appendAudit(tx, auditActor(actor), {
      action: 'notification.template.save',
      entityType: 'notification_template',
      entityId: `${kind}:${locale}`,
      before: before ? { subject: before.subject, body: before.body } : templates[kind][locale],
      after: { subject: after.subject, body: after.body },
    });
  });
  return (await listTemplates({ db, actor })).find((t) => t.kind === kind)!;
}

/** Back to the default text (audited). */
export async function resetTemplate({ db, actor }: ServiceContext, kindName: string, locale: Locale): Promise<NotificationTemplate> {
  const kind = knownKind(kindName);
  await db.transaction(async (tx) => {
    const before = await repo.deleteTemplate(tx, kind, locale);
    if (before) {
      await appendAudit(tx, auditActor(actor), { action: 'notification.template.reset', entityType: 'notification_template', entityId: `${kind}:${locale}`, before: { subject: before.subject, body: before.body } });
    }
  });
  return (await listTemplates({ db, actor })).find((t) => t.kind === kind)!;
}

/** A template's text filled with the sample facts (nothing is saved); a broken one is refused like on save. */
export function previewTemplate(kindName: string, text: TemplateText): TemplateText {
  const kind = knownKind(kindName);
  refuseBroken(kind, text);
  return render(text, factsOf(kind));
}

export const mayEditTemplates = (actor: Parameters<typeof hasRole>[0]) => hasRole(actor, 'national_admin');

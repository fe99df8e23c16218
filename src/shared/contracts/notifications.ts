import { z } from 'zod';
import { text } from './common.ts';

/** One of the signed-in user's notifications. */
export const notificationItem = z.object({
  id: text(),
  kind: text(),
  event: text(),
  subject: text(),
  body: text(),
  /** The page to act on (an app path). */
  link: text(),
  createdAt: text(),
  readAt: text().nullable(),
  /** Whether an e-mail went with it (false when the user turned that kind of e-mail off). */
  emailed: z.boolean(),
});
export type NotificationItem = z.infer<typeof notificationItem>;

export const notificationList = z.object({ unread: z.number(), items: z.array(notificationItem) });
export type NotificationList = z.infer<typeof notificationList>;

export const notificationPreferences = z.object({
  /** Reminder e-mails before deadlines; decisions and deadlines themselves are always e-mailed. */
  reminderEmails: z.boolean(),
  /** One e-mail a day with the day's notifications instead of the non-essential ones (committee roles). */
  dailyDigest: z.boolean(),
});
export type NotificationPreferences = z.infer<typeof notificationPreferences>;

export const templateLocale = z.enum(['id', 'en']);

export const templateText = z.object({ subject: text().trim().min(1).max(300), body: text().trim().min(1).max(10_000) });

/** A template as the national admin reads it: the text in force, the default, and the facts it may use. */
export const notificationTemplate = z.object({
  kind: text(),
  essential: z.boolean(),
  facts: z.record(text(), text()),
  id: templateText.extend({ edited: z.boolean(), updatedAt: text().nullable() }),
  en: templateText.extend({ edited: z.boolean(), updatedAt: text().nullable() }),
  defaults: z.object({ id: templateText, en: templateText }),
});
export type NotificationTemplate = z.infer<typeof notificationTemplate>;

export const templatePreview = z.object({ subject: text(), body: text() });

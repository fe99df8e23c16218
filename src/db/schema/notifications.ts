import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar, jsonb, date, integer } from 'drizzle-orm/pg-core';
import { users } from './users.ts';
import { outbox } from './messages.ts';
import { candidates } from './candidates.ts';

/**
 * An in-app notification for one user, written by `notify` in the
 * transaction of the event that caused it, beside the e-mail it queues.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The template's kind, e.g. `verification.revision`. */
    kind: varchar('kind', { length: 60 }).notNull(),
    /** The event that caused it: the entity acted on (`candidate:<id>`, `pool:<id>`). */
    event: varchar('event', { length: 120 }).notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** The page to act on (an app path, e.g. `/kandidat/<id>`). */
    link: text('link').notNull(),
    outboxId: uuid('outbox_id').references(() => outbox.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/**
 * One row per reminder given: the unique key (recipient, subject, deadline,
 * offset) makes a second sweep, on this server or another, a no-op.
 */
export const reminderKeys = pgTable(
  'reminder_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** What the deadline is about: `self-assessment:<candidate>`, `revision:<candidate>`, `marking:<pool>:<stage>`. */
    subject: varchar('subject', { length: 160 }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    offsetDays: integer('offset_days').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.subject, t.deadline, t.offsetDays] })],
);

/**
 * One row per distinct refusal of a candidate's submission as ineligible
 * (the set of failed rules and their reasons, hashed): the candidate and its
 * province are told once per refusal, not once per click.
 */
export const eligibilityNotices = pgTable(
  'eligibility_notices',
  {
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    /** SHA-256 of the canonical list of failures (rule and reasons). */
    failuresKey: varchar('failures_key', { length: 64 }).notNull(),
    failures: jsonb('failures').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.candidateId, t.failuresKey] })],
);

/** A user's choices; no row means the defaults (every e-mail, no digest). */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Reminder e-mails (non-essential: the notification centre still shows them). */
  reminderEmails: boolean('reminder_emails').notNull().default(true),
  /** One e-mail a day listing the day's notifications (committee roles). */
  dailyDigest: boolean('daily_digest').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The digest given to a user for a day (WIB): unique, so at most one per day across servers. */
export const digestKeys = pgTable(
  'digest_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('digest_keys_unique_idx').on(t.userId, t.day)],
);

/** A template the national admin edited; the defaults live in code (src/server/notifications/templates.ts). */
export const notificationTemplates = pgTable(
  'notification_templates',
  {
    kind: varchar('kind', { length: 60 }).notNull(),
    locale: varchar('locale', { length: 2 }).notNull().$type<'id' | 'en'>(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    meta: jsonb('meta'),
  },
  (t) => [primaryKey({ columns: [t.kind, t.locale] })],
);

import { index, integer, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { candidates } from './candidates.ts';
import { users } from './users.ts';

/**
 * Every e-mail the app sends is written here first, in the transaction of the
 * write that causes it. With SMTP configured a sender delivers it and records
 * `sentAt` (or the last `error`); without SMTP it stays here for the admins to
 * read (the outbox page, scoped by province) and for tests to inspect.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    to: varchar('to', { length: 254 }).notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** The province the message is about: its provincial admins may read it. */
    provinceCode: varchar('province_code', { length: 2 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    error: text('error'),
    /** Delivery attempts so far; the sender gives up after a few. */
    attempts: integer('attempts').notNull().default(0),
    /** A sender has taken the message until then (several app servers may run). */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    /**
     * queued → sending (one sender, named in `claimedBy`, is talking to SMTP) →
     * sent, or back to queued after a refusal. `uncertain`: SMTP may have
     * accepted it but `sent` could not be recorded; never retried by itself,
     * an admin decides (docs/jobs.md).
     */
    status: varchar('status', { length: 10 }).notNull().default('queued').$type<'queued' | 'sending' | 'sent' | 'uncertain' | 'handed'>(),
    claimedBy: varchar('claimed_by', { length: 80 }),
    /** What kind of message (a template's kind, e.g. `verification.revision`); null for older messages. */
    kind: varchar('kind', { length: 60 }),
    /** The event that caused it (`candidate:<id>`, `pool:<id>`). */
    event: varchar('event', { length: 120 }),
    /** The recipient's account, when the message went to one. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The page to act on. */
    link: text('link'),
    /** An admin passed it on by hand (no mail server): when and who. */
    handedAt: timestamp('handed_at', { withTimezone: true }),
    handedBy: uuid('handed_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('outbox_created_idx').on(t.createdAt), index('outbox_pending_idx').on(t.sentAt, t.attempts), index('outbox_status_idx').on(t.status, t.createdAt)],
);

/** An invitation to become a candidate's user, redeemed once by its link. */
export const invitations = pgTable('invitations', {
  id: uuid('id').primaryKey().defaultRandom(),
  tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
  email: varchar('email', { length: 254 }).notNull(),
  candidateId: uuid('candidate_id')
    .notNull()
    .references(() => candidates.id, { onDelete: 'cascade' }),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  acceptedAt: timestamp('accepted_at', { withTimezone: true }),
});

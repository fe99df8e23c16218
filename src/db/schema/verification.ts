import { date, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { candidates } from './candidates.ts';
import { users } from './users.ts';

/** A verifier's decision on one item of a candidate's self-assessment. */
export const verificationItems = pgTable(
  'verification_items',
  {
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    itemKey: varchar('item_key', { length: 80 }).notNull(),
    status: varchar('status', { length: 10 }).notNull().$type<'pending' | 'valid' | 'revision' | 'rejected'>(),
    comment: text('comment'),
    deadline: date('deadline', { mode: 'string' }),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.candidateId, t.itemKey] })],
);

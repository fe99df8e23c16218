import { integer, jsonb, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { candidates } from './candidates.ts';
import { users } from './users.ts';

/** A candidate's self-assessment; `version` guards against lost updates. */
export const submissions = pgTable('submissions', {
  candidateId: uuid('candidate_id')
    .primaryKey()
    .references(() => candidates.id, { onDelete: 'cascade' }),
  status: varchar('status', { length: 10 }).notNull().default('draft').$type<'draft' | 'submitted' | 'reopened'>(),
  version: integer('version').notNull().default(0),
  answers: jsonb('answers').notNull(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

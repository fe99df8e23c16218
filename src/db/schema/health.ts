import { smallint, pgTable, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row the health check writes (and commits) on every call: proof that the
 * database can write, not only answer. Holds nothing else.
 */
export const healthChecks = pgTable('health_checks', {
  id: smallint('id').primaryKey(),
  checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
});

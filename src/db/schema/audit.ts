import { bigserial, index, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * Append-only audit log. Each entry's `hash` is the SHA-256 of the previous
 * entry's hash and this entry's canonical content, so any change to a past
 * entry breaks the chain (`paritrana audit verify`). A trigger refuses
 * UPDATE and DELETE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: varchar('action', { length: 80 }).notNull(),
    entityType: varchar('entity_type', { length: 40 }).notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: varchar('prev_hash', { length: 64 }).notNull(),
    hash: varchar('hash', { length: 64 }).notNull().unique(),
  },
  (t) => [
    index('audit_entity_idx').on(t.entityType, t.entityId),
    // The audit page's filters: by action (newest first) and by time.
    index('audit_action_idx').on(t.action, t.seq),
    index('audit_at_idx').on(t.at),
  ],
);

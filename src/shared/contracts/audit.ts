import { z } from 'zod';
import { text } from './common.ts';

export const auditEntry = z.object({
  seq: z.number(),
  at: text(),
  actorLabel: text(),
  action: text(),
  entityType: text(),
  entityId: text(),
  before: z.unknown(),
  after: z.unknown(),
  hash: text(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditQuery = z.object({
  entityType: text().optional(),
  entityId: text().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().optional(),
});

/** A signed head of the audit chain, kept outside the database. */
export const auditAnchor = z.object({
  seq: z.number(),
  hash: text(),
  at: text(),
  key: text(),
});
export type AuditAnchor = z.infer<typeof auditAnchor>;

export const auditAnchorState = z.object({
  /** The newest anchor, or null before the first one is written. */
  latest: auditAnchor.nullable(),
  anchors: z.number(),
  /** The id of the key that signs the anchors (SHA-256 of its public half). */
  key: text().nullable(),
  /** The chain's head in the database now. */
  head: z.object({ seq: z.number(), hash: text() }).nullable(),
  /** Why the anchors cannot be read or trusted, if so. */
  problem: text().nullable(),
});
export type AuditAnchorState = z.infer<typeof auditAnchorState>;

export const auditVerification = z.object({
  ok: z.boolean(),
  entries: z.number(),
  firstBadSeq: z.number().nullable(),
  reason: text().nullable(),
  /** How many anchors the chain was checked against, and the newest of them. */
  anchors: z.number(),
  latestAnchor: auditAnchor.nullable(),
});
export type AuditVerification = z.infer<typeof auditVerification>;

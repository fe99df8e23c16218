import { z } from 'zod';

export const auditEntry = z.object({
  seq: z.number(),
  at: z.string(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditQuery = z.object({
  entityType: z.string().optional(),
  entityId: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().optional(),
});

/** A signed head of the audit chain, kept outside the database. */
export const auditAnchor = z.object({
  seq: z.number(),
  hash: z.string(),
  at: z.string(),
  key: z.string(),
});
export type AuditAnchor = z.infer<typeof auditAnchor>;

export const auditAnchorState = z.object({
  /** The newest anchor, or null before the first one is written. */
  latest: auditAnchor.nullable(),
  anchors: z.number(),
  /** The id of the key that signs the anchors (SHA-256 of its public half). */
  key: z.string().nullable(),
  /** The chain's head in the database now. */
  head: z.object({ seq: z.number(), hash: z.string() }).nullable(),
  /** Why the anchors cannot be read or trusted, if so. */
  problem: z.string().nullable(),
});
export type AuditAnchorState = z.infer<typeof auditAnchorState>;

export const auditVerification = z.object({
  ok: z.boolean(),
  entries: z.number(),
  firstBadSeq: z.number().nullable(),
  reason: z.string().nullable(),
  /** How many anchors the chain was checked against, and the newest of them. */
  anchors: z.number(),
  latestAnchor: auditAnchor.nullable(),
});
export type AuditVerification = z.infer<typeof auditVerification>;

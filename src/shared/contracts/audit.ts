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

export const auditVerification = z.object({
  ok: z.boolean(),
  entries: z.number(),
  firstBadSeq: z.number().nullable(),
  reason: z.string().nullable(),
});

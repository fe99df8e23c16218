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

export const auditVerification = z.object({
  ok: z.boolean(),
  entries: z.number(),
  firstBadSeq: z.number().nullable(),
  reason: text().nullable(),
});

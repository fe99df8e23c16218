import { z } from 'zod';
import { isoDate, text } from './common.ts';

export const auditEntry = z.object({
  seq: z.number(),
  at: text(),
  actorLabel: text(),
  action: text(),
  entityType: text(),
  entityId: text(),
  /** The object in words (a candidate's, panel's or user's name, an edition's label, a pool's category and area), when it still exists. */
  objectLabel: text().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  hash: text(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

/** The audit page's filters; `before` is the cursor of the next page (the last sequence number seen). */
export const auditQuery = z.object({
  entityType: text().max(40).optional(),
  entityId: text().max(100).optional(),
  /** Part of the actor's name or e-mail. */
  actor: text().trim().min(1).max(200).optional(),
  /** One action (`marks.submit`) or all of an area (`marks.`). */
  action: text().max(80).optional(),
  /** Days in WIB, both included. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  editionId: z.uuid().optional(),
  provinceCode: text().regex(/^\d{2}$/).optional(),
  /** Free text in the actor, the action, the object's id and the data before and after. */
  q: text().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  before: z.coerce.number().int().min(1).optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;

/** One page of entries, newest first; `nextBefore` asks for the next (older) page, null on the last. */
export const auditPage = z.object({
  entries: z.array(auditEntry),
  nextBefore: z.number().nullable(),
});
export type AuditPage = z.infer<typeof auditPage>;

export const auditSeqParams = z.object({ seq: z.coerce.number().int().min(1) });

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

/** One entry with its place in the chain: the hash it follows, whether its content still gives its hash, and the first anchor that covers it. */
export const auditEntryDetail = auditEntry.extend({
  prevHash: text(),
  hashMatches: z.boolean(),
  /** The first signed head at or after this entry (null: newer than the newest anchor, or the anchors cannot be read). */
  anchor: auditAnchor.nullable(),
});
export type AuditEntryDetail = z.infer<typeof auditEntryDetail>;

import type { Db } from '../../db/client.ts';
import { auditHead, listAudit } from '../../db/repositories/audit.ts';
import type { AuditAnchor, AuditAnchorState, AuditVerification } from '../../shared/contracts/index.ts';
import { AnchorError, verifyWithAnchors, type AnchorStore, type SignedAnchor } from './audit-anchor.ts';
import { findPool } from '../../db/repositories/pools.ts';

/**
 * The audit log as the committee reads it. Every mark is in the log (the
 * chain covers it), but a juror's marks stay hidden from every reader until
 * the pool's result is final: nobody sees marks before the panel closes.
 */
export async function readAudit(db: Db, query: Parameters<typeof listAudit>[1]) {
  const rows = await listAudit(db, query);
  const final = new Map<string, boolean>();
  for (const id of new Set(rows.filter((r) => r.action === 'marks.save').map((r) => r.entityId))) {
    final.set(id, (await findPool(db, id))?.status === 'finalised');
  }
  return rows.map((e) => {
    const hidden = e.action === 'marks.save' && !final.get(e.entityId);
    return {
      seq: e.seq,
      at: new Date(e.at).toISOString(),
      actorLabel: e.actorLabel,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      before: e.before,
      after: hidden ? { juror: (e.after as { juror?: string } | null)?.juror ?? null, marks: 'hidden until the result is final' } : e.after,
      hash: e.hash,
    };
  });
}

const anchorView = (a: SignedAnchor | null): AuditAnchor | null => (a ? { seq: a.seq, hash: a.hash, at: a.at, key: a.key } : null);

/** The chain recomputed and checked against the anchors kept outside the database. */
export async function verifyAudit(db: Db, anchors: AnchorStore): Promise<AuditVerification> {
  const result = await verifyWithAnchors(db, anchors);
  return { ok: result.ok, entries: result.entries, firstBadSeq: result.firstBadSeq, reason: result.reason, anchors: result.anchors, latestAnchor: anchorView(result.latestAnchor) };
}

/** What the national admin is shown of the anchors: the newest, beside the head in the database. */
export async function readAuditAnchors(db: Db, anchors: AnchorStore): Promise<AuditAnchorState> {
  const head = await auditHead(db);
  try {
    const all = anchors.read();
    return { latest: anchorView(all.at(-1) ?? null), anchors: all.length, key: anchors.keyId(), head, problem: null };
  } catch (error) {
    if (!(error instanceof AnchorError)) throw error;
    return { latest: null, anchors: 0, key: anchors.keyId(), head, problem: error.message };
  }
}

import type { Db } from '../../db/client.ts';
import { listAudit } from '../../db/repositories/audit.ts';
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

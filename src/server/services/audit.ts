import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditHead, entryHashMatches, findAuditEntry, listAudit, type AuditRow } from '../../db/repositories/audit.ts';
import { candidates, editionCategories, editionLevels, editions, outbox, panels, pools, provinces, users } from '../../db/schema/index.ts';
import { AppError } from '../../domain/errors.ts';
import type { AuditAnchor, AuditAnchorState, AuditEntry, AuditEntryDetail, AuditPage, AuditQuery, AuditVerification } from '../../shared/contracts/index.ts';
import { AnchorError, verifyWithAnchors, type AnchorStore, type SignedAnchor } from './audit-anchor.ts';
import { findPool } from '../../db/repositories/pools.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The next day of a `YYYY-MM-DD` date. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The objects of the entries in words, by type and id: one query per type present. */
async function objectLabels(db: Db, rows: AuditRow[]): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  const idsOf = (type: string) => [...new Set(rows.filter((r) => r.entityType === type && uuidPattern.test(r.entityId)).map((r) => r.entityId))];
  const put = (type: string, found: { id: string; label: string }[]) => found.forEach((f) => labels.set(`${type}:${f.id}`, f.label));
  const tables = [
    ['candidate', candidates, candidates.id, candidates.name],
    ['edition', editions, editions.id, editions.label],
    ['user', users, users.id, users.name],
    ['panel', panels, panels.id, panels.name],
    ['category', editionCategories, editionCategories.id, editionCategories.nameId],
    ['level', editionLevels, editionLevels.id, editionLevels.name],
    ['message', outbox, outbox.id, outbox.subject],
  ] as const;
  for (const [type, table, id, label] of tables) {
    const ids = idsOf(type);
    if (ids.length > 0) put(type, await db.select({ id, label }).from(table).where(inArray(id, ids)));
  }
  // A pool by its category and its area: a province's name, or the level's.
  const poolIds = idsOf('pool');
  if (poolIds.length > 0) {
    const found = await db
      .select({ id: pools.id, editionId: pools.editionId, level: pools.level, area: pools.area, category: editionCategories.nameId })
      .from(pools)
      .innerJoin(editionCategories, eq(editionCategories.id, pools.categoryId))
      .where(inArray(pools.id, poolIds));
    const provinceNames = new Map((await db.select({ code: provinces.code, name: provinces.name }).from(provinces)).map((p) => [p.code, p.name]));
    const levels = found.length > 0 ? await db.select({ editionId: editionLevels.editionId, code: editionLevels.code, name: editionLevels.name }).from(editionLevels).where(inArray(editionLevels.editionId, [...new Set(found.map((f) => f.editionId))])) : [];
    for (const f of found) {
      const area = f.area ? provinceNames.get(f.area) : levels.find((l) => l.editionId === f.editionId && l.code === f.level)?.name;
      labels.set(`pool:${f.id}`, `${f.category} · ${area ?? f.level}`);
    }
  }
  const provinceCodes = [...new Set(rows.filter((r) => r.entityType === 'province').map((r) => r.entityId))];
  if (provinceCodes.length > 0) {
    for (const p of await db.select({ code: provinces.code, name: provinces.name }).from(provinces).where(inArray(provinces.code, provinceCodes))) labels.set(`province:${p.code}`, p.name);
  }
  return labels;
}

/**
 * Entries as the committee reads them. Every mark is in the log (the chain
 * covers it), but a juror's marks stay hidden from every reader until the
 * pool's result is final: nobody sees marks before the panel closes.
 */
async function present(db: Db, rows: AuditRow[]): Promise<AuditEntry[]> {
  const final = new Map<string, boolean>();
  for (const id of new Set(rows.filter((r) => r.action === 'marks.save').map((r) => r.entityId))) {
    final.set(id, (await findPool(db, id))?.status === 'finalised');
  }
  const labels = await objectLabels(db, rows);
  return rows.map((e) => {
    const hidden = e.action === 'marks.save' && !final.get(e.entityId);
    return {
      seq: e.seq,
      at: new Date(e.at).toISOString(),
      actorLabel: e.actorLabel,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      objectLabel: labels.get(`${e.entityType}:${e.entityId}`) ?? null,
      before: e.before,
      after: hidden ? { juror: (e.after as { juror?: string } | null)?.juror ?? null, marks: 'hidden until the result is final' } : e.after,
      hash: e.hash,
    };
  });
}

/** One page of the log, newest first, narrowed by the filters (days in WIB). */
export async function readAudit(db: Db, query: AuditQuery): Promise<AuditPage> {
  const rows = await listAudit(db, {
    ...query,
    from: query.from ? `${query.from}T00:00:00+07:00` : undefined,
    to: query.to ? `${nextDay(query.to)}T00:00:00+07:00` : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return { entries: await present(db, page), nextBefore: rows.length > query.limit ? page.at(-1)!.seq : null };
}

const anchorView = (a: SignedAnchor | null): AuditAnchor | null => (a ? { seq: a.seq, hash: a.hash, at: a.at, key: a.key } : null);

/** One entry with its place in the chain and the first anchor that covers it. */
export async function readAuditEntry(db: Db, anchors: AnchorStore, seq: number): Promise<AuditEntryDetail> {
  const row = await findAuditEntry(db, seq);
  if (!row) throw new AppError('NOT_FOUND', `No audit entry ${seq}`);
  const [entry] = await present(db, [row]);
  let anchor: SignedAnchor | null = null;
  try {
    anchor = anchors.read().find((a) => a.seq >= seq) ?? null;
  } catch (error) {
    if (!(error instanceof AnchorError)) throw error;
  }
  return { ...entry!, prevHash: row.prevHash, hashMatches: entryHashMatches(row), anchor: anchorView(anchor) };
}

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

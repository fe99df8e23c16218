import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, gte, ilike, like, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { auditLog } from '../schema/index.ts';
import { canonicalJson } from '../canonical-json.ts';

export const genesisHash = '0'.repeat(64);

export type AuditActor = { id: string | null; label: string };

export type AuditInput = {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

type HashedFields = {
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

export function auditHash(prevHash: string, entry: HashedFields): string {
  return createHash('sha256').update(`${prevHash}\n${canonicalJson(entry)}`).digest('hex');
}

/** JSON as the database will give it back: dates as strings, no undefined. */
function toJson(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

/**
 * Appends one entry to the chain. Must run inside the transaction of the
 * write it records; an advisory lock orders concurrent appends.
 */
export async function appendAudit(tx: Db, actor: AuditActor, input: AuditInput): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7281001)`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const prevHash = last?.hash ?? genesisHash;
  const entry: HashedFields = {
    at: new Date().toISOString(),
    actorId: actor.id,
    actorLabel: actor.label,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    before: toJson(input.before),
    after: toJson(input.after),
  };
  await tx.insert(auditLog).values({ ...entry, prevHash, hash: auditHash(prevHash, entry) });
}

export type AuditRow = typeof auditLog.$inferSelect;

/** What the log may be narrowed to; every filter is optional, `before` is the paging cursor (a sequence number). */
export type AuditFilters = {
  entityType?: string | undefined;
  entityId?: string | undefined;
  /** Part of the actor's name or e-mail, as recorded in the entry. */
  actor?: string | undefined;
  /** One action (`marks.submit`), or every action of an area (`marks.`). */
  action?: string | undefined;
  /** Instants: entries at or after `from`, before `to`. */
  from?: string | undefined;
  to?: string | undefined;
  /** Entries about the edition or anything of it (candidates, pools, panels, categories, levels, events). */
  editionId?: string | undefined;
  /** Entries about a province's candidates, pools, panels or messages, or the province itself. */
  provinceCode?: string | undefined;
  /** Free text in the actor, action, object id or the data before and after. */
  q?: string | undefined;
  limit: number;
  before?: number | undefined;
};

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The ids (as text) of an edition's or a province's rows of one table, for the entries about them. */
const idsOf = (table: string, column: string, value: string) => sql.raw(`select id::text from ${table} where ${column} = `).append(sql`${value}`);

function filterConditions(query: AuditFilters): SQL[] {
  const where: SQL[] = [];
  if (query.entityType) where.push(eq(auditLog.entityType, query.entityType));
  if (query.entityId) where.push(eq(auditLog.entityId, query.entityId));
  if (query.before != null) where.push(lt(auditLog.seq, query.before));
  if (query.action) where.push(query.action.endsWith('.') ? like(auditLog.action, likePattern(query.action).slice(1)) : eq(auditLog.action, query.action));
  if (query.from) where.push(gte(auditLog.at, query.from));
  if (query.to) where.push(lt(auditLog.at, query.to));
  if (query.actor) where.push(ilike(auditLog.actorLabel, likePattern(query.actor)));
  if (query.q) {
    const pattern = likePattern(query.q);
    // A juror's marks stay out of the search until they are shown (services/audit.ts hides them).
    where.push(
      or(
        ilike(auditLog.actorLabel, pattern),
        ilike(auditLog.action, pattern),
        ilike(auditLog.entityId, pattern),
        and(ne(auditLog.action, 'marks.save'), or(sql`${auditLog.before}::text ilike ${pattern}`, sql`${auditLog.after}::text ilike ${pattern}`)),
      )!,
    );
  }
  if (query.editionId) {
    const ed = query.editionId;
    const about = (type: string, table: string) => sql`(${auditLog.entityType} = ${type} and ${auditLog.entityId} in (${idsOf(table, 'edition_id', ed)}))`;
    where.push(
      sql`((${auditLog.entityType} = 'edition' and ${auditLog.entityId} = ${ed}) or ${about('candidate', 'candidates')} or ${about('pool', 'pools')} or ${about('panel', 'panels')} or ${about('category', 'edition_categories')} or ${about('level', 'edition_levels')} or ${about('event', 'edition_events')})`,
    );
  }
  if (query.provinceCode) {
    const p = query.provinceCode;
    const about = (type: string, table: string, column: string) => sql`(${auditLog.entityType} = ${type} and ${auditLog.entityId} in (${idsOf(table, column, p)}))`;
    where.push(
      sql`((${auditLog.entityType} = 'province' and ${auditLog.entityId} = ${p}) or ${about('candidate', 'candidates', 'province_code')} or ${about('pool', 'pools', 'area')} or ${about('panel', 'panels', 'area')} or ${about('message', 'outbox', 'province_code')})`,
    );
  }
  return where;
}

/** Entries, newest first, narrowed by `query`; one page of at most `limit`, older than `before`. */
export async function listAudit(db: Db, query: AuditFilters): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(and(...filterConditions(query)))
    .orderBy(desc(auditLog.seq))
    .limit(query.limit);
}

/** One entry by its sequence number. */
export async function findAuditEntry(db: Db, seq: number): Promise<AuditRow | null> {
  const [row] = await db.select().from(auditLog).where(eq(auditLog.seq, seq));
  return row ?? null;
}

/** Whether an entry's content still gives its hash (given the previous entry's hash it names). */
export function entryHashMatches(row: AuditRow): boolean {
  return (
    auditHash(row.prevHash, {
      at: new Date(row.at).toISOString(),
      actorId: row.actorId,
      actorLabel: row.actorLabel,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      before: row.before,
      after: row.after,
    }) === row.hash
  );
}

export type ChainVerification = { ok: boolean; entries: number; firstBadSeq: number | null; reason: string | null };

/** The newest entry's sequence number and hash, or null for an empty log. */
export async function auditHead(db: Db): Promise<{ seq: number; hash: string } | null> {
  const [row] = await db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  return row ?? null;
}

/** A head of the chain recorded outside the database: that entry must still be there with that hash. */
export type ChainAnchor = { seq: number; hash: string; at: string };

/**
 * Walks the whole chain in order and recomputes every hash; with anchors,
 * also checks that each anchored entry is still there with its anchored
 * hash, which finds a chain rewritten from scratch or cut at its end.
 */
export async function verifyAuditChain(db: Db, options: { anchors?: ChainAnchor[]; batchSize?: number } = {}): Promise<ChainVerification> {
  const batchSize = options.batchSize ?? 1000;
  // Anchors in order; `next` is the first one not yet reached by the walk.
  const anchors = [...(options.anchors ?? [])].sort((a, b) => a.seq - b.seq);
  let next = 0;
  let prevHash = genesisHash;
  let lastSeq = 0;
  let entries = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.seq, lastSeq)).orderBy(asc(auditLog.seq)).limit(batchSize);
    if (rows.length === 0) {
      const beyond = anchors[next];
      if (beyond) {
        return { ok: false, entries, firstBadSeq: beyond.seq, reason: `the log ends at entry ${lastSeq}, but entry ${beyond.seq} was anchored on ${beyond.at}: newer entries were removed` };
      }
      return { ok: true, entries, firstBadSeq: null, reason: null };
    }
    for (const row of rows) {
      const skipped = anchors[next];
      if (skipped && skipped.seq < row.seq) return { ok: false, entries, firstBadSeq: skipped.seq, reason: `entry ${skipped.seq}, anchored on ${skipped.at}, is missing` };
      if (row.prevHash !== prevHash) {
        return { ok: false, entries, firstBadSeq: row.seq, reason: 'previous hash does not match the entry before it' };
      }
      const expected = auditHash(prevHash, {
        at: new Date(row.at).toISOString(),
        actorId: row.actorId,
        actorLabel: row.actorLabel,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        before: row.before,
        after: row.after,
      });
      if (expected !== row.hash) {
        return { ok: false, entries, firstBadSeq: row.seq, reason: 'entry content does not match its hash' };
      }
      // Several anchors may name the same entry (one per app server).
      while (anchors[next]?.seq === row.seq) {
        const anchor = anchors[next]!;
        if (anchor.hash !== row.hash) {
          return { ok: false, entries, firstBadSeq: row.seq, reason: `entry ${row.seq} does not have the hash anchored on ${anchor.at}: the chain was rewritten` };
        }
        next += 1;
      }
      prevHash = row.hash;
      lastSeq = row.seq;
      entries += 1;
    }
  }
}

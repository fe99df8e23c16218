import { entityKind } from 'drizzle-orm';
import type { Db } from './client.ts';

export type PgliteQuery = { query: (query: string, params?: unknown[], options?: { blob?: Blob }) => Promise<unknown> };

/**
 * The PGlite connection (or transaction) under a drizzle database, or null on
 * PostgreSQL: for the few bulk statements written for PGlite's one
 * connection (COPY from a blob, foreign keys checked once per batch).
 */
export function pgliteOf(db: Db): PgliteQuery | null {
  const session = (db as unknown as { session?: { client?: PgliteQuery } }).session;
  const kind = (session?.constructor as { [entityKind]?: string } | undefined)?.[entityKind];
  return kind === 'PgliteSession' && typeof session?.client?.query === 'function' ? session.client : null;
}

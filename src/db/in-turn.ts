/**
 * Runs database reads one after another and returns their results in order,
 * like `Promise.all` without the overlap. A `Db` handed to a service may be a
 * transaction, which is one connection: PostgreSQL's driver queues a second
 * query sent while one runs (deprecated, refused from pg 9), and PGlite runs
 * one at a time anyway. Use it wherever the handle may be a transaction.
 */
export async function inTurn<const T extends readonly (() => Promise<unknown>)[]>(...reads: T): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}

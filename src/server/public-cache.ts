import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import { publicDataVersion } from '../db/repositories/publication.ts';

/** An answer: its body, content type and any headers of its own (e.g. content-disposition). */
export type Built = { body: string | Buffer; type: string; headers?: Record<string, string> };
type Entry = Built & { etag: string };

/** "Use for a minute, then revalidate; a stale copy may be shown for ten while it is fetched again." */
export const publicCacheControl = 'public, max-age=60, stale-while-revalidate=600';
/** Certificate checks revalidate every time (a withdrawn publication must show at once), cheaply through the ETag. */
export const revalidateCacheControl = 'public, no-cache';

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

/**
 * Public answers, built once per version of the public data and kept in
 * memory. Every request asks the database for the data version (one small
 * query, shared by the requests that arrive while it runs); an answer built
 * for that version is served from memory, and a client that already has it
 * (If-None-Match) gets 304 without a body. Concurrent misses share one
 * build. The ETag is the SHA-256 of the body, so every app server gives the
 * same one.
 */
export class PublicCache {
  private readonly entries = new Map<string, Promise<Entry>>();
  private version: string | null = null;
  private versionQuery: Promise<string> | null = null;

  constructor(
    private readonly db: Db,
    private readonly max = 2000,
  ) {}

  private currentVersion(): Promise<string> {
    this.versionQuery ??= publicDataVersion(this.db).finally(() => {
      this.versionQuery = null;
    });
    return this.versionQuery;
  }

  async send(request: FastifyRequest, reply: FastifyReply, cacheControl: string, build: () => Promise<Built>): Promise<void> {
    const version = await this.currentVersion();
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const key = `${request.hostname}|${request.url}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = build().then((built) => ({ ...built, etag: `"${createHash('sha256').update(built.body).digest('base64url').slice(0, 32)}"` }));
      this.entries.set(key, entry);
      entry.catch(() => this.entries.delete(key));
      if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    }
    const { etag, body, type, headers } = await entry;
    reply.headers(headers ?? {}).header('etag', etag).header('cache-control', cacheControl);
    if (matches(request.headers['if-none-match'], etag)) {
      await reply.status(304).send();
      return;
    }
    await reply.type(type).send(body);
  }
}

/** A JSON body checked against its response schema, as Fastify's serializer would. */
export const json = (schema: { parse: (v: unknown) => unknown }, value: unknown): Built => ({
  body: JSON.stringify(schema.parse(value)),
  type: 'application/json; charset=utf-8',
});

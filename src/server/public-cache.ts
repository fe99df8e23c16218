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

/** How long a server trusts the data version it last read before asking the database again. */
export const versionWindowMs = 1000;

let generation = 0;
/**
 * Called after a write the public sees (publish, withdraw, reopen, import):
 * this server's caches ask for the data version again at once. Other app
 * servers notice within `versionWindowMs`.
 */
export function markPublicDataChanged(): void {
  generation += 1;
}

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

/**
 * Public answers, built once per version of the public data and kept in
 * memory. The data version (one small query) is read at most once a second,
 * and at once after this server changed public data; an answer built for
 * that version is served from memory, and a client that already has it
 * (If-None-Match) gets 304 without a body. Concurrent misses share one
 * build. The ETag is the SHA-256 of the body, so every app server gives the
 * same one.
 */
export class PublicCache {
  private readonly entries = new Map<string, Promise<Entry>>();
  /** The entries already built, so that a hit answers without waiting on a promise. */
  private readonly built = new Map<string, Entry>();
  private version: string | null = null;
  private versionQuery: Promise<string> | null = null;
  private checked = { at: 0, generation: -1 };

  constructor(
    private readonly db: Db,
    private readonly max = 2000,
  ) {}

  /** Whether the data version last read may still be trusted without asking the database. */
  private fresh(): boolean {
    return this.version !== null && this.checked.generation === generation && Date.now() - this.checked.at < versionWindowMs;
  }

  private currentVersion(): Promise<string> {
    if (this.fresh()) return Promise.resolve(this.version!);
    if (!this.versionQuery) {
      const started = { at: Date.now(), generation };
      this.versionQuery = publicDataVersion(this.db).finally(() => {
        this.versionQuery = null;
        this.checked = started;
      });
    }
    return this.versionQuery;
  }

  /**
   * Answers from memory when the data version is fresh and the answer is
   * built (no promise waited on: the common case on announcement day), else
   * reads the version and builds the answer first.
   */
  send(request: FastifyRequest, reply: FastifyReply, cacheControl: string, build: () => Promise<Built>): Promise<void> | undefined {
    // Keyed by the route and its validated parameters only: a made-up query string or Host header
    // cannot force a rebuild, nor plant an answer others are served.
    const key = `${request.routeOptions.url}|${JSON.stringify(request.params)}|${JSON.stringify(request.query)}`;
    const ready = this.fresh() ? this.built.get(key) : undefined;
    if (ready) {
      answer(request, reply, cacheControl, ready);
      return undefined;
    }
    return this.buildAndSend(key, request, reply, cacheControl, build);
  }

  private async buildAndSend(key: string, request: FastifyRequest, reply: FastifyReply, cacheControl: string, build: () => Promise<Built>): Promise<void> {
    const version = await this.currentVersion();
    if (version !== this.version) {
      this.entries.clear();
      this.built.clear();
      this.version = version;
    }
    let entry = this.entries.get(key);
    if (!entry) {
      const pending = build().then((built) => ({ ...built, etag: `"${createHash('sha256').update(built.body).digest('base64url').slice(0, 32)}"` }));
      entry = pending;
      this.entries.set(key, pending);
      pending.then(
        (done) => {
          // Only while it is still the entry of the current version (not cleared or evicted meanwhile).
          if (this.entries.get(key) === pending) this.built.set(key, done);
        },
        () => this.entries.delete(key),
      );
      if (this.entries.size > this.max) {
        const oldest = this.entries.keys().next().value!;
        this.entries.delete(oldest);
        this.built.delete(oldest);
      }
    }
    answer(request, reply, cacheControl, await entry);
  }
}

function answer(request: FastifyRequest, reply: FastifyReply, cacheControl: string, { etag, body, type, headers }: Entry): void {
  if (headers) reply.headers(headers);
  reply.header('etag', etag).header('cache-control', cacheControl);
  if (matches(request.headers['if-none-match'], etag)) {
    void reply.status(304).send();
    return;
  }
  void reply.type(type).send(body);
}

/** A JSON body checked against its response schema, as Fastify's serializer would. */
export const json = (schema: { parse: (v: unknown) => unknown }, value: unknown): Built => ({
  body: JSON.stringify(schema.parse(value)),
  type: 'application/json; charset=utf-8',
});

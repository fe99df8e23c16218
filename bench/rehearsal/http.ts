/**
 * The rehearsal's HTTP side: a client that spreads requests over the app
 * servers round-robin (as a load balancer would), signed-in sessions (cookie
 * and CSRF token), the statistics of every request by phase, and bounded
 * concurrency. Every unexpected status is counted as an error.
 */

export class RehearsalError extends Error {}

type PhaseStats = { name: string; startedAt: number; endedAt: number; latencies: number[] };

export class Stats {
  readonly phases: PhaseStats[] = [];
  errors = 0;
  /** Time spent per route (ids replaced), to name the hot paths. */
  readonly routes = new Map<string, { count: number; ms: number }>();
  private shown = 0;
  private current: PhaseStats | null = null;

  begin(name: string): void {
    this.end();
    this.current = { name, startedAt: performance.now(), endedAt: 0, latencies: [] };
    this.phases.push(this.current);
    progress(`phase ${name}`);
  }

  end(): void {
    if (this.current) this.current.endedAt = performance.now();
    this.current = null;
  }

  record(ms: number, route?: string): void {
    this.current?.latencies.push(ms);
    if (!route) return;
    const entry = this.routes.get(route) ?? { count: 0, ms: 0 };
    entry.count += 1;
    entry.ms += ms;
    this.routes.set(route, entry);
  }

  /** The routes that took the most time in all, with their mean. */
  hotRoutes(top = 12): string[] {
    return [...this.routes.entries()]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, top)
      .map(([route, { count, ms }]) => `${route}: ${count} requests, ${(ms / 1000).toFixed(1)} s in all, mean ${(ms / count).toFixed(1)} ms`);
  }

  /** Errors by kind (route and status, or the message's start), for the summary. */
  readonly errorKinds = new Map<string, number>();

  /** Counts an error (an unexpected status or a mismatch) and shows the first ones. */
  error(message: string, kind = message.slice(0, 80)): void {
    this.errors += 1;
    this.errorKinds.set(kind, (this.errorKinds.get(kind) ?? 0) + 1);
    if (this.shown < 25) {
      this.shown += 1;
      progress(`ERROR ${message.slice(0, 400)}`);
    }
  }
}

export const progress = (line: string): void => {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export type Answer = { status: number; body: string; json: <T>() => T; headers: Headers };
export type Body = { json?: unknown; form?: FormData };

export class Api {
  private turn = 0;
  constructor(
    readonly bases: string[],
    readonly stats: Stats,
  ) {}

  /** The next server, round-robin. */
  base(): string {
    this.turn = (this.turn + 1) % this.bases.length;
    return this.bases[this.turn]!;
  }

  /** One request; an answer other than `expect` is counted and thrown. */
  async call(method: string, path: string, options: { body?: Body; headers?: Record<string, string>; expect?: number | number[] } = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    let payload: string | FormData | undefined;
    if (options.body?.json !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(options.body.json);
    } else if (options.body?.form) payload = options.body.form;
    const route = `${method} ${path.replace(/\?.*$/, '').replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id')}`;
    const started = performance.now();
    let res: Response;
    let body: string;
    try {
      res = await fetch(`${this.base()}${path}`, { method, headers, body: payload });
      body = await res.text();
    } catch (error) {
      this.stats.record(performance.now() - started, route);
      // fetch says only "fetch failed": its cause says why (a closed socket, a timeout).
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const why = `${(error as Error).message}${cause ? ` (${cause.code ?? cause.message ?? ''})` : ''}`;
      this.stats.error(`${method} ${path}: ${why} after ${Math.round(performance.now() - started)} ms`, `${route}: ${why}`);
      throw new RehearsalError(`${method} ${path} failed`);
    }
    this.stats.record(performance.now() - started, route);
    const expected = options.expect ?? (method === 'POST' ? [200, 201] : 200);
    const ok = Array.isArray(expected) ? expected.includes(res.status) : expected === res.status;
    if (!ok) {
      this.stats.error(`${method} ${path} → ${res.status} ${body.slice(0, 300)}`, `${route} → ${res.status}`);
      throw new RehearsalError(`${method} ${path} → ${res.status}`);
    }
    return { status: res.status, body, headers: res.headers, json: <T>() => JSON.parse(body) as T };
  }
}

/** A signed-in person: their cookie and CSRF token on every request. */
export class Session {
  constructor(
    readonly api: Api,
    readonly email: string,
    private cookie: string,
    private csrf: string,
  ) {}

  static async signIn(api: Api, email: string, password: string): Promise<Session> {
    const res = await api.call('POST', '/api/auth/login', { body: { json: { email, password } }, expect: 200 });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    return new Session(api, email, cookie, res.json<{ csrfToken: string }>().csrfToken);
  }

  private headers(method: string): Record<string, string> {
    return method === 'GET' ? { cookie: this.cookie } : { cookie: this.cookie, 'x-csrf-token': this.csrf };
  }

  async get<T>(path: string, expect: number | number[] = 200): Promise<T> {
    return (await this.api.call('GET', path, { headers: this.headers('GET'), expect })).json<T>();
  }

  async raw(method: string, path: string, body?: unknown, expect?: number | number[]): Promise<Answer> {
    return this.api.call(method, path, { headers: this.headers(method), body: body === undefined ? undefined : { json: body }, expect });
  }

  async send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, expect?: number | number[]): Promise<T> {
    const res = await this.raw(method, path, body ?? (method === 'DELETE' ? undefined : {}), expect);
    return res.body ? res.json<T>() : (undefined as T);
  }

  async upload<T>(path: string, name: string, content: Uint8Array, expect: number | number[] = [201, 202]): Promise<T> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), name);
    return (await this.api.call('POST', path, { headers: this.headers('POST'), body: { form }, expect })).json<T>();
  }
}

/**
 * Runs `work` on every item, at most `limit` at a time. A failed item has
 * been counted already (or is counted here) and does not stop the others.
 */
export async function each<T>(stats: Stats, items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        await work(items[i]!, i);
      } catch (error) {
        if (!(error instanceof RehearsalError)) stats.error(`${(error as Error).stack ?? String(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** A deterministic random source (mulberry32) for the rehearsal's choices. */
export function randomOf(seed: number): { next: () => number; int: (min: number, max: number) => number; pick: <T>(list: readonly T[]) => T } {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min, max) => min + Math.floor(next() * (max - min + 1)), pick: (list) => list[Math.floor(next() * list.length)]! };
}

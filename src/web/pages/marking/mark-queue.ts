import type { MarkBatchResult, MarkWrite } from '../../../shared/contracts/index.ts';

/**
 * The marks a juror has given but the server has not acknowledged yet, kept
 * in the browser's storage so that a dropped connection (or a closed tab)
 * loses nothing. Each field carries a counter (`seq`) that only grows; the
 * server applies a write only when its counter is above the stored one, so a
 * write resent after a timeout is never counted twice and an old write never
 * overwrites a newer one.
 *
 * What happens to a batch depends on the answer:
 * - answered (200): each write on its own — applied or already stored leaves
 *   the queue; refused (a submitted sheet, a closed stage…) leaves it too and
 *   is kept in `refused` to be shown to the juror;
 * - 401 or 403 (the session expired, a stale CSRF token): everything stays
 *   queued, `signedOut` asks the juror to sign in again, then it is sent;
 * - no connection, 408, 429, 5xx: everything stays queued and is sent again
 *   later;
 * - 400 naming writes (`marks.<i>…`): those writes are refused, the others
 *   stay queued; any other refusal of the whole batch (the pool is gone)
 *   refuses its writes, shown to the juror like the others.
 */
export type RefusedMark = MarkWrite & { reason: string; message: string };
export type QueueState = { pending: number; offline: boolean; signedOut: boolean; refused: RefusedMark[] };

/** Where the queue is kept: the browser's localStorage, or any store with the same two methods. */
export type MarkStorage = Pick<Storage, 'getItem' | 'setItem'>;
/** Sends one request, like `fetch`: resolves with the answer's status and body, rejects when there is no connection. */
export type MarkTransport = (url: string, init: { method: 'PUT'; headers: Record<string, string>; body: string }) => Promise<{ status: number; json: () => Promise<unknown> }>;
/** Runs `run` after `delayMs` (setTimeout); returns how to cancel it. */
export type Schedule = (run: () => void, delayMs: number) => () => void;

export type MarkQueueOptions = {
  poolId: string;
  storageKey: string;
  storage: MarkStorage;
  transport: MarkTransport;
  schedule?: Schedule;
  /** Writes per request (the API takes at most 200). */
  batchSize?: number;
};

type Stored = { writes: MarkWrite[]; seqs: Record<string, number>; refused?: RefusedMark[] };
type Answer = { kind: 'answered'; results: MarkBatchResult['results'] } | { kind: 'signed-out' } | { kind: 'unavailable' } | { kind: 'refused'; message: string; writes: number[] | null };

const fieldOf = (w: Pick<MarkWrite, 'candidateId' | 'indicatorId'>) => `${w.candidateId}|${w.indicatorId}`;
const sameWrite = (a: Pick<MarkWrite, 'candidateId' | 'indicatorId' | 'seq'>, b: Pick<MarkWrite, 'candidateId' | 'indicatorId' | 'seq'>) =>
  a.candidateId === b.candidateId && a.indicatorId === b.indicatorId && a.seq === b.seq;
const defaultSchedule: Schedule = (run, delayMs) => {
  const timer = setTimeout(run, delayMs);
  return () => clearTimeout(timer);
};

export class MarkQueue {
  private writes: MarkWrite[];
  private refused: RefusedMark[];
  private readonly seqs: Record<string, number>;
  private flushing: Promise<void> | null = null;
  private cancelRetry: (() => void) | null = null;
  private failures = 0;
  private listeners = new Set<(state: QueueState) => void>();
  private state: QueueState;
  private readonly options: Required<MarkQueueOptions>;

  constructor(options: MarkQueueOptions) {
    this.options = { schedule: defaultSchedule, batchSize: 200, ...options };
    const stored = JSON.parse(this.options.storage.getItem(options.storageKey) ?? 'null') as Stored | null;
    this.writes = stored?.writes ?? [];
    this.seqs = stored?.seqs ?? {};
    this.refused = stored?.refused ?? [];
    this.state = { pending: this.writes.length, offline: false, signedOut: false, refused: this.refused };
  }

  subscribe(listener: (state: QueueState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  get current(): QueueState {
    return this.state;
  }

  private emit(patch: Partial<QueueState> = {}) {
    this.state = { ...this.state, ...patch, pending: this.writes.length, refused: this.refused };
    for (const l of this.listeners) l(this.state);
  }

  private persist() {
    this.options.storage.setItem(this.options.storageKey, JSON.stringify({ writes: this.writes, seqs: this.seqs, refused: this.refused } satisfies Stored));
  }

  /** The writes not yet acknowledged for a candidate (to show them over what the server sent). */
  pendingFor(candidateId: string): MarkWrite[] {
    return this.writes.filter((w) => w.candidateId === candidateId);
  }

  /** The writes the server refused for a candidate, to show the juror. */
  refusedFor(candidateId: string): RefusedMark[] {
    return this.refused.filter((w) => w.candidateId === candidateId);
  }

  /** The juror has read the refusals of a candidate. */
  dismissRefused(candidateId: string) {
    this.refused = this.refused.filter((w) => w.candidateId !== candidateId);
    this.persist();
    this.emit();
  }

  /** Learns the server's counters so new writes go above them. */
  know(candidateId: string, marks: { indicatorId: string; seq: number }[]) {
    for (const m of marks) {
      const key = fieldOf({ candidateId, indicatorId: m.indicatorId });
      this.seqs[key] = Math.max(this.seqs[key] ?? 0, m.seq);
    }
    this.persist();
  }

  /** Queues a mark (replacing an unsent one of the same field) and sends it. */
  put(write: Omit<MarkWrite, 'seq'>) {
    const key = fieldOf(write);
    const seq = Math.max(Date.now(), (this.seqs[key] ?? 0) + 1);
    this.seqs[key] = seq;
    this.writes = [...this.writes.filter((w) => fieldOf(w) !== key), { ...write, seq }];
    this.persist();
    this.emit();
    void this.flush();
  }

  /** Sends every queued write; resolves when the queue is empty or waits (no connection, signed out). */
  flush(): Promise<void> {
    this.flushing ??= this.drain().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async drain(): Promise<void> {
    if (this.cancelRetry) {
      this.cancelRetry();
      this.cancelRetry = null;
    }
    while (this.writes.length > 0) {
      const batch = this.writes.slice(0, this.options.batchSize);
      const answer = await this.send(batch);
      if (answer.kind === 'signed-out') {
        this.emit({ signedOut: true, offline: false });
        return;
      }
      if (answer.kind === 'unavailable') {
        this.failures += 1;
        this.emit({ offline: true });
        this.cancelRetry = this.options.schedule(() => void this.flush(), Math.min(30_000, 1_000 * 2 ** Math.min(this.failures, 5)));
        return;
      }
      this.failures = 0;
      const before = this.writes.length;
      if (answer.kind === 'answered') this.settle(batch, answer.results);
      else this.refuse(answer.writes === null ? batch : answer.writes.flatMap((i) => (batch[i] ? [batch[i]] : [])), 'refused', answer.message);
      this.persist();
      this.emit({ offline: false, signedOut: false });
      // An answer that settles nothing (which the server never gives) must not spin.
      if (this.writes.length === before && batch.every((w) => this.writes.includes(w))) return;
    }
  }

  private async send(batch: MarkWrite[]): Promise<Answer> {
    let response: { status: number; json: () => Promise<unknown> };
    try {
      response = await this.options.transport(`/api/pools/${this.options.poolId}/marks`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ marks: batch }) });
    } catch {
      return { kind: 'unavailable' };
    }
    const { status } = response;
    if (status === 401 || status === 403) return { kind: 'signed-out' };
    if (status === 408 || status === 429 || status >= 500 || status < 200) return { kind: 'unavailable' };
    const body = (await response.json().catch(() => null)) as (MarkBatchResult & { error?: never }) | { error?: { message?: string; details?: { path: string; message: string }[] } } | null;
    if (status >= 200 && status < 300 && body && 'results' in body) return { kind: 'answered', results: body.results };
    if (status >= 200 && status < 300) return { kind: 'unavailable' };
    const error = body && 'error' in body ? body.error : undefined;
    // A 400 that names writes (`body.marks.3.comment`) refuses those writes only.
    const named = (error?.details ?? []).map((d) => /(?:^|\.)marks\.(\d+)(?:\.|$)/.exec(d.path)?.[1]).filter((i): i is string => i !== undefined);
    return { kind: 'refused', message: error?.message ?? `HTTP ${status}`, writes: status === 400 && named.length > 0 ? [...new Set(named.map(Number))] : null };
  }

  private settle(batch: MarkWrite[], results: MarkBatchResult['results']) {
    for (const w of batch) {
      const result = results.find((r) => sameWrite(r, w));
      if (!result) continue;
      if (result.refused) this.refuse([w], result.refused.reason, result.refused.message);
      else this.writes = this.writes.filter((q) => !sameWrite(q, w));
    }
  }

  /** Takes writes out of the queue as refused; a newer write of the same field queued meanwhile stays. */
  private refuse(writes: MarkWrite[], reason: string, message: string) {
    for (const w of writes) {
      if (!this.writes.some((q) => sameWrite(q, w))) continue;
      this.writes = this.writes.filter((q) => !sameWrite(q, w));
      this.refused = [...this.refused.filter((r) => fieldOf(r) !== fieldOf(w)), { ...w, reason, message }];
    }
  }

  /** Stops retrying and tells nobody any more (the page is left); the stored writes stay for the next visit. */
  dispose() {
    if (this.cancelRetry) this.cancelRetry();
    this.cancelRetry = null;
    this.listeners.clear();
  }
}

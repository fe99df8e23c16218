import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MarkWrite } from '../../../shared/contracts/index.ts';
import { ApiError, api } from '../../api.ts';

/**
 * The marks a juror has given but the server has not acknowledged yet, kept
 * in the browser's storage so that a dropped connection (or a closed tab)
 * loses nothing. Each field carries a counter (`seq`) that only grows; the
 * server applies a write only when its counter is above the stored one, so a
 * write resent after a timeout is never counted twice and an old write never
 * overwrites a newer one.
 */
export type QueueState = { pending: number; offline: boolean; error: unknown };

type Stored = { writes: MarkWrite[]; seqs: Record<string, number> };

const fieldOf = (w: Pick<MarkWrite, 'candidateId' | 'indicatorId'>) => `${w.candidateId}|${w.indicatorId}`;

export class MarkQueue {
  private writes: MarkWrite[];
  private readonly seqs: Record<string, number>;
  private inFlight = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private listeners = new Set<(state: QueueState) => void>();
  private state: QueueState = { pending: 0, offline: false, error: null };

  constructor(
    private readonly poolId: string,
    private readonly storageKey: string,
  ) {
    const stored = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as Stored | null;
    this.writes = stored?.writes ?? [];
    this.seqs = stored?.seqs ?? {};
    this.state = { ...this.state, pending: this.writes.length };
  }

  subscribe(listener: (state: QueueState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  private emit(patch: Partial<QueueState>) {
    this.state = { ...this.state, ...patch, pending: this.writes.length };
    for (const l of this.listeners) l(this.state);
  }

  private persist() {
    localStorage.setItem(this.storageKey, JSON.stringify({ writes: this.writes, seqs: this.seqs } satisfies Stored));
  }

  /** The writes not yet acknowledged for a candidate (to show them over what the server sent). */
  pendingFor(candidateId: string): MarkWrite[] {
    return this.writes.filter((w) => w.candidateId === candidateId);
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
    this.emit({ error: null });
    void this.flush();
  }

  /** Sends every queued write; on a network failure keeps them and tries again later. */
  async flush(): Promise<void> {
    if (this.inFlight || this.writes.length === 0) return;
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    this.inFlight = true;
    const batch = this.writes.slice(0, 200);
    try {
      await api('PUT', `/api/pools/${this.poolId}/marks`, { marks: batch });
      this.acknowledge(batch);
      this.failures = 0;
      this.emit({ offline: false, error: null });
    } catch (error) {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
        // Refused for good (the sheet was submitted, the stage closed): drop these and say why.
        this.acknowledge(batch);
        this.emit({ offline: false, error });
      } else {
        this.failures += 1;
        this.emit({ offline: true });
        this.retryTimer = setTimeout(() => void this.flush(), Math.min(30_000, 1_000 * 2 ** Math.min(this.failures, 5)));
      }
    } finally {
      this.inFlight = false;
    }
    if (this.writes.length > 0 && !this.state.offline) void this.flush();
  }

  private acknowledge(batch: MarkWrite[]) {
    const sent = new Map(batch.map((w) => [fieldOf(w), w.seq]));
    // A field changed again while the batch was in flight keeps its newer write.
    this.writes = this.writes.filter((w) => (sent.get(fieldOf(w)) ?? -1) < w.seq);
    this.persist();
  }

  dispose() {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.listeners.clear();
  }
}

/** The queue of a pool for the signed-in juror, flushed again when the browser comes back online. */
export function useMarkQueue(poolId: string, userId: string) {
  const queue = useMemo(() => new MarkQueue(poolId, `paritrana.marks.${userId}.${poolId}`), [poolId, userId]);
  const [state, setState] = useState<QueueState>({ pending: 0, offline: false, error: null });
  useEffect(() => {
    const unsubscribe = queue.subscribe(setState);
    const online = () => void queue.flush();
    window.addEventListener('online', online);
    void queue.flush();
    return () => {
      unsubscribe();
      window.removeEventListener('online', online);
      queue.dispose();
    };
  }, [queue]);
  const put = useCallback((write: Omit<MarkWrite, 'seq'>) => queue.put(write), [queue]);
  return { queue, state, put };
}

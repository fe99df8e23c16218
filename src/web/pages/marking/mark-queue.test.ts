import { describe, expect, it } from 'vitest';
import type { MarkBatchResult, MarkWrite } from '../../../shared/contracts/index.ts';
import { MarkQueue, type MarkStorage, type MarkTransport, type Schedule } from './mark-queue.ts';

/** A real key-value store in memory, standing in for the browser's localStorage. */
class MemoryStorage implements MarkStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

type Reply = { status: number; body?: unknown } | 'no-connection';
/** The network as the queue sees it: records each request and answers with what the test says. */
function fakeNetwork(answer: (writes: MarkWrite[]) => Reply | Promise<Reply>) {
  const requests: { url: string; writes: MarkWrite[]; headers: Record<string, string> }[] = [];
  const transport: MarkTransport = async (url, init) => {
    const writes = (JSON.parse(init.body) as { marks: MarkWrite[] }).marks;
    requests.push({ url, writes, headers: init.headers });
    const reply = await answer(writes);
    if (reply === 'no-connection') throw new TypeError('Failed to fetch');
    return { status: reply.status, json: () => Promise.resolve(reply.body ?? null) };
  };
  return { transport, requests };
}

/** What the server answers when it stores every write. */
const allApplied = (writes: MarkWrite[]): Reply => ({
  status: 200,
  body: { results: writes.map((w) => ({ candidateId: w.candidateId, indicatorId: w.indicatorId, seq: w.seq, applied: true, refused: null })) } satisfies MarkBatchResult,
});

/** Timers the test runs by hand: no waiting in tests. */
function manualSchedule() {
  const waiting: { run: () => void; delayMs: number }[] = [];
  const schedule: Schedule = (run, delayMs) => {
    const entry = { run, delayMs };
    waiting.push(entry);
    return () => waiting.splice(waiting.indexOf(entry), 1);
  };
  return { schedule, waiting };
}

const poolId = '7a1c2f9e-0000-4000-8000-000000000001';
const candidate = '7a1c2f9e-0000-4000-8000-0000000000aa';
const storageKey = 'paritrana.marks.juror.pool';
const write = (indicatorId: string, value: number | null, seq: number, comment: string | null = null): MarkWrite => ({ candidateId: candidate, indicatorId, value, comment, seq });

/** A queue whose storage already holds these writes (as after a reload), so each test decides when it sends. */
function queueWith(writes: MarkWrite[], transport: MarkTransport, storage = new MemoryStorage(), schedule = manualSchedule().schedule, batchSize?: number) {
  storage.setItem(storageKey, JSON.stringify({ writes, seqs: {} }));
  return { queue: new MarkQueue({ poolId, storageKey, storage, transport, schedule, ...(batchSize ? { batchSize } : {}) }), storage };
}
const stored = (storage: MemoryStorage) => JSON.parse(storage.getItem(storageKey)!) as { writes: MarkWrite[]; refused: unknown[] };

describe('the mark queue', () => {
  it('sends the queued marks and empties itself once the server acknowledges them', async () => {
    const net = fakeNetwork(allApplied);
    const { queue, storage } = queueWith([write('d.regulasi', 4, 10), write('d.anggaran', 3, 11)], net.transport);
    await queue.flush();
    expect(net.requests.map((r) => [r.url, r.writes.map((w) => w.indicatorId)])).toEqual([[`/api/pools/${poolId}/marks`, ['d.regulasi', 'd.anggaran']]]);
    expect(queue.current).toEqual({ pending: 0, offline: false, signedOut: false, refused: [] });
    expect(stored(storage).writes).toEqual([]);
  });

  for (const status of [401, 403]) {
    it(`keeps every mark through a ${status} and asks to sign in again, then sends them`, async () => {
      let signedIn = false;
      const net = fakeNetwork((writes) => (signedIn ? allApplied(writes) : { status, body: { error: { code: status === 401 ? 'UNAUTHENTICATED' : 'CSRF_FAILED', message: 'sign in' } } }));
      const storage = new MemoryStorage();
      const marks = [write('d.regulasi', 4, 10), write('d.anggaran', 3, 11, 'cukup')];
      const { queue } = queueWith(marks, net.transport, storage);
      await queue.flush();
      expect(queue.current).toEqual({ pending: 2, offline: false, signedOut: true, refused: [] });
      expect(stored(storage).writes).toEqual(marks);
      // A mark given while signed out waits with the others, and the page reloaded still has them all.
      queue.put({ candidateId: candidate, indicatorId: 'd.inovasi', value: 5, comment: null });
      await queue.flush();
      const reloaded = new MarkQueue({ poolId, storageKey, storage, transport: net.transport, schedule: manualSchedule().schedule });
      expect(reloaded.pendingFor(candidate).map((w) => [w.indicatorId, w.value, w.comment])).toEqual([
        ['d.regulasi', 4, null],
        ['d.anggaran', 3, 'cukup'],
        ['d.inovasi', 5, null],
      ]);

      signedIn = true;
      await reloaded.flush();
      expect(net.requests.at(-1)!.writes.map((w) => [w.indicatorId, w.value])).toEqual([
        ['d.regulasi', 4],
        ['d.anggaran', 3],
        ['d.inovasi', 5],
      ]);
      expect(reloaded.current).toEqual({ pending: 0, offline: false, signedOut: false, refused: [] });
    });
  }

  it('drops only the writes the server refused one by one, and keeps them to show the juror', async () => {
    const net = fakeNetwork((writes) => ({
      status: 200,
      body: {
        results: writes.map((w) =>
          w.indicatorId === 'd.anggaran'
            ? { candidateId: w.candidateId, indicatorId: w.indicatorId, seq: w.seq, applied: false, refused: { reason: 'sheet-submitted', message: 'The sheet is already submitted' } }
            : { candidateId: w.candidateId, indicatorId: w.indicatorId, seq: w.seq, applied: w.indicatorId !== 'd.regulasi', refused: null },
        ),
      } satisfies MarkBatchResult,
    }));
    const { queue, storage } = queueWith([write('d.regulasi', 4, 10), write('d.anggaran', 3, 11), write('d.inovasi', 5, 12)], net.transport);
    await queue.flush();
    // d.regulasi was already stored (applied: false, not refused): acknowledged, not refused.
    expect(queue.current.pending).toBe(0);
    expect(queue.refusedFor(candidate)).toEqual([{ ...write('d.anggaran', 3, 11), reason: 'sheet-submitted', message: 'The sheet is already submitted' }]);
    expect(stored(storage).refused).toEqual(queue.refusedFor(candidate));
    queue.dismissRefused(candidate);
    expect(queue.current.refused).toEqual([]);
    expect(net.requests).toHaveLength(1);
  });

  it('refuses only the writes a 400 names, and sends the others', async () => {
    const net = fakeNetwork((writes) =>
      writes.some((w) => (w.comment ?? '').length > 2000)
        ? { status: 400, body: { error: { code: 'VALIDATION_FAILED', message: 'The request is not valid', details: [{ path: `body.marks.${writes.findIndex((w) => (w.comment ?? '').length > 2000)}.comment`, message: 'Too big' }] } } }
        : allApplied(writes),
    );
    const long = 'x'.repeat(2001);
    const { queue } = queueWith([write('d.regulasi', 4, 10), write('d.anggaran', 3, 11, long), write('d.inovasi', 5, 12)], net.transport);
    await queue.flush();
    expect(net.requests.map((r) => r.writes.map((w) => w.indicatorId))).toEqual([
      ['d.regulasi', 'd.anggaran', 'd.inovasi'],
      ['d.regulasi', 'd.inovasi'],
    ]);
    expect(queue.current.pending).toBe(0);
    expect(queue.refusedFor(candidate).map((r) => [r.indicatorId, r.reason, r.message])).toEqual([['d.anggaran', 'refused', 'The request is not valid']]);
  });

  it('keeps the marks without a connection or while the server fails, and tries again later', async () => {
    const replies: Reply[] = ['no-connection', { status: 503 }, { status: 500, body: { error: { code: 'INTERNAL', message: 'boom' } } }];
    const net = fakeNetwork((writes) => replies.shift() ?? allApplied(writes));
    const timers = manualSchedule();
    const { queue, storage } = queueWith([write('d.regulasi', 4, 10)], net.transport, new MemoryStorage(), timers.schedule);
    await queue.flush();
    expect(queue.current).toEqual({ pending: 1, offline: true, signedOut: false, refused: [] });
    expect(timers.waiting.map((w) => w.delayMs)).toEqual([2_000]);
    for (const delay of [4_000, 8_000]) {
      timers.waiting.shift()!.run();
      await queue.flush();
      expect(timers.waiting.map((w) => w.delayMs)).toEqual([delay]);
      expect(stored(storage).writes).toEqual([write('d.regulasi', 4, 10)]);
    }
    timers.waiting.shift()!.run();
    await queue.flush();
    expect(queue.current).toEqual({ pending: 0, offline: false, signedOut: false, refused: [] });
    expect(net.requests).toHaveLength(4);
  });

  it('keeps a newer mark of a field given while the older one was on its way', async () => {
    let release: (reply: Reply) => void = () => undefined;
    const net = fakeNetwork((writes) => (net.requests.length === 1 ? new Promise<Reply>((resolve) => (release = () => resolve(allApplied(writes)))) : allApplied(writes)));
    const { queue } = queueWith([write('d.regulasi', 4, 10)], net.transport);
    const first = queue.flush();
    queue.put({ candidateId: candidate, indicatorId: 'd.regulasi', value: 2, comment: null });
    release(allApplied([]));
    await first;
    await queue.flush();
    expect(net.requests.map((r) => r.writes.map((w) => w.value))).toEqual([[4], [2]]);
    expect(net.requests[1]!.writes[0]!.seq).toBeGreaterThan(10);
    expect(queue.current.pending).toBe(0);
  });

  it('sends a long queue in batches the API takes', async () => {
    const net = fakeNetwork(allApplied);
    const many = Array.from({ length: 250 }, (_, i) => write(`i.${i}`, 3, i + 1));
    const { queue } = queueWith(many, net.transport, new MemoryStorage(), manualSchedule().schedule);
    await queue.flush();
    expect(net.requests.map((r) => r.writes.length)).toEqual([200, 50]);
    expect(queue.current.pending).toBe(0);
  });

  it('refuses the writes of a batch the server refuses as a whole for good, and shows them', async () => {
    const net = fakeNetwork(() => ({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'pool not found' } } }));
    const { queue } = queueWith([write('d.regulasi', 4, 10)], net.transport);
    await queue.flush();
    expect(queue.current.pending).toBe(0);
    expect(queue.refusedFor(candidate)).toEqual([{ ...write('d.regulasi', 4, 10), reason: 'refused', message: 'pool not found' }]);
  });
});

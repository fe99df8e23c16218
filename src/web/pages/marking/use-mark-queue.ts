import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MarkWrite } from '../../../shared/contracts/index.ts';
import { currentCsrfToken } from '../../api.ts';
import { useSession } from '../../auth.tsx';
import { MarkQueue, type MarkTransport, type QueueState } from './mark-queue.ts';

/** The browser's network, with the session cookie and the current CSRF token. */
const browserTransport: MarkTransport = (url, init) => fetch(url, { ...init, credentials: 'same-origin', headers: { ...init.headers, 'x-csrf-token': currentCsrfToken() } });

/**
 * The queue of a pool for the signed-in juror, in the browser's storage. It
 * is sent again when the browser comes back online, and when the juror
 * returns to the tab (after signing in again elsewhere: the session and its
 * CSRF token are read again first).
 */
export function useMarkQueue(poolId: string, userId: string) {
  const { refresh } = useSession();
  const refreshSession = useRef(refresh);
  refreshSession.current = refresh;
  const queue = useMemo(() => new MarkQueue({ poolId, storageKey: `paritrana.marks.${userId}.${poolId}`, storage: localStorage, transport: browserTransport }), [poolId, userId]);
  const [state, setState] = useState<QueueState>(queue.current);
  useEffect(() => {
    const unsubscribe = queue.subscribe(setState);
    const online = () => void queue.flush();
    const back = () => {
      if (document.visibilityState !== 'visible' || queue.current.pending === 0) return;
      if (queue.current.signedOut) void refreshSession.current().then(() => queue.flush());
      else void queue.flush();
    };
    window.addEventListener('online', online);
    window.addEventListener('focus', back);
    document.addEventListener('visibilitychange', back);
    void queue.flush();
    return () => {
      unsubscribe();
      window.removeEventListener('online', online);
      window.removeEventListener('focus', back);
      document.removeEventListener('visibilitychange', back);
      queue.dispose();
    };
  }, [queue]);
  const put = useCallback((write: Omit<MarkWrite, 'seq'>) => queue.put(write), [queue]);
  return { queue, state, put };
}

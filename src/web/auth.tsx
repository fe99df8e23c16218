import { createContext, useContext, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me, RoleName } from '../shared/contracts/index.ts';
import { ApiError, api, rememberSession } from './api.ts';

type Session = { me: Me | null; loading: boolean; refresh: () => Promise<void>; logout: () => Promise<void> };
const SessionContext = createContext<Session>({ me: null, loading: true, refresh: async () => {}, logout: async () => {} });

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('GET', '/api/auth/me');
    rememberSession(me);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const query = useQuery({ queryKey: ['me'], queryFn: fetchMe, staleTime: 60_000 });
  const value: Session = {
    me: query.data ?? null,
    loading: query.isPending,
    refresh: async () => {
      await client.invalidateQueries({ queryKey: ['me'] });
    },
    logout: async () => {
      await api('POST', '/api/auth/logout').catch(() => undefined);
      rememberSession(null);
      client.clear();
      await client.invalidateQueries({ queryKey: ['me'] });
    },
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export const useSession = () => useContext(SessionContext);

export function hasRole(me: Me | null, role: RoleName): boolean {
  return me?.user.roles.some((r) => r.role === role) ?? false;
}

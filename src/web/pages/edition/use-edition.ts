import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EditionDetail, Province } from '../../../shared/contracts/index.ts';
import { api, get } from '../../api.ts';

export const useEdition = (id: string) => useQuery({ queryKey: ['edition', id], queryFn: () => get<EditionDetail>(`/api/editions/${id}`), enabled: id !== '' });
export const useProvinces = () => useQuery({ queryKey: ['provinces'], queryFn: () => get<Province[]>('/api/regions/provinces'), staleTime: Infinity });

/** A province's name by its code (the code itself only until the list has come). */
export function useProvinceName(): (code: string) => string {
  const provinces = useProvinces();
  return (code) => provinces.data?.find((p) => p.code === code)?.name ?? code;
}

/** A write on the edition that refreshes it (and the list) afterwards. */
export function useEditionWrite<I>(id: string, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: (input: I) => string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => api<unknown>(method, `/api/editions/${id}${path(input)}`, method === 'DELETE' ? undefined : (input as { body?: unknown }).body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['edition', id] });
      await client.invalidateQueries({ queryKey: ['editions'] });
    },
  });
}

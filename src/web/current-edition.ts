import { useQuery } from '@tanstack/react-query';
import type { EditionSummary } from '../shared/contracts/index.ts';
import { get } from './api.ts';

/** The editions the user may see; the current one is the newest that is not archived. */
export function useCurrentEdition(enabled = true): EditionSummary | null {
  const editions = useQuery({ queryKey: ['editions'], queryFn: () => get<EditionSummary[]>('/api/editions'), enabled });
  const list = editions.data ?? [];
  return list.find((e) => e.status === 'open') ?? list.find((e) => e.status !== 'archived' && e.status !== 'draft') ?? list[0] ?? null;
}

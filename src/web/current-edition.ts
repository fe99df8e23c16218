import { useQuery } from '@tanstack/react-query';
import type { EditionSummary } from '../shared/contracts/index.ts';
import { get } from './api.ts';

/** The current edition among those the user may see, and whether the list has been read yet. */
export function useCurrentEditionState(enabled = true): { edition: EditionSummary | null; loaded: boolean } {
  const editions = useQuery({ queryKey: ['editions'], queryFn: () => get<EditionSummary[]>('/api/editions'), enabled });
  const list = editions.data ?? [];
  const edition = list.find((e) => e.status === 'open') ?? list.find((e) => e.status !== 'archived' && e.status !== 'draft') ?? list[0] ?? null;
  return { edition, loaded: !enabled || editions.isSuccess || editions.isError };
}

/** The editions the user may see; the current one is the newest that is not archived. */
export function useCurrentEdition(enabled = true): EditionSummary | null {
  return useCurrentEditionState(enabled).edition;
}

import { useQueries } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { CandidateDetail, EditionDetail } from '../shared/contracts/index.ts';
import { get } from './api.ts';
import { useSession } from './auth.tsx';

/** One of the signed-in user's candidacies, with what tells it apart from the others. */
export type Candidacy = { id: string; name: string; level: string; levelLabel: string; editionId: string; editionLabel: string };

/** A zone by the name the edition gives it; the province and national levels in the page's language. */
function levelLabel(edition: EditionDetail | undefined, code: string, t: TFunction): string {
  const level = edition?.levels.find((l) => l.code === code);
  if (level?.kind === 'zona') return level.name;
  return t(`levelKinds.${level?.kind ?? code}`, { defaultValue: level?.name ?? code });
}

/**
 * The candidacies the user acts for (one per candidate role: a candidate that
 * advanced to the next level has one per level), each named by its level and
 * edition. `null` while they load.
 */
export function useCandidacies(t: TFunction): Candidacy[] | null {
  const { me } = useSession();
  const ids = (me?.user.roles ?? []).filter((r) => r.role === 'candidate' && r.candidateId != null).map((r) => r.candidateId!);
  const details = useQueries({
    queries: ids.map((id) => ({ queryKey: ['candidate', id], queryFn: () => get<CandidateDetail>(`/api/candidates/${id}`) })),
  });
  const editionIds = [...new Set(details.flatMap((d) => (d.data ? [d.data.editionId] : [])))];
  const editions = useQueries({
    queries: editionIds.map((id) => ({ queryKey: ['edition', id], queryFn: () => get<EditionDetail>(`/api/editions/${id}`) })),
  });
  if (details.some((d) => d.isPending) || editions.some((e) => e.isPending)) return null;
  const editionOf = new Map(editions.flatMap((e) => (e.data ? [[e.data.id, e.data] as const] : [])));
  return details.flatMap((d) => {
    if (!d.data) return [];
    const edition = editionOf.get(d.data.editionId);
    return [
      {
        id: d.data.id,
        name: d.data.name,
        level: d.data.level,
        levelLabel: levelLabel(edition, d.data.level, t),
        editionId: d.data.editionId,
        editionLabel: edition?.label ?? '',
      },
    ];
  });
}

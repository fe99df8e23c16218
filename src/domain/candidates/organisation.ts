/**
 * One organisation across editions: a regional government or an employer
 * takes part edition after edition, each time as a new candidacy. It is
 * identified by the key the scoring packages and the published results
 * already use for it: its Kemendagri code (a village's, a regency's or
 * city's, or the province's for a provincial government) or its NPP.
 */
type Identified = { id: string; kind: string; provinceCode: string; regencyCode: string | null; villageCode: string | null; npp: string | null };

export function organisationKey(c: Identified): string {
  return c.villageCode ?? c.regencyCode ?? c.npp ?? (c.kind === 'pemda' ? c.provinceCode : c.id);
}

export type OrganisationRef =
  | { unit: 'provinsi'; provinceCode: string }
  | { unit: 'kabupaten-kota'; regencyCode: string }
  | { unit: 'desa'; villageCode: string }
  | { unit: 'npp'; npp: string }
  /** An employer recorded without NPP is an organisation of one candidacy. */
  | { unit: 'candidacy'; candidateId: string };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a key names; null for a string that is no organisation's key. */
export function parseOrganisationKey(key: string): OrganisationRef | null {
  if (/^\d{2}$/.test(key)) return { unit: 'provinsi', provinceCode: key };
  if (/^\d{2}\.\d{2}$/.test(key)) return { unit: 'kabupaten-kota', regencyCode: key };
  if (/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(key)) return { unit: 'desa', villageCode: key };
  if (uuidPattern.test(key)) return { unit: 'candidacy', candidateId: key.toLowerCase() };
  if (/^[A-Za-z0-9]{5,20}$/.test(key)) return { unit: 'npp', npp: key };
  return null;
}

const levelOrder = ['provinsi', 'zona', 'nasional'];

/** The furthest of the levels a candidacy reached in one edition (by kind: provinsi < zona < nasional). */
export function furthestLevel<T extends { levelKind: string }>(candidacies: T[]): T | null {
  let best: T | null = null;
  for (const c of candidacies) if (!best || levelOrder.indexOf(c.levelKind) > levelOrder.indexOf(best.levelKind)) best = c;
  return best;
}

/**
 * Carrying regulations and agreements forward into a new edition: an entry
 * of the organisation's previous candidacy is offered while it is in force
 * on `today` (its last day not passed, or no last day); an expired one is
 * shown with its reason and not offered; one already brought into this
 * candidacy is not offered twice.
 */
export type CarrySection = 'regulations' | 'agreements';
export type CarryStatus = 'offered' | 'expired' | 'carried';
type Mark = { candidateId: string; entryId: string } | null | undefined;
type CarriableEntry = { id: string; validUntil?: string | null; carriedForward?: Mark };
type Carriable = { regulations: CarriableEntry[]; agreements: CarriableEntry[] };

export function carryStatus(entry: CarriableEntry, from: { candidateId: string }, current: Carriable, section: CarrySection, today: string): CarryStatus {
  const carried = current[section].some((e) => e.carriedForward?.candidateId === from.candidateId && e.carriedForward.entryId === entry.id);
  if (carried) return 'carried';
  if (entry.validUntil != null && entry.validUntil < today) return 'expired';
  return 'offered';
}

/** Each previous entry with its status, regulations first. */
export function carryOffers(previous: Carriable, from: { candidateId: string }, current: Carriable, today: string): { section: CarrySection; entryId: string; status: CarryStatus }[] {
  return (['regulations', 'agreements'] as const).flatMap((section) =>
    previous[section].map((e) => ({ section, entryId: e.id, status: carryStatus(e, from, current, section, today) })),
  );
}

type Marked = { regulations?: { id: string; carriedForward?: unknown }[]; agreements?: { id: string; carriedForward?: unknown }[] };
const sameMark = (a: unknown, b: unknown) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
function sortKeys(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v ?? null;
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1)));
}

/**
 * Paths of entries whose "carried forward" mark the server did not set: only
 * carrying forward sets a mark, a save keeps it on the same entry, and a mark
 * may be dropped (the entry becomes the candidate's own) but never made up.
 */
export function madeUpMarks(stored: Marked, incoming: Marked): string[] {
  return (['regulations', 'agreements'] as const).flatMap((section) =>
    (incoming[section] ?? []).flatMap((e, i) => {
      if (e.carriedForward == null) return [];
      const before = (stored[section] ?? []).find((s) => s.id === e.id);
      return before && sameMark(before.carriedForward, e.carriedForward) ? [] : [`${section}.${i}.carriedForward`];
    }),
  );
}

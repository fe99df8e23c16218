/**
 * Conflicts of interest found from a juror's ties: a juror tied to a regional
 * government or an employer must not judge it (DOMAIN.md: "a member must not
 * judge a candidate they are tied to").
 */
export type Tie = { kind: 'regency' | 'employer'; code: string; note: string | null };
export type ConflictCandidate = { id: string; regencyCode: string | null; npp: string | null };
export type FoundConflict = { userId: string; candidateId: string; reason: string };

/** Normalises an NPP the way candidates store it (upper case, no spaces). */
const npp = (code: string) => code.replace(/\s+/g, '').toUpperCase();

export function conflictsFromTies({
  jurors,
  candidates,
}: {
  jurors: { userId: string; ties: Tie[] }[];
  candidates: ConflictCandidate[];
}): FoundConflict[] {
  const found: FoundConflict[] = [];
  for (const juror of jurors) {
    for (const candidate of candidates) {
      const tie = juror.ties.find((t) =>
        t.kind === 'regency' ? candidate.regencyCode === t.code : candidate.npp !== null && npp(candidate.npp) === npp(t.code),
      );
      if (!tie) continue;
      const what = tie.kind === 'regency' ? `pemerintah daerah ${tie.code}` : `pemberi kerja NPP ${tie.code}`;
      found.push({ userId: juror.userId, candidateId: candidate.id, reason: `Terkait dengan ${what}${tie.note ? ` (${tie.note})` : ''}` });
    }
  }
  return found;
}

/** The key of a (juror, candidate) pair, for sets of conflicts and assignments. */
export const pairKey = (userId: string, candidateId: string): string => `${userId}|${candidateId}`;

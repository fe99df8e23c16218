/**
 * Where an edition stands on a given day, in words people act on:
 * registration opens on…, is open until…, closed since…; assessment runs
 * until…; results announced. Dates are calendar days in Western Indonesia.
 */
import type { EditionStatus } from './status.ts';
import { fromDayNumber, toDayNumber } from './dates.ts';

export type EditionPhaseKind = 'draft' | 'registration-soon' | 'registration-open' | 'registration-closed' | 'assessing' | 'published' | 'archived';
export type EditionPhase = { kind: EditionPhaseKind; date: string | null };

type MilestoneDates = { kind: string; startsOn: string; endsOn: string | null };

/** The last day of the provincial and national rounds, whichever the timeline names last. */
const assessmentEnds = ['national_ceremony', 'national_interview', 'provincial_ceremony', 'provincial_interview'];

export function editionPhase({ status, milestones, today }: { status: EditionStatus; milestones: MilestoneDates[]; today: string }): EditionPhase {
  if (status === 'draft' || status === 'published' || status === 'archived') return { kind: status, date: null };
  if (status === 'assessing') {
    const end = assessmentEnds.map((k) => milestones.find((m) => m.kind === k)).find((m) => m !== undefined);
    return { kind: 'assessing', date: end ? (end.endsOn ?? end.startsOn) : null };
  }
  const registration = milestones.find((m) => m.kind === 'registration');
  if (!registration) return { kind: 'registration-open', date: null };
  const closesOn = registration.endsOn ?? registration.startsOn;
  if (today < registration.startsOn) return { kind: 'registration-soon', date: registration.startsOn };
  if (today <= closesOn) return { kind: 'registration-open', date: closesOn };
  // The deadline is the end of its day: closed since the day after.
  return { kind: 'registration-closed', date: fromDayNumber(toDayNumber(closesOn) + 1) };
}

/** Today's date in Western Indonesia (UTC+7), where the award's deadlines are kept. */
export function todayInWib(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

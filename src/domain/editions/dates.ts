/** Calendar-date arithmetic on `YYYY-MM-DD` strings, free of time zones. */

const dayMs = 86_400_000;

export function toDayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / dayMs;
}

export function fromDayNumber(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

/** Moves a date by whole years, keeping day and month (29 Feb → 28 Feb). */
export function shiftYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${date.slice(5, 7)}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** Whole years between the starts of two periods (for copying a timeline). */
export function yearsBetween(from: string, to: string): number {
  return Number(to.slice(0, 4)) - Number(from.slice(0, 4));
}

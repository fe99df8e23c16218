/**
 * The demo's calendar, laid out around a given day so that the demo can be
 * walked on any date: the current edition's registration is open that day,
 * and the previous edition's provincial round is over and published.
 *
 * The dates below are the award's 2025 calendar as the seed news reports
 * give it, read as it stood on the reference day (15 April 2025, the middle
 * of registration). For another day every date moves by the same number of
 * days, and the edition years follow the day's year. Without a day the demo
 * is laid out on the reference day itself: the calendar the tests assert.
 */
import { fromDayNumber, shiftYears, toDayNumber } from '../../domain/editions/dates.ts';
import { todayInWib as wibDay } from '../../domain/editions/phase.ts';

export const demoReferenceDay = '2025-04-15';

export type DemoCalendar = {
  /** The day the demo is laid out around (`YYYY-MM-DD`). */
  today: string;
  /** The current edition's year: "Paritrana Award 2025" on the reference day. */
  year: number;
  /** A date of the reference calendar moved to this calendar. */
  at: (referenceDate: string) => string;
  /** A year of the reference calendar (2023, 2024, 2025) moved to this calendar. */
  yearOf: (referenceYear: number) => number;
  /** A date whose meaning is its year (a period's start or end, a decree's date), moved by whole years. */
  inYear: (referenceDate: string) => string;
};

/** Today in Western Indonesia, where the award's deadlines are kept. */
export const todayInWib = (now: Date = new Date()): string => wibDay(now);

export function demoCalendar(today: string = demoReferenceDay): DemoCalendar {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || fromDayNumber(toDayNumber(today)) !== today) throw new Error(`not a date: ${today}`);
  const shiftDays = toDayNumber(today) - toDayNumber(demoReferenceDay);
  const year = Number(today.slice(0, 4));
  const shiftYearsBy = year - Number(demoReferenceDay.slice(0, 4));
  return {
    today,
    year,
    at: (date) => fromDayNumber(toDayNumber(date) + shiftDays),
    yearOf: (referenceYear) => referenceYear + shiftYearsBy,
    inYear: (date) => shiftYears(date, shiftYearsBy),
  };
}

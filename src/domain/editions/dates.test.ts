import { describe, expect, it } from 'vitest';
import { fromDayNumber, shiftYears, toDayNumber, yearsBetween } from './dates.ts';

describe('calendar dates', () => {
  it('round-trips a day number', () => {
    expect(fromDayNumber(toDayNumber('2025-08-13'))).toBe('2025-08-13');
    expect(toDayNumber('1970-01-02')).toBe(1);
  });
  it('shifts by years and clamps 29 February', () => {
    expect(shiftYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(shiftYears('2024-08-13', 1)).toBe('2025-08-13');
    expect(shiftYears('2025-01-31', -1)).toBe('2024-01-31');
  });
  it('counts years between period starts', () => {
    expect(yearsBetween('2024-01-01', '2025-01-01')).toBe(1);
  });
});

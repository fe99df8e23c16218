import { describe, expect, it } from 'vitest';
import { parseDate } from './date-field.tsx';
import { separatorsOf } from '../theme.ts';

describe('dates typed into a date field', () => {
  it('read the page’s own format, day/month/year with any separator, and ISO', () => {
    expect(parseDate('31/12/2026', 'id')).toBe('2026-12-31');
    expect(parseDate('1.2.2027', 'id')).toBe('2027-02-01');
    expect(parseDate('2099-06-30', 'id')).toBe('2099-06-30');
    expect(parseDate('5 Mar 2027', 'en')).toBe('2027-03-05');
    expect(parseDate('05/03/2027', 'en')).toBe('2027-03-05');
  });

  it('are no date when the day does not exist or the text is not a date', () => {
    expect(parseDate('31/02/2027', 'id')).toBeNull();
    expect(parseDate('12/31/2026', 'id')).toBeNull();
    expect(parseDate('besok', 'id')).toBeNull();
    expect(parseDate('', 'en')).toBeNull();
  });
});

describe('number inputs', () => {
  it('group thousands and write decimals as the page’s language does', () => {
    expect(separatorsOf('id')).toEqual({ thousandSeparator: '.', decimalSeparator: ',' });
    expect(separatorsOf('en')).toEqual({ thousandSeparator: ',', decimalSeparator: '.' });
  });
});

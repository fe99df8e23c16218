import { describe, expect, it } from 'vitest';
import { formatDate, formatDateShort, formatNumber, formatPercent, formatPeriod, formatRupiah } from './format.ts';

describe('id-ID formats', () => {
  it('writes numbers and percentages the Indonesian way', () => {
    expect(formatNumber(9360)).toBe('9.360');
    expect(formatNumber(4871)).toBe('4.871');
    expect(formatPercent(50.8812)).toBe('50,88%');
    expect(formatPercent(null)).toBe('–');
    expect(formatNumber(9360, 'en')).toBe('9,360');
  });
  it('writes Rupiah as the reports do', () => {
    expect(formatRupiah(600_100_000)).toBe('Rp600,1 juta');
    expect(formatRupiah(69_400_000)).toBe('Rp69,4 juta');
    expect(formatRupiah(1_250_000_000)).toBe('Rp1,3 miliar');
    expect(formatRupiah(2_000_000_000_000)).toBe('Rp2 triliun');
    expect(formatRupiah(16_800)).toBe('Rp16.800');
    expect(formatRupiah(600_100_000, 'en')).toBe('Rp600.1 million');
  });
  it('writes dates with the weekday, free of time zones', () => {
    expect(formatDate('2025-08-13')).toBe('Rabu, 13 Agustus 2025');
    expect(formatDate('2025-08-13', 'en')).toBe('Wednesday, 13 August 2025');
    expect(formatDateShort('2025-08-05')).toBe('5 Agu 2025');
    expect(formatPeriod('2024-01-01', '2024-12-31')).toBe('1 Jan 2024 – 31 Des 2024');
  });
});

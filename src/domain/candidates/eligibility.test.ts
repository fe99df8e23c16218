import { describe, expect, it } from 'vitest';
import { checkEligibility } from './eligibility.ts';

const company = { kind: 'badan-usaha' as const, workers: 120, monthsInArrears: 0, regulations: 0, hasCoverageData: true };
const pemda = { kind: 'pemda' as const, workers: null, monthsInArrears: null, regulations: 0, hasCoverageData: true };

describe('checkEligibility', () => {
  it('passes an active employer without arrears', () => {
    expect(checkEligibility(['active-participant', 'no-arrears'], company)).toEqual([]);
  });
  it('blocks an employer in arrears or without active workers, with the reason in both languages', () => {
    expect(checkEligibility(['active-participant', 'no-arrears'], { ...company, workers: 0, monthsInArrears: 2 })).toEqual([
      {
        rule: 'active-participant',
        reasonId: 'Bukan peserta aktif BPJS Ketenagakerjaan pada akhir periode penilaian',
        reasonEn: 'Not an active BPJS Ketenagakerjaan participant at the end of the assessment period',
      },
      { rule: 'no-arrears', reasonId: 'Menunggak iuran 2 bulan', reasonEn: 'Contributions in arrears for 2 month(s)' },
    ]);
  });
  it('asks a government for at least one regulation; rules of the other kind do not apply', () => {
    expect(checkEligibility(['has-regulation', 'no-arrears'], pemda).map((f) => f.rule)).toEqual(['has-regulation']);
    expect(checkEligibility(['has-regulation'], { ...pemda, regulations: 1 })).toEqual([]);
  });
});

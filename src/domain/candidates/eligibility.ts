/**
 * Eligibility rules an edition may set per category (our catalogue). A
 * candidate that fails one is blocked, with the reason shown to it and to the
 * committee.
 */
export const eligibilityRules = ['active-participant', 'no-arrears', 'has-regulation', 'has-coverage-data'] as const;
export type EligibilityRule = (typeof eligibilityRules)[number];

export type EligibilityFacts = {
  kind: 'pemda' | 'badan-usaha';
  /** Active registered workers from the coverage snapshot (employers); null when unknown. */
  workers: number | null;
  /** Months in arrears in the assessment year (employers); null when unknown. */
  monthsInArrears: number | null;
  /** Regulations listed in the self-assessment. */
  regulations: number;
  /** Whether the current coverage snapshot has figures for the candidate. */
  hasCoverageData: boolean;
};

export type Failure = { rule: EligibilityRule; reasonId: string; reasonEn: string };

export function checkEligibility(rules: readonly string[], facts: EligibilityFacts): Failure[] {
  const failures: Failure[] = [];
  for (const rule of rules as EligibilityRule[]) {
    switch (rule) {
      case 'active-participant':
        if (facts.kind === 'badan-usaha' && !(facts.workers != null && facts.workers > 0)) {
          failures.push({ rule, reasonId: 'Bukan peserta aktif BPJS Ketenagakerjaan pada akhir periode penilaian', reasonEn: 'Not an active BPJS Ketenagakerjaan participant at the end of the assessment period' });
        }
        break;
      case 'no-arrears':
        if (facts.kind === 'badan-usaha' && facts.monthsInArrears != null && facts.monthsInArrears > 0) {
          failures.push({ rule, reasonId: `Menunggak iuran ${facts.monthsInArrears} bulan`, reasonEn: `Contributions in arrears for ${facts.monthsInArrears} month(s)` });
        }
        break;
      case 'has-regulation':
        if (facts.kind === 'pemda' && facts.regulations === 0) {
          failures.push({ rule, reasonId: 'Belum ada regulasi jaminan sosial ketenagakerjaan', reasonEn: 'No employment social security regulation yet' });
        }
        break;
      case 'has-coverage-data':
        if (!facts.hasCoverageData) {
          failures.push({ rule, reasonId: 'Tidak ada data kepesertaan untuk kandidat ini', reasonEn: 'No coverage data for this candidate' });
        }
        break;
    }
  }
  return failures;
}

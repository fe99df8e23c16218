/**
 * The coverage and compliance figures (docs/coverage-data.md) that become a
 * candidate's data values, by kind of candidate. The keys are the output
 * columns of the screen, so a figure can always be traced to its snapshot.
 */
export type FigureKey =
  | 'coverage_pct'
  | 'growth_pct'
  | 'bpu_coverage_pct'
  | 'gov_funded'
  | 'active'
  | 'working_population'
  | 'employer_compliance_pct'
  | 'workers'
  | 'declared_coverage_pct'
  | 'program_complete_pct'
  | 'below_min_wage_pct'
  | 'months_in_arrears'
  | 'on_time_pct';

export type Figure = { key: FigureKey; unit: 'pct' | 'count'; labelId: string; labelEn: string };

export const regionFigures: readonly Figure[] = [
  { key: 'coverage_pct', unit: 'pct', labelId: 'Cakupan kepesertaan', labelEn: 'Coverage' },
  { key: 'growth_pct', unit: 'pct', labelId: 'Pertumbuhan peserta aktif', labelEn: 'Growth of active participants' },
  { key: 'bpu_coverage_pct', unit: 'pct', labelId: 'Cakupan pekerja BPU (informal)', labelEn: 'Coverage of informal (BPU) workers' },
  { key: 'gov_funded', unit: 'count', labelId: 'Pekerja dibiayai APBD/APBDes', labelEn: 'Workers funded by regional budgets' },
  { key: 'active', unit: 'count', labelId: 'Peserta aktif', labelEn: 'Active participants' },
  { key: 'working_population', unit: 'count', labelId: 'Penduduk bekerja (BPS)', labelEn: 'Working population (BPS)' },
  { key: 'employer_compliance_pct', unit: 'pct', labelId: 'Pemberi kerja tanpa tanda PDS', labelEn: 'Employers without an under-reporting (PDS) signal' },
];

/**
 * An employer of the regency shows no under-reporting (PDS, perusahaan
 * daftar sebagian) signal when it registers every worker it declares, enrols
 * them in every mandatory program and reports no wage below the minimum; a
 * figure the snapshot leaves empty is no signal.
 */
export const pdsFreeSql = {
  declaredCoverageAtLeast: 100,
  programCompleteAtLeast: 100,
  belowMinWageAtMost: 0,
} as const;

export const employerFigures: readonly Figure[] = [
  { key: 'workers', unit: 'count', labelId: 'Pekerja terdaftar aktif', labelEn: 'Active registered workers' },
  { key: 'growth_pct', unit: 'pct', labelId: 'Pertumbuhan pekerja terdaftar', labelEn: 'Growth of registered workers' },
  { key: 'declared_coverage_pct', unit: 'pct', labelId: 'Pekerja terdaftar dari yang dilaporkan', labelEn: 'Registered share of declared workers' },
  { key: 'program_complete_pct', unit: 'pct', labelId: 'Pekerja dengan program wajib lengkap', labelEn: 'Workers with all mandatory programs' },
  { key: 'below_min_wage_pct', unit: 'pct', labelId: 'Upah dilaporkan di bawah UMK', labelEn: 'Wages reported below the minimum wage' },
  { key: 'months_in_arrears', unit: 'count', labelId: 'Bulan menunggak iuran', labelEn: 'Months in arrears' },
  { key: 'on_time_pct', unit: 'pct', labelId: 'Iuran dibayar tepat waktu', labelEn: 'Contributions paid on time' },
];

export function figuresFor(kind: 'pemda' | 'badan-usaha'): readonly Figure[] {
  return kind === 'pemda' ? regionFigures : employerFigures;
}

/**
 * Categories the award has used over the years (DOMAIN.md). An edition picks
 * the ones it runs and may change their levels and counts.
 */
export type CatalogueCategory = {
  code: string;
  family: 'pemda' | 'badan-usaha' | 'ukm' | 'pelayanan-publik' | 'desa';
  nameId: string;
  nameEn: string;
  levels: string[];
  awards: number;
  /** How many winners of a province go on to the national round (our rule: configurable). */
  advance: number;
  /** Default eligibility rules (src/domain/candidates/eligibility.ts); the edition may change them. */
  eligibility: ('active-participant' | 'no-arrears' | 'has-regulation' | 'has-coverage-data')[];
};

export const categoryCatalogue: readonly CatalogueCategory[] = [
  { code: 'pemprov', family: 'pemda', nameId: 'Pemerintah Provinsi', nameEn: 'Provincial Government', levels: ['nasional'], awards: 3, advance: 0, eligibility: ['has-regulation'] },
  { code: 'pemkab-kota', family: 'pemda', nameId: 'Pemerintah Kabupaten/Kota', nameEn: 'Regency/City Government', levels: ['provinsi', 'nasional'], awards: 3, advance: 1, eligibility: ['has-regulation'] },
  { code: 'usaha-besar', family: 'badan-usaha', nameId: 'Usaha Besar', nameEn: 'Large Enterprise', levels: ['provinsi', 'nasional'], awards: 3, advance: 1, eligibility: ['active-participant', 'no-arrears'] },
  { code: 'usaha-menengah', family: 'badan-usaha', nameId: 'Usaha Menengah', nameEn: 'Medium Enterprise', levels: ['provinsi', 'nasional'], awards: 3, advance: 1, eligibility: ['active-participant', 'no-arrears'] },
  { code: 'usaha-kecil-mikro', family: 'ukm', nameId: 'Usaha Kecil dan Mikro (UKM)', nameEn: 'Small and Micro Enterprise', levels: ['provinsi', 'nasional'], awards: 3, advance: 1, eligibility: ['active-participant'] },
  { code: 'pelayanan-publik', family: 'pelayanan-publik', nameId: 'Pelayanan Publik', nameEn: 'Public Service Institution', levels: ['provinsi', 'nasional'], awards: 3, advance: 1, eligibility: ['active-participant', 'no-arrears'] },
  { code: 'desa', family: 'desa', nameId: 'Desa/Kampung', nameEn: 'Village', levels: ['provinsi'], awards: 3, advance: 0, eligibility: [] },
];

/** The levels every new edition starts with. */
export const defaultLevels = [
  { code: 'provinsi', kind: 'provinsi' as const, name: 'Tingkat Provinsi', provinceCodes: [] as string[] },
  { code: 'nasional', kind: 'nasional' as const, name: 'Tingkat Nasional', provinceCodes: [] as string[] },
];

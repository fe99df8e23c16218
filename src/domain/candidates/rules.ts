/**
 * Who may be a candidate of a category: regional governments by their
 * Kemendagri code, employers and public-service institutions by NPP.
 */
export type CategoryFamily = 'pemda' | 'badan-usaha' | 'ukm' | 'pelayanan-publik' | 'desa';
export type CandidateKind = 'pemda' | 'badan-usaha';

export function kindOfFamily(family: string): CandidateKind {
  return family === 'pemda' || family === 'desa' ? 'pemda' : 'badan-usaha';
}

export const sizeClasses = ['besar', 'menengah', 'kecil', 'mikro'] as const;
export type SizeClass = (typeof sizeClasses)[number];

/** NPP (nomor pendaftaran perusahaan): letters and digits, 5 to 20 long. */
export const nppPattern = /^[A-Za-z0-9]{5,20}$/;

/** Statuses a candidate moves through before its submission. */
export type CandidateStatus = 'registered' | 'nominated' | 'accepted' | 'declined';

export function canRespond(status: string): boolean {
  return status === 'nominated';
}

/**
 * What identifies a candidate of a category: a provincial government its
 * province code (`pemprov`), a regency/city government its regency code, a
 * village its Kemendagri village code, everyone else its NPP.
 */
export type CandidateUnit = 'provinsi' | 'kabupaten-kota' | 'desa' | 'npp';

export function unitOfCategory(category: { code: string; family: string }): CandidateUnit {
  if (category.family === 'desa') return 'desa';
  if (category.family === 'pemda') return category.code === 'pemprov' ? 'provinsi' : 'kabupaten-kota';
  return 'npp';
}

/** A Kemendagri village code: province.regency.district.village, e.g. 52.03.01.2001. */
export const villageCodePattern = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;

type Identified = { kind: string; provinceCode: string; regencyCode: string | null; villageCode?: string | null; npp: string | null };

/** The unit a stored candidacy stands for, from the codes it holds. */
export function unitOfCandidate(c: Identified): CandidateUnit {
  if (c.kind !== 'pemda') return 'npp';
  if (c.villageCode) return 'desa';
  return c.regencyCode ? 'kabupaten-kota' : 'provinsi';
}

/** The key that may be a candidate of a category only once per level: village, regency, province or NPP. */
export function identityKey(c: Identified): string {
  const unit = unitOfCandidate(c);
  if (unit === 'desa') return c.villageCode!;
  if (unit === 'kabupaten-kota') return c.regencyCode!;
  if (unit === 'provinsi') return `provinsi:${c.provinceCode}`;
  return c.npp ?? '';
}

/**
 * The coverage-snapshot region whose figures are the candidate's: its regency,
 * its province for a provincial government, none for a village (the snapshot
 * holds no village figures, and the regency's are not the village's).
 */
export function coverageRegionOf(c: Identified): string | null {
  const unit = unitOfCandidate(c);
  if (unit === 'kabupaten-kota') return c.regencyCode;
  if (unit === 'provinsi') return c.provinceCode;
  return null;
}

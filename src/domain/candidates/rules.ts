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

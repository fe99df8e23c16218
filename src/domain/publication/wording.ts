/**
 * How facts are named in Indonesian prose: the government behind a region,
 * its regulations, worker segments and funding sources, as the award's news
 * reports write them (seeds: "Pemkab Tanggamus", "Instruksi Bupati Tanggamus
 * Nomor …", "376 nelayan", "Dana Bagi Hasil Sawit").
 */
export type RegionKind = 'kabupaten' | 'kota' | 'provinsi';

/** "Kabupaten Tanggamus" → kabupaten, "Tanggamus"; null for a name that is not a region's. */
export function regionOf(name: string): { kind: RegionKind; short: string } | null {
  const match = /^(Kabupaten|Kota|Provinsi)\s+(.+)$/.exec(name.trim());
  if (!match) return null;
  return { kind: match[1]!.toLowerCase() as RegionKind, short: match[2]! };
}

const government: Record<RegionKind, { full: string; short: string; head: string }> = {
  kabupaten: { full: 'Pemerintah Kabupaten', short: 'Pemkab', head: 'Bupati' },
  kota: { full: 'Pemerintah Kota', short: 'Pemkot', head: 'Wali Kota' },
  provinsi: { full: 'Pemerintah Provinsi', short: 'Pemprov', head: 'Gubernur' },
};

/** The winner as the headline and first sentence name it: "Pemerintah Kabupaten Tanggamus", or the employer's name. */
export function fullSubject(candidate: { name: string; kind: 'pemda' | 'badan-usaha' }): string {
  const region = candidate.kind === 'pemda' ? regionOf(candidate.name) : null;
  return region ? `${government[region.kind].full} ${region.short}` : candidate.name;
}

/** The winner as later sentences name it: "Pemkab Tanggamus", or the employer's name. */
export function shortSubject(candidate: { name: string; kind: 'pemda' | 'badan-usaha' }): string {
  const region = candidate.kind === 'pemda' ? regionOf(candidate.name) : null;
  return region ? `${government[region.kind].short} ${region.short}` : candidate.name;
}

/**
 * The name of a kind of regulation issued by a region: "Peraturan Daerah
 * Kabupaten Tanggamus", "Instruksi Bupati Tanggamus", "Peraturan Wali Kota
 * Bontang". Without a region, the generic name ("Peraturan Kepala Daerah").
 */
export function regulationName(type: string, regionName: string): string {
  const region = regionOf(regionName);
  const head = region ? `${government[region.kind].head} ${region.short}` : 'Kepala Daerah';
  switch (type) {
    case 'perda':
      return region ? `Peraturan Daerah ${regionName.trim()}` : 'Peraturan Daerah';
    case 'perkada':
      return `Peraturan ${head}`;
    case 'instruksi':
      return `Instruksi ${head}`;
    case 'surat-edaran':
      return `Surat Edaran ${head}`;
    default:
      return `Keputusan ${head}`;
  }
}

/** Worker segments of the protection programs, as counted people ("376 nelayan"). */
export const segmentWords: Record<string, string> = {
  'non-asn': 'tenaga non-ASN',
  'perangkat-desa': 'perangkat desa',
  'rt-rw': 'pengurus RT/RW',
  'guru-ngaji': 'guru ngaji',
  'penjaga-makam': 'penjaga makam',
  nelayan: 'nelayan',
  petani: 'petani',
  'petani-tembakau': 'petani tembakau',
  'pekerja-migran': 'pekerja migran dan keluarganya',
  'pelaku-umkm': 'pelaku UMKM',
  'keluarga-miskin': 'pekerja dari keluarga miskin',
  relawan: 'relawan',
  lainnya: 'pekerja rentan lainnya',
};

/** Funding sources of the programs ("dari APBD"). */
export const fundingWords: Record<string, string> = {
  apbd: 'APBD',
  'apbd-p': 'APBD Perubahan',
  'dbh-sawit': 'Dana Bagi Hasil (DBH) Sawit',
  'dbh-cht': 'Dana Bagi Hasil Cukai Hasil Tembakau (DBH CHT)',
  'alokasi-dana-desa': 'Alokasi Dana Desa (ADD)',
  csr: 'dana CSR',
  lainnya: 'sumber lain',
};

/** "a", "a dan b", "a, b, dan c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length === 2) return `${items[0]} dan ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, dan ${items[items.length - 1]}`;
}

/** The first letter in lower case ("Wawancara" → "wawancara"), unless the word is an acronym. */
export function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

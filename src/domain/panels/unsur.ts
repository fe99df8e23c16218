/**
 * The elements (*unsur*) a panel's members represent (DOMAIN.md): a
 * provincial "tim sembilan" brings together government, statistics, BPJS,
 * employers, unions, academics and experts so that no side judges alone.
 */
export const unsurList = [
  { code: 'pemda', id: 'Pemerintah daerah', en: 'Regional government' },
  { code: 'bps', id: 'Badan Pusat Statistik (BPS)', en: 'Statistics Indonesia (BPS)' },
  { code: 'bpjs', id: 'BPJS Ketenagakerjaan', en: 'BPJS Ketenagakerjaan' },
  { code: 'apindo', id: 'Pengusaha (APINDO)', en: 'Employers (APINDO)' },
  { code: 'serikat-pekerja', id: 'Serikat pekerja', en: 'Trade union' },
  { code: 'akademisi', id: 'Akademisi', en: 'Academic' },
  { code: 'ahli-jaminan-sosial', id: 'Ahli jaminan sosial', en: 'Expert in social security' },
  { code: 'ahli-ekonomi', id: 'Ahli ekonomi', en: 'Expert in economics' },
  { code: 'ahli-hukum', id: 'Ahli hukum', en: 'Expert in law' },
  { code: 'ahli-kebijakan-publik', id: 'Ahli kebijakan publik', en: 'Expert in public policy' },
  { code: 'ahli-pemberdayaan-masyarakat', id: 'Ahli pemberdayaan masyarakat', en: 'Expert in community empowerment' },
] as const;

export type Unsur = (typeof unsurList)[number]['code'];
export const unsurCodes = unsurList.map((u) => u.code) as [Unsur, ...Unsur[]];

export const panelRoles = ['chair', 'secretary', 'member'] as const;
export type PanelRole = (typeof panelRoles)[number];

export function unsurLabel(code: string, lang: 'id' | 'en'): string {
  return unsurList.find((u) => u.code === code)?.[lang] ?? code;
}

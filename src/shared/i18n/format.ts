/**
 * Number, money and date formats of the product (id-ID by default):
 * "9.360", "50,88%", "Rp600,1 juta", "Rabu, 13 Agustus 2025".
 */
export type Lang = 'id' | 'en';
const locale = (lang: Lang) => (lang === 'id' ? 'id-ID' : 'en-GB');

export function formatNumber(value: number, lang: Lang = 'id', digits = 0): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

export function formatPercent(value: number | null, digits = 2, lang: Lang = 'id'): string {
  return value == null ? '–' : `${formatNumber(value, lang, digits)}%`;
}

const scales: { size: number; id: string; en: string }[] = [
  { size: 1e12, id: 'triliun', en: 'trillion' },
  { size: 1e9, id: 'miliar', en: 'billion' },
  { size: 1e6, id: 'juta', en: 'million' },
];

/** Rupiah as officials write it: "Rp600,1 juta", "Rp1,2 miliar", "Rp16.800". */
export function formatRupiah(value: number, lang: Lang = 'id'): string {
  const scale = scales.find((s) => Math.abs(value) >= s.size);
  if (!scale) return `Rp${formatNumber(value, lang)}`;
  const scaled = Math.round((value / scale.size) * 10) / 10;
  const text = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(scaled);
  return `Rp${text} ${lang === 'id' ? scale.id : scale.en}`;
}

function calendarDate(date: string): Date {
  return new Date(`${date.slice(0, 10)}T00:00:00Z`);
}

/** "Rabu, 13 Agustus 2025" / "Wednesday, 13 August 2025" from YYYY-MM-DD, with no time-zone shift. */
export function formatDate(date: string, lang: Lang = 'id'): string {
  return new Intl.DateTimeFormat(locale(lang), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(calendarDate(date));
}

/** "13 Agu 2025" / "13 Aug 2025". */
export function formatDateShort(date: string, lang: Lang = 'id'): string {
  return new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(calendarDate(date));
}

/** A period such as "1 Jan 2024 – 31 Des 2024". */
export function formatPeriod(start: string, end: string | null, lang: Lang = 'id'): string {
  return end && end !== start ? `${formatDateShort(start, lang)} – ${formatDateShort(end, lang)}` : formatDateShort(start, lang);
}

/** A moment in Western Indonesia Time: "13 Agu 2025 14.05". */
export function formatDateTime(iso: string, lang: Lang = 'id'): string {
  return new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Jakarta' }).format(new Date(iso));
}

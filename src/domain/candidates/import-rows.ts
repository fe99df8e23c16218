import { reasoned, type Reasoned, type ReasonValues, type RowReason } from '../sheets/row-reasons.ts';
import { kindOfFamily, nppPattern, sizeClasses, unitOfCategory, villageCodePattern, type CandidateKind } from './rules.ts';

/**
 * Checks the rows of a candidate import (template columns below) against the
 * edition; the import is all-or-nothing, so every problem of every row is
 * reported at once with its row number, column and reason code
 * (`../sheets/row-reasons.ts`), which the page says in the user's language.
 */
export const importColumns = [
  'kategori',
  'kode_wilayah',
  'npp',
  'nama',
  'kelas_usaha',
  'sektor',
  'alamat',
  'nama_kontak',
  'jabatan_kontak',
  'telepon_kontak',
  'email_kontak',
] as const;
export type ImportColumn = (typeof importColumns)[number];
export type ImportRow = Partial<Record<ImportColumn, string>>;

export type ImportContext = {
  /** Categories of the edition by code. */
  categories: Map<string, { id: string; family: string; levels: string[] }>;
  /** Regencies/cities by Kemendagri code. */
  regencies: Map<string, { name: string; provinceCode: string }>;
  /** Province names by Kemendagri code (a provincial government is named after its province). */
  provinces?: Map<string, string>;
  /** A village by its Kemendagri code (e.g. 52.03.01.2001), when villages can be candidates. */
  village?: (code: string) => { name: string; regencyCode: string } | undefined;
  /** The province the rows belong to. */
  provinceCode: string;
  /** Keys already taken at each category's first level: `${categoryId}|${identityKey}` (rules.ts). */
  existing: Set<string>;
};

export type NewCandidate = {
  categoryId: string;
  /** The category's first level: where its candidates are nominated. */
  level: string;
  kind: CandidateKind;
  provinceCode: string;
  regencyCode: string | null;
  villageCode: string | null;
  npp: string | null;
  name: string;
  sizeClass: string | null;
  sector: string | null;
  address: string | null;
  contacts: { name: string; position: string | null; phone: string | null; email: string | null }[];
};

export type RowProblem = { row: number; column: ImportColumn | 'baris' } & Reasoned;

/** The longest cell read: longer ones are refused before any other check runs on them. */
export const maxCellLength = 500;

/**
 * An e-mail address as the import accepts it: one `@`, no white space, a
 * local part, and a domain with a dot neither first nor last. Checked with
 * a few passes over the text (linear), not a backtracking pattern: a
 * pattern such as /^[^\s@]+@[^\s@]+\.[^\s@]+$/ takes quadratic time on a
 * long cell without a dot, which froze the server for seconds.
 */
export function isEmailAddress(value: string): boolean {
  if (/\s/.test(value)) return false;
  const at = value.indexOf('@');
  if (at <= 0 || at !== value.lastIndexOf('@')) return false;
  const domain = value.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  return dot > 0 && dot < domain.length - 1 && !domain.startsWith('.');
}
const blank = (v: string | undefined) => (v ?? '').trim() === '';
const text = (v: string | undefined) => (blank(v) ? null : v!.trim());

export type CheckedRows = { candidates: NewCandidate[]; problems: RowProblem[] };

/** `firstRow` is the sheet row number of rows[0] (2 when row 1 is the header). */
export function checkImportRows(rows: ImportRow[], context: ImportContext, firstRow = 2): CheckedRows {
  const checker = importRowChecker(context, firstRow);
  rows.forEach((row, i) => checker.check(row, i));
  return checker.result;
}

/** Rows checked between two yields to the event loop by `checkImportRowsInSlices`. */
export const checkSliceRows = 250;

/**
 * The same check as `checkImportRows`, in slices of `checkSliceRows` rows with
 * a turn of the event loop between them, so a server checking a 5,000-row
 * sheet keeps answering other requests (duplicates across slices are found:
 * the slices share one checker).
 */
export async function checkImportRowsInSlices(
  rows: ImportRow[],
  context: ImportContext,
  options: { firstRow?: number; yieldNow?: () => Promise<void> } = {},
): Promise<CheckedRows> {
  const checker = importRowChecker(context, options.firstRow ?? 2);
  const yieldNow = options.yieldNow ?? (() => new Promise<void>((resolve) => setImmediate(resolve)));
  for (let start = 0; start < rows.length; start += checkSliceRows) {
    if (start > 0) await yieldNow();
    for (let i = start; i < Math.min(rows.length, start + checkSliceRows); i++) checker.check(rows[i]!, i);
  }
  return checker.result;
}

/** Checks rows one at a time (row `i` of the sheet's body); remembers the keys seen for duplicates. */
function importRowChecker(context: ImportContext, firstRow: number): { check: (row: ImportRow, i: number) => void; result: CheckedRows } {
  const problems: RowProblem[] = [];
  const candidates: NewCandidate[] = [];
  const seen = new Map<string, number>();
  const check = (row: ImportRow, i: number) => {
    const at = firstRow + i;
    const problem = (column: RowProblem['column'], reason: RowReason, values?: ReasonValues) => problems.push({ row: at, column, ...reasoned(reason, values) });
    const before = problems.length;
    for (const column of importColumns) {
      const length = row[column]?.length ?? 0;
      if (length > maxCellLength) problem(column, 'too-long', { length, max: maxCellLength });
    }
    // A row with an over-long cell is refused as it is: nothing else is read from it.
    if (problems.length > before) return;
    const category = context.categories.get((row.kategori ?? '').trim());
    if (blank(row.kategori)) problem('kategori', 'required');
    else if (!category) problem('kategori', 'category-unknown', { value: row.kategori!.trim() });
    const kind = category ? kindOfFamily(category.family) : null;
    let regencyCode: string | null = null;
    let npp: string | null = null;
    let name = text(row.nama);
    let villageCode: string | null = null;
    let identity: string | null = null;
    const unit = category ? unitOfCategory({ code: (row.kategori ?? '').trim(), family: category.family }) : null;
    if (unit === 'provinsi') {
      const code = text(row.kode_wilayah);
      const provinceName = context.provinces?.get(context.provinceCode);
      if (code && code !== context.provinceCode) problem('kode_wilayah', 'province-code', { province: context.provinceCode, value: code });
      else {
        identity = `provinsi:${context.provinceCode}`;
        name ??= provinceName ? `Pemerintah Provinsi ${provinceName}` : null;
        if (!name) problem('nama', 'province-name-required');
      }
    } else if (unit === 'desa') {
      villageCode = text(row.kode_wilayah);
      const village = villageCode ? context.village?.(villageCode) : undefined;
      if (!villageCode) problem('kode_wilayah', 'village-code-required');
      else if (!villageCodePattern.test(villageCode) || !village) problem('kode_wilayah', 'village-unknown', { value: villageCode });
      else if (!villageCode.startsWith(`${context.provinceCode}.`)) problem('kode_wilayah', 'village-other-province', { name: village.name, province: context.provinceCode });
      else {
        identity = villageCode;
        name ??= `Desa ${village.name}`;
      }
    } else if (kind === 'pemda') {
      regencyCode = text(row.kode_wilayah);
      const regency = regencyCode ? context.regencies.get(regencyCode) : undefined;
      if (!regencyCode) problem('kode_wilayah', 'regency-code-required');
      else if (!regency) problem('kode_wilayah', 'regency-unknown', { value: regencyCode });
      else if (regency.provinceCode !== context.provinceCode) {
        problem('kode_wilayah', 'regency-other-province', { name: regency.name, province: context.provinceCode });
      } else {
        name = regency.name;
        identity = regencyCode;
      }
    } else if (kind === 'badan-usaha') {
      npp = text(row.npp);
      if (!npp) problem('npp', 'company-required');
      else if (!nppPattern.test(npp)) problem('npp', 'npp-invalid', { value: npp });
      if (!name) problem('nama', 'company-required');
      identity = npp;
      const size = text(row.kelas_usaha);
      if (size && !(sizeClasses as readonly string[]).includes(size)) problem('kelas_usaha', 'size-class', { allowed: sizeClasses.join(', ') });
    }
    const contactEmail = text(row.email_kontak);
    if (contactEmail && !isEmailAddress(contactEmail)) problem('email_kontak', 'email-invalid', { value: contactEmail });
    if (!blank(row.email_kontak) || !blank(row.telepon_kontak)) {
      if (blank(row.nama_kontak)) problem('nama_kontak', 'contact-name-required');
    }
    if (category && identity && problems.length === before) {
      const key = `${category.id}|${identity}`;
      const shown = identity.startsWith('provinsi:') ? name : identity;
      if (context.existing.has(key)) problem('baris', 'already-candidate', { name: shown ?? identity, category: row.kategori!.trim() });
      else if (seen.has(key)) problem('baris', 'same-as-row', { row: seen.get(key)! });
      seen.set(key, seen.get(key) ?? at);
    }
    if (problems.length > before || !category || !kind) return;
    candidates.push({
      categoryId: category.id,
      level: category.levels[0] ?? 'provinsi',
      kind,
      provinceCode: context.provinceCode,
      regencyCode,
      villageCode,
      npp,
      name: name!,
      sizeClass: kind === 'badan-usaha' ? text(row.kelas_usaha) : null,
      sector: text(row.sektor),
      address: text(row.alamat),
      contacts: blank(row.nama_kontak)
        ? []
        : [{ name: row.nama_kontak!.trim(), position: text(row.jabatan_kontak), phone: text(row.telepon_kontak), email: contactEmail }],
    });
  };
  return { check, result: { candidates, problems } };
}

import { isEmailAddress, maxCellLength } from '../candidates/import-rows.ts';
import { unsurCodes, type PanelRole, type Unsur } from '../panels/unsur.ts';

/**
 * The rows of a bulk staff invitation (a province's verifiers or a panel's
 * jurors): checked all at once, every problem of every row named with its
 * row number, column and reason in Indonesian and English, so that the sheet
 * is imported whole or not at all.
 */
export const staffColumns = ['email', 'nama', 'bahasa', 'unsur', 'jabatan_panel', 'jabatan'] as const;
export type StaffColumn = (typeof staffColumns)[number];
export type StaffRow = Partial<Record<StaffColumn, string>>;

export type StaffRowProblem = { row: number; column: StaffColumn | 'baris'; message: string };

export type NewStaff = {
  row: number;
  email: string;
  name: string;
  locale: 'id' | 'en';
  /** With a panel chosen: the seat. */
  seat: { unsur: Unsur; role: PanelRole; title: string | null } | null;
};

export type StaffRowContext = {
  /** E-mails (lower case) that already have an account. */
  existing: Set<string>;
  /** Seat the rows on a panel (jurors only): unsur and role are then required. */
  seating: boolean;
};

/** The words of `jabatan_panel`, in either language. */
const seatWords: Record<string, PanelRole> = {
  ketua: 'chair',
  chair: 'chair',
  sekretaris: 'secretary',
  secretary: 'secretary',
  anggota: 'member',
  member: 'member',
};

const both = (id: string, en: string) => `${id} / ${en}`;
const blank = (v: string | undefined) => (v ?? '').trim() === '';

/** `firstRow` is the sheet row number of rows[0] (2 when row 1 is the header). */
export function checkStaffRows(rows: StaffRow[], context: StaffRowContext, firstRow = 2): { staff: NewStaff[]; problems: StaffRowProblem[] } {
  const problems: StaffRowProblem[] = [];
  const staff: NewStaff[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const at = firstRow + i;
    const before = problems.length;
    const problem = (column: StaffRowProblem['column'], message: string) => problems.push({ row: at, column, message });
    for (const column of staffColumns) {
      const length = row[column]?.length ?? 0;
      if (length > maxCellLength) problem(column, both(`terlalu panjang: ${length} karakter (paling banyak ${maxCellLength})`, `too long: ${length} characters (at most ${maxCellLength})`));
    }
    if (problems.length > before) return;
    const email = (row.email ?? '').trim().toLowerCase();
    if (!email) problem('email', both('wajib diisi', 'required'));
    else if (!isEmailAddress(email) || email.length > 254) problem('email', both(`alamat e-mail "${email}" tidak sah`, `"${email}" is not a valid e-mail address`));
    else if (context.existing.has(email)) problem('email', both(`${email} sudah memiliki akun`, `${email} already has an account`));
    else if (seen.has(email)) problem('email', both(`sama dengan baris ${seen.get(email)}`, `same as row ${seen.get(email)}`));
    if (email && !seen.has(email)) seen.set(email, at);
    const name = (row.nama ?? '').trim();
    if (name.length < 2) problem('nama', both('wajib diisi (paling sedikit 2 karakter)', 'required (at least 2 characters)'));
    else if (name.length > 120) problem('nama', both('paling banyak 120 karakter', 'at most 120 characters'));
    const language = (row.bahasa ?? '').trim().toLowerCase() || 'id';
    if (language !== 'id' && language !== 'en') problem('bahasa', both('isi id atau en', 'give id or en'));
    let seat: NewStaff['seat'] = null;
    if (context.seating) {
      const unsur = (row.unsur ?? '').trim().toLowerCase();
      const word = (row.jabatan_panel ?? '').trim().toLowerCase() || 'anggota';
      if (!unsur) problem('unsur', both('wajib diisi bila juri didudukkan di tim', 'required when the jurors are seated on a panel'));
      else if (!(unsurCodes as string[]).includes(unsur)) problem('unsur', both(`unsur "${unsur}" tidak dikenal (lihat lembar Petunjuk)`, `unknown unsur "${unsur}" (see the guide sheet)`));
      const role = seatWords[word];
      if (!role) problem('jabatan_panel', both(`isi ketua, sekretaris atau anggota, bukan "${word}"`, `give chair, secretary or member, not "${word}"`));
      if (problems.length === before) seat = { unsur: unsur as Unsur, role: role!, title: blank(row.jabatan) ? null : row.jabatan!.trim() };
    } else if (!blank(row.unsur) || !blank(row.jabatan_panel)) {
      problem(blank(row.unsur) ? 'jabatan_panel' : 'unsur', both('hanya diisi bila juri didudukkan di tim yang dipilih', 'only filled in when jurors are seated on a chosen panel'));
    }
    if (problems.length > before) return;
    staff.push({ row: at, email, name, locale: language as 'id' | 'en', seat });
  });
  return { staff, problems };
}

import { isEmailAddress, maxCellLength } from '../candidates/import-rows.ts';
import { reasoned, type Reasoned, type ReasonValues, type RowReason } from '../sheets/row-reasons.ts';
import { unsurCodes, type PanelRole, type Unsur } from '../panels/unsur.ts';

/**
 * The rows of a bulk staff invitation (a province's verifiers or a panel's
 * jurors): checked all at once, every problem of every row named with its
 * row number, column and reason code (said by the page in the user's
 * language), so that the sheet
 * is imported whole or not at all.
 */
export const staffColumns = ['email', 'nama', 'bahasa', 'unsur', 'jabatan_panel', 'jabatan'] as const;
export type StaffColumn = (typeof staffColumns)[number];
export type StaffRow = Partial<Record<StaffColumn, string>>;

export type StaffRowProblem = { row: number; column: StaffColumn | 'baris' } & Reasoned;

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

const blank = (v: string | undefined) => (v ?? '').trim() === '';

/** `firstRow` is the sheet row number of rows[0] (2 when row 1 is the header). */
export function checkStaffRows(rows: StaffRow[], context: StaffRowContext, firstRow = 2): { staff: NewStaff[]; problems: StaffRowProblem[] } {
  const problems: StaffRowProblem[] = [];
  const staff: NewStaff[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const at = firstRow + i;
    const before = problems.length;
    const problem = (column: StaffRowProblem['column'], reason: RowReason, values?: ReasonValues) => problems.push({ row: at, column, ...reasoned(reason, values) });
    for (const column of staffColumns) {
      const length = row[column]?.length ?? 0;
      if (length > maxCellLength) problem(column, 'too-long', { length, max: maxCellLength });
    }
    if (problems.length > before) return;
    const email = (row.email ?? '').trim().toLowerCase();
    if (!email) problem('email', 'required');
    else if (!isEmailAddress(email) || email.length > 254) problem('email', 'email-invalid', { value: email });
    else if (context.existing.has(email)) problem('email', 'email-taken', { value: email });
    else if (seen.has(email)) problem('email', 'same-as-row', { row: seen.get(email)! });
    if (email && !seen.has(email)) seen.set(email, at);
    const name = (row.nama ?? '').trim();
    if (name.length < 2) problem('nama', 'name-too-short', { min: 2 });
    else if (name.length > 120) problem('nama', 'name-too-long', { max: 120 });
    const language = (row.bahasa ?? '').trim().toLowerCase() || 'id';
    if (language !== 'id' && language !== 'en') problem('bahasa', 'language');
    let seat: NewStaff['seat'] = null;
    if (context.seating) {
      const unsur = (row.unsur ?? '').trim().toLowerCase();
      const word = (row.jabatan_panel ?? '').trim().toLowerCase() || 'anggota';
      if (!unsur) problem('unsur', 'unsur-required');
      else if (!(unsurCodes as string[]).includes(unsur)) problem('unsur', 'unsur-unknown', { value: unsur });
      const role = seatWords[word];
      if (!role) problem('jabatan_panel', 'panel-role-unknown', { value: word });
      if (problems.length === before) seat = { unsur: unsur as Unsur, role: role!, title: blank(row.jabatan) ? null : row.jabatan!.trim() };
    } else if (!blank(row.unsur) || !blank(row.jabatan_panel)) {
      problem(blank(row.unsur) ? 'jabatan_panel' : 'unsur', 'seating-only');
    }
    if (problems.length > before) return;
    staff.push({ row: at, email, name, locale: language as 'id' | 'en', seat });
  });
  return { staff, problems };
}

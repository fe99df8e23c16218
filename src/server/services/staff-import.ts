import ExcelJS from 'exceljs';
import { AppError } from '../../domain/errors.ts';
import { reasoned } from '../../domain/sheets/row-reasons.ts';
import { checkStaffRows, staffColumns, type StaffRow } from '../../domain/accounts/staff-rows.ts';
import { unsurList } from '../../domain/panels/unsur.ts';
import * as users from '../../db/repositories/users.ts';
import * as panels from '../../db/repositories/panels.ts';
import { findProvince } from '../../db/repositories/regions.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { StaffImportQuery } from '../../shared/contracts/index.ts';
import { auditActor } from '../policies/actor.ts';
import { authorizePanel } from '../policies/panels.ts';
import type { ServiceContext } from './context.ts';
import { readTable } from './candidate-sheet.ts';
import { csvField } from './tabular.ts';
import { authorizeGrants } from './users.ts';
import { invitedPasswordHash, queueStaffInvitation } from './staff-invitations.ts';

/** Rows one staff sheet may hold (a panel has a few dozen members, a province's verifiers fewer). */
export const maxStaffRows = 500;

/** Reads an uploaded staff sheet; the header row must use the template's column names. */
export async function readStaffSheet(buffer: Buffer): Promise<StaffRow[]> {
  const [header, ...body] = await readTable(buffer);
  if (!header) throw new AppError('VALIDATION_FAILED', 'The file is empty', [{ path: 'file', ...reasoned('file-empty') }]);
  if (body.length > maxStaffRows) {
    throw new AppError('VALIDATION_FAILED', `The file has ${body.length} rows; at most ${maxStaffRows}`, [{ path: 'file', ...reasoned('too-many-rows', { count: body.length, max: maxStaffRows }) }]);
  }
  const names = header.map((h) => h.trim().toLowerCase());
  const unknown = names.filter((n) => n !== '' && !(staffColumns as readonly string[]).includes(n));
  const missing = (['email', 'nama'] as const).filter((c) => !names.includes(c));
  if (unknown.length > 0 || missing.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'The columns do not match the template', [
      ...unknown.map((u) => ({ path: `baris 1.${u}`, ...reasoned('column-unknown', { column: u }) })),
      ...missing.map((m) => ({ path: `baris 1.${m}`, ...reasoned('column-missing', { column: m }) })),
    ]);
  }
  return body.map((values) => Object.fromEntries(names.map((n, i) => [n, values[i] ?? '']).filter(([n]) => n !== '')) as StaffRow);
}

const guide: Record<(typeof staffColumns)[number], string> = {
  email: 'e-mail pribadi orang yang diundang, wajib / the invited person’s own e-mail, required',
  nama: 'nama lengkap dengan gelar, wajib / full name with titles, required',
  bahasa: 'id atau en (kosong: id) / id or en (empty: id)',
  unsur: 'hanya untuk juri yang didudukkan di tim: kode unsur di bawah / only for jurors seated on a panel: an unsur code below',
  jabatan_panel: 'ketua, sekretaris atau anggota (kosong: anggota) / chair, secretary or member (empty: member)',
  jabatan: 'jabatan di instansi, bebas / position in the institution, free text',
};

/** The bulk invitation template: the header row only (no example person that could be imported), a guide and the unsur codes. */
export async function staffTemplate(format: 'xlsx' | 'csv'): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(`${staffColumns.map((c) => csvField(c, ',;')).join(',')}\n`, 'utf8');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Staf');
  sheet.addRow([...staffColumns]).font = { bold: true };
  sheet.columns.forEach((column) => (column.width = 26));
  const help = workbook.addWorksheet('Petunjuk');
  help.addRow(['kolom / column', 'isi / content']).font = { bold: true };
  for (const c of staffColumns) help.addRow([c, guide[c]]);
  help.addRow([]);
  help.addRow(['Semua baris disimpan atau tidak sama sekali. / Every row is saved, or none.']);
  help.addRow([]);
  help.addRow(['unsur', 'nama / name']).font = { bold: true };
  for (const u of unsurList) help.addRow([u.code, `${u.id} / ${u.en}`]);
  help.getColumn(1).width = 30;
  help.getColumn(2).width = 90;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Invites a province's verifiers or jurors from a sheet, all or none: every
 * row checked first (bad rows named), then, in one transaction, the accounts,
 * their invitations (outbox) and, with a panel chosen, their seats on it.
 */
export async function importStaff({ db, actor }: ServiceContext, query: StaffImportQuery, rows: StaffRow[], baseUrl: string) {
  const roles = [{ role: query.role, provinceCode: query.province, candidateId: null }];
  await authorizeGrants(db, actor, roles);
  if (!(await findProvince(db, query.province))) throw new AppError('VALIDATION_FAILED', `Unknown province ${query.province}`, [{ path: 'province', message: 'unknown province' }]);
  if (query.panelId && query.role !== 'juror') throw new AppError('VALIDATION_FAILED', 'Only jurors are seated on a panel', [{ path: 'panelId', message: 'jurors only' }]);
  if (rows.length === 0) throw new AppError('VALIDATION_FAILED', 'The sheet has no rows', [{ path: 'file', ...reasoned('no-rows') }]);
  const emails = rows.map((r) => (r.email ?? '').trim().toLowerCase()).filter((e) => e !== '' && e.length <= 254);
  return db.transaction(async (tx) => {
    const panel = query.panelId ? await panels.findPanel(tx, query.panelId) : null;
    if (query.panelId && !panel) throw new AppError('NOT_FOUND', 'Panel not found');
    if (panel) {
      authorizePanel(actor, 'manage', panel);
      if (panel.area !== query.province) throw new AppError('VALIDATION_FAILED', 'The panel is not one of this province', [{ path: 'panelId', message: 'another area' }]);
    }
    const existing = new Set((await users.usersByEmails(tx, emails)).keys());
    const { staff, problems } = checkStaffRows(rows, { existing, seating: panel !== null });
    const seatedBefore = panel ? await panels.membersOf(tx, [panel.id]) : [];
    if (panel && problems.length === 0) {
      const chairs = [...seatedBefore.filter((m) => m.role === 'chair'), ...staff.filter((s) => s.seat?.role === 'chair')];
      const secretaries = [...seatedBefore.filter((m) => m.role === 'secretary'), ...staff.filter((s) => s.seat?.role === 'secretary')];
      const rowsOf = (list: typeof chairs) => list.flatMap((x) => ('row' in x ? [x.row] : []));
      if (chairs.length !== 1) {
        const rowsNamed = rowsOf(chairs);
        const why = chairs.length === 0 ? reasoned('no-chair') : reasoned('one-chair', { count: chairs.length, rows: rowsNamed.join(', ') });
        problems.push({ row: rowsNamed[0] ?? 1, column: 'jabatan_panel', ...why });
      }
      if (secretaries.length > 1) {
        const rowsNamed = rowsOf(secretaries);
        problems.push({ row: rowsNamed[0] ?? 1, column: 'jabatan_panel', ...reasoned('one-secretary', { rows: rowsNamed.join(', ') }) });
      }
    }
    if (problems.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        `${problems.length} problems; nothing was saved`,
        problems.map(({ row, column, ...why }) => ({ path: `baris ${row}.${column}`, ...why })),
      );
    }
    const invited: string[] = [];
    for (const s of staff) {
      const id = await users.insertUser(tx, { email: s.email, name: s.name, passwordHash: invitedPasswordHash, locale: s.locale, roles });
      await appendAudit(tx, auditActor(actor), { action: 'user.create', entityType: 'user', entityId: id, after: { email: s.email, name: s.name, locale: s.locale, roles, invited: true, sheetRow: s.row } });
      await queueStaffInvitation(tx, actor, { id, email: s.email, name: s.name }, roles, baseUrl);
      invited.push(id);
    }
    let seated = 0;
    if (panel) {
      const seats = staff.map((s, i) => ({ panelId: panel.id, userId: invited[i]!, unsur: s.seat!.unsur, role: s.seat!.role, title: s.seat!.title }));
      await panels.replaceMembers(tx, panel.id, [...seatedBefore.map((m) => ({ panelId: m.panelId, userId: m.userId, unsur: m.unsur, role: m.role, title: m.title })), ...seats]);
      await appendAudit(tx, auditActor(actor), { action: 'panel.members', entityType: 'panel', entityId: panel.id, before: seatedBefore, after: await panels.membersOf(tx, [panel.id]) });
      seated = seats.length;
    }
    await appendAudit(tx, auditActor(actor), { action: 'user.import', entityType: 'province', entityId: query.province, after: { role: query.role, panelId: panel?.id ?? null, invited: invited.length, seated } });
    return { invited: invited.length, seated };
  });
}

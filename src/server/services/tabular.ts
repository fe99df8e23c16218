import ExcelJS from 'exceljs';

export type Cell = string | number | boolean | null;
/** One sheet of an export: a name, column headers and rows. */
export type Table = { name: string; columns: string[]; rows: Cell[][] };

const csvCell = (value: Cell): string => {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * CSV for machines (RFC 4180): comma-separated, UTF-8 without BOM, CRLF line
 * ends, dot decimals, empty for an unknown value.
 */
export function toCsv(table: Table): Buffer {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvCell).join(','));
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

/** An Excel workbook with the table: bold frozen header, filters, columns sized to their content. */
export async function toXlsx(table: Table): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Paritrana';
  const sheet = workbook.addWorksheet(table.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.columns).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((v) => (v === null ? undefined : v)));
  if (table.columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  table.columns.forEach((name, i) => {
    const widest = Math.max(name.length, ...table.rows.slice(0, 500).map((r) => String(r[i] ?? '').length));
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, widest + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

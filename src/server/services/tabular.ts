import ExcelJS from 'exceljs';

export type Cell = string | number | boolean | Date | null;

/** Western Indonesian Time: the award's clock (UTC+7, no daylight saving). */
const wibOffsetMs = 7 * 3600 * 1000;

/** A moment as ISO 8601 in WIB with its offset, e.g. `2026-11-30T20:00:00+07:00`. */
export function isoWib(moment: Date): string {
  return `${new Date(moment.getTime() + wibOffsetMs).toISOString().slice(0, 19)}+07:00`;
}
/** One sheet of an export: a name, column headers and rows. */
export type Table = { name: string; columns: string[]; rows: Cell[][] };

/**
 * A text a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab or
 * carriage return first) gets a leading apostrophe, as OWASP recommends for
 * CSV injection: a self-registered name `=HYPERLINK(…)` stays text when a
 * committee opens the export. Only text is touched: a number, even a
 * negative one, is written as it is.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV field: text neutralised and quoted when it holds a quote, a delimiter or a line end. */
export function csvField(value: Cell, delimiters = ','): string {
  if (value === null) return '';
  if (value instanceof Date) return isoWib(value);
  const text = typeof value === 'string' ? neutraliseFormula(value) : String(value);
  return text.includes('"') || text.includes('\r') || text.includes('\n') || [...delimiters].some((d) => text.includes(d)) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvCell = (value: Cell): string => csvField(value);

/**
 * CSV for machines (RFC 4180): comma-separated, UTF-8 without BOM, CRLF line
 * ends, dot decimals, times in ISO 8601 with the WIB offset, empty for an
 * unknown value.
 */
export function toCsv(table: Table): Buffer {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvCell).join(','));
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

/** An Excel workbook with the table: bold frozen header, filters, columns sized to their content. */
export async function toXlsx(table: Table): Promise<Buffer> {
  return toXlsxSheets([table]);
}

/**
 * A moment as Excel shows it in WIB. Excel dates carry no time zone: the
 * cell holds the wall-clock time in Jakarta, formatted as a date and time.
 */
const excelWib = (moment: Date) => new Date(moment.getTime() + wibOffsetMs);
const dateTimeFormat = 'dd/mm/yyyy hh:mm';

/** An Excel workbook with one sheet per table, each as `toXlsx` makes it. */
export async function toXlsxSheets(tables: Table[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Paritrana';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(table.columns).font = { bold: true };
    // Text goes in as a string cell (never an object with a formula), so "=…" is shown, not evaluated.
    for (const row of table.rows) {
      const added = sheet.addRow(row.map((v) => (v === null ? undefined : v instanceof Date ? excelWib(v) : v)));
      row.forEach((v, i) => {
        if (v instanceof Date) added.getCell(i + 1).numFmt = dateTimeFormat;
      });
    }
    if (table.columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
    table.columns.forEach((name, i) => {
      const widest = Math.max(name.length, ...table.rows.slice(0, 500).map((r) => (r[i] instanceof Date ? dateTimeFormat.length : String(r[i] ?? '').length)));
      sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, widest + 2));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// Reads the first worksheet of an uploaded XLSX workbook into rows of text,
// on a worker thread: ExcelJS parses synchronously for hundreds of
// milliseconds on a sheet of thousands of rows, which on the server's own
// thread would hold every other request (docs/jobs.md). Plain JavaScript so
// that it runs as it is in every way the server is started (tsx, tests).
import { parentPort, workerData } from 'node:worker_threads';
import ExcelJS from 'exceljs';

/** A cell as the text a person sees: a formula by its result, a date as YYYY-MM-DD. */
function cellText(value) {
  if (value == null) return '';
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return '';
  }
  return typeof value === 'string' ? value : `${value}`;
}

const workbook = new ExcelJS.Workbook();
let loaded = true;
try {
  await workbook.xlsx.load(workerData);
} catch {
  loaded = false;
}
if (!loaded) parentPort.postMessage({ unreadable: true });
else {
  const sheet = workbook.worksheets[0];
  const rows = [];
  sheet?.eachRow({ includeEmpty: false }, (r) => {
    const values = [];
    for (let c = 1; c <= r.cellCount; c++) values.push(cellText(r.getCell(c).value).trim());
    rows.push(values);
  });
  parentPort.postMessage({ rows: rows.filter((r) => r.some((v) => v !== '')) });
}

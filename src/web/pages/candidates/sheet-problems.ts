import { formatNumber, type Lang } from '../../../shared/i18n/format.ts';
import { ApiError } from '../../api.ts';

type T = (key: string, options?: Record<string, unknown>) => string;

/** A refused row of a sheet: its row number, column and reason in the page's language. */
export type Problem = { row: string; column: string; reason: string };

/**
 * What a refused upload of a sheet says: its rows ("baris 3.npp" → row 3,
 * column npp), each reason said from the server's reason code in the page's
 * language; what it says of the file as a whole (empty, too many rows);
 * and whether the file held the column names only. Details without a reason
 * code (the province, the panel chosen) are left to the form's own fields.
 */
export function sheetProblems(error: unknown, t: T, lang: Lang): { rows: Problem[]; file: string | null; noRows: boolean } {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return { rows: [], file: null, noRows: false };
  const said = (reason: string, values: Record<string, string | number> = {}) =>
    t(`importer.reasons.${reason}`, {
      ...Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'number' ? formatNumber(v, lang) : v])),
      defaultValue: t('importer.reasons.unknown'),
    });
  const rows: Problem[] = [];
  let file: string | null = null;
  let noRows = false;
  for (const d of error.details) {
    if (!d.reason) continue;
    const match = /^baris (\d+)\.(.+)$/.exec(d.path);
    if (match) rows.push({ row: match[1]!, column: match[2]!, reason: said(d.reason, d.values) });
    else if (d.path === 'file') {
      noRows ||= d.reason === 'no-rows';
      file ??= said(d.reason, d.values);
    }
  }
  return { rows, file, noRows };
}

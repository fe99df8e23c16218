/**
 * Why an uploaded sheet (candidates, staff) or one of its rows is refused: a
 * stable reason code that the web page says in the user's language
 * (`importer.reasons.<code>`), with the values it names (the value found, a
 * row number, a limit). The English words below are the API's own message
 * of each detail, for its clients and the log; no page shows them.
 */
export type ReasonValues = Record<string, string | number>;

const english = {
  // The sheet as a whole
  'file-empty': () => 'the file is empty',
  'file-unreadable': () => 'the file is not a readable XLSX',
  'too-many-rows': (v) => `the file has ${v.count} rows; at most ${v.max}`,
  'no-rows': () => 'the file holds the column names only, no rows',
  'column-unknown': (v) => `unknown column "${v.column}": use the template`,
  'column-missing': (v) => `column ${v.column} is missing`,
  // A cell or a row of either sheet
  'too-long': (v) => `too long: ${v.length} characters (at most ${v.max})`,
  required: () => 'required',
  'email-invalid': (v) => `"${v.value}" is not a valid e-mail address`,
  'same-as-row': (v) => `same as row ${v.row}`,
  // Candidates
  'category-unknown': (v) => `category "${v.value}" is not in this edition`,
  'province-code': (v) => `a provincial government takes its province code (${v.province}) or none, not "${v.value}"`,
  'province-name-required': () => 'required for a provincial government',
  'village-code-required': () => 'required for a village (the Kemendagri village code, e.g. 52.03.01.2001)',
  'village-unknown': (v) => `unknown village code "${v.value}"`,
  'village-other-province': (v) => `${v.name} is not a village of province ${v.province}`,
  'regency-code-required': () => 'required for a regional government (the Kemendagri code, e.g. 18.02)',
  'regency-unknown': (v) => `unknown region code "${v.value}"`,
  'regency-other-province': (v) => `${v.name} is not a region of province ${v.province}`,
  'company-required': () => 'required for a company',
  'npp-invalid': (v) => `NPP "${v.value}" is not valid (5–20 letters or digits)`,
  'size-class': (v) => `one of ${v.allowed}`,
  'contact-name-required': () => 'required when a contact phone or e-mail is given',
  'already-candidate': (v) => `${v.name} is already a candidate of category ${v.category}`,
  // Staff
  'email-taken': (v) => `${v.value} already has an account`,
  'name-too-short': (v) => `required (at least ${v.min} characters)`,
  'name-too-long': (v) => `at most ${v.max} characters`,
  language: () => 'give id or en',
  'unsur-required': () => 'required when the jurors are seated on a panel',
  'unsur-unknown': (v) => `unknown unsur "${v.value}" (see the guide sheet)`,
  'panel-role-unknown': (v) => `give chair, secretary or member, not "${v.value}"`,
  'seating-only': () => 'only filled in when jurors are seated on a chosen panel',
  'no-chair': () => 'a panel has exactly one chair (none found)',
  'one-chair': (v) => `a panel has exactly one chair (${v.count} found: rows ${v.rows})`,
  'one-secretary': (v) => `at most one secretary (rows ${v.rows})`,
} satisfies Record<string, (values: ReasonValues) => string>;

export type RowReason = keyof typeof english;
/** Every reason code, for the pages' translations to be checked against. */
export const rowReasons = Object.keys(english) as RowReason[];

/** A reason with what it names, and its English words. */
export type Reasoned = { reason: RowReason; values?: ReasonValues; message: string };

export function reasoned(reason: RowReason, values?: ReasonValues): Reasoned {
  return values ? { reason, values, message: english[reason](values) } : { reason, message: english[reason]({}) };
}

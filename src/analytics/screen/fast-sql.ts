import { monthPattern } from './validate-sql.ts';

/**
 * The one-pass reading of the two large files (participants, contributions):
 * each is read once, typed, checked and folded straight into the aggregates
 * the indicators need, so that 40 million rows are never stored. Each row is
 * only marked bad here, by exactly the conditions of validate-sql.ts; when
 * any is, the run reads the input again the detailed way to name file, row
 * and column of every problem.
 *
 * A Parquet column whose type already is the one wanted (a DATE for a date,
 * an integer for a count) is used as it is; any other column, and every CSV
 * column, is read as text and checked as text.
 */
export type SourceTypes = Record<string, string>;
type Kind = 'text' | 'int' | 'num' | 'date';

const integerTypes = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;
const numberTypes = /^(FLOAT|DOUBLE|DECIMAL\(\d+,\s*\d+\))$/;

function native(kind: Kind, type: string | undefined): boolean {
  if (!type) return false;
  if (kind === 'text') return type === 'VARCHAR';
  if (kind === 'int') return integerTypes.test(type);
  if (kind === 'num') return integerTypes.test(type) || numberTypes.test(type);
  return type === 'DATE';
}

/**
 * Blank as validate-sql.ts means it (null, or nothing but spaces), written so
 * that the trim only runs on the rare value that starts with a space.
 */
const cheapBlank = (x: string) => `(${x} is null or ${x} = '' or (starts_with(${x}, ' ') and trim(${x}) = ''))`;
/** The value trimmed of spaces, trimming only a value that has them. */
const trimmed = (x: string) => `case when starts_with(${x}, ' ') or ends_with(${x}, ' ') then trim(${x}) else ${x} end`;
const datePattern = '^\\d{4}-\\d{2}-\\d{2}$';

/**
 * A column's typed value and when it is bad, for a required or an optional
 * (may be empty) value: the same rule as validate-sql.ts, with the value cast
 * once (DuckDB's casts ignore surrounding spaces, as trimming first would).
 * `bad` may refer to the value by `name`, the typed column of the inner query.
 */
function column(types: SourceTypes, name: string, kind: Kind, required: boolean, from = 'r'): { raw: string; value: string; bad: string } {
  const ref = `${from}.${name}`;
  if (native(kind, types[name])) {
    if (kind === 'text') return { raw: ref, value: ref, bad: required ? cheapBlank(name) : 'false' };
    return { raw: ref, value: kind === 'num' ? `${ref}::double` : ref, bad: required ? `${name} is null` : 'false' };
  }
  const raw = types[name] === 'VARCHAR' ? ref : `${ref}::varchar`;
  if (kind === 'text') return { raw, value: raw, bad: required ? cheapBlank(name) : 'false' };
  const cast = kind === 'int' ? 'bigint' : kind === 'num' ? 'double' : 'date';
  const text = `${name}__text`;
  const missing = required ? `${name} is null` : `(${name} is null and not ${cheapBlank(text)})`;
  const shape = kind === 'date' ? ` or (${name} is not null and ${text} !~ '${datePattern}')` : '';
  return { raw, value: `try_cast(${raw} as ${cast})`, bad: `(${missing}${shape})` };
}

const inList = (value: string, list: readonly string[]) => `(${value} is not null and ${value} in (${list.map((v) => `'${v}'`).join(', ')}))`;
export const segments = ['PU', 'BPU', 'JAKON', 'PMI'] as const;
export const fundingSources = ['SELF', 'EMPLOYER', 'APBD', 'APBDES', 'CSR', 'OTHER'] as const;
/** Whitespace-separated program codes, nothing else (what validate-sql.ts accepts). */
const programsPattern = '\\s*((JKK|JKM|JHT|JP|JKP)(\\s+|$))*';

/** Every canonical spelling of a set of programs, with what it holds: most rows match one, and skip the string work. */
function knownPrograms(): string {
  const codes = ['JKK', 'JKM', 'JHT', 'JP', 'JKP'];
  const rows: string[] = [];
  for (let mask = 0; mask < 32; mask++) {
    const set = codes.filter((_, i) => mask & (1 << i));
    rows.push(`('${set.join(' ')}', ${set.includes('JKK') && set.includes('JKM')}, ${set.includes('JHT')}, ${set.includes('JP')})`);
  }
  return `(select * from (values ${rows.join(', ')}) k(spelling, p2, p3, p4))`;
}

/**
 * Participants folded by (regency_code, npp, segment): every count the
 * regency, province and employer indicators are sums of. `emp_umk` (npp, umk)
 * must exist: each employer with the UMK of year Y of its regency.
 */
export function participantAggregates(source: string, types: SourceTypes, year: number): string {
  const d = `date '${year}-12-31'`;
  const d0 = `date '${year - 1}-12-31'`;
  const id = column(types, 'participant_id', 'text', true);
  const segment = column(types, 'segment', 'text', false);
  const npp = column(types, 'npp', 'text', false);
  const regency = column(types, 'regency_code', 'text', false);
  const programs = column(types, 'programs', 'text', false);
  const wage = column(types, 'monthly_wage', 'num', false);
  const funded = column(types, 'funded_by', 'text', false);
  const start = column(types, 'start_date', 'date', true);
  const end = column(types, 'end_date', 'date', false);
  const has = (code: string) => `contains(${programs.raw}, '${code}')`;
  // Innermost: each value typed once. Then: whether active at D and D0, and whether the row is bad.
  const typed = `
    select ${id.raw} as participant_id, ${segment.raw} as segment, ${trimmed(npp.raw)} as npp, ${regency.raw} as regency_code,
      ${programs.raw} as programs, ${funded.raw} as funded_by,
      ${wage.value} as monthly_wage, ${wage.raw} as monthly_wage__text,
      ${start.value} as start_date, ${start.raw} as start_date__text, ${end.value} as end_date, ${end.raw} as end_date__text,
      k.spelling is not null as known_programs,
      case when k.spelling is not null then k.p2 else ${has('JKK')} and ${has('JKM')} end as p2,
      case when k.spelling is not null then k.p3 else ${has('JHT')} end as p3,
      case when k.spelling is not null then k.p4 else ${has('JP')} end as p4
    from ${source} r left join ${knownPrograms()} k on k.spelling = ${programs.raw}`;
  const checked = `
    select regency_code, segment, nullif(npp, '') as npp, monthly_wage, funded_by in ('APBD', 'APBDES') as gov, p2, p3, p4,
      start_date <= ${d} and (end_date is null or end_date > ${d}) as a,
      start_date <= ${d0} and (end_date is null or end_date > ${d0}) as a0,
      (${id.bad} or not ${inList('segment', segments)} or (segment = 'PU' and ${cheapBlank('npp')})
        or (not known_programs and not regexp_full_match(coalesce(programs, ''), '${programsPattern}'))
        or ${wage.bad} or not ${inList('funded_by', fundingSources)} or ${start.bad} or ${end.bad}) as bad
    from (${typed})`;
  return `
    select p.regency_code, p.npp, p.segment, count(*) as rows,
      count(*) filter (p.a) as active,
      count(*) filter (p.a0) as active_prev,
      count(*) filter (p.a and p.gov) as gov_funded,
      count(*) filter (p.a and p.p2) as has_2,
      count(*) filter (p.a and p.p2 and p.p3) as has_3,
      count(*) filter (p.a and p.p2 and p.p3 and p.p4) as has_4,
      count(*) filter (p.a and p.monthly_wage < e.umk) as below,
      count(*) filter (p.bad) as bad
    from (${checked}) p left join emp_umk e on e.npp = p.npp
    group by p.regency_code, p.npp, p.segment`;
}

/** Contributions folded by npp: the payment counts of year Y, and what the checks need. */
export function contributionAggregates(source: string, types: SourceTypes, year: number): string {
  const npp = column(types, 'npp', 'text', true);
  const month = column(types, 'month', 'text', false);
  const due = column(types, 'due_amount', 'num', true);
  const paid = column(types, 'paid_amount', 'num', false);
  const paidDate = column(types, 'paid_date', 'date', false);
  const typed = `
    select ${trimmed(npp.raw)} as npp, ${npp.raw} as npp__text, ${month.raw} as month,
      ${due.value} as due_amount, ${due.raw} as due_amount__text, ${paid.value} as paid_amount, ${paid.raw} as paid_amount__text,
      ${paidDate.value} as paid_date, ${paidDate.raw} as paid_date__text
    from ${source} r`;
  const checked = `
    select npp, month, due_amount as due, coalesce(paid_amount, 0) as paid, paid_date,
      (${cheapBlank('npp__text')} or month is null or month !~ '${monthPattern}' or ${due.bad} or ${paid.bad} or ${paidDate.bad}) as bad
    from (${typed})`;
  const dueInY = `left(c.month, 4) = '${year}' and c.due > 0`;
  return `
    select c.npp, count(*) as rows, count(distinct c.month) as months, count(*) filter (c.bad) as bad,
      count(*) filter (${dueInY}) as months_due,
      count(*) filter (${dueInY} and c.paid < c.due) as months_in_arrears,
      count(*) filter (${dueInY} and c.paid >= c.due and c.paid_date is not null
        and c.paid_date <= try_cast(c.month || '-01' as date) + interval 1 month + interval 14 day) as on_time
    from (${checked}) c
    group by c.npp`;
}

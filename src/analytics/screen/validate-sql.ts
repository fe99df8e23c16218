/**
 * SQL that turns each input (all text) into a typed table, with the problems
 * of each row listed beside it: one pass over each file. `__row` is the line
 * number in the file (the header is line 1).
 */
const problem = (cond: string, col: string, msg: string) => `case when ${cond} then {'col': '${col}', 'msg': ${msg}} end`;
const q = (col: string) => `'"' || coalesce(${col}, '') || '"'`;
export const blank = (col: string) => `coalesce(trim(${col}), '') = ''`;
export const notInt = (col: string) => `try_cast(${col} as bigint) is null`;
export const notNum = (col: string) => `try_cast(${col} as double) is null`;
export const notDate = (col: string) => `(${col} !~ '^\\d{4}-\\d{2}-\\d{2}$' or try_cast(${col} as date) is null)`;
export const monthPattern = '^\\d{4}-(0[1-9]|1[0-2])$';
const problems = (list: string[]) => `list_filter([${list.join(',\n    ')}], x -> x is not null) as __problems`;

export const typedInputs: Record<string, (source: string) => string> = {
  workforce: (src) => `
    select __row, regency_code, try_cast(year as integer) as year,
      try_cast(working_population as bigint) as working_population,
      try_cast(nullif(trim(informal_workers), '') as bigint) as informal_workers,
      ${problems([
        problem(`${notInt('year')}`, 'year', `'not a year: ' || ${q('year')}`),
        problem(`${notInt('working_population')} or try_cast(working_population as bigint) < 0`, 'working_population', `'not a count: ' || ${q('working_population')}`),
        problem(`not ${blank('informal_workers')} and (${notInt('informal_workers')} or try_cast(informal_workers as bigint) < 0)`, 'informal_workers', `'not a count: ' || ${q('informal_workers')}`),
      ])}
    from (select *, row_number() over () + 1 as __row from ${src})`,
  min_wage: (src) => `
    select __row, regency_code, try_cast(year as integer) as year, try_cast(monthly_min_wage as double) as monthly_min_wage,
      ${problems([
        problem(`${notInt('year')}`, 'year', `'not a year: ' || ${q('year')}`),
        problem(`${notNum('monthly_min_wage')}`, 'monthly_min_wage', `'not a number: ' || ${q('monthly_min_wage')}`),
      ])}
    from (select *, row_number() over () + 1 as __row from ${src})`,
  employers: (src) => `
    select __row, trim(npp) as npp, name, regency_code, size, try_cast(nullif(trim(declared_workers), '') as bigint) as declared_workers,
      ${problems([
        problem(blank('npp'), 'npp', `'empty'`),
        problem(`size is null or size not in ('besar', 'menengah', 'kecil', 'mikro')`, 'size', `'unknown size ' || ${q('size')} || ' (expected besar, menengah, kecil or mikro)'`),
        problem(`not ${blank('declared_workers')} and (${notInt('declared_workers')} or try_cast(declared_workers as bigint) < 0)`, 'declared_workers', `'not a count: ' || ${q('declared_workers')}`),
      ])}
    from (select *, row_number() over () + 1 as __row from ${src})`,
  participants: (src) => `
    select __row, participant_id, segment, nullif(trim(npp), '') as npp, regency_code,
      list_filter(regexp_split_to_array(trim(coalesce(programs, '')), '\\s+'), x -> x <> '') as programs,
      try_cast(nullif(trim(monthly_wage), '') as double) as monthly_wage, funded_by,
      try_cast(start_date as date) as start_date, try_cast(nullif(trim(end_date), '') as date) as end_date,
      ${problems([
        problem(blank('participant_id'), 'participant_id', `'empty'`),
        problem(`segment is null or segment not in ('PU', 'BPU', 'JAKON', 'PMI')`, 'segment', `'unknown segment ' || ${q('segment')} || ' (expected PU, BPU, JAKON or PMI)'`),
        problem(`segment = 'PU' and ${blank('npp')}`, 'npp', `'a PU participant needs the npp of its employer'`),
        problem(
          `len(list_filter(regexp_split_to_array(trim(coalesce(programs, '')), '\\s+'), x -> x <> '' and x not in ('JKK', 'JKM', 'JHT', 'JP', 'JKP'))) > 0`,
          'programs',
          `'unknown program in ' || ${q('programs')} || ' (expected JKK JKM JHT JP JKP)'`,
        ),
        problem(`not ${blank('monthly_wage')} and ${notNum('monthly_wage')}`, 'monthly_wage', `'not a number: ' || ${q('monthly_wage')}`),
        problem(
          `funded_by is null or funded_by not in ('SELF', 'EMPLOYER', 'APBD', 'APBDES', 'CSR', 'OTHER')`,
          'funded_by',
          `'unknown source ' || ${q('funded_by')} || ' (expected SELF, EMPLOYER, APBD, APBDES, CSR or OTHER)'`,
        ),
        problem(notDate('start_date'), 'start_date', `'not a date YYYY-MM-DD: ' || ${q('start_date')}`),
        problem(`not ${blank('end_date')} and ${notDate('end_date')}`, 'end_date', `'not a date YYYY-MM-DD: ' || ${q('end_date')}`),
      ])}
    from (select *, row_number() over () + 1 as __row from ${src})`,
  contributions: (src) => `
    select __row, trim(npp) as npp, month, try_cast(due_amount as double) as due_amount,
      coalesce(try_cast(nullif(trim(paid_amount), '') as double), 0) as paid_amount, try_cast(nullif(trim(paid_date), '') as date) as paid_date,
      ${problems([
        problem(blank('npp'), 'npp', `'empty'`),
        problem(`month is null or month !~ '${monthPattern}'`, 'month', `'not a month YYYY-MM: ' || ${q('month')}`),
        problem(notNum('due_amount'), 'due_amount', `'not a number: ' || ${q('due_amount')}`),
        problem(`not ${blank('paid_amount')} and ${notNum('paid_amount')}`, 'paid_amount', `'not a number: ' || ${q('paid_amount')}`),
        problem(`not ${blank('paid_date')} and ${notDate('paid_date')}`, 'paid_date', `'not a date YYYY-MM-DD: ' || ${q('paid_date')}`),
      ])}
    from (select *, row_number() over () + 1 as __row from ${src})`,
};

const unknownRegency = (file: string) =>
  `select '${file}' as file, __row, 'regency_code' as col, 'unknown regency code "' || coalesce(regency_code, '') || '"' as msg
    from ${file} where regency_code not in (select code from regencies) or regency_code is null`;
/** Rows after the first with the same key, reported at the column `col`. */
const secondRow = (file: string, col: string, key: string, msg: string, where: string) =>
  `select file, __row, col, msg from (
    select '${file}' as file, __row, '${col}' as col, ${msg} as msg,
      row_number() over (partition by ${key} order by __row) as n from ${file} where ${where}) where n > 1`;
const unknownNpp = (file: string, where: string) =>
  `select '${file}', __row, 'npp', 'npp "' || npp || '" is not in employers'
    from ${file} where ${where} and npp not in (select npp from employers where npp is not null)`;

/** Problems that need more than one row or file, over the typed tables, by the file they are reported in. */
const crossCheckParts: Record<string, string[]> = {
  workforce: [
    unknownRegency('workforce'),
    secondRow('workforce', 'year', 'regency_code, year', `'second row for ' || regency_code || ' and year ' || year`, 'year is not null'),
  ],
  min_wage: [
    unknownRegency('min_wage'),
    secondRow('min_wage', 'year', 'regency_code, year', `'second row for ' || regency_code || ' and year ' || year`, 'year is not null'),
  ],
  employers: [unknownRegency('employers'), secondRow('employers', 'npp', 'npp', `'second row for npp "' || npp || '"'`, `npp <> ''`)],
  participants: [unknownRegency('participants'), unknownNpp('participants', `segment = 'PU' and npp is not null`)],
  contributions: [
    unknownNpp('contributions', `npp is not null and npp <> ''`),
    secondRow('contributions', 'month', 'npp, month', `'second row for npp "' || npp || '" and month ' || month`, 'month is not null'),
  ],
};

/**
 * Every problem of the given (typed, detailed) tables as rows (file, __row,
 * col, msg): each row's own problems and those across rows and files.
 */
export function problemsOf(names: readonly string[]): string {
  const own = names.map((n) => `select '${n}' as file, __row, p.col as col, p.msg as msg from (select __row, unnest(__problems) as p from ${n} where len(__problems) > 0)`);
  return [...own, ...names.flatMap((n) => crossCheckParts[n] ?? [])].join('\n  union all ');
}

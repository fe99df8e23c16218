/**
 * SQL that turns each input (all text) into a typed table, with the problems
 * of each row listed beside it: one pass over each file. `__row` is the line
 * number in the file (the header is line 1).
 */
const problem = (cond: string, col: string, msg: string) => `case when ${cond} then {'col': '${col}', 'msg': ${msg}} end`;
const q = (col: string) => `'"' || coalesce(${col}, '') || '"'`;
const blank = (col: string) => `coalesce(trim(${col}), '') = ''`;
const notInt = (col: string) => `try_cast(${col} as bigint) is null`;
const notNum = (col: string) => `try_cast(${col} as double) is null`;
const notDate = (col: string) => `(${col} !~ '^\\d{4}-\\d{2}-\\d{2}$' or try_cast(${col} as date) is null)`;
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
        problem(`month is null or month !~ '^\\d{4}-(0[1-9]|1[0-2])$'`, 'month', `'not a month YYYY-MM: ' || ${q('month')}`),
        problem(notNum('due_amount'), 'due_amount', `'not a number: ' || ${q('due_amount')}`),
        problem(`not ${blank('paid_amount')} and ${notNum('paid_amount')}`, 'paid_amount', `'not a number: ' || ${q('paid_amount')}`),
        problem(`not ${blank('paid_date')} and ${notDate('paid_date')}`, 'paid_date', `'not a date YYYY-MM-DD: ' || ${q('paid_date')}`),
      ])}
    from (select *, row_number() over () + 1 as __row from ${src})`,
};

/** Problems that need more than one row or file, over the typed tables. */
export const crossChecks = `
  select 'workforce' as file, __row, 'regency_code' as col, 'unknown regency code "' || coalesce(regency_code, '') || '"' as msg
    from workforce where regency_code not in (select code from regencies) or regency_code is null
  union all select 'min_wage', __row, 'regency_code', 'unknown regency code "' || coalesce(regency_code, '') || '"'
    from min_wage where regency_code not in (select code from regencies) or regency_code is null
  union all select 'employers', __row, 'regency_code', 'unknown regency code "' || coalesce(regency_code, '') || '"'
    from employers where regency_code not in (select code from regencies) or regency_code is null
  union all select 'participants', __row, 'regency_code', 'unknown regency code "' || coalesce(regency_code, '') || '"'
    from participants where regency_code not in (select code from regencies) or regency_code is null
  union all select 'participants', __row, 'npp', 'npp "' || npp || '" is not in employers'
    from participants where segment = 'PU' and npp is not null and npp not in (select npp from employers where npp is not null)
  union all select 'contributions', __row, 'npp', 'npp "' || npp || '" is not in employers'
    from contributions where npp is not null and npp <> '' and npp not in (select npp from employers where npp is not null)
  union all select file, __row, col, msg from (
    select 'employers' as file, __row, 'npp' as col, 'second row for npp "' || npp || '"' as msg,
      row_number() over (partition by npp order by __row) as n from employers where npp <> '') where n > 1
  union all select file, __row, col, msg from (
    select 'workforce' as file, __row, 'year' as col, 'second row for ' || regency_code || ' and year ' || year as msg,
      row_number() over (partition by regency_code, year order by __row) as n from workforce where year is not null) where n > 1
  union all select file, __row, col, msg from (
    select 'min_wage' as file, __row, 'year' as col, 'second row for ' || regency_code || ' and year ' || year as msg,
      row_number() over (partition by regency_code, year order by __row) as n from min_wage where year is not null) where n > 1
  union all select file, __row, col, msg from (
    select 'contributions' as file, __row, 'month' as col, 'second row for npp "' || npp || '" and month ' || month as msg,
      row_number() over (partition by npp, month order by __row) as n from contributions where month is not null) where n > 1
`;

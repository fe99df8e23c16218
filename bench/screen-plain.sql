-- The definitions of spec/coverage-data.md written as one plain DuckDB script,
-- with no checking of the input: the yardstick `npm run bench:screen` times
-- `paritrana screen` against. bench/screen-run.ts fills in the placeholders
-- in double braces: each input file's name becomes a table expression over
-- that file, Y the assessment year (Y0 the year before), out the output
-- directory, regencies and provinces the Kemendagri list.
--
-- Default screening weights (docs/screening.md): regency 0.6 coverage, 0.2 BPU
-- coverage, 0.2 growth; employer 0.4 programs, 0.3 on time, 0.2 declared
-- coverage, 0.1 wage compliance; top 10.

create macro pct4(num, den) as
  case when den is null or den = 0 or num is null then null
  else (sign(num) * ((abs(num)::hugeint * 2000000 + den::hugeint) // (2 * den::hugeint)))::double / 10000 end;

create table regencies as select * from {{regencies}};
create table provinces as select * from {{provinces}};
create table employers as select * from {{employers}};
create table participants as
  select regency_code, segment, npp, programs, monthly_wage, funded_by,
    start_date <= date '{{Y}}-12-31' and (end_date is null or end_date > date '{{Y}}-12-31') as a,
    start_date <= date '{{Y0}}-12-31' and (end_date is null or end_date > date '{{Y0}}-12-31') as a0
  from {{participants}};
create table wf as select regency_code, working_population, informal_workers from {{workforce}} where year = {{Y}};

create table regency_indicators as
  with agg as (
    select regency_code,
      count(*) filter (a) as active,
      count(*) filter (a and segment = 'PU') as active_pu,
      count(*) filter (a and segment = 'BPU') as active_bpu,
      count(*) filter (a and segment = 'JAKON') as active_jakon,
      count(*) filter (a and segment = 'PMI') as active_pmi,
      count(*) filter (a0) as active_prev,
      count(*) filter (a and funded_by in ('APBD', 'APBDES')) as gov_funded,
      count(distinct npp) filter (a and segment = 'PU') as employers_active
    from participants group by regency_code)
  select g.code as regency_code,
    coalesce(a.active, 0) as active, coalesce(a.active_pu, 0) as active_pu, coalesce(a.active_bpu, 0) as active_bpu,
    coalesce(a.active_jakon, 0) as active_jakon, coalesce(a.active_pmi, 0) as active_pmi, coalesce(a.active_prev, 0) as active_prev,
    pct4(coalesce(a.active, 0) - coalesce(a.active_prev, 0), coalesce(a.active_prev, 0)) as growth_pct,
    pct4(coalesce(a.active, 0), w.working_population) as coverage_pct,
    pct4(coalesce(a.active_bpu, 0), w.informal_workers) as bpu_coverage_pct,
    coalesce(a.gov_funded, 0) as gov_funded, coalesce(a.employers_active, 0) as employers_active
  from regencies g left join agg a on a.regency_code = g.code left join wf w on w.regency_code = g.code
  order by g.code;

create table province_indicators as
  with agg as (
    select left(regency_code, 2) as province_code,
      count(*) filter (a) as active,
      count(*) filter (a and segment = 'PU') as active_pu,
      count(*) filter (a and segment = 'BPU') as active_bpu,
      count(*) filter (a and segment = 'JAKON') as active_jakon,
      count(*) filter (a and segment = 'PMI') as active_pmi,
      count(*) filter (a0) as active_prev,
      count(*) filter (a and funded_by in ('APBD', 'APBDES')) as gov_funded,
      count(distinct npp) filter (a and segment = 'PU') as employers_active
    from participants group by 1),
  pw as (select left(regency_code, 2) as province_code, sum(working_population) as working_population, sum(informal_workers) as informal_workers from wf group by 1)
  select p.code as province_code,
    coalesce(a.active, 0) as active, coalesce(a.active_pu, 0) as active_pu, coalesce(a.active_bpu, 0) as active_bpu,
    coalesce(a.active_jakon, 0) as active_jakon, coalesce(a.active_pmi, 0) as active_pmi, coalesce(a.active_prev, 0) as active_prev,
    pct4(coalesce(a.active, 0) - coalesce(a.active_prev, 0), coalesce(a.active_prev, 0)) as growth_pct,
    pct4(coalesce(a.active, 0), w.working_population) as coverage_pct,
    pct4(coalesce(a.active_bpu, 0), w.informal_workers) as bpu_coverage_pct,
    coalesce(a.gov_funded, 0) as gov_funded, coalesce(a.employers_active, 0) as employers_active
  from provinces p left join agg a on a.province_code = p.code left join pw w on w.province_code = p.code
  order by p.code;

create table employer_indicators as
  with umk as (select regency_code, monthly_min_wage from {{min_wage}} where year = {{Y}}),
  work as (
    select p.npp,
      count(*) filter (p.a) as workers,
      count(*) filter (p.a0) as workers_prev,
      count(*) filter (p.a and list_has_all(string_split(p.programs, ' '),
        case e.size when 'besar' then ['JKK', 'JKM', 'JHT', 'JP'] when 'menengah' then ['JKK', 'JKM', 'JHT', 'JP']
          when 'kecil' then ['JKK', 'JKM', 'JHT'] else ['JKK', 'JKM'] end)) as complete,
      count(*) filter (p.a and p.monthly_wage < u.monthly_min_wage) as below
    from participants p join employers e on e.npp = p.npp left join umk u on u.regency_code = e.regency_code
    where p.segment = 'PU' group by p.npp),
  pay as (
    select npp,
      count(*) filter (due_amount > 0) as months_due,
      count(*) filter (due_amount > 0 and coalesce(paid_amount, 0) < due_amount) as months_in_arrears,
      count(*) filter (due_amount > 0 and paid_amount >= due_amount and paid_date is not null
        and paid_date <= cast(month || '-15' as date) + interval 1 month) as on_time
    from {{contributions}} where month like '{{Y}}-%' group by npp)
  select e.npp, e.name, e.regency_code, e.size,
    coalesce(w.workers, 0) as workers, coalesce(w.workers_prev, 0) as workers_prev,
    pct4(coalesce(w.workers, 0) - coalesce(w.workers_prev, 0), coalesce(w.workers_prev, 0)) as growth_pct,
    pct4(coalesce(w.workers, 0), e.declared_workers) as declared_coverage_pct,
    pct4(w.complete, w.workers) as program_complete_pct,
    case when u.monthly_min_wage is null then null else pct4(w.below, w.workers) end as below_min_wage_pct,
    coalesce(p.months_due, 0) as months_due, coalesce(p.months_in_arrears, 0) as months_in_arrears,
    pct4(p.on_time, p.months_due) as on_time_pct
  from employers e left join work w on w.npp = e.npp left join pay p on p.npp = e.npp left join umk u on u.regency_code = e.regency_code
  order by e.npp;

create table shortlist as
  with scored as (
    select left(i.regency_code, 2) as province_code, 'pemkab-kota' as category, i.regency_code as candidate_id, g.name,
      (0.6 * least(coalesce(i.coverage_pct, 0), 100) + 0.2 * least(coalesce(i.bpu_coverage_pct, 0), 100)
        + 0.2 * least(greatest(coalesce(i.growth_pct, 0), 0), 100)) / 1.0 as score
    from regency_indicators i join regencies g on g.code = i.regency_code
    union all
    select left(regency_code, 2), case size when 'besar' then 'usaha-besar' when 'menengah' then 'usaha-menengah' else 'usaha-kecil-mikro' end,
      npp, name,
      (0.4 * coalesce(program_complete_pct, 0) + 0.3 * coalesce(on_time_pct, 0)
        + 0.2 * least(coalesce(declared_coverage_pct, 0), 100) + 0.1 * (100 - coalesce(below_min_wage_pct, 0))) / 1.0
    from employer_indicators where workers > 0),
  ranked as (select *, row_number() over (partition by province_code, category order by score desc, candidate_id) as rank from scored)
  select province_code, category, rank, candidate_id, name, round(score, 4) as score from ranked where rank <= 10
  order by province_code, category, rank;

copy regency_indicators to '{{out}}/regency_indicators.csv' (header, delimiter ',');
copy province_indicators to '{{out}}/province_indicators.csv' (header, delimiter ',');
copy employer_indicators to '{{out}}/employer_indicators.csv' (header, delimiter ',');
copy shortlist to '{{out}}/shortlist.csv' (header, delimiter ',');

import type { ScreeningConfig } from './config.ts';

/**
 * The definitions of spec/coverage-data.md for assessment year Y, over the
 * typed tables: D = 31 Dec Y, D0 = 31 Dec Y−1. Percentages are exact: the
 * ratio is rounded half away from zero to 4 decimals in integer arithmetic.
 */
export function outputSql(year: number, config: ScreeningConfig) {
  const d = `date '${year}-12-31'`;
  const d0 = `date '${year - 1}-12-31'`;
  const active = (at: string) => `(start_date <= ${at} and (end_date is null or end_date > ${at}))`;
  const r = config.regency;
  const e = config.employer;
  const rSum = r.coverage + r.bpuCoverage + r.growth || 1;
  const eSum = e.programComplete + e.onTime + e.declaredCoverage + e.wageCompliance || 1;
  return {
    macro: `create or replace macro pct4(num, den) as
      case when den is null or den = 0 or num is null then null
      else (sign(num) * ((abs(num)::hugeint * 2000000 + den::hugeint) // (2 * den::hugeint)))::double / 10000 end`,
    flags: `create or replace table flags as
      select regency_code, left(regency_code, 2) as province_code, segment, npp, funded_by, programs, monthly_wage,
        ${active(d)} as a, ${active(d0)} as a0
      from participants`,
    workforceY: `create or replace table wf as select regency_code, working_population, informal_workers from workforce where year = ${year}`,
    regencyAgg: `create or replace table reg_agg as
      select regency_code,
        count(*) filter (a) as active,
        count(*) filter (a and segment = 'PU') as active_pu,
        count(*) filter (a and segment = 'BPU') as active_bpu,
        count(*) filter (a and segment = 'JAKON') as active_jakon,
        count(*) filter (a and segment = 'PMI') as active_pmi,
        count(*) filter (a0) as active_prev,
        count(*) filter (a and funded_by in ('APBD', 'APBDES')) as gov_funded,
        count(distinct npp) filter (a and segment = 'PU') as employers_active
      from flags group by regency_code`,
    provinceAgg: `create or replace table prov_agg as
      select province_code,
        count(*) filter (a) as active,
        count(*) filter (a and segment = 'PU') as active_pu,
        count(*) filter (a and segment = 'BPU') as active_bpu,
        count(*) filter (a and segment = 'JAKON') as active_jakon,
        count(*) filter (a and segment = 'PMI') as active_pmi,
        count(*) filter (a0) as active_prev,
        count(*) filter (a and funded_by in ('APBD', 'APBDES')) as gov_funded,
        count(distinct npp) filter (a and segment = 'PU') as employers_active
      from flags group by province_code`,
    regencyIndicators: `create or replace table regency_indicators as
      select g.code as regency_code,
        coalesce(a.active, 0) as active, coalesce(a.active_pu, 0) as active_pu, coalesce(a.active_bpu, 0) as active_bpu,
        coalesce(a.active_jakon, 0) as active_jakon, coalesce(a.active_pmi, 0) as active_pmi, coalesce(a.active_prev, 0) as active_prev,
        pct4(coalesce(a.active, 0) - coalesce(a.active_prev, 0), coalesce(a.active_prev, 0)) as growth_pct,
        pct4(coalesce(a.active, 0), w.working_population) as coverage_pct,
        pct4(coalesce(a.active_bpu, 0), w.informal_workers) as bpu_coverage_pct,
        coalesce(a.gov_funded, 0) as gov_funded, coalesce(a.employers_active, 0) as employers_active
      from regencies g left join reg_agg a on a.regency_code = g.code left join wf w on w.regency_code = g.code
      order by g.code`,
    provinceIndicators: `create or replace table province_indicators as
      with pw as (
        select left(regency_code, 2) as province_code, sum(working_population) as working_population, sum(informal_workers) as informal_workers
        from wf group by 1)
      select p.code as province_code,
        coalesce(a.active, 0) as active, coalesce(a.active_pu, 0) as active_pu, coalesce(a.active_bpu, 0) as active_bpu,
        coalesce(a.active_jakon, 0) as active_jakon, coalesce(a.active_pmi, 0) as active_pmi, coalesce(a.active_prev, 0) as active_prev,
        pct4(coalesce(a.active, 0) - coalesce(a.active_prev, 0), coalesce(a.active_prev, 0)) as growth_pct,
        pct4(coalesce(a.active, 0), w.working_population) as coverage_pct,
        pct4(coalesce(a.active_bpu, 0), w.informal_workers) as bpu_coverage_pct,
        coalesce(a.gov_funded, 0) as gov_funded, coalesce(a.employers_active, 0) as employers_active
      from provinces p left join prov_agg a on a.province_code = p.code left join pw w on w.province_code = p.code
      order by p.code`,
    employerIndicators: `create or replace table employer_indicators as
      with umk as (select regency_code, monthly_min_wage from min_wage where year = ${year}),
      work as (
        select f.npp,
          count(*) filter (f.a) as workers,
          count(*) filter (f.a0) as workers_prev,
          count(*) filter (f.a and list_has_all(f.programs, case e.size when 'besar' then ['JKK', 'JKM', 'JHT', 'JP'] when 'menengah' then ['JKK', 'JKM', 'JHT', 'JP']
            when 'kecil' then ['JKK', 'JKM', 'JHT'] else ['JKK', 'JKM'] end)) as complete,
          count(*) filter (f.a and f.monthly_wage < u.monthly_min_wage) as below
        from flags f join employers e on e.npp = f.npp left join umk u on u.regency_code = e.regency_code
        where f.segment = 'PU' group by f.npp),
      pay as (
        select npp,
          count(*) filter (due_amount > 0) as months_due,
          count(*) filter (due_amount > 0 and paid_amount < due_amount) as months_in_arrears,
          count(*) filter (due_amount > 0 and paid_amount >= due_amount and paid_date is not null
            and paid_date <= cast(strptime(month || '-01', '%Y-%m-%d') as date) + interval 1 month + interval 14 day) as on_time
        from contributions where left(month, 4) = '${year}' group by npp)
      select e.npp, e.name, e.regency_code, e.size,
        coalesce(w.workers, 0) as workers, coalesce(w.workers_prev, 0) as workers_prev,
        pct4(coalesce(w.workers, 0) - coalesce(w.workers_prev, 0), coalesce(w.workers_prev, 0)) as growth_pct,
        pct4(coalesce(w.workers, 0), e.declared_workers) as declared_coverage_pct,
        pct4(w.complete, w.workers) as program_complete_pct,
        case when u.monthly_min_wage is null then null else pct4(w.below, w.workers) end as below_min_wage_pct,
        coalesce(p.months_due, 0) as months_due, coalesce(p.months_in_arrears, 0) as months_in_arrears,
        pct4(p.on_time, p.months_due) as on_time_pct
      from employers e left join work w on w.npp = e.npp left join pay p on p.npp = e.npp left join umk u on u.regency_code = e.regency_code
      order by e.npp`,
    shortlist: `create or replace table shortlist as
      with scored as (
        select left(i.regency_code, 2) as province_code, 'pemkab-kota' as category, i.regency_code as candidate_id, g.name,
          (${r.coverage} * least(coalesce(i.coverage_pct, 0), 100) + ${r.bpuCoverage} * least(coalesce(i.bpu_coverage_pct, 0), 100)
            + ${r.growth} * least(greatest(coalesce(i.growth_pct, 0), 0), 100)) / ${rSum} as score
        from regency_indicators i join regencies g on g.code = i.regency_code
        union all
        select left(regency_code, 2), case size when 'besar' then 'usaha-besar' when 'menengah' then 'usaha-menengah' else 'usaha-kecil-mikro' end,
          npp, name,
          (${e.programComplete} * coalesce(program_complete_pct, 0) + ${e.onTime} * coalesce(on_time_pct, 0)
            + ${e.declaredCoverage} * least(coalesce(declared_coverage_pct, 0), 100) + ${e.wageCompliance} * (100 - coalesce(below_min_wage_pct, 0))) / ${eSum}
        from employer_indicators where workers > 0),
      ranked as (select *, row_number() over (partition by province_code, category order by score desc, candidate_id) as rank from scored)
      select province_code, category, rank, candidate_id, name, round(score, 4) as score from ranked where rank <= ${config.topN}
      order by province_code, category, rank`,
  };
}

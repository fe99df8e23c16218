import type { ScreeningConfig } from './config.ts';

/**
 * The definitions of docs/coverage-data.md for assessment year Y, over the
 * aggregates of fast-sql.ts (part_agg, contrib_agg) and the typed small
 * tables: D = 31 Dec Y, D0 = 31 Dec Y−1. Percentages are exact: the
 * ratio is rounded half away from zero to 4 decimals in integer arithmetic.
 */
export function outputSql(year: number, config: ScreeningConfig) {
  // part_agg has one row per (regency_code, npp, segment).
  const sums = `sum(active) as active, ${['PU', 'BPU', 'JAKON', 'PMI'].map((g) => `coalesce(sum(active) filter (segment = '${g}'), 0) as active_${g.toLowerCase()}`).join(', ')},
        sum(active_prev) as active_prev, sum(gov_funded) as gov_funded`;
  const r = config.regency;
  const e = config.employer;
  const rSum = r.coverage + r.bpuCoverage + r.growth || 1;
  const eSum = e.programComplete + e.onTime + e.declaredCoverage + e.wageCompliance || 1;
  return {
    macro: `create or replace macro pct4(num, den) as
      case when den is null or den = 0 or num is null then null
      else (sign(num) * ((abs(num)::hugeint * 2000000 + den::hugeint) // (2 * den::hugeint)))::double / 10000 end`,
    workforceY: `create or replace table wf as select regency_code, working_population, informal_workers from workforce where year = ${year}`,
    regencyAgg: `create or replace table reg_agg as
      select regency_code, ${sums},
        count(distinct npp) filter (segment = 'PU' and active > 0) as employers_active
      from part_agg group by regency_code`,
    provinceAgg: `create or replace table prov_agg as
      select left(regency_code, 2) as province_code, ${sums},
        count(distinct npp) filter (segment = 'PU' and active > 0) as employers_active
      from part_agg group by 1`,
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
        select npp, sum(active) as workers, sum(active_prev) as workers_prev,
          sum(has_2) as has_2, sum(has_3) as has_3, sum(has_4) as has_4, sum(below) as below
        from part_agg where segment = 'PU' and npp is not null group by npp),
      pay as (select npp, months_due, months_in_arrears, on_time from contrib_agg)
      select e.npp, e.name, e.regency_code, e.size,
        coalesce(w.workers, 0) as workers, coalesce(w.workers_prev, 0) as workers_prev,
        pct4(coalesce(w.workers, 0) - coalesce(w.workers_prev, 0), coalesce(w.workers_prev, 0)) as growth_pct,
        pct4(coalesce(w.workers, 0), e.declared_workers) as declared_coverage_pct,
        pct4(case e.size when 'besar' then w.has_4 when 'menengah' then w.has_4 when 'kecil' then w.has_3 else w.has_2 end, w.workers) as program_complete_pct,
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

import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import { regenciesCsv, sqlString } from './screen/inputs.ts';

/**
 * A synthetic national extract (docs/coverage-data.md), deterministic for a
 * seed: all 514 regencies, coverage from ~10% to ~90% by region, size classes
 * consistent with workers, PDS cases (missing programs, wages under the UMK,
 * undeclared workers), arrears and late payments, and dates on the exact
 * boundaries of the definitions. Generated in SQL so that 40 million rows take
 * minutes, not hours.
 */
export const scales = {
  small: { participants: 6_000, employers: 400 },
  province: { participants: 1_000_000, employers: 20_000 },
  national: { participants: 40_000_000, employers: 800_000 },
} as const;
export type Scale = keyof typeof scales;

export async function generateExtract(options: { outDir: string; scale: Scale; seed: number; year?: number; parquet?: boolean; onProgress?: (message: string) => void }) {
  const { participants: P, employers: E } = scales[options.scale];
  const Y = options.year ?? 2024;
  const seed = Math.trunc(options.seed);
  const outDir = resolve(options.outDir);
  await mkdir(outDir, { recursive: true });
  const instance = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '6GB', preserve_insertion_order: 'true', temp_directory: join(tmpdir(), `paritrana-duckdb-${process.pid}`) });
  const c = await instance.connect();
  // u(i, salt): a pseudo-random number in [0, 1) from the seed.
  await c.run(`create macro u(i, salt) as (hash(i, ${seed}, salt) % 1000003)::double / 1000003`);
  const write = async (name: string, query: string) => {
    const target = join(outDir, `${name}.${options.parquet ? 'parquet' : 'csv'}`);
    await c.run(`copy (${query}) to ${sqlString(target)} ${options.parquet ? '(format parquet)' : "(header, delimiter ',')"}`);
    options.onProgress?.(`gen-extract: ${name} written`);
  };
  try {
    await c.run(`create table reg as select code, row_number() over (order by code) - 1 as idx from read_csv(${sqlString(regenciesCsv())}, header = true, all_varchar = true)`);
    // Each regency's target coverage (10–90%) sets its working population.
    await c.run(`create table target as select code, idx, 0.10 + 0.80 * u(idx, 'cov') as cov from reg`);
    await c.run(`create table emp as
      select i, 'N' || lpad(i::varchar, 8, '0') as npp, 'PT Contoh ' || i as name,
        (select code from reg where idx = (hash(i, ${seed}, 'ereg') % 514)) as regency_code,
        case when u(i, 'size') < 0.05 then 'besar' when u(i, 'size') < 0.20 then 'menengah' when u(i, 'size') < 0.50 then 'kecil' else 'mikro' end as size
      from range(${E}) t(i)`);
    await c.run(`create table part as
      select i,
        case when u(i, 'seg') < 0.70 then 'PU' when u(i, 'seg') < 0.90 then 'BPU' when u(i, 'seg') < 0.97 then 'JAKON' else 'PMI' end as segment,
        hash(i, ${seed}, 'emp') % ${E} as emp_i,
        (select code from reg where idx = (hash(i, ${seed}, 'preg') % 514)) as own_regency
      from range(${P}) t(i)`);
    await c.run(`create table part2 as
      select p.i, p.segment, case when p.segment = 'PU' then e.npp else null end as npp,
        case when p.segment = 'PU' then e.regency_code else p.own_regency end as regency_code, e.size,
        -- Start between 2020-01-01 and 31 Dec Y, some exactly on D; a quarter end, some exactly on D or D0.
        case when p.i % 97 = 0 then date '${Y}-12-31' else date '2020-01-01' + cast(floor(u(p.i, 'start') * (date '${Y}-12-31' - date '2020-01-01')) as integer) end as start_date,
        u(p.i, 'end') as end_roll
      from part p left join emp e on e.i = p.emp_i`);
    await c.run(`create table participants as
      select 'P' || lpad(i::varchar, 9, '0') as participant_id, segment, npp, regency_code,
        case
          when segment = 'PU' and u(i, 'prog') < 0.10 then 'JKK JKM'
          when segment = 'PU' and size in ('besar', 'menengah') then 'JKK JKM JHT JP JKP'
          when segment = 'PU' and size = 'kecil' then 'JKK JKM JHT JKP'
          when segment = 'PU' then 'JKK JKM'
          when segment = 'BPU' and u(i, 'prog') < 0.3 then 'JKK JKM JHT'
          else 'JKK JKM' end as programs,
        round(case when segment = 'PU' then 2000000 + u(i, 'wage') * 6000000 else 900000 + u(i, 'wage') * 2500000 end, 0)::bigint as monthly_wage,
        case when segment in ('PU', 'JAKON') then 'EMPLOYER' when segment = 'PMI' then 'SELF'
          when u(i, 'fund') < 0.15 then 'APBD' when u(i, 'fund') < 0.20 then 'APBDES' when u(i, 'fund') < 0.23 then 'CSR' else 'SELF' end as funded_by,
        start_date,
        case when i % 89 = 0 then date '${Y}-12-31' when i % 83 = 0 then date '${Y - 1}-12-31'
          when end_roll < 0.25 then start_date + 1 + cast(floor(u(i, 'len') * 700) as integer) end as end_date
      from part2`);
    const activeAtD = `start_date <= date '${Y}-12-31' and (end_date is null or end_date > date '${Y}-12-31')`;
    await c.run(`create table counts as select regency_code, count(*) filter (${activeAtD}) as active,
        count(*) filter (${activeAtD} and segment = 'BPU') as bpu from participants group by regency_code`);
    await write(
      'workforce',
      `select t.code as regency_code, y.year, greatest(1, round(coalesce(k.active, 0) / t.cov))::bigint as working_population,
         case when u(t.idx, 'inf') < 0.06 then null else greatest(1, round(coalesce(k.bpu, 0) / (0.05 + 0.5 * u(t.idx, 'bpu'))))::bigint end as informal_workers
       from target t left join counts k on k.regency_code = t.code cross join (values (${Y - 1}), (${Y})) y(year)
       where not (y.year = ${Y} and t.idx % 101 = 7) order by 1, 2`,
    );
    await write(
      'min_wage',
      `select code as regency_code, y.year, (2000000 + round(u(idx, 'umk') * 3000000, -3) + (y.year - ${Y}) * 150000)::bigint as monthly_min_wage
       from reg cross join (values (${Y - 1}), (${Y})) y(year) where not (y.year = ${Y} and idx % 53 = 11) order by 1, 2`,
    );
    await c.run(`create table emp_workers as select npp, count(*) filter (${activeAtD}) as w from participants where segment = 'PU' group by npp`);
    await write(
      'employers',
      `select e.npp, e.name, e.regency_code, e.size,
         case when u(e.i, 'decl') < 0.1 then null else (coalesce(w.w, 0) * (1 + case when u(e.i, 'pds') < 0.2 then 0.3 else 0 end))::bigint end as declared_workers
       from emp e left join emp_workers w on w.npp = e.npp order by e.npp`,
    );
    await write('participants', `select participant_id, segment, npp, regency_code, programs, monthly_wage, funded_by, start_date, end_date from participants order by participant_id`);
    await write(
      'contributions',
      `select e.npp, strftime(m.month, '%Y-%m') as month, due as due_amount, paid as paid_amount,
         case when paid = 0 then null
           when u(e.i * 13 + m.k, 'late') < 0.1 then cast(m.month + interval 1 month + interval 15 day as date)
           when u(e.i * 13 + m.k, 'late') < 0.2 then cast(m.month + interval 1 month + interval 14 day as date)
           else cast(m.month + interval 1 month + interval 9 day as date) end as paid_date
       from emp e cross join (select k, date '${Y - 1}-12-01' + to_months(k) as month from range(13) r(k)) m
       cross join lateral (select (100000 + round(u(e.i, 'due') * 5000000, -3))::bigint as due) d
       cross join lateral (select case when u(e.i * 13 + m.k, 'pay') < 0.05 then 0 when u(e.i * 13 + m.k, 'pay') < 0.12 then due // 2 else due end as paid) p
       order by 1, 2`,
    );
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

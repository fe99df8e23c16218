import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateExtract } from '../generate.ts';
import { runScreen } from './run.ts';

type Row = Record<string, string>;
/** Splits one CSV line, honouring double quotes. */
function fields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cur += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  return [...out, cur];
}
function parseCsv(text: string): Row[] {
  const [header, ...lines] = text.trim().split('\n');
  const cols = fields(header!);
  return lines.map((l) => Object.fromEntries(fields(l).map((v, i) => [cols[i]!, v])));
}
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}
const read = async (dir: string, name: string) => parseCsv(await readFile(join(dir, `${name}.csv`), 'utf8'));

/** An independent percentage: exact rational, rounded half away from zero to 4 decimals. */
function pct(num: number, den: number | null): number | null {
  if (den == null || den === 0) return null;
  const n = BigInt(Math.abs(num)) * 1_000_000n;
  const d = BigInt(den);
  let units = n / d;
  if ((n % d) * 2n >= d) units += 1n;
  return (num < 0 ? -1 : 1) * (Number(units) / 10_000);
}
const val = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));
const isActive = (p: Row, d: string) => p.start_date! <= d && (p.end_date === '' || p.end_date! > d);

describe('paritrana screen on a generated extract, against an independent computation', () => {
  const year = 2024;
  const D = '2024-12-31';
  const D0 = '2023-12-31';
  let data: string;
  let out: string;
  const input: Record<string, Row[]> = {};

  beforeAll(async () => {
    data = await mkdtemp(join(tmpdir(), 'screen-in-'));
    out = await mkdtemp(join(tmpdir(), 'screen-out-'));
    await generateExtract({ outDir: data, scale: 'small', seed: 11, year });
    const result = await runScreen({ dataDir: data, year, outDir: out });
    expect(result.ok).toBe(true);
    for (const n of ['workforce', 'min_wage', 'employers', 'participants', 'contributions']) input[n] = await read(data, n);
  });

  it('has the generated boundary cases', () => {
    const p = input.participants!;
    expect(p.some((r) => r.start_date === D)).toBe(true);
    expect(p.some((r) => r.end_date === D)).toBe(true);
    expect(p.some((r) => r.end_date === D0)).toBe(true);
    expect(input.contributions!.some((c) => c.paid_date!.endsWith('-15') || c.paid_date!.endsWith('-16'))).toBe(true);
  });

  it('computes every regency and province column as the definitions say', async () => {
    const regencies = await read(out, 'regency_indicators');
    const provinces = await read(out, 'province_indicators');
    expect(regencies).toHaveLength(514);
    expect(provinces).toHaveLength(38);
    expect(regencies.map((r) => r.regency_code)).toEqual([...regencies.map((r) => r.regency_code)].sort());
    const wf = new Map(input.workforce!.filter((w) => w.year === String(year)).map((w) => [w.regency_code!, w]));
    const check = (row: Row, members: Row[], working: number | null, informal: number | null) => {
      const act = members.filter((p) => isActive(p, D));
      const prev = members.filter((p) => isActive(p, D0)).length;
      const seg = (s: string) => act.filter((p) => p.segment === s).length;
      expect(val(row.active)).toBe(act.length);
      expect([val(row.active_pu), val(row.active_bpu), val(row.active_jakon), val(row.active_pmi)]).toEqual([seg('PU'), seg('BPU'), seg('JAKON'), seg('PMI')]);
      expect(val(row.active_prev)).toBe(prev);
      expect(val(row.growth_pct)).toBe(prev === 0 ? null : pct(act.length - prev, prev));
      expect(val(row.coverage_pct)).toBe(working == null ? null : pct(act.length, working));
      expect(val(row.bpu_coverage_pct)).toBe(informal == null || informal === 0 ? null : pct(seg('BPU'), informal));
      expect(val(row.gov_funded)).toBe(act.filter((p) => p.funded_by === 'APBD' || p.funded_by === 'APBDES').length);
      expect(val(row.employers_active)).toBe(new Set(act.filter((p) => p.segment === 'PU').map((p) => p.npp)).size);
    };
    const byRegency = groupBy(input.participants!, (p) => p.regency_code!);
    for (const row of regencies) {
      const w = wf.get(row.regency_code!);
      check(row, byRegency.get(row.regency_code!) ?? [], w ? Number(w.working_population) : null, w && w.informal_workers !== '' ? Number(w.informal_workers) : null);
    }
    for (const row of provinces) {
      const members = input.participants!.filter((p) => p.regency_code!.startsWith(`${row.province_code}.`));
      const rows = [...wf.values()].filter((w) => w.regency_code!.startsWith(`${row.province_code}.`));
      const informal = rows.filter((w) => w.informal_workers !== '');
      check(
        row,
        members,
        rows.length === 0 ? null : rows.reduce((s, w) => s + Number(w.working_population), 0),
        informal.length === 0 ? null : informal.reduce((s, w) => s + Number(w.informal_workers), 0),
      );
    }
    // Some regency of the extract has no workforce row for Y: its coverage is empty.
    expect(regencies.some((r) => r.coverage_pct === '')).toBe(true);
  });

  it('computes every employer column as the definitions say', async () => {
    const employers = await read(out, 'employer_indicators');
    expect(employers.map((e) => e.npp)).toEqual(input.employers!.map((e) => e.npp).sort());
    const umk = new Map(input.min_wage!.filter((m) => m.year === String(year)).map((m) => [m.regency_code!, Number(m.monthly_min_wage)]));
    const mandatory: Record<string, string[]> = { besar: ['JKK', 'JKM', 'JHT', 'JP'], menengah: ['JKK', 'JKM', 'JHT', 'JP'], kecil: ['JKK', 'JKM', 'JHT'], mikro: ['JKK', 'JKM'] };
    const byNpp = groupBy(
      input.participants!.filter((p) => p.segment === 'PU'),
      (p) => p.npp!,
    );
    const pay = groupBy(
      input.contributions!.filter((c) => c.month!.startsWith(`${year}-`)),
      (c) => c.npp!,
    );
    for (const e of employers) {
      const source = input.employers!.find((x) => x.npp === e.npp)!;
      const mine = byNpp.get(e.npp!) ?? [];
      const workers = mine.filter((p) => isActive(p, D));
      const prev = mine.filter((p) => isActive(p, D0)).length;
      expect(val(e.workers)).toBe(workers.length);
      expect(val(e.workers_prev)).toBe(prev);
      expect(val(e.growth_pct)).toBe(prev === 0 ? null : pct(workers.length - prev, prev));
      const declared = source.declared_workers === '' ? null : Number(source.declared_workers);
      expect(val(e.declared_coverage_pct)).toBe(declared ? pct(workers.length, declared) : null);
      const complete = workers.filter((p) => mandatory[source.size!]!.every((m) => p.programs!.split(' ').includes(m))).length;
      expect(val(e.program_complete_pct)).toBe(workers.length === 0 ? null : pct(complete, workers.length));
      const wage = umk.get(source.regency_code!);
      const below = workers.filter((p) => wage != null && Number(p.monthly_wage) < wage).length;
      expect(val(e.below_min_wage_pct)).toBe(workers.length === 0 || wage == null ? null : pct(below, workers.length));
      const due = (pay.get(e.npp!) ?? []).filter((c) => Number(c.due_amount) > 0);
      const onTime = due.filter((c) => {
        if (Number(c.paid_amount) < Number(c.due_amount) || c.paid_date === '') return false;
        const [y, m] = c.month!.split('-').map(Number) as [number, number];
        const limit = m === 12 ? `${y + 1}-01-15` : `${y}-${String(m + 1).padStart(2, '0')}-15`;
        return c.paid_date! <= limit;
      });
      expect(val(e.months_due)).toBe(due.length);
      expect(val(e.months_in_arrears)).toBe(due.filter((c) => Number(c.paid_amount) < Number(c.due_amount)).length);
      expect(val(e.on_time_pct)).toBe(due.length === 0 ? null : pct(onTime.length, due.length));
    }
  });

  it('ranks the shortlist per province and category, at most ten, best first', async () => {
    const list = await read(out, 'shortlist');
    const groups = groupBy(list, (r) => `${r.province_code}|${r.category}`);
    for (const rows of groups.values()) {
      expect(rows.length).toBeLessThanOrEqual(10);
      expect(rows.map((r) => Number(r.rank))).toEqual(rows.map((_, i) => i + 1));
      const scores = rows.map((r) => Number(r.score));
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
    expect(new Set(list.map((r) => r.category))).toEqual(new Set(['pemkab-kota', 'usaha-besar', 'usaha-menengah', 'usaha-kecil-mikro']));
    expect(groups.get('52|pemkab-kota')).toHaveLength(10);
  });

  it('reads CSV.gz and Parquet inputs to the very same outputs', async () => {
    const gz = await mkdtemp(join(tmpdir(), 'screen-gz-'));
    for (const f of await readdir(data)) await writeFile(join(gz, `${f}.gz`), gzipSync(await readFile(join(data, f))));
    const parquet = await mkdtemp(join(tmpdir(), 'screen-pq-'));
    await generateExtract({ outDir: parquet, scale: 'small', seed: 11, year, parquet: true });
    for (const dir of [gz, parquet]) {
      const target = await mkdtemp(join(tmpdir(), 'screen-out2-'));
      expect((await runScreen({ dataDir: dir, year, outDir: target })).ok).toBe(true);
      for (const name of ['regency_indicators', 'province_indicators', 'employer_indicators', 'shortlist']) {
        expect(await readFile(join(target, `${name}.csv`), 'utf8')).toBe(await readFile(join(out, `${name}.csv`), 'utf8'));
      }
    }
  });
});

describe('paritrana screen on hand-made boundaries and bad input', () => {
  const files = {
    workforce: 'regency_code,year,working_population,informal_workers\n18.02,2024,1000,\n18.06,2024,3,0\n',
    min_wage: 'regency_code,year,monthly_min_wage\n18.02,2024,2900000\n',
    employers: 'npp,name,regency_code,size,declared_workers\nA0001,"PT Satu, Tbk",18.02,kecil,4\nA0002,PT Dua,18.06,mikro,0\n',
    participants: [
      'participant_id,segment,npp,regency_code,programs,monthly_wage,funded_by,start_date,end_date',
      'p1,PU,A0001,18.02,JKK JKM JHT,3000000,EMPLOYER,2024-12-31,',
      'p2,PU,A0001,18.02,JKK JKM,2000000,EMPLOYER,2023-01-01,2024-12-31',
      'p3,PU,A0001,18.02,JKK JKM JHT JP,2800000,EMPLOYER,2023-12-31,2025-01-01',
      'p4,BPU,,18.06,JKK JKM,1000000,APBD,2020-01-01,2023-12-31',
      'p5,BPU,,18.06,JKK JKM,1000000,APBDES,2020-01-01,',
    ].join('\n'),
    contributions: [
      'npp,month,due_amount,paid_amount,paid_date',
      'A0001,2024-01,100,100,2024-02-15',
      'A0001,2024-02,100,100,2024-03-16',
      'A0001,2024-03,100,50,2024-04-01',
      'A0001,2024-04,0,0,',
      'A0002,2023-12,100,100,2024-01-15',
    ].join('\n'),
  };
  const write = async (overrides: Partial<typeof files> = {}) => {
    const dir = await mkdtemp(join(tmpdir(), 'screen-fix-'));
    for (const [name, text] of Object.entries({ ...files, ...overrides })) if (text !== '') await writeFile(join(dir, `${name}.csv`), text);
    return dir;
  };

  it('gives the exact values at every boundary', async () => {
    const out = await mkdtemp(join(tmpdir(), 'screen-fix-out-'));
    expect(await runScreen({ dataDir: await write(), year: 2024, outDir: out })).toMatchObject({ ok: true });
    const regency = (await read(out, 'regency_indicators')).find((r) => r.regency_code === '18.02')!;
    // Active at 31 Dec 2024: p1 (starts that day) and p3; p2 ends that day, so it is not. At 31 Dec 2023: p2 and p3.
    expect(regency).toMatchObject({ active: '2', active_pu: '2', active_prev: '2', growth_pct: '0.0', coverage_pct: '0.2', bpu_coverage_pct: '', employers_active: '1' });
    const tanggamus = (await read(out, 'regency_indicators')).find((r) => r.regency_code === '18.06')!;
    // p4 ends on 31 Dec 2023 (not active then); p5 is active at both dates: 1 ÷ 3 = 33.3333%; informal workers 0 → empty.
    expect(tanggamus).toMatchObject({ active: '1', active_prev: '1', coverage_pct: '33.3333', bpu_coverage_pct: '', gov_funded: '1' });
    const [one, two] = await read(out, 'employer_indicators');
    // PT Satu: 2 workers of 4 declared; both have JKK JKM JHT (kecil) → 100%; p1's 3,000,000 ≥ UMK, p3's 2,800,000 < 2,900,000 → 50%.
    // Months due 3 (April's due is 0); March in arrears; January paid on the 15th (on time), February on the 16th (late).
    expect(one).toMatchObject({ npp: 'A0001', workers: '2', workers_prev: '2', declared_coverage_pct: '50.0', program_complete_pct: '100.0', below_min_wage_pct: '50.0', months_due: '3', months_in_arrears: '1', on_time_pct: '33.3333' });
    // PT Dua: no workers, declared 0, no UMK row, no month of 2024 due.
    expect(two).toMatchObject({ npp: 'A0002', workers: '0', growth_pct: '', declared_coverage_pct: '', program_complete_pct: '', below_min_wage_pct: '', months_due: '0', on_time_pct: '' });
    const province = (await read(out, 'province_indicators')).find((r) => r.province_code === '18')!;
    // Lampung: 3 active of 1,003 working people = 0.2991%.
    expect(province).toMatchObject({ active: '3', coverage_pct: '0.2991', employers_active: '1' });
  });

  it('refuses bad rows with file, row and column, and leaves OUTDIR untouched', async () => {
    const out = await mkdtemp(join(tmpdir(), 'screen-bad-out-'));
    await writeFile(join(out, 'keep.txt'), 'x');
    const dir = await write({
      participants: files.participants + '\np6,XX,,18.02,JKK,abc,SELF,2024-13-01,\np7,PU,Z999,99.99,JKK,1,EMPLOYER,2024-01-01,',
      contributions: files.contributions + '\nA0001,2024-01,100,100,2024-02-10',
    });
    const result = await runScreen({ dataDir: dir, year: 2024, outDir: out });
    expect(result).toEqual({
      ok: false,
      problems: [
        'participants.csv row 7, column monthly_wage: not a number: "abc"',
        'participants.csv row 7, column segment: unknown segment "XX" (expected PU, BPU, JAKON or PMI)',
        'participants.csv row 7, column start_date: not a date YYYY-MM-DD: "2024-13-01"',
        'participants.csv row 8, column npp: npp "Z999" is not in employers',
        'participants.csv row 8, column regency_code: unknown regency code "99.99"',
        'contributions.csv row 7, column month: second row for npp "A0001" and month 2024-01',
      ],
    });
    expect(await readdir(out)).toEqual(['keep.txt']);
  });

  // Each kind of bad row alone: the one-pass check must see it, and the detailed reading name it.
  const participant = (row: string) => ({ participants: `${files.participants}\n${row}` });
  const contribution = (row: string) => ({ contributions: `${files.contributions}\n${row}` });
  it.each([
    ['blank participant id', participant(' ,BPU,,18.06,JKK JKM,1000000,SELF,2020-01-01,'), 'participants.csv row 7, column participant_id: empty'],
    ['unknown segment', participant('p6,XX,,18.06,JKK JKM,1000000,SELF,2020-01-01,'), 'participants.csv row 7, column segment: unknown segment "XX"'],
    ['PU without npp', participant('p6,PU,,18.02,JKK JKM,3000000,EMPLOYER,2024-01-01,'), 'participants.csv row 7, column npp: a PU participant needs the npp'],
    ['unknown program', participant('p6,BPU,,18.06,JKK JKX,1000000,SELF,2020-01-01,'), 'participants.csv row 7, column programs: unknown program in "JKK JKX"'],
    ['programs run together', participant('p6,BPU,,18.06,JKKJKM,1000000,SELF,2020-01-01,'), 'participants.csv row 7, column programs: unknown program in "JKKJKM"'],
    ['non-numeric wage', participant('p6,BPU,,18.06,JKK JKM,sejuta,SELF,2020-01-01,'), 'participants.csv row 7, column monthly_wage: not a number: "sejuta"'],
    ['unknown funding', participant('p6,BPU,,18.06,JKK JKM,1000000,NEGARA,2020-01-01,'), 'participants.csv row 7, column funded_by: unknown source "NEGARA"'],
    ['impossible start date', participant('p6,BPU,,18.06,JKK JKM,1000000,SELF,2024-02-30,'), 'participants.csv row 7, column start_date: not a date YYYY-MM-DD: "2024-02-30"'],
    ['empty start date', participant('p6,BPU,,18.06,JKK JKM,1000000,SELF,,'), 'participants.csv row 7, column start_date: not a date YYYY-MM-DD: ""'],
    ['end date in another format', participant('p6,BPU,,18.06,JKK JKM,1000000,SELF,2020-01-01,31/12/2024'), 'participants.csv row 7, column end_date: not a date YYYY-MM-DD: "31/12/2024"'],
    ['unknown regency', participant('p6,BPU,,99.99,JKK JKM,1000000,SELF,2020-01-01,'), 'participants.csv row 7, column regency_code: unknown regency code "99.99"'],
    ['npp not in employers', participant('p6,PU,Z999,18.02,JKK JKM,3000000,EMPLOYER,2024-01-01,'), 'participants.csv row 7, column npp: npp "Z999" is not in employers'],
    ['blank contribution npp', contribution(',2024-05,100,100,2024-06-10'), 'contributions.csv row 7, column npp: empty'],
    ['month out of range', contribution('A0001,2024-13,100,100,2025-01-10'), 'contributions.csv row 7, column month: not a month YYYY-MM: "2024-13"'],
    ['non-numeric due', contribution('A0001,2024-05,seratus,100,2024-06-10'), 'contributions.csv row 7, column due_amount: not a number: "seratus"'],
    ['non-numeric paid', contribution('A0001,2024-05,100,lunas,2024-06-10'), 'contributions.csv row 7, column paid_amount: not a number: "lunas"'],
    ['impossible paid date', contribution('A0001,2024-05,100,100,2024-06-31'), 'contributions.csv row 7, column paid_date: not a date YYYY-MM-DD: "2024-06-31"'],
    ['contribution npp not in employers', contribution('Z999,2024-05,100,100,2024-06-10'), 'contributions.csv row 7, column npp: npp "Z999" is not in employers'],
    ['second row for a month', contribution('A0002,2023-12,100,100,2024-01-10'), 'contributions.csv row 7, column month: second row for npp "A0002" and month 2023-12'],
  ] as const)('refuses a single bad row: %s', async (_, overrides, expected) => {
    const out = await mkdtemp(join(tmpdir(), 'screen-one-'));
    const result = await runScreen({ dataDir: await write(overrides), year: 2024, outDir: out });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toEqual([expect.stringContaining(expected)]);
    expect(await readdir(out)).toEqual([]);
  });

  it('checks Parquet columns of their own types as strictly as text', async () => {
    // DuckDB writes the fixture with the types it detects: dates as DATE, wages as BIGINT; an empty start date becomes a null DATE.
    const toParquet = async (dir: string) => {
      const target = await mkdtemp(join(tmpdir(), 'screen-fix-pq-'));
      const instance = await DuckDBInstance.create(':memory:');
      const connection = await instance.connect();
      const text: Record<string, string[]> = {
        workforce: ['regency_code'],
        min_wage: ['regency_code'],
        employers: ['npp', 'regency_code'],
        participants: ['npp', 'regency_code'],
        contributions: ['npp', 'month'],
      };
      for (const [name, columns] of Object.entries(text)) {
        const types = columns.map((c) => `'${c}': 'VARCHAR'`).join(', ');
        await connection.run(`copy (select * from read_csv('${join(dir, `${name}.csv`)}', header = true, types = {${types}})) to '${join(target, `${name}.parquet`)}' (format parquet)`);
      }
      const [row] = (await connection.runAndReadAll(`select column_type from (describe select * from read_parquet('${join(target, 'participants.parquet')}')) where column_name = 'start_date'`)).getRowObjectsJS();
      connection.closeSync();
      instance.closeSync();
      expect(row?.column_type).toBe('DATE');
      return target;
    };
    const out = await mkdtemp(join(tmpdir(), 'screen-pq-fix-out-'));
    const good = await runScreen({ dataDir: await toParquet(await write()), year: 2024, outDir: out });
    expect(good.ok).toBe(true);
    expect(await readFile(join(out, 'employer_indicators.csv'), 'utf8')).toContain('A0001,"PT Satu, Tbk",18.02,kecil,2,2,0.0,50.0,100.0,50.0,3,1,33.3333');
    const bad = await runScreen({ dataDir: await toParquet(await write(participant('p6,BPU,,18.06,JKK JKM,1000000,SELF,,'))), year: 2024, outDir: await mkdtemp(join(tmpdir(), 'screen-pq-bad-')) });
    expect(bad).toEqual({ ok: false, problems: ['participants.parquet row 7, column start_date: not a date YYYY-MM-DD: ""'] });
  });

  it('names a missing file and a missing column', async () => {
    const out = await mkdtemp(join(tmpdir(), 'screen-miss-'));
    expect(await runScreen({ dataDir: await write({ min_wage: '' }), year: 2024, outDir: out })).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^min_wage: missing file/)],
    });
    expect(await runScreen({ dataDir: await write({ employers: 'npp,name,regency_code,size\nA0001,PT,18.02,kecil\n' }), year: 2024, outDir: out })).toEqual({
      ok: false,
      problems: ['employers.csv: missing column declared_workers'],
    });
  });

  it('names a file of the wrong kind in one line: UTF-16, Latin-1, binary, not gzip, truncated Parquet', async () => {
    const out = await mkdtemp(join(tmpdir(), 'screen-kind-'));
    const withFile = async (skip: keyof typeof files, name: string, bytes: Buffer) => {
      const dir = await write({ [skip]: '' });
      await writeFile(join(dir, name), bytes);
      return runScreen({ dataDir: dir, year: 2024, outDir: out });
    };
    const latin1Late = Buffer.concat([Buffer.from(files.employers), Buffer.from(`${'A0009,PT Sembilan,18.02,kecil,1\n'.repeat(3000)}A0010,PT Caf\xe9,18.02,kecil,1\n`, 'latin1')]);
    expect(await withFile('employers', 'employers.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(files.employers, 'utf16le')]))).toEqual({
      ok: false,
      problems: ['employers.csv: encoded as UTF-16; save it as CSV in UTF-8'],
    });
    expect(await withFile('employers', 'employers.csv', Buffer.from('npp,name,regency_code,size,declared_workers\nA0001,PT Caf\xe9,18.02,kecil,4\n', 'latin1'))).toEqual({
      ok: false,
      problems: ['employers.csv: not UTF-8 text (byte 0xe9 at offset 56, as in Latin-1 or Windows-1252); save it as CSV in UTF-8'],
    });
    expect(await withFile('employers', 'employers.csv', latin1Late)).toEqual({ ok: false, problems: ['employers.csv: not UTF-8 text (line 3004); save it as CSV in UTF-8'] });
    expect(await withFile('participants', 'participants.csv', Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256)))).toEqual({
      ok: false,
      problems: ['participants.csv: contains a NUL byte at offset 61: a binary file, not CSV text'],
    });
    expect(await withFile('contributions', 'contributions.csv.gz', Buffer.from(files.contributions))).toEqual({
      ok: false,
      problems: ['contributions.csv.gz: not gzip-compressed although its name ends in .gz (name it .csv, or compress it with gzip)'],
    });
    expect(await withFile('workforce', 'workforce.parquet', Buffer.from('PAR1 and then nothing'))).toEqual({
      ok: false,
      problems: ['workforce.parquet: a truncated Parquet file (the PAR1 marker at its end is missing); copy it again'],
    });
    expect(await withFile('workforce', 'workforce.parquet', Buffer.from('regency_code,year\n18.02,2024\n'))).toEqual({
      ok: false,
      problems: ['workforce.parquet: not a Parquet file (it does not start with the PAR1 marker)'],
    });
  });

  it('runs as `paritrana screen` with exit status 0, and 2 on bad input', async () => {
    const bin = new URL('../../../bin/paritrana', import.meta.url).pathname;
    const out = await mkdtemp(join(tmpdir(), 'screen-cli-'));
    execFileSync(process.execPath, [bin, 'screen', '--data', await write(), '--year', '2024', '--out', out, '--parquet'], { stdio: 'pipe' });
    expect((await readdir(out)).sort()).toEqual([
      'employer_indicators.csv',
      'employer_indicators.parquet',
      'province_indicators.csv',
      'province_indicators.parquet',
      'regency_indicators.csv',
      'regency_indicators.parquet',
      'shortlist.csv',
      'shortlist.parquet',
    ]);
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, [bin, 'screen', '--data', await write({ workforce: 'regency_code,year,working_population,informal_workers\n18.02,20x4,5,\n' }), '--year', '2024', '--out', out], { stdio: 'pipe' });
    } catch (error) {
      status = (error as { status: number }).status;
      stderr = String((error as { stderr: Buffer }).stderr);
    }
    expect(status).toBe(2);
    expect(stderr).toContain('workforce.csv row 2, column year: not a year: "20x4"');
    const binary = await write({ participants: '' });
    await writeFile(join(binary, 'participants.csv'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    try {
      execFileSync(process.execPath, [bin, 'screen', '--data', binary, '--year', '2024', '--out', out], { stdio: 'pipe' });
      status = 0;
    } catch (error) {
      status = (error as { status: number }).status;
      stderr = String((error as { stderr: Buffer }).stderr);
    }
    expect({ status, stderr }).toEqual({ status: 2, stderr: 'participants.csv: contains a NUL byte at offset 4: a binary file, not CSV text\n' });
  });
});

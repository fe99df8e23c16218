import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string): string => join(root, 'test/fixtures/scoring', name);

type Run = { code: number; stdout: string; stderr: string };

/** Runs `node bin/paritrana score …` as a child process. */
function score(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/paritrana', 'score', ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('paritrana score', () => {
  it('prints the result of the spec example on stdout', async () => {
    const run = await score(fixture('spec-example.json'));
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      format: 'paritrana.result/v1',
      pool: { edition: '2025', level: 'provinsi', area: '18', category: 'pemkab-kota' },
      results: [
        {
          candidate: '18.02',
          rank: 1,
          score: 79.43,
          award: 1,
          advances: true,
          stages: { desk: 74.05, wawancara: 87.5 },
          aspects: { regulasi: 80, kinerja: 71.5, paparan: 87.5 },
          indicators: { 'reg.jenis': 80, 'kin.coverage': 52.5, 'kin.tumbuh': 100, 'ww.komitmen': 75, 'ww.hadir': 100 },
          flags: [],
        },
      ],
    });
    expect(run.stdout).toContain('"score": 79.43,');
  });

  it('rejects an invalid package: exit 2, one line per problem on stderr, nothing on stdout', async () => {
    const run = await score(fixture('invalid.json'));
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: [
        'stages[0].aspects[1].indicators: weights sum to 0',
        'values["18.02"]["reg.jenis"]: "perbup" is not among the options of reg.jenis (perda, perkada, instruksi, surat-edaran, none)',
        'marks[1].value: 7 is outside 1..5 for ww.komitmen',
        'marks[2].juror: unknown juror j3',
        '',
      ].join('\n'),
    });
  });

  it('rejects a package whose marks or values were removed instead of printing another ranking', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paritrana-score-'));
    const example = JSON.parse(readFileSync(fixture('spec-example.json'), 'utf8')) as Record<string, unknown>;
    for (const key of ['marks', 'values'] as const) {
      const cut = { ...example };
      delete cut[key];
      const path = join(dir, `without-${key}.json`);
      writeFileSync(path, JSON.stringify(cut));
      const run = await score(path);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(new RegExp(`^${key}: missing`));
    }
  });

  it('prints a table with --format table', async () => {
    const run = await score(fixture('spec-example.json'), '--format', 'table', '--lang', 'en');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        '2025 · provinsi 18 · pemkab-kota',
        '',
        'Rank  Candidate  Score   desk  wawancara  Award  Advances  Flags',
        '----  ---------  -----  -----  ---------  -----  --------  -----',
        '   1  18.02      79.43  74.05       87.5  1      yes',
        '',
      ].join('\n'),
    );
  });

  it('explains one candidate in Bahasa Indonesia, or English with --lang en', async () => {
    const [id, en] = await Promise.all([
      score(fixture('spec-example.json'), '--explain', '18.02'),
      score(fixture('spec-example.json'), '--explain', '18.02', '--lang', 'en'),
    ]);
    expect(id.code).toBe(0);
    expect(id.stdout.split('\n').slice(-4)).toEqual(['Nilai akhir = 60% × 74,05 + 40% × 87,5 = 79,43', 'Peringkat 1 dari 1; Juara 1; lanjut ke tingkat berikutnya', 'Catatan: tidak ada', '']);
    expect(en.stdout.split('\n').slice(-4)).toEqual(['Final score = 60% × 74.05 + 40% × 87.5 = 79.43', 'Rank 1 of 1; Juara 1 (award 1); advances to the next level', 'Flags: none', '']);
  });

  it('runs a deterministic sensitivity analysis', async () => {
    const [a, b] = await Promise.all([
      score(fixture('spec-example.json'), '--sensitivity', '--runs', '500', '--spread', '30', '--seed', '7'),
      score(fixture('spec-example.json'), '--sensitivity', '--runs', '500', '--spread', '30', '--seed', '7'),
    ]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout)).toEqual({
      format: 'paritrana.sensitivity/v1',
      pool: { edition: '2025', level: 'provinsi', area: '18', category: 'pemkab-kota' },
      runs: 500,
      spread: 30,
      seed: 7,
      winnersChange: 0,
      candidates: [{ candidate: '18.02', rank: 1, keepsRank: 1, minRank: 1, maxRank: 1, award: 1 }],
    });
  });

  it('exits 2 with a clear message for a missing file, invalid JSON, an unknown candidate or a bad option', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paritrana-score-'));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, readFileSync(fixture('spec-example.json'), 'utf8').slice(0, 40));
    const missing = join(dir, 'missing.json');
    const runs = await Promise.all([
      score(missing),
      score(broken),
      score(fixture('spec-example.json'), '--explain', '18.99'),
      score(fixture('spec-example.json'), '--sensitivity', '--runs', '0', '--spread', '150'),
    ]);
    expect(runs.map((r) => r.code)).toEqual([2, 2, 2, 2]);
    expect(runs.map((r) => r.stdout)).toEqual(['', '', '', '']);
    expect(runs[0].stderr).toBe(`cannot read ${missing}: no such file\n`);
    expect(runs[1].stderr).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not valid JSON: .+\n$`));
    expect(runs[2].stderr).toBe(`--explain 18.99: no such candidate in ${fixture('spec-example.json')}\n`);
    expect(runs[3].stderr).toBe('--runs 0: must be a whole number of at least 1\n--spread 150: must be a percentage from 0 up to (not including) 100\n');
  });
});

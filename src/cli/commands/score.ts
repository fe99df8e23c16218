import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Lang, ScoringResult, SensitivityReport } from '../../domain/scoring/index.ts';
import { defaultSensitivity, explainCandidate, formatError, formatExplanation, parsePackage, runSensitivity, scorePackage } from '../../domain/scoring/index.ts';
import type { ExitStatus } from './index.ts';

type ScoreOptions = {
  format?: string;
  explain?: string;
  lang: string;
  sensitivity?: boolean;
  runs?: string;
  spread?: string;
  seed?: string;
};

const labels = {
  id: { rank: 'Peringkat', candidate: 'Kandidat', score: 'Nilai', award: 'Juara', advances: 'Lanjut', flags: 'Catatan', yes: 'ya', no: 'tidak', keeps: 'Peringkat tetap', range: 'Rentang peringkat', awardShare: 'Mendapat juara', winners: (share: string, runs: number, spread: number, seed: number) => `Susunan juara berubah pada ${share} dari ${runs} putaran (bobot diubah acak hingga ±${spread}%, seed ${seed})` },
  en: { rank: 'Rank', candidate: 'Candidate', score: 'Score', award: 'Award', advances: 'Advances', flags: 'Flags', yes: 'yes', no: 'no', keeps: 'Keeps rank', range: 'Rank range', awardShare: 'Wins award', winners: (share: string, runs: number, spread: number, seed: number) => `The set of award winners changes in ${share} of ${runs} runs (weights perturbed at random by up to ±${spread}%, seed ${seed})` },
} as const;

/** Columns padded to their widest cell; numbers aligned right. */
function table(rows: string[][], rightAligned: (column: number) => boolean): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]): string =>
    r.map((cell, i) => (rightAligned(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  return `${[line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n')}\n`;
}

function resultTable(result: ScoringResult, lang: Lang): string {
  const l = labels[lang];
  const n = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US', { maximumFractionDigits: 10 });
  const stages = Object.keys(result.results[0]?.stages ?? {});
  const rows = [
    [l.rank, l.candidate, l.score, ...stages, l.award, l.advances, l.flags],
    ...result.results.map((r) => [
      String(r.rank),
      r.candidate,
      n.format(r.score),
      ...stages.map((s) => n.format(r.stages[s]!)),
      r.award === null ? '' : String(r.award),
      r.advances ? l.yes : l.no,
      r.flags.join(', '),
    ]),
  ];
  const numeric = new Set([0, 2, ...stages.map((_, i) => 3 + i)]);
  const pool = result.pool;
  return `${pool.edition} · ${pool.level}${pool.area ? ` ${pool.area}` : ''} · ${pool.category}\n\n${table(rows, (i) => numeric.has(i))}`;
}

function sensitivityTable(report: SensitivityReport, lang: Lang): string {
  const l = labels[lang];
  const pct = (x: number): string => `${new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US', { maximumFractionDigits: 2 }).format(x * 100)}%`;
  const rows = [
    [l.rank, l.candidate, l.keeps, l.range, l.awardShare],
    ...report.candidates.map((c) => [String(c.rank), c.candidate, pct(c.keepsRank), c.minRank === c.maxRank ? String(c.minRank) : `${c.minRank}–${c.maxRank}`, pct(c.award)]),
  ];
  return `${l.winners(pct(report.winnersChange), report.runs, report.spread, report.seed)}\n\n${table(rows, (i) => i !== 1)}`;
}

/** A whole number (or any number when `integer` is false) from an option, or an error line. */
function numberOption(name: string, raw: string | undefined, fallback: number, check: (n: number) => boolean, rule: string): number | string {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  return raw.trim() !== '' && Number.isFinite(value) && check(value) ? value : `--${name} ${raw}: must be ${rule}`;
}

export function registerScore(program: Command, status: ExitStatus): void {
  program
    .command('score')
    .description('Score a scoring package (docs/scoring.md) and print its result; exit 2 when the package is invalid')
    .argument('<package>', 'a paritrana.scoring/v1 JSON file')
    .option('--format <format>', 'json (default) or table; with --explain: text (default) or json')
    .option('--explain <candidate>', 'print the full derivation of one candidate’s result')
    .option('--lang <lang>', 'language of --explain and of tables: id or en', 'id')
    .option('--sensitivity', 'perturb every weight at random and report how stable the ranking is')
    .option('--runs <n>', `sensitivity runs (default ${defaultSensitivity.runs})`)
    .option('--spread <percent>', `largest change of a weight, in percent (default ${defaultSensitivity.spread})`)
    .option('--seed <n>', `seed of the random perturbations (default ${defaultSensitivity.seed})`)
    .action(async (file: string, opts: ScoreOptions) => {
      const fail = (lines: string[]): void => {
        for (const line of lines) process.stderr.write(`${line}\n`);
        status.code = 2;
      };
      const problems: string[] = [];
      if (opts.lang !== 'id' && opts.lang !== 'en') problems.push(`--lang ${opts.lang}: must be id or en`);
      const formats = opts.explain !== undefined ? ['text', 'json'] : ['json', 'table'];
      if (opts.format !== undefined && !formats.includes(opts.format)) problems.push(`--format ${opts.format}: must be ${formats.join(' or ')}`);
      if (opts.explain !== undefined && opts.sensitivity) problems.push('--explain and --sensitivity cannot be combined');
      const runs = numberOption('runs', opts.runs, defaultSensitivity.runs, (x) => Number.isInteger(x) && x >= 1, 'a whole number of at least 1');
      const spread = numberOption('spread', opts.spread, defaultSensitivity.spread, (x) => x >= 0 && x < 100, 'a percentage from 0 up to (not including) 100');
      const seed = numberOption('seed', opts.seed, defaultSensitivity.seed, (x) => Number.isInteger(x), 'a whole number');
      for (const option of [runs, spread, seed]) if (typeof option === 'string') problems.push(option);
      if (problems.length > 0 || typeof runs === 'string' || typeof spread === 'string' || typeof seed === 'string') return fail(problems);
      const lang = opts.lang as Lang;

      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return fail([`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : error instanceof Error ? error.message : String(error)}`]);
      }
      let input: unknown;
      try {
        input = JSON.parse(text);
      } catch (error) {
        return fail([`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`]);
      }
      const parsed = parsePackage(input);
      if (!parsed.ok) return fail(parsed.errors.map(formatError));
      const pkg = parsed.package;

      if (opts.explain !== undefined) {
        if (!pkg.candidates.some((c) => c.id === opts.explain)) return fail([`--explain ${opts.explain}: no such candidate in ${file}`]);
        const explanation = explainCandidate(pkg, opts.explain);
        process.stdout.write(opts.format === 'json' ? `${JSON.stringify(explanation, null, 2)}\n` : formatExplanation(explanation, lang));
        return;
      }
      if (opts.sensitivity) {
        const report = runSensitivity(pkg, { runs, spread, seed });
        process.stdout.write(opts.format === 'table' ? sensitivityTable(report, lang) : `${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      const result = scorePackage(pkg);
      process.stdout.write(opts.format === 'table' ? resultTable(result, lang) : `${JSON.stringify(result, null, 2)}\n`);
    });
}

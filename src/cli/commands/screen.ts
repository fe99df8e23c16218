import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { ExitStatus } from './index.ts';

export function registerScreen(program: Command, status: ExitStatus): void {
  program
    .command('screen')
    .description('Compute coverage and compliance indicators and the shortlist from a national extract (docs/coverage-data.md)')
    .requiredOption('--data <dir>', 'directory with workforce, min_wage, employers, participants, contributions (.csv, .csv.gz or .parquet)')
    .requiredOption('--year <year>', 'assessment year Y (D = 31 Dec Y)')
    .requiredOption('--out <dir>', 'directory for regency_indicators, province_indicators, employer_indicators and shortlist')
    .option('--parquet', 'also write the outputs as Parquet')
    .option('--config <file>', 'JSON screening configuration (weights, topN); defaults in the README, under paritrana screen')
    .option('--progress <format>', 'progress lines on stderr as "text" (default) or "json" (one {"progress": …} object a line, for programs)', 'text')
    .action(async (opts: { data: string; year: string; out: string; parquet?: boolean; config?: string; progress: string }) => {
      if (opts.progress !== 'text' && opts.progress !== 'json') {
        process.stderr.write(`--progress: "${opts.progress}" is neither text nor json\n`);
        status.code = 2;
        return;
      }
      let config: unknown = undefined;
      if (opts.config) {
        try {
          config = JSON.parse(await readFile(opts.config, 'utf8')) as unknown;
        } catch (error) {
          process.stderr.write(`--config ${opts.config}: ${error instanceof Error ? error.message : String(error)}\n`);
          status.code = 2;
          return;
        }
      }
      const { runScreen } = await import('../../analytics/screen/run.ts');
      const result = await runScreen({
        dataDir: opts.data,
        year: Number(opts.year),
        outDir: opts.out,
        parquet: opts.parquet ?? false,
        config,
        onProgress: (p) => process.stderr.write(opts.progress === 'json' ? `${JSON.stringify({ progress: p })}\n` : `${p.message}\n`),
      });
      if (!result.ok) {
        for (const line of result.problems) process.stderr.write(`${line}\n`);
        status.code = 2;
        return;
      }
      process.stdout.write(`wrote ${opts.out}: ${result.counts.participants} participants, ${result.counts.employers} employers, ${result.counts.shortlist} shortlisted\n`);
    });
}

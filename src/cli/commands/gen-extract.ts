import type { Command } from 'commander';
import type { ExitStatus } from './index.ts';

export function registerGenExtract(program: Command, status: ExitStatus): void {
  program
    .command('gen-extract')
    .description('Write a realistic synthetic national extract (all 514 regencies) for tests and benchmarks')
    .requiredOption('--out <dir>', 'directory to write the five files into')
    .option('--scale <scale>', 'small (6,000 participants), province (1 million) or national (40 million)', 'small')
    .option('--seed <n>', 'seed; the same seed gives the same files', '1')
    .option('--year <year>', 'assessment year', '2024')
    .option('--parquet', 'write Parquet instead of CSV')
    .action(async (opts: { out: string; scale: string; seed: string; year: string; parquet?: boolean }) => {
      const { generateExtract, scales } = await import('../../analytics/generate.ts');
      if (!(opts.scale in scales)) {
        process.stderr.write(`--scale must be one of ${Object.keys(scales).join(', ')}\n`);
        status.code = 2;
        return;
      }
      if (!/^\d+$/.test(opts.seed) || !/^\d{4}$/.test(opts.year)) {
        process.stderr.write('--seed must be a whole number and --year a year\n');
        status.code = 2;
        return;
      }
      const started = Date.now();
      await generateExtract({
        outDir: opts.out,
        scale: opts.scale as keyof typeof scales,
        seed: Number(opts.seed),
        year: Number(opts.year),
        parquet: opts.parquet ?? false,
        onProgress: (m) => process.stderr.write(`${m} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`),
      });
      process.stdout.write(`extract (${opts.scale}, seed ${opts.seed}) written to ${opts.out}\n`);
    });
}

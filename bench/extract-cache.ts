/**
 * The national extract the screen benchmarks share: generated once as Parquet
 * in bench/.cache/ (per scale, seed and year), and written once as CSV from
 * those files when a benchmark asks for it. Also the options every one of
 * them reads (`--scale`, `--seed`, `--year`).
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { generateExtract, scales, type Scale } from '../src/analytics/generate.ts';
import { inputNames, sqlString } from '../src/analytics/screen/inputs.ts';

/** `--name value` from the command line, else the fallback. */
export const option = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};

export type ExtractOptions = { scale: Scale; seed: number; year: number };

/** `--scale` (checked), `--seed` and `--year`. */
export function extractOptions(): ExtractOptions {
  const scale = option('scale', 'national') as Scale;
  if (!(scale in scales)) throw new Error(`--scale must be one of ${Object.keys(scales).join(', ')}`);
  return { scale, seed: Number(option('seed', '1')), year: Number(option('year', '2024')) };
}

/** The cache directory of one extract. */
export const extractCache = ({ scale, seed, year }: ExtractOptions) => join(fileURLToPath(new URL('.', import.meta.url)), '.cache', `screen-${scale}-seed${seed}-${year}`);

/** The extract as Parquet, generated when missing; with `csv`, the same rows as CSV too. */
export async function ensureExtract(options: ExtractOptions & { csv: boolean; log: (message: string) => void }): Promise<{ parquet: string; csv: string | null }> {
  const { scale, seed, year, log } = options;
  const cache = extractCache(options);
  const parquet = join(cache, 'parquet');
  if (!existsSync(join(parquet, '.complete'))) {
    log(`generating the ${scale} extract (seed ${seed}) in ${parquet} — once`);
    await rm(parquet, { recursive: true, force: true });
    const started = Date.now();
    await generateExtract({ outDir: parquet, scale, seed, year, parquet: true, onProgress: (m) => log(`${m} (${((Date.now() - started) / 1000).toFixed(0)} s)`) });
    await writeFile(join(parquet, '.complete'), new Date().toISOString());
  }
  if (!options.csv) return { parquet, csv: null };
  const csv = join(cache, 'csv');
  if (!existsSync(join(csv, '.complete'))) {
    log(`writing the same extract as CSV in ${csv} — once`);
    await rm(csv, { recursive: true, force: true });
    await mkdir(csv, { recursive: true });
    const instance = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '4GB', preserve_insertion_order: 'true' });
    const connection = await instance.connect();
    try {
      for (const name of inputNames) {
        await connection.run(`copy (select * from read_parquet(${sqlString(join(parquet, `${name}.parquet`))})) to ${sqlString(join(csv, `${name}.csv`))} (header, delimiter ',')`);
        log(`${name}.csv written`);
      }
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
    await writeFile(join(csv, '.complete'), new Date().toISOString());
  }
  return { parquet, csv };
}

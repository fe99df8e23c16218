import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScreenRunner } from './coverage-import.ts';

const bin = fileURLToPath(new URL('../../../bin/paritrana', import.meta.url));

/**
 * Runs `paritrana screen` in a child process: the very command auditors run,
 * and DuckDB's memory stays out of the web server. Progress lines on stderr
 * are passed on; on exit status 2 the stderr lines are the problems.
 */
export const cliScreenRunner: ScreenRunner = async ({ dataDir, year, outDir, config, onProgress }) => {
  const args = [bin, 'screen', '--data', dataDir, '--year', String(year), '--out', outDir];
  if (config != null) {
    const configPath = join(outDir, '..', `${outDir.split('/').pop()}-config.json`);
    await writeFile(configPath, JSON.stringify(config));
    args.push('--config', configPath);
  }
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const lines: string[] = [];
    let buffer = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      buffer += chunk;
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts.filter((l) => l.trim() !== '')) {
        lines.push(line);
        const rows = /(\d[\d,.]*)\s*rows/.exec(line)?.[1]?.replace(/[,.]/g, '');
        onProgress({ stage: 'screen', rowsRead: rows ? Number(rows) : 0, elapsedMs: Date.now() - started, message: line.slice(0, 300) });
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (buffer.trim() !== '') lines.push(buffer);
      if (code === 0) resolve({ ok: true });
      else resolve({ ok: false, problems: lines.length > 0 ? lines : [`paritrana screen exited with status ${code}`] });
    });
  });
};

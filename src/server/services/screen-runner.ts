import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScreenRunner } from './coverage-import.ts';

const bin = fileURLToPath(new URL('../../../bin/paritrana', import.meta.url));

/**
 * Runs `paritrana screen` in a child process: the very command auditors run,
 * and DuckDB's memory stays out of the web server. It asks for progress as
 * JSON lines on stderr, so that progress is told apart from problems: on a
 * non-zero exit the other stderr lines, and only they, are the problems.
 */
export const cliScreenRunner: ScreenRunner = async ({ dataDir, year, outDir, config, onProgress }) => {
  const args = [bin, 'screen', '--data', dataDir, '--year', String(year), '--out', outDir, '--progress', 'json'];
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
        const progress = progressOf(line);
        if (progress) onProgress({ stage: 'screen', rowsRead: progress.rowsRead, elapsedMs: Date.now() - started, message: progress.message.slice(0, 300) });
        else lines.push(line);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (buffer.trim() !== '' && !progressOf(buffer)) lines.push(buffer);
      if (code === 0) resolve({ ok: true });
      else resolve({ ok: false, problems: lines.length > 0 ? lines : [`paritrana screen exited with status ${code}`] });
    });
  });
};

/** A `{"progress": …}` line of `paritrana screen --progress json`, or null for any other line. */
function progressOf(line: string): { rowsRead: number; message: string } | null {
  if (!line.startsWith('{"progress":')) return null;
  try {
    const { progress } = JSON.parse(line) as { progress?: { rowsRead?: unknown; message?: unknown } };
    return { rowsRead: typeof progress?.rowsRead === 'number' ? progress.rowsRead : 0, message: typeof progress?.message === 'string' ? progress.message : '' };
  } catch {
    return null;
  }
}

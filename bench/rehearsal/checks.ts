/**
 * What the rehearsal checks at the end: every announced ranking is
 * recomputed by `paritrana score` (the CLI, in a child process) from the
 * published scoring package and must match; the server's counts of
 * candidates, submitted sheets, marks and conflicts must match what was sent.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bin } from '../../test/support/server-process.ts';
import { each } from './http.ts';
import type { World } from './world.ts';

const run = promisify(execFile);

type PublicRow = { candidate: string; rank: number; score: number; award: number | null };
type CliResult = { results: { candidate: string; rank: number; score: number; award: number | null }[] };
type Detail = { progress: { submitted: boolean }[]; conflicts: unknown[] };

export async function checkEverything(world: World): Promise<{ rankings: number; marks: number; sheets: number }> {
  const { national, stats } = world;
  const dir = mkdtempSync(join(tmpdir(), 'paritrana-rehearsal-packages-'));
  let marks = 0;
  let sheets = 0;
  let conflicts = 0;
  let rankings = 0;
  try {
    const published = world.pools.filter((p) => p.resultId);
    await each(stats, published, 2, async (pool) => {
      const pkg = await world.api.call('GET', `/api/public/pools/${pool.id}/package`);
      const shown = (await world.api.call('GET', `/api/public/pools/${pool.id}/result`)).json<{ rows: PublicRow[] }>();
      const file = join(dir, `${pool.id}.json`);
      writeFileSync(file, pkg.body);
      const { stdout } = await run(process.execPath, [bin, 'score', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      const cli = JSON.parse(stdout) as CliResult;
      const key = (r: PublicRow) => `${r.candidate}|${r.rank}|${r.score}|${r.award}`;
      const expected = shown.rows.map(key).join('\n');
      const got = cli.results.map(key).join('\n');
      if (expected !== got || shown.rows.length !== pool.candidates) stats.error(`pool ${pool.id}: paritrana score gives another ranking than the one announced`);
      rankings += 1;
      marks += (JSON.parse(pkg.body) as { marks?: unknown[] }).marks?.length ?? 0;
    });
    await each(stats, world.pools, 4, async (pool) => {
      const detail = await national.get<Detail>(`/api/pools/${pool.id}`);
      sheets += detail.progress.filter((c) => c.submitted).length;
      conflicts += detail.conflicts.length;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const listed = await national.get<{ level: string; categoryCode: string }[]>(`/api/editions/${world.editionId}/candidates`);
  // Every candidacy nominated: the provincial ones and the provincial governments (advancing adds national copies of the others).
  const provincial = listed.filter((c) => c.level === 'provinsi' || c.categoryCode === 'pemprov').length;
  const compare = (what: string, server: number, sent: number) => {
    if (server !== sent) stats.error(`${what}: the server holds ${server}, the rehearsal sent ${sent}`);
  };
  compare('candidates', provincial, world.sent.candidates);
  compare('marks', marks, world.sent.marks);
  compare('submitted sheets', sheets, world.sent.sheets);
  compare('conflicts', conflicts, world.sent.conflicts);
  return { rankings, marks, sheets };
}

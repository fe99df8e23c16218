import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '../../src/db/client.ts';
import { ensureRegions } from '../../src/db/repositories/regions.ts';
import { findResult } from '../../src/db/repositories/pools.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { publishResult } from '../../src/server/services/publication.ts';
import { finalisedPool, type FinalisedPool } from '../support/publication.ts';

const bin = fileURLToPath(new URL('../../bin/paritrana', import.meta.url));

/** Runs `paritrana` on an installation whose data (PGlite, files) live in `dataDir`. */
function paritrana(dataDir: string, args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, PARITRANA_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('paritrana export-edition and import-edition', () => {
  const source = mkdtempSync(join(tmpdir(), 'paritrana-cli-src-'));
  const target = mkdtempSync(join(tmpdir(), 'paritrana-cli-dst-'));
  const archive = join(mkdtempSync(join(tmpdir(), 'paritrana-cli-')), 'edisi.tar.gz');
  let f: FinalisedPool;
  let packageSha256 = '';

  beforeAll(async () => {
    const database = await openDatabase({ dataDir: join(source, 'db') });
    try {
      await migrateDatabase(database);
      await ensureRegions(database.db);
      await seedDemo(database.db);
      f = await finalisedPool(database.db);
      await publishResult({ db: database.db, actor: f.provincial }, f.poolId);
      packageSha256 = (await findResult(database.db, f.resultId))!.packageSha256;
    } finally {
      await database.close();
    }
  });
  afterAll(() => undefined);

  it('explains both commands', () => {
    expect(paritrana(source, ['export-edition', '--help']).stdout).toContain('--edition <id-or-label>');
    expect(paritrana(source, ['import-edition', '--help']).stdout).toContain('all or nothing');
  });

  it('moves an edition to another installation, refusing it a second time', { timeout: 300_000 }, async () => {
    const exported = paritrana(source, ['export-edition', '--edition', 'Paritrana Award 2025', '--out', archive]);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/edisi\.tar\.gz: "Paritrana Award 2025", \d+ rows in 27 tables, 0 evidence files/);
    expect(paritrana(source, ['export-edition', '--edition', 'Paritrana Award 1999', '--out', archive]).status).toBe(2);

    const imported = paritrana(target, ['import-edition', archive]);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(`imported "Paritrana Award 2025" (${f.editionId})`);
    const again = paritrana(target, ['import-edition', archive]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('is already in this installation');
    const missing = paritrana(target, ['import-edition', join(target, 'no-such.tar.gz')]);
    expect(missing.status).toBe(2);

    const database = await openDatabase({ dataDir: join(target, 'db') });
    try {
      expect((await findResult(database.db, f.resultId))?.packageSha256).toBe(packageSha256);
    } finally {
      await database.close();
    }
  });
});

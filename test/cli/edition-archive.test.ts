import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { buffer } from 'node:stream/consumers';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';
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
  const env = { ...process.env, PARITRANA_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent', PARITRANA_INSTALLATION_NAME: 'Pusat Data Paritrana' };
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env });
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
    expect(paritrana(source, ['import-edition', '--help']).stdout).toContain('--trust <fingerprint>');
  });

  it('moves an edition to another installation, refusing it a second time', { timeout: 300_000 }, async () => {
    const exported = paritrana(source, ['export-edition', '--edition', 'Paritrana Award 2025', '--out', archive]);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/edisi\.tar\.gz: "Paritrana Award 2025", \d+ rows in 32 tables, 0 evidence files/);
    const fingerprint = /signed by installation "Pusat Data Paritrana", key fingerprint ([0-9a-f]{32})/.exec(exported.stdout)?.[1];
    expect(fingerprint, exported.stdout).toMatch(/^[0-9a-f]{32}$/);
    expect(paritrana(source, ['export-edition', '--edition', 'Paritrana Award 1999', '--out', archive]).status).toBe(2);

    // Without --trust the archive is only shown: who signed it, what it holds; nothing is imported.
    const shown = paritrana(target, ['import-edition', archive]);
    expect(shown.status).toBe(2);
    expect(shown.stdout).toContain(`archive of "Paritrana Award 2025" (${f.editionId})`);
    expect(shown.stdout).toContain(`signed by installation "Pusat Data Paritrana", key fingerprint ${fingerprint}\n`);
    expect(shown.stderr).toBe(`nothing imported: check the fingerprint with the exporting installation, then run again with --trust ${fingerprint}\n`);
    const mistrusted = paritrana(target, ['import-edition', archive, '--trust', '0'.repeat(32)]);
    expect(mistrusted.status).toBe(2);
    expect(mistrusted.stderr).toContain(`Confirm who signed this archive before importing it: installation "Pusat Data Paritrana", key fingerprint ${fingerprint}\n`);

    const imported = paritrana(target, ['import-edition', archive, '--trust', fingerprint!]);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(`imported "Paritrana Award 2025" (${f.editionId}) signed by "Pusat Data Paritrana" (${fingerprint})`);
    const again = paritrana(target, ['import-edition', archive, '--trust', fingerprint!]);
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

  it('refuses a truncated or non-UTF-8 manifest with one line naming the file (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paritrana-cli-bad-'));
    const archiveWith = async (manifest: Buffer) => {
      const p = tar.pack();
      p.entry({ name: 'manifest.json' }, manifest);
      p.finalize();
      const path = join(dir, `${Math.random().toString(36).slice(2)}.tar.gz`);
      writeFileSync(path, gzipSync(await buffer(p)));
      return path;
    };
    const truncated = paritrana(target, ['import-edition', await archiveWith(Buffer.from('{"format":"paritrana.edition-archive/v2","edition":{"id":'))]);
    expect(truncated.status).toBe(2);
    expect(truncated.stderr).toMatch(/^manifest\.json is not valid JSON \([^\n]+\); nothing was imported\n$/);
    const latin1 = paritrana(target, ['import-edition', await archiveWith(Buffer.from('{"format":"paritrana.edition-archive/v2","edition":{"label":"Penghargaan \xe9"}}', 'latin1'))]);
    expect(latin1.status).toBe(2);
    expect(latin1.stderr).toBe('manifest.json is not UTF-8 text; nothing was imported\n');
    const incomplete = paritrana(target, ['import-edition', await archiveWith(Buffer.from('{"format":"paritrana.edition-archive/v2"}'))]);
    expect(incomplete.status).toBe(2);
    expect(incomplete.stderr).toMatch(/^manifest\.json is not what an edition archive holds \(exportedAt: [^\n]+\); nothing was imported\n$/);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/paritrana', import.meta.url));

/** Runs `paritrana` on an embedded database of its own. */
function paritrana(dataDir: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, PARITRANA_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('paritrana create-admin', () => {
  it('refuses a short or a common password, and creates the admin with a good one', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'paritrana-admin-'));
    const admin = ['create-admin', '--email', 'admin@example.go.id', '--name', 'Admin Nasional'];
    const short = paritrana(dataDir, ...admin, '--password', 'rahasia-11c');
    expect([short.status, short.stderr]).toEqual([2, 'password: at least 12 characters\n']);
    const common = paritrana(dataDir, ...admin, '--password', 'indonesia123');
    expect([common.status, common.stderr]).toEqual([2, 'Choose another password: too common: it is on the list of passwords known from breaches\n']);
    const good = paritrana(dataDir, ...admin, '--password', 'hujan-di-bulan-juni');
    expect([good.status, good.stdout]).toEqual([0, 'national admin admin@example.go.id created\n']);
  });
});

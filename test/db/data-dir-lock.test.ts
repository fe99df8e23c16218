import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir, lockFileName, lockedExitCode, type LockHolder } from '../../src/db/data-dir-lock.ts';
import { killHard, paritrana, startServer, type ServerProcess } from '../support/server-process.ts';

const fresh = () => mkdtempSync(join(tmpdir(), 'paritrana-lock-'));

describe('the data directory lock', () => {
  it('refuses a second holder in the same process and names the holder, then frees the directory on release', () => {
    const dir = fresh();
    const lock = lockDataDir(dir, 'paritrana serve');
    let refused: unknown;
    try {
      lockDataDir(dir, 'paritrana migrate');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DataDirLockedError);
    const holder = (refused as DataDirLockedError).holder;
    expect({ pid: holder.pid, host: holder.host, command: holder.command }).toEqual({ pid: process.pid, host: hostname(), command: 'paritrana serve' });
    expect((refused as Error).message).toContain(`pid ${process.pid} on ${hostname()}, "paritrana serve", since ${holder.since}`);
    lock.release();
    expect(existsSync(join(dir, lockFileName))).toBe(false);
    lockDataDir(dir, 'paritrana migrate').release();
  });

  it('takes over the lock of a dead process, and of a live pid whose start tick differs (a reused pid)', () => {
    const dir = fresh();
    // A pid that has ended: a child that has already exited.
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const dead: LockHolder = { pid: Number(ended.stdout), host: hostname(), command: 'paritrana serve', since: '2026-01-01T00:00:00.000Z', startTick: '1' };
    writeFileSync(join(dir, lockFileName), JSON.stringify(dead));
    const first = lockDataDir(dir, 'paritrana migrate');
    expect((JSON.parse(readFileSync(join(dir, lockFileName), 'utf8')) as LockHolder).pid).toBe(process.pid);
    first.release();

    // This very process's pid, but recorded with another start tick: the pid was reused by this process.
    const reused: LockHolder = { pid: process.pid, host: hostname(), command: 'paritrana serve', since: '2026-01-01T00:00:00.000Z', startTick: '1' };
    writeFileSync(join(dir, lockFileName), JSON.stringify(reused));
    lockDataDir(dir, 'paritrana migrate').release();
  });

  it('never takes over a lock held on another host', () => {
    const dir = fresh();
    const remote: LockHolder = { pid: 1, host: `${hostname()}-elsewhere`, command: 'paritrana serve', since: '2026-01-01T00:00:00.000Z', startTick: null };
    writeFileSync(join(dir, lockFileName), JSON.stringify(remote));
    expect(() => lockDataDir(dir, 'paritrana migrate')).toThrow(
      `pid 1 on ${hostname()}-elsewhere, "paritrana serve", since 2026-01-01T00:00:00.000Z. Stop that process first (only one process may open an embedded database). ` +
        `It was opened on another host (or container), which cannot be checked from here: if nothing runs there any more, delete ${join(dir, lockFileName)}.`,
    );
  });
});

describe('a second paritrana on the same data directory', () => {
  const dir = fresh();
  let server: ServerProcess | null = null;
  afterAll(async () => {
    if (server) await killHard(server);
  });

  it('is refused while a server holds it, with the holder named and exit status 75, and succeeds once the server was killed with SIGKILL', { timeout: 300_000 }, async () => {
    server = await startServer(dir);
    for (const args of [['migrate'], ['serve'], ['audit', 'verify']]) {
      const second = paritrana(dir, args);
      expect(second.status, second.stderr).toBe(lockedExitCode);
      expect(second.stderr).toContain(`The data directory ${dir} is in use by another process: pid ${server.child.pid} on ${hostname()}, "paritrana serve", since `);
    }
    // A backup of the running installation is taken through the server, and the refusal says so.
    const backup = paritrana(dir, ['backup', '--out', join(fresh(), 'b.tar.gz')]);
    expect(backup.status).toBe(lockedExitCode);
    expect(backup.stderr).toContain('While the server runs, take the backup through it: POST /api/admin/backup as a national admin');
    const restore = paritrana(dir, ['restore', '--force', join(fresh(), 'b.tar.gz')]);
    expect(restore.status).toBe(lockedExitCode);
    await killHard(server);
    expect(existsSync(join(dir, lockFileName))).toBe(true);
    const after = paritrana(dir, ['migrate']);
    expect(after.status, after.stderr).toBe(0);
    expect(after.stdout).toBe('migrations applied (pglite)\n');
    // Released on exit: nothing left behind by a command that ended normally.
    expect(existsSync(join(dir, lockFileName))).toBe(false);
  });
});

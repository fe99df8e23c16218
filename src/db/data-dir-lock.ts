import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * One process at a time may open an embedded data directory (the PGlite
 * database and the files beside it). PGlite is PostgreSQL in one process with
 * no postmaster: two processes on the same files each believe they own them,
 * and both acknowledge writes that the other then overwrites.
 *
 * How the lock works, and why this way. Node has no flock(2). The choices were:
 * - an mtime lease refreshed by a timer (`proper-lockfile`): a holder that is
 *   paused longer than the lease (SIGSTOP, a suspended VM, a long stall) loses
 *   the lock while it still writes, and a second opener then takes it: the very
 *   split brain this guards against. Rejected: correctness must not hang on time.
 * - a pid file alone: stale after kill -9, and after a reboot the pid may belong
 *   to another process (pid reuse), so "is the pid alive" is not enough.
 * - chosen: a lock file created atomically (a hard link of a fully written
 *   temporary file, which fails if the lock exists: no half-written lock is
 *   ever visible) that records pid, host, command, start time and the
 *   process's start tick from /proc (Linux). The holder is alive only when the
 *   host is this host, the pid exists, and (where /proc exists) the pid's
 *   start tick is the recorded one, so a pid reused after a crash or a reboot
 *   does not keep a dead holder's lock. A lock whose holder is dead is taken
 *   over; a lock held on another host (a shared disk) is never taken over,
 *   since its holder cannot be checked from here.
 * Taking over a stale lock renames it away first and checks that what was
 *   moved is the stale record; if another opener won the race in between, its
 *   record is put back and this opener is refused.
 * The lock is released when the database is closed and, failing that, when
 * the process exits; a kill -9 leaves the file, which the next opener finds
 * stale by the rules above.
 */
export const lockFileName = 'paritrana.lock';

/** Exit status of a command refused because another process holds the data directory (EX_TEMPFAIL). */
export const lockedExitCode = 75;

export type LockHolder = { pid: number; host: string; command: string; since: string; startTick: string | null };

export class DataDirLockedError extends Error {
  readonly exitCode = lockedExitCode;
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The data directory ${dataDir} is in use by another process: pid ${holder.pid} on ${holder.host}, ` +
        `"${holder.command}", since ${holder.since}. Stop that process first (only one process may open an embedded database).` +
        (holder.host === hostname()
          ? ''
          : ` It was opened on another host (or container), which cannot be checked from here: if nothing runs there any more, delete ${join(dataDir, lockFileName)}.`),
    );
  }
}

export type DataDirLock = { path: string; release: () => void };

/** The start tick of a process (field 22 of /proc/<pid>/stat), or null where /proc is not available. */
function startTickOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the recorded holder may still be running. Another host's holder is presumed alive. */
export function holderAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  if (!pidExists(holder.pid)) return false;
  if (holder.startTick === null) return true;
  const tick = startTickOf(holder.pid);
  return tick === null || tick === holder.startTick;
}

function readHolder(path: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    // A lock file that cannot be read as a record was not written by this
    // code (the record is complete before it is linked into place): treat it
    // as held, naming what can be known.
    return { pid: 0, host: 'unknown', command: `unreadable lock file ${path}`, since: 'unknown', startTick: null };
  }
}

/** The command line of this process, as a person would type it. */
function commandLine(): string {
  return ['paritrana', ...process.argv.slice(2)].join(' ');
}

/**
 * Takes the data directory's lock or throws DataDirLockedError naming the
 * holder. `command` is recorded for the message another opener will see.
 */
export function lockDataDir(dataDir: string, command: string = commandLine()): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, lockFileName);
  const me: LockHolder = { pid: process.pid, host: hostname(), command, since: new Date().toISOString(), startTick: startTickOf(process.pid) };
  const record = `${JSON.stringify(me)}\n`;
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, record);
  } finally {
    closeSync(fd);
  }
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(temporary, path);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readHolder(path);
      if (holder === null) continue; // released between our link and our read
      if (holderAlive(holder) || attempt > 3) throw new DataDirLockedError(dataDir, holder);
      takeOverStale(path, holder, dataDir);
    }
  } finally {
    unlinkSync(temporary);
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.removeListener('exit', release);
    // Only our own record is removed: never a lock another process holds.
    if (readHolder(path)?.pid === me.pid && readHolder(path)?.since === me.since) unlinkSync(path);
  };
  process.on('exit', release);
  return { path, release };
}

/** Moves a dead holder's lock away; puts it back and refuses if it turned out not to be that record. */
function takeOverStale(path: string, stale: LockHolder, dataDir: string): void {
  const aside = `${path}.stale.${process.pid}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readHolder(aside);
  if (moved && (moved.pid !== stale.pid || moved.since !== stale.since)) {
    // Another opener took the stale lock over between our read and our rename: give it back.
    try {
      linkSync(aside, path);
    } finally {
      unlinkSync(aside);
    }
    throw new DataDirLockedError(dataDir, moved);
  }
  unlinkSync(aside);
}

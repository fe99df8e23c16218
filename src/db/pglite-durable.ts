import { closeSync, existsSync, fsyncSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/**
 * PGlite on a directory, durable across a crash of the machine, not only of
 * the process.
 *
 * How PGlite (0.5.x) persists, read from its source: the data directory is
 * mounted with Emscripten's NODEFS, whose every write() is a synchronous
 * `fs.writeSync` to the real file (so a committed transaction's WAL is in the
 * operating system's page cache when the query returns, and survives kill -9
 * of this process). But PGlite starts postgres with `-F` (fsync off), and
 * NODEFS has no fsync: `fsync()` from postgres reaches `stream_ops.fsync`,
 * which NODEFS leaves undefined, and `fdatasync()` is a no-op in Emscripten.
 * So nothing was ever flushed to the disk: an OS crash or power cut could
 * lose acknowledged commits. (`relaxedDurability` only concerns the browser
 * file systems that copy memory to storage in `syncToFs`; NodeFS's
 * `syncToFs` does nothing.)
 *
 * Here: postgres starts without `-F` (fsync = on) and with
 * `wal_sync_method = fsync` (so the WAL flush at every commit calls fsync(),
 * not the no-op fdatasync), and NODEFS gets an fsync that calls the real
 * `fsync(2)` on the file (or directory) descriptor. A commit returns after its
 * WAL is on disk, checkpoints flush the data files they write, and directory
 * entries (new WAL segments, renamed files) are flushed where postgres asks.
 * The cost is one fsync per commit: see `bench/pglite-durability.ts`.
 */
export const durableStartParams: string[] = [
  ...PGlite.defaultStartParams.filter((param) => param !== '-F'),
  '-c',
  'wal_sync_method=fsync',
];

type NodeFsModule = {
  NODEFS: {
    stream_ops: { fsync?: (stream: { nfd?: number }) => number };
    tryFSOperation: <T>(operation: () => T) => T;
  };
};

/** NodeFS whose streams flush to disk when postgres asks them to. */
class DurableNodeFS extends NodeFS {
  /** How many times postgres asked for a flush (observable by tests). */
  syncs = 0;

  override async init(pg: PGlite, options: Parameters<NodeFS['init']>[1]) {
    const result = await super.init(pg, options);
    const preRun = result.emscriptenOpts.preRun ?? [];
    result.emscriptenOpts.preRun = [
      ...(Array.isArray(preRun) ? preRun : [preRun]),
      (module: NodeFsModule) => {
        const nodefs = module.NODEFS;
        nodefs.stream_ops.fsync = (stream) => {
          this.syncs += 1;
          // tryFSOperation turns a Node error into the errno postgres expects (it PANICs on a failed fsync, as it should).
          if (stream.nfd !== undefined) nodefs.tryFSOperation(() => fsyncSync(stream.nfd!));
          return 0;
        };
      },
    ];
    return result;
  }
}

/** Flushes every file and directory under `dir` to disk; returns how many. */
export function flushTree(dir: string): number {
  let flushed = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) flushed += flushTree(join(dir, entry.name));
    else if (entry.isFile()) {
      const fd = openSync(join(dir, entry.name), 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      flushed += 1;
    }
  }
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return flushed + 1;
}

export type DurablePglite = { client: PGlite; fs: DurableNodeFS; /** Files and directories flushed after creating the database (0 when it existed). */ flushedAtCreation: number };

/** Opens (creating when empty) a durable PGlite database in `dataDir`. */
export async function openDurablePglite(dataDir: string, options: PGliteOptions = {}): Promise<DurablePglite> {
  const creating = !existsSync(join(dataDir, 'PG_VERSION'));
  const fs = new DurableNodeFS(dataDir);
  const client = await PGlite.create({ ...options, dataDir, fs, startParams: durableStartParams });
  // initdb writes the new cluster without flushing it, and postgres flushes only what it writes
  // later: flush the whole new directory once, so a crash right after the first start finds it whole.
  const flushedAtCreation = creating ? flushTree(dataDir) : 0;
  return { client, fs, flushedAtCreation };
}

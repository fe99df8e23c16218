import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import type { FileStore } from './file-store.ts';
import { keyOf, sha256Of } from './keys.ts';

/** A file being written ends in this; it is renamed to its hash when complete. */
const tempSuffix = '.tmp';
/** Temp files older than this are left over from a crash, never a live upload: removed at start-up. */
export const staleTempMs = 15 * 60 * 1000;

/** Files on the local disk under `root`, by SHA-256. */
/** Flushes a file or a directory to the disk (a directory so that a rename in it survives an OS crash). */
async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export class DiskFileStore implements FileStore {
  /** How many times this store flushed a file or directory to the disk (what a test can observe of durability). */
  syncs = 0;

  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    return join(this.root, ...keyOf(sha256).split('/'));
  }

  /**
   * Atomically: the bytes go to a temp file of a name no other write uses
   * (concurrent uploads of the same file each write their own), which is
   * then renamed to the hash. The same bytes are stored once: a second
   * rename replaces the file with identical content. On any failure the temp
   * file is removed, so a full disk is not kept full by half-written files.
   */
  async put(bytes: Buffer): Promise<{ sha256: string; bytes: number }> {
    const sha256 = sha256Of(bytes);
    const path = this.pathOf(sha256);
    if (!existsSync(path)) {
      const temp = join(this.root, 'tmp', `${randomUUID()}${tempSuffix}`);
      try {
        await mkdir(dirname(temp), { recursive: true });
        // On the disk before it takes its name, and the name on the disk before the upload is
        // acknowledged: an OS crash leaves the whole file or none, never a row without its file.
        const handle = await open(temp, 'wx');
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await mkdir(dirname(path), { recursive: true });
        await rename(temp, path);
        await fsyncPath(dirname(path));
        this.syncs += 2;
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw error;
      }
    }
    return { sha256, bytes: bytes.length };
  }

  has(sha256: string): Promise<boolean> {
    return Promise.resolve(existsSync(this.pathOf(sha256)));
  }

  read(sha256: string): Promise<Readable> {
    return Promise.resolve(createReadStream(this.pathOf(sha256)));
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  /** Nothing is kept between calls: a store that could not write a moment ago is tried afresh. */
  async probe(): Promise<void> {
    const path = join(this.root, `.health.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await writeFile(path, 'ok', { flag: 'wx' });
    } catch (error) {
      // The store's folder is made on its first file.
      if ((error as { code?: string }).code !== 'ENOENT') throw error;
      await mkdir(this.root, { recursive: true });
      await writeFile(path, 'ok', { flag: 'wx' });
    }
    await unlink(path);
  }

  /**
   * Removes temp files a crashed or killed write left behind (in `tmp/`, or
   * beside the files where older versions wrote them), when older than
   * `olderThanMs`: another app server's upload in progress is younger and
   * kept. Returns the paths removed.
   */
  async removeStaleTemps(olderThanMs = staleTempMs, now = Date.now()): Promise<string[]> {
    const removed: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path);
        else if (entry.isFile() && entry.name.endsWith(tempSuffix)) {
          const info = await stat(path).catch(() => null);
          if (info && now - info.mtimeMs > olderThanMs && (await unlink(path).then(() => true, () => false))) removed.push(path);
        }
      }
    };
    await walk(this.root);
    return removed;
  }
}

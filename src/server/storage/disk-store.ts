import { createReadStream, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { FileStore } from './file-store.ts';
import { keyOf, sha256Of } from './keys.ts';

/** Files on the local disk under `root`, by SHA-256. */
export class DiskFileStore implements FileStore {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    return join(this.root, ...keyOf(sha256).split('/'));
  }

  /** Atomically: a temp file, then rename. */
  async put(bytes: Buffer): Promise<{ sha256: string; bytes: number }> {
    const sha256 = sha256Of(bytes);
    const path = this.pathOf(sha256);
    if (!existsSync(path)) {
      await mkdir(join(path, '..'), { recursive: true });
      const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temp, bytes, { flag: 'wx' });
      await rename(temp, path);
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
}

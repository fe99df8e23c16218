import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Files kept by their SHA-256 on the local disk: the same bytes are stored
 * once, and a stored file can never change under its name.
 */
export class FileStore {
  constructor(private readonly root: string) {}

  /** Where the file of a SHA-256 lives on disk. */
  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a SHA-256');
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /** Stores the bytes (atomically: temp file, then rename) and returns their hash. */
  async put(bytes: Buffer): Promise<{ sha256: string; bytes: number }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = this.pathOf(sha256);
    if (!existsSync(path)) {
      await mkdir(join(path, '..'), { recursive: true });
      const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temp, bytes, { flag: 'wx' });
      await rename(temp, path);
    }
    return { sha256, bytes: bytes.length };
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  read(sha256: string): Readable {
    return createReadStream(this.pathOf(sha256));
  }
}

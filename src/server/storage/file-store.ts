import type { Readable } from 'node:stream';
import type { Config } from '../config.ts';
import { DiskFileStore } from './disk-store.ts';
import { S3FileStore } from './s3-store.ts';

/**
 * Files kept by their SHA-256: the same bytes are stored once, and a stored
 * file can never change under its name. On the local disk by default, in an
 * S3-compatible bucket by configuration.
 */
export type FileStore = {
  /** Stores the bytes (once) and returns their hash and size. */
  put(bytes: Buffer): Promise<{ sha256: string; bytes: number }>;
  has(sha256: string): Promise<boolean>;
  /** The stored bytes as a stream; fails when nothing is stored under the hash. */
  read(sha256: string): Promise<Readable>;
  /** Removes a stored file (nothing when there is none): only for files a refused import stored itself. */
  remove(sha256: string): Promise<void>;
  /** Writes a small file and removes it again: fails when the store cannot take a file now. */
  probe(): Promise<void>;
};

export function createFileStore(config: Pick<Config, 'filesDir' | 's3'>): FileStore {
  return config.s3 ? new S3FileStore(config.s3) : new DiskFileStore(config.filesDir);
}

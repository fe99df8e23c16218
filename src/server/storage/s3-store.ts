import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { AwsClient } from 'aws4fetch';
import { AppError } from '../../domain/errors.ts';
import type { S3Config } from '../config.ts';
import type { FileStore } from './file-store.ts';
import { keyOf, sha256Of } from './keys.ts';

/**
 * Files in an S3-compatible bucket (AWS S3, MinIO, Ceph, …) under
 * `evidence/ab/cd/<sha256>`, addressed path-style, signed with SigV4.
 */
export class S3FileStore implements FileStore {
  private readonly client: AwsClient;

  constructor(private readonly config: S3Config) {
    this.client = new AwsClient({ accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey, service: 's3', region: config.region });
  }

  private urlOf(sha256: string): string {
    return `${this.config.endpoint}/${encodeURIComponent(this.config.bucket)}/evidence/${keyOf(sha256)}`;
  }

  /** Not answering, or answering with a server error, is the store being unavailable (503), not a bug. */
  private async send(url: string, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await this.client.fetch(url, init);
    } catch (error) {
      throw new AppError('STORAGE_UNAVAILABLE', 'The file store does not answer; nothing was changed', [{ path: 'files', message: 'no answer' }], { cause: error });
    }
    if (response.status >= 500) {
      throw new AppError('STORAGE_UNAVAILABLE', 'The file store cannot take the request now; nothing was changed', [{ path: 'files', message: `HTTP ${response.status}` }], {
        cause: new Error(`S3 storage at ${this.config.endpoint} answered HTTP ${response.status}: ${await response.text()}`),
      });
    }
    return response;
  }

  async put(bytes: Buffer): Promise<{ sha256: string; bytes: number }> {
    const sha256 = sha256Of(bytes);
    if (!(await this.has(sha256))) {
      const response = await this.send(this.urlOf(sha256), { method: 'PUT', body: new Uint8Array(bytes), headers: { 'content-type': 'application/octet-stream' } });
      if (!response.ok) throw new Error(`S3 storage refused to store ${sha256}: HTTP ${response.status} ${await response.text()}`);
    }
    return { sha256, bytes: bytes.length };
  }

  async has(sha256: string): Promise<boolean> {
    const response = await this.send(this.urlOf(sha256), { method: 'HEAD' });
    if (response.status === 404) return false;
    if (!response.ok) throw new Error(`S3 storage answered HTTP ${response.status} for ${sha256}`);
    return true;
  }

  async remove(sha256: string): Promise<void> {
    const response = await this.send(this.urlOf(sha256), { method: 'DELETE' });
    if (!response.ok && response.status !== 404) throw new Error(`S3 storage refused to remove ${sha256}: HTTP ${response.status} ${await response.text()}`);
  }

  /** Puts a small object under `health/` and deletes it. */
  async probe(): Promise<void> {
    const url = `${this.config.endpoint}/${encodeURIComponent(this.config.bucket)}/health/${randomBytes(6).toString('hex')}`;
    const put = await this.send(url, { method: 'PUT', body: new TextEncoder().encode('ok'), headers: { 'content-type': 'text/plain' } });
    if (!put.ok) throw new Error(`S3 storage refused a write: HTTP ${put.status}`);
    const removed = await this.send(url, { method: 'DELETE' });
    if (!removed.ok && removed.status !== 404) throw new Error(`S3 storage refused a delete: HTTP ${removed.status}`);
  }

  async read(sha256: string): Promise<Readable> {
    const response = await this.send(this.urlOf(sha256), { method: 'GET' });
    if (!response.ok || !response.body) throw new Error(`S3 storage has no file ${sha256}: HTTP ${response.status}`);
    return Readable.fromWeb(response.body as Parameters<typeof Readable.fromWeb>[0]);
  }
}

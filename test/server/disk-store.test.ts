import { mkdir, mkdtemp, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskFileStore } from '../../src/server/storage/disk-store.ts';
import { sha256Of } from '../../src/server/storage/keys.ts';
import { drivers } from '../support/database.ts';
import { startTestApp } from '../support/app.ts';

/** Every file under `root`, relative to it, sorted. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const keyOf = (bytes: Buffer) => {
  const sha = sha256Of(bytes);
  return join(sha.slice(0, 2), sha.slice(2, 4), sha);
};

describe('evidence files on the local disk', () => {
  it('store identical uploads made at the same moment once, each upload answered', async () => {
    const root = await mkdtemp(join(tmpdir(), 'paritrana-store-'));
    const store = new DiskFileStore(root);
    const results = await Promise.all(Array.from({ length: 20 }, () => store.put(pdf)));
    expect(new Set(results.map((r) => `${r.sha256}:${r.bytes}`))).toEqual(new Set([`${sha256Of(pdf)}:${pdf.length}`]));
    expect(await filesUnder(root)).toEqual([keyOf(pdf)]);
    expect((await readFile(join(root, keyOf(pdf)))).equals(pdf)).toBe(true);
  });

  it('flush a new file and its folder to the disk before answering, and nothing for a file already stored', async () => {
    const root = await mkdtemp(join(tmpdir(), 'paritrana-store-'));
    const store = new DiskFileStore(root);
    await store.put(pdf);
    expect(store.syncs).toBe(2);
    await store.put(pdf);
    expect(store.syncs).toBe(2);
    expect((await readFile(join(root, keyOf(pdf)))).equals(pdf)).toBe(true);
  });

  it('leave no temp file behind when a write fails', async () => {
    const root = await mkdtemp(join(tmpdir(), 'paritrana-store-'));
    // A file where the hash's folder must go: the write of the bytes succeeds, moving them into place cannot.
    await writeFile(join(root, sha256Of(pdf).slice(0, 2)), 'in the way');
    const store = new DiskFileStore(root);
    await expect(store.put(pdf)).rejects.toMatchObject({ code: expect.stringMatching(/^(ENOTDIR|EEXIST)$/) as unknown });
    expect(await filesUnder(root)).toEqual([sha256Of(pdf).slice(0, 2)]);
  });

  it('remove stale temp files of interrupted writes, and keep young ones (a live upload) and stored files', async () => {
    const root = await mkdtemp(join(tmpdir(), 'paritrana-store-'));
    const store = new DiskFileStore(root);
    await store.put(pdf);
    const sha = sha256Of(pdf);
    await mkdir(join(root, 'tmp'), { recursive: true });
    const stale = [join(root, 'tmp', 'crashed.tmp'), join(root, sha.slice(0, 2), sha.slice(2, 4), `${sha}.4242.1700000000000.tmp`)];
    const young = join(root, 'tmp', 'uploading.tmp');
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    for (const path of stale) {
      await writeFile(path, Buffer.alloc(1024));
      await utimes(path, hourAgo, hourAgo);
    }
    await writeFile(young, Buffer.alloc(1024));
    expect((await store.removeStaleTemps()).map((p) => relative(root, p)).sort()).toEqual(stale.map((p) => relative(root, p)).sort());
    expect(await filesUnder(root)).toEqual([keyOf(pdf), join('tmp', 'uploading.tmp')]);
  });
});

describe.each(drivers())('the app starting on %s', (driver) => {
  it('removes stale temp files left in its files folder', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'paritrana-data-'));
    const stale = join(dataDir, 'files', 'ab', 'cd', `${'ab'.padEnd(64, 'c')}.99.1700000000000.tmp`);
    await mkdir(join(stale, '..'), { recursive: true });
    await writeFile(stale, Buffer.alloc(4096));
    const dayAgo = new Date(Date.now() - 24 * 60 * 60 * 1000);
    await utimes(stale, dayAgo, dayAgo);
    const t = await startTestApp(driver, { PARITRANA_DATA_DIR: dataDir });
    try {
      await t.app.jobs.drain();
      expect(await filesUnder(join(dataDir, 'files'))).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { openDurablePglite } from '../../src/db/pglite-durable.ts';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'paritrana-durable-')), 'db');

describe('the embedded database on disk', () => {
  it('runs with fsync on and flushes the WAL with fsync()', { timeout: 120_000 }, async () => {
    const database = await openDatabase({ dataDir: fresh() });
    try {
      const setting = async (name: string) => {
        const result: unknown = await database.db.execute(sql.raw(`show ${name}`));
        return (result as { rows: Record<string, string>[] }).rows[0]![name];
      };
      expect(await setting('fsync')).toBe('on');
      expect(await setting('wal_sync_method')).toBe('fsync');
      expect(await setting('synchronous_commit')).toBe('on');
    } finally {
      await database.close();
    }
  });

  it('flushes a newly created database once, whole', { timeout: 120_000 }, async () => {
    const dir = fresh();
    const created = await openDurablePglite(dir);
    // Every file and directory of the new cluster, and the directory itself.
    const entries = readdirSync(dir, { recursive: true }).length + 1;
    await created.client.close();
    expect(created.flushedAtCreation).toBe(entries);
    const reopened = await openDurablePglite(dir);
    await reopened.client.close();
    expect(reopened.flushedAtCreation).toBe(0);
  });

  it('flushes the files to disk at every commit', { timeout: 120_000 }, async () => {
    const { client, fs } = await openDurablePglite(fresh());
    try {
      await client.exec('create table t (id serial primary key, v text)');
      const before = fs.syncs;
      for (let i = 0; i < 5; i++) await client.query('insert into t (v) values ($1)', [`row ${i}`]);
      expect(fs.syncs - before).toBe(5);
      const readsOnly = fs.syncs;
      await client.query('select count(*) from t');
      expect(fs.syncs).toBe(readsOnly);
    } finally {
      await client.close();
    }
  });
});

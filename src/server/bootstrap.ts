import { readFileSync } from 'node:fs';
import { migrateDatabase, openDatabase, pendingMigrations, type Database } from '../db/client.ts';
import { lockDataDir } from '../db/data-dir-lock.ts';
import { ensureRegions } from '../db/repositories/regions.ts';
import type { Config } from './config.ts';

export const version: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/**
 * Opens the configured database, applies migrations (unless told not to) and
 * loads the regions. The embedded database is opened only under the data
 * directory's lock (src/db/data-dir-lock.ts): a second opener is refused,
 * naming the holder.
 */
export async function startDatabase(config: Pick<Config, 'database' | 'migrateOnStart' | 'dataDir'>): Promise<Database> {
  const database = await openLocked(config);
  try {
    if (config.migrateOnStart) await migrateDatabase(database);
    else {
      const pending = await pendingMigrations(database);
      if (pending > 0) throw new Error(`The database is ${pending} migration(s) behind and MIGRATE_ON_START=false: run \`paritrana migrate\` as the role that owns the tables first`);
    }
    await ensureRegions(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** Opens the configured database; for PGlite, under the data directory's lock, released by `close`. */
export async function openLocked(config: Pick<Config, 'database' | 'dataDir'>): Promise<Database> {
  if ('url' in config.database) return openDatabase(config.database);
  const lock = lockDataDir(config.dataDir);
  try {
    const database = await openDatabase(config.database);
    return {
      ...database,
      close: async () => {
        try {
          await database.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

import { readFileSync } from 'node:fs';
import { migrateDatabase, openDatabase, pendingMigrations, type Database } from '../db/client.ts';
import { ensureRegions } from '../db/repositories/regions.ts';
import type { Config } from './config.ts';

export const version: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** Opens the configured database, applies migrations (unless told not to) and loads the regions. */
export async function startDatabase(config: Pick<Config, 'database' | 'migrateOnStart'>): Promise<Database> {
  const database = await openDatabase(config.database);
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

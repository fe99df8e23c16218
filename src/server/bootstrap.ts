import { readFileSync } from 'node:fs';
import { migrateDatabase, openDatabase, type Database } from '../db/client.ts';
import { ensureRegions } from '../db/repositories/regions.ts';
import type { Config } from './config.ts';

export const version: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** Opens the configured database, applies migrations and loads the regions. */
export async function startDatabase(config: Config): Promise<Database> {
  const database = await openDatabase(config.database);
  try {
    await migrateDatabase(database);
    await ensureRegions(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

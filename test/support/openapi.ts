import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase } from '../../src/db/client.ts';

/** The OpenAPI document as the app generates it (no database queries needed). */
export async function openApiDocument(): Promise<unknown> {
  const database = await openDatabase({ dataDir: 'memory://' });
  const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database, version: 'committed' }, { logger: false });
  await app.ready();
  const doc = app.swagger();
  await app.close();
  await database.close();
  return doc;
}

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { loadConfig } from '../../src/server/config.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { unpackBackup } from '../../src/server/services/backup.ts';
import { restoreInstallation } from '../../src/server/services/restore.ts';
import { drivers } from '../support/database.ts';
import { makeUser, roles, signIn, startTestApp, type Client, type TestApp } from '../support/app.ts';

const fresh = (name: string) => mkdtempSync(join(tmpdir(), `paritrana-${name}-`));

describe.each(drivers())('POST /api/admin/backup on %s', (driver) => {
  let t: TestApp;
  let national: Client;
  let provincial: Client;

  beforeAll(async () => {
    t = await startTestApp(driver, { PARITRANA_DATA_DIR: fresh('backup-route') });
    await seedDemo(t.database.db);
    const admin = await makeUser(t, roles.nationalAdmin());
    national = await signIn(t, admin.email);
    provincial = await signIn(t, (await makeUser(t, roles.provincialAdmin('52'))).email);
  });
  afterAll(async () => t?.close());

  it('gives the national committee a consistent backup while writes go on, that restores into a fresh directory', { timeout: 300_000 }, async () => {
    expect((await provincial.request('POST', '/api/admin/backup')).statusCode).toBe(403);

    // Editions created while the backup is taken: each is in the backup with its audit entry, or neither is.
    const writes = Array.from({ length: 12 }, (_, i) => national.request('POST', '/api/editions', { label: `Edisi cadangan ${i + 1}`, periodStart: '2026-01-01', periodEnd: '2026-12-31' }));
    const [res, ...created] = await Promise.all([national.request('POST', '/api/admin/backup'), ...writes]);
    expect(created.map((r) => r.statusCode)).toEqual(Array.from({ length: 12 }, () => 201));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/gzip');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="paritrana-backup-[0-9TZ-]+\.tar\.gz"$/);

    const dir = fresh('backup-route-out');
    const file = join(dir, 'backup.tar.gz');
    writeFileSync(file, res.rawPayload);
    const { manifest } = await unpackBackup(file, fresh('backup-route-parts'));
    expect(manifest.driver).toBe(driver);

    const target = fresh('backup-route-restore');
    const restored = await restoreInstallation(loadConfig({ PARITRANA_DATA_DIR: target }), file, { force: false });
    expect(restored.tables).toEqual(Object.fromEntries(manifest.tables.map((m) => [m.name, m.rows])));
    expect(restored.auditEntries).toBe(manifest.tables.find((m) => m.name === 'audit_log')!.rows);

    const database = await openDatabase({ dataDir: join(target, 'db') });
    try {
      const result: unknown = await database.db.execute(sql`
        select (select count(*) from editions where label like 'Edisi cadangan %')::int as editions,
               (select count(*) from audit_log where action = 'edition.create' and after->>'label' like 'Edisi cadangan %')::int as entries`);
      const [counts] = (result as { rows: { editions: number; entries: number }[] }).rows;
      expect(counts!.editions).toBe(counts!.entries);
    } finally {
      await database.close();
    }

    // The backup itself is in the audit log of the running installation, with who took it.
    const audit = await national.request('GET', '/api/audit?entityType=installation');
    expect(audit.statusCode).toBe(200);
    const entries = audit.json<{ entries: { action: string; entityType: string }[] }>().entries.filter((e) => e.action === 'installation.backup');
    expect(entries.map((e) => e.entityType)).toEqual(['installation']);
  });
});

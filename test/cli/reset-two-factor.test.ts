import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { rowsOf } from '../support/database.ts';
import { paritrana } from '../support/server-process.ts';

describe('paritrana reset-two-factor', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'paritrana-reset-2fa-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  /** Runs `statement` on the installation's embedded database while no command holds it. */
  const onDatabase = async <T extends Record<string, unknown>>(statement: ReturnType<typeof sql>) => {
    const database = await openDatabase({ dataDir: join(dataDir, 'db') });
    try {
      return rowsOf<T>(await database.db.execute(statement));
    } finally {
      await database.close();
    }
  };

  it('switches off the national admin’s two-step verification with a reason, audited as the system, and e-mails the owner', { timeout: 120_000 }, async () => {
    const email = 'admin@example.go.id';
    expect(paritrana(dataDir, ['create-admin', '--email', email, '--name', 'Admin Nasional', '--password', 'hujan-di-bulan-juni']).status).toBe(0);
    await onDatabase(sql`update users set totp_secret = 'JBSWY3DPEHPK3PXP', totp_enabled_at = now() where email = ${email}`);

    const short = paritrana(dataDir, ['reset-two-factor', '--email', email, '--reason', 'hilang']);
    expect([short.status, short.stderr]).toEqual([2, '--reason: Too small: expected string to have >=10 characters\n']);
    const unknown = paritrana(dataDir, ['reset-two-factor', '--email', 'nobody@example.go.id', '--reason', 'Ponsel hilang bersama kode pemulihan']);
    expect([unknown.status, unknown.stderr]).toEqual([2, 'No account has the e-mail nobody@example.go.id\n']);

    const done = paritrana(dataDir, ['reset-two-factor', '--email', email, '--reason', 'Ponsel hilang bersama kode pemulihan']);
    expect([done.status, done.stdout]).toEqual([0, `two-step verification of ${email} switched off; every session of the account ended and its owner is e-mailed\n`]);
    const [user] = await onDatabase<{ totp_secret: string | null; totp_enabled_at: string | null }>(sql`select totp_secret, totp_enabled_at from users where email = ${email}`);
    expect(user).toEqual({ totp_secret: null, totp_enabled_at: null });
    const audit = await onDatabase<{ actor_label: string; after: { reason: string } }>(sql`select actor_label, after from audit_log where action = 'user.two-factor-reset'`);
    expect(audit).toEqual([{ actor_label: 'system', after: { twoFactor: false, reason: 'Ponsel hilang bersama kode pemulihan' } }]);
    expect(await onDatabase(sql`select "to" from outbox`)).toEqual([{ to: email }]);

    const again = paritrana(dataDir, ['reset-two-factor', '--email', email, '--reason', 'Ponsel hilang bersama kode pemulihan']);
    expect([again.status, again.stderr]).toEqual([2, 'Two-step verification is already off for this account\n']);
  });
});

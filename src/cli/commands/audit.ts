import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { ExitStatus } from './index.ts';
import type { Database } from '../../db/client.ts';
import type { Config } from '../../server/config.ts';
import type { AnchorStore } from '../../server/services/audit-anchor.ts';

/** Exit statuses of `audit verify`: intact, broken, or the log could not be read at all. */
export const verifyExit = { intact: 0, broken: 1, unreadable: 3 } as const;

class Unreadable extends Error {}

/** The database's own words: the query layer wraps them as the `cause` of its "Failed query" error. */
const messageOf = (error: unknown): string => {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
};

/**
 * Opens the configured database as it is: never creates one (a mistyped
 * PARITRANA_DATA_DIR must not yield an empty log that checks as intact) and
 * never migrates it.
 */
async function openExisting(config: Config): Promise<Database> {
  const { openLocked } = await import('../../server/bootstrap.ts');
  const { DataDirLockedError } = await import('../../db/data-dir-lock.ts');
  const { sql } = await import('drizzle-orm');
  if ('dataDir' in config.database && !existsSync(join(config.database.dataDir, 'PG_VERSION'))) {
    throw new Unreadable(`no database in ${config.database.dataDir} (check PARITRANA_DATA_DIR); nothing was created`);
  }
  let database: Database;
  try {
    // Under the data directory's lock: while a server holds it, this is refused (exit 75) and the audit page verifies instead.
    database = await openLocked(config);
  } catch (error) {
    if (error instanceof DataDirLockedError) throw error;
    throw new Unreadable(`cannot open the database: ${messageOf(error)}`);
  }
  try {
    const result = await database.db.execute(sql`select to_regclass('public.audit_log') is not null as present`);
    const [row] = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { present: boolean }[];
    if (!row?.present) throw new Unreadable('the database has no audit log: not a Paritrana database, or never migrated');
  } catch (error) {
    await database.close().catch(() => undefined);
    if (error instanceof Unreadable) throw error;
    throw new Unreadable(`cannot read the database: ${messageOf(error)}`);
  }
  return database;
}

const anchorsHelp = 'directory of the anchors (default: AUDIT_ANCHOR_DIR, else PARITRANA_DATA_DIR/audit-anchors)';

/** The configured database, opened as it is, with the anchor store; null (said on stderr, exit 3) when the log cannot be read. */
async function openAudit(opts: { anchors?: string }, status: ExitStatus): Promise<{ database: Database; store: AnchorStore } | null> {
  const { loadConfig } = await import('../../server/config.ts');
  const { AnchorStore } = await import('../../server/services/audit-anchor.ts');
  const config = loadConfig();
  try {
    return { database: await openExisting(config), store: new AnchorStore(opts.anchors ?? config.auditAnchor.dir) };
  } catch (error) {
    if (!(error instanceof Unreadable)) throw error;
    process.stderr.write(`audit log UNREADABLE: ${error.message}\n`);
    status.code = verifyExit.unreadable;
    return null;
  }
}

export function registerAudit(program: Command, status: ExitStatus): void {
  const audit = program.command('audit').description('The append-only audit log');
  audit
    .command('verify')
    .description('Recompute the SHA-256 chain of the whole audit log and check it against the signed anchors; exit 1 when broken, 3 when it cannot be read')
    .option('--anchors <dir>', anchorsHelp)
    .action(async (opts: { anchors?: string }) => {
      const { AnchorError, verifyWithAnchors } = await import('../../server/services/audit-anchor.ts');
      const opened = await openAudit(opts, status);
      if (!opened) return;
      const { database, store } = opened;
      try {
        const result = await verifyWithAnchors(database.db, store).catch((error: unknown) => {
          if (error instanceof AnchorError) throw error;
          throw new Unreadable(`cannot read the audit log: ${messageOf(error)}`);
        });
        if (!result.ok) {
          const where = result.firstBadSeq === null ? '' : ` at entry ${result.firstBadSeq}`;
          process.stderr.write(`audit chain BROKEN${where}: ${result.reason} (${result.entries} entries before it are intact)\n`);
          status.code = verifyExit.broken;
          return;
        }
        const anchored = result.latestAnchor
          ? `; checked against ${result.anchors} anchor(s), the newest for entry ${result.latestAnchor.seq} signed on ${result.latestAnchor.at} by key ${result.latestAnchor.key}`
          : '';
        process.stdout.write(`audit chain intact: ${result.entries} entries${anchored}\n`);
        if (!result.latestAnchor && result.entries > 0) {
          process.stderr.write(`note: no anchor in ${store.dir}; a chain cut at its end or rewritten whole cannot be told from an intact one without one\n`);
        }
      } catch (error) {
        if (!(error instanceof Unreadable)) throw error;
        process.stderr.write(`audit log UNREADABLE: ${error.message}\n`);
        status.code = verifyExit.unreadable;
      } finally {
        await database.close();
      }
    });
  audit
    .command('app-role-sql')
    .description('Print the SQL that lets a PostgreSQL role run the app but only add to the audit log (run it as the owner of the tables, after each migrate)')
    .requiredOption('--role <name>', 'the role the app servers connect as, e.g. paritrana_app')
    .action(async (opts: { role: string }) => {
      const { appRoleGrants, roleName } = await import('../../db/app-role.ts');
      if (!roleName.test(opts.role)) {
        process.stderr.write(`--role: not a role name: ${JSON.stringify(opts.role)} (lowercase letters, digits and _)\n`);
        status.code = 2;
        return;
      }
      process.stdout.write(`${appRoleGrants(opts.role).map((s) => `${s};`).join('\n')}\n`);
    });
  audit
    .command('anchor')
    .description('Sign the chain’s current head and append it to the anchors (the server does this on its own every AUDIT_ANCHOR_SECONDS)')
    .option('--anchors <dir>', anchorsHelp)
    .action(async (opts: { anchors?: string }) => {
      const opened = await openAudit(opts, status);
      if (!opened) return;
      const { database, store } = opened;
      try {
        const anchor = await store.anchor(database.db);
        process.stdout.write(anchor ? `anchored entry ${anchor.seq} (${anchor.hash}) with key ${anchor.key} in ${store.dir}\n` : 'the audit log is empty: nothing to anchor\n');
      } finally {
        await database.close();
      }
    });
}

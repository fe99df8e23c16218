/**
 * The privileges of the PostgreSQL role the app servers run as, when the
 * tables belong to another role (the one that runs `paritrana migrate`).
 * Such a role reads and writes every table but may only add to the audit log:
 * it can neither change nor remove an entry, nor disable the trigger that
 * refuses it (only the table's owner can), so a stolen app password cannot
 * rewrite the log. See docs/audit.md.
 */
export const roleName = /^[a-z_][a-z0-9_]{0,62}$/;

/** The statements to run as the owner of the tables, after every `paritrana migrate`. */
export function appRoleGrants(role: string): string[] {
  if (!roleName.test(role)) throw new Error(`not a role name: ${JSON.stringify(role)} (lowercase letters, digits and _)`);
  return [
    `GRANT USAGE ON SCHEMA public TO ${role}`,
    `GRANT USAGE ON SCHEMA drizzle TO ${role}`,
    `GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE audit_log FROM ${role}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${role}`,
  ];
}

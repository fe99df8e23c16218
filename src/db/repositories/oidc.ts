import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { oidcLogins } from '../schema/index.ts';

export type OidcLoginRow = typeof oidcLogins.$inferSelect;

export async function insertOidcLogin(db: Db, row: { state: string; nonce: string; codeVerifier: string; expiresAt: Date }): Promise<void> {
  await db.insert(oidcLogins).values(row);
}

/** Takes the sign-on under way with that state: it can be finished once. */
export async function takeOidcLogin(db: Db, state: string): Promise<OidcLoginRow | null> {
  const [row] = await db.delete(oidcLogins).where(eq(oidcLogins.state, state)).returning();
  return row ?? null;
}

import { bigint, boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { provinces } from './regions.ts';
import { candidates } from './candidates.ts';

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: varchar('email', { length: 254 }).notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  locale: varchar('locale', { length: 5 }).notNull().default('id'),
  active: boolean('active').notNull().default(true),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  /** Locks in a row since the last successful log-in: each lock lasts twice the one before (capped). */
  lockouts: integer('lockouts').notNull().default(0),
  /** The TOTP secret (base32) once two-factor is switched on; null otherwise. */
  totpSecret: text('totp_secret'),
  /** A secret shown for enrolment, not yet confirmed with a code. */
  totpPendingSecret: text('totp_pending_secret'),
  totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
  /** The last 30-second step whose code was accepted: a code is never accepted twice. */
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A role held by a user. Provincial admins and verifiers are scoped to a
 * province, candidate users to a candidate; an observer to a province or
 * none (the nation); the other roles are unscoped.
 */
export const userRoles = pgTable(
  'user_roles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: varchar('role', { length: 20 })
      .notNull()
      .$type<'national_admin' | 'provincial_admin' | 'verifier' | 'national_verifier' | 'juror' | 'candidate' | 'observer'>(),
    provinceCode: varchar('province_code', { length: 2 }).references(() => provinces.code),
    candidateId: uuid('candidate_id').references(() => candidates.id, { onDelete: 'cascade' }),
    /**
     * A verifier limited to some regencies/cities of its province (the area
     * of a BPJS branch office, Kantor Cabang); null: the whole province.
     */
    regencyCodes: text('regency_codes').array(),
    /**
     * An observer's organisation (kemenko_pmk, kemnaker, kemendagri,
     * bpjs_ketenagakerjaan or other); null for every other role. An
     * observer without a province watches the whole nation, else one grant
     * per province it watches.
     */
    organisation: varchar('organisation', { length: 30 }).$type<'kemenko_pmk' | 'kemnaker' | 'kemendagri' | 'bpjs_ketenagakerjaan' | 'other'>(),
  },
  (t) => [
    index('user_roles_user_idx').on(t.userId),
    uniqueIndex('user_roles_unique_idx').on(t.userId, t.role, t.provinceCode, t.candidateId),
  ],
);

/** Server-side sessions; the cookie holds a random token whose SHA-256 is the id. */
export const sessions = pgTable(
  'sessions',
  {
    id: varchar('id', { length: 64 }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: varchar('csrf_token', { length: 64 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** The password was right but the two-factor code is still owed: the session grants nothing yet. */
    secondFactorPending: boolean('second_factor_pending').notNull().default(false),
    /** When the session was last used (updated at most once a minute). */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** The browser and address it was opened from, as recorded at sign-in. */
    userAgent: varchar('user_agent', { length: 300 }),
    ip: varchar('ip', { length: 64 }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * A password reset asked for by e-mail: the link carries a random token whose
 * SHA-256 is stored here; it works once, for an hour.
 */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
);

/**
 * An invitation to a staff account: the account exists (created by an admin,
 * without a usable password) and the link lets its holder set the name and
 * password. The token is stored as its SHA-256 only; a link works once, until
 * it expires or is revoked. Re-sending revokes the open link and makes a new one.
 */
export const staffInvitations = pgTable(
  'staff_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('staff_invitations_user_idx').on(t.userId)],
);

/** Single-use recovery codes of a user's two-factor; only their SHA-256 is kept. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: varchar('code_hash', { length: 64 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId), uniqueIndex('recovery_codes_hash_idx').on(t.userId, t.codeHash)],
);

/** Installation-wide security settings: one row (id 1), set by the national admin. */
export const securitySettings = pgTable(
  'security_settings',
  {
    id: integer('id').primaryKey().default(1),
    /** National and provincial admins must use two-factor before anything else. */
    twoFactorRequiredForAdmins: boolean('two_factor_required_for_admins').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('security_settings_one_row', sql`${t.id} = 1`)],
);

/**
 * A single sign-on under way: what the callback must find again (the state
 * the browser also holds in a cookie, the nonce, the PKCE verifier). Used
 * once, for ten minutes.
 */
export const oidcLogins = pgTable('oidc_logins', {
  state: varchar('state', { length: 100 }).primaryKey(),
  nonce: varchar('nonce', { length: 100 }).notNull(),
  codeVerifier: varchar('code_verifier', { length: 200 }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

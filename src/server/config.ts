import { hostname } from 'node:os';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The whole configuration, read once from the environment and validated at
 * start. A bad value stops the start with a message a person can act on.
 */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  PARITRANA_DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z.url().optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  LOGIN_LOCK_AFTER: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  LOGIN_LOCK_MAX_MINUTES: z.coerce.number().int().min(1).default(24 * 60),
  LOGIN_ACCOUNT_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  TRUST_PROXY: z
    .string()
    .transform((v) => v.trim())
    .refine((v) => /^\d+$/.test(v) || v.split(',').every((a) => isProxyAddress(a.trim())), {
      message: 'must be a number of proxy hops (e.g. 1) or a comma-separated list of proxy addresses or CIDR ranges (e.g. 10.0.0.5,10.1.0.0/16, or loopback)',
    })
    .optional(),
  EVIDENCE_LIMIT_MB: z.coerce.number().min(1).max(1024).default(20),
  UPLOAD_LIMIT_MB: z.coerce.number().int().min(1).max(100_000).default(4096),
  PARITRANA_INSTALLATION_NAME: z.string().trim().min(1).max(200).optional(),
  ARCHIVE_UNPACKED_LIMIT_MB: z.coerce.number().int().min(1).max(1_000_000).default(16_384),
  ARCHIVE_ENTRY_LIMIT: z.coerce.number().int().min(10).max(10_000_000).default(500_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  REGISTRATION_PENDING_PER_PROVINCE: z.coerce.number().int().min(1).default(200),
  REGISTRATION_CONFIRM_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(48),
  REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(24 * 3600).default(3600),
  IDLE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  KEEP_ALIVE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(65),
  REGISTRATION_RATE_PER_HOUR: z.coerce.number().int().min(1).default(10),
  AUDIT_ANCHOR_DIR: z.string().min(1).optional(),
  MIGRATE_ON_START: z.enum(['true', 'false']).default('true'),
  AUDIT_ANCHOR_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  SHUTDOWN_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  SECRETS_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (32 bytes), e.g. the output of `openssl rand -hex 32`')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]+/, 'must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.go.id:587')
    .optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_SECURE: z.enum(['true', 'false']).optional(),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASS: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).optional(),
  MAIL_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** Days before a deadline on which reminders go out, comma-separated. */
  REMINDER_OFFSETS: z
    .string()
    .regex(/^\d{1,2}(,\d{1,2})*$/, 'days before a deadline, comma-separated, e.g. 7,3,1')
    .default('7,3,1'),
  /** How often each server sweeps for reminders and digests due. */
  REMINDER_SWEEP_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name: 3–63 lowercase letters, digits, dots or dashes')
    .optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_EMAIL_CLAIM: z.string().min(1).default('email'),
  OIDC_BUTTON_LABEL: z.string().trim().min(1).max(80).default('SSO'),
});

type Env = z.infer<typeof schema>;

/** An address, a CIDR range, or a name proxy-addr knows (loopback, linklocal, uniquelocal). */
function isProxyAddress(a: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(a)) return true;
  const [address = '', bits, ...rest] = a.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
}

/** Whom to believe about the client's address in X-Forwarded-For: nobody unless configured. */
function trustProxyOf(value: string | undefined): false | number | string[] {
  if (!value) return false;
  if (/^\d+$/.test(value)) return Number(value) === 0 ? false : Number(value);
  return value.split(',').map((a) => a.trim());
}

/** Rules across variables: each names what to set. */
function crossChecks(e: Env): string[] {
  const problems: string[] = [];
  if (e.SMTP_URL && e.SMTP_HOST) problems.push('  SMTP_URL, SMTP_HOST: set one of them, not both');
  if ((e.SMTP_URL || e.SMTP_HOST) && !e.MAIL_FROM) problems.push('  MAIL_FROM: required when SMTP is configured (e.g. "Paritrana Award <noreply@example.go.id>")');
  if (!e.SMTP_HOST && (e.SMTP_PORT || e.SMTP_USER || e.SMTP_PASS || e.SMTP_SECURE)) problems.push('  SMTP_HOST: required when SMTP_PORT, SMTP_SECURE, SMTP_USER or SMTP_PASS is set');
  if (Boolean(e.SMTP_USER) !== Boolean(e.SMTP_PASS)) problems.push('  SMTP_USER, SMTP_PASS: set both or neither');
  const s3 = { S3_ENDPOINT: e.S3_ENDPOINT, S3_BUCKET: e.S3_BUCKET, S3_ACCESS_KEY_ID: e.S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: e.S3_SECRET_ACCESS_KEY };
  const missing = Object.entries(s3).filter(([, v]) => !v).map(([k]) => k);
  if (missing.length > 0 && missing.length < 4) problems.push(`  ${missing.join(', ')}: required when S3 storage is configured (set all of S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, or none)`);
  const oidc = { OIDC_ISSUER: e.OIDC_ISSUER, OIDC_CLIENT_ID: e.OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: e.OIDC_CLIENT_SECRET };
  const oidcMissing = Object.entries(oidc).filter(([, v]) => !v).map(([k]) => k);
  if (oidcMissing.length > 0 && oidcMissing.length < 3) problems.push(`  ${oidcMissing.join(', ')}: required when single sign-on is configured (set all of OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, or none)`);
  if (e.OIDC_ISSUER && e.OIDC_ISSUER.startsWith('http://') && !isLoopbackUrl(e.OIDC_ISSUER)) problems.push('  OIDC_ISSUER: must be an https:// address (plain http only on this machine, 127.0.0.1 or localhost)');
  return problems;
}

function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

/** How e-mail leaves the app; null keeps every message in the outbox. */
export type SmtpConfig = {
  transport: string | { host: string; port: number; secure: boolean; auth?: { user: string; pass: string } };
  from: string;
  pollSeconds: number;
};

/** Where evidence files go when not on the local disk. */
export type S3Config = { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string };

export type Config = {
  port: number;
  host: string;
  database: { url: string } | { dataDir: string };
  dataDir: string;
  publicUrl: string | null;
  /**
   * The address put in links, QR codes and e-mails: PUBLIC_URL, or else
   * http://HOST:PORT. Never taken from a request (its Host header is the
   * caller's to choose). No trailing slash.
   */
  baseUrl: string;
  secureCookies: boolean;
  sessionTtlHours: number;
  /**
   * After `lockAfter` failures in a row an account is locked for `lockMinutes`,
   * each further lock twice as long as the one before, at most `maxLockMinutes`.
   * `ratePerMinute` attempts per client address, `accountRatePerMinute` per account.
   */
  login: { lockAfter: number; lockMinutes: number; maxLockMinutes: number; ratePerMinute: number; accountRatePerMinute: number };
  /** Proxies whose X-Forwarded-For is believed: none (false), a hop count, or their addresses/CIDRs. */
  trustProxy: false | number | string[];
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  /** `pretty` lines for a person at a terminal, `json` for a log collector; `auto` picks by whether stdout is a terminal. */
  logFormat: z.infer<typeof schema>['LOG_FORMAT'];
  /** Largest file accepted by an upload (coverage extracts), in MiB. */
  uploadLimitMb: number;
  /** Largest evidence file, in MB (PDF, JPEG, PNG, XLSX). */
  evidenceLimitMb: number;
  /** The name edition archives give their exporting installation (the signer an importing admin confirms). */
  installationName: string;
  /** What an imported edition archive may unpack to: bytes in all and entries, refused as soon as either is passed. */
  archiveLimits: { bytes: number; entries: number };
  /** Where evidence files are kept, by SHA-256 (local disk unless `s3` is set). */
  filesDir: string;
  s3: S3Config | null;
  smtp: SmtpConfig | null;
  /** Self-registrations accepted per hour from one address. */
  registrationRatePerHour: number;
  /**
   * The key that seals the two-factor secrets in the database (AES-256-GCM):
   * `SECRETS_KEY`, else a key file made on first use in the data directory.
   */
  secrets: { key: Buffer | null; keyFile: string };
  /** Where the signed heads of the audit chain are kept (outside the database), and how often one is written. */
  auditAnchor: { dir: string; seconds: number };
  /**
   * How long `serve` waits, once asked to stop, for requests under way, the
   * background jobs and the database to finish before it exits anyway (status 1).
   */
  shutdownSeconds: number;
  /** Reminders before deadlines: the offsets in days (largest first) and how often the sweep runs. */
  reminders: { offsets: number[]; sweepSeconds: number };
  /**
   * Whether the server applies pending migrations when it starts. Off when it
   * runs as a PostgreSQL role that may not change the schema (docs/audit.md):
   * then `paritrana migrate` runs as the owner, and the server refuses to
   * start on a database that is behind.
   */
  migrateOnStart: boolean;
  /** Self-registrations one province may have waiting (unconfirmed or awaiting the committee) in an edition. */
  registrationPendingPerProvince: number;
  /** How long the e-mail confirmation link of a self-registration works, in hours. */
  registrationConfirmHours: number;
  /**
   * How long a connection may take, in ms: `request` for a whole request
   * (large extract uploads included), `idle` without a byte either way (a
   * stalled body is cut after it), `keepAlive` between two requests.
   */
  timeouts: { requestMs: number; idleMs: number; keepAliveMs: number };
  /** Single sign-on (OIDC_* variables), or null. */
  oidc: OidcConfig | null;
};

/** Single sign-on by OpenID Connect; null when not configured. */
export type OidcConfig = { issuer: string; clientId: string; clientSecret: string; emailClaim: string; buttonLabel: string };

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(clean);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(clean[String(i.path[0])])})`);
    throw new ConfigError(`Invalid configuration; fix these environment variables:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const problems = crossChecks(e);
  if (problems.length > 0) throw new ConfigError(`Invalid configuration; fix these environment variables:\n${problems.join('\n')}`);
  const dataDir = resolve(e.PARITRANA_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL ? { url: e.DATABASE_URL } : { dataDir: resolve(dataDir, 'db') },
    dataDir,
    publicUrl: e.PUBLIC_URL ?? null,
    baseUrl: baseUrlOf(e),
    secureCookies: (e.PUBLIC_URL ?? '').startsWith('https://'),
    sessionTtlHours: e.SESSION_TTL_HOURS,
    login: {
      lockAfter: e.LOGIN_LOCK_AFTER,
      lockMinutes: e.LOGIN_LOCK_MINUTES,
      maxLockMinutes: Math.max(e.LOGIN_LOCK_MINUTES, e.LOGIN_LOCK_MAX_MINUTES),
      ratePerMinute: e.LOGIN_RATE_PER_MINUTE,
      accountRatePerMinute: e.LOGIN_ACCOUNT_RATE_PER_MINUTE,
    },
    trustProxy: trustProxyOf(e.TRUST_PROXY),
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    uploadLimitMb: e.UPLOAD_LIMIT_MB,
    evidenceLimitMb: e.EVIDENCE_LIMIT_MB,
    installationName: e.PARITRANA_INSTALLATION_NAME ?? (e.PUBLIC_URL ? new URL(e.PUBLIC_URL).host : hostname()),
    archiveLimits: { bytes: e.ARCHIVE_UNPACKED_LIMIT_MB * 1024 * 1024, entries: e.ARCHIVE_ENTRY_LIMIT },
    filesDir: resolve(dataDir, 'files'),
    s3:
      e.S3_ENDPOINT && e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? { endpoint: e.S3_ENDPOINT.replace(/\/$/, ''), bucket: e.S3_BUCKET, region: e.S3_REGION, accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY }
        : null,
    smtp: smtpOf(e),
    registrationRatePerHour: e.REGISTRATION_RATE_PER_HOUR,
    migrateOnStart: e.MIGRATE_ON_START === 'true',
    auditAnchor: { dir: resolve(e.AUDIT_ANCHOR_DIR ?? resolve(dataDir, 'audit-anchors')), seconds: e.AUDIT_ANCHOR_SECONDS },
    shutdownSeconds: e.SHUTDOWN_SECONDS,
    secrets: { key: e.SECRETS_KEY ? Buffer.from(e.SECRETS_KEY, 'hex') : null, keyFile: resolve(dataDir, 'secrets.key') },
    reminders: { offsets: [...new Set(e.REMINDER_OFFSETS.split(',').map(Number))].sort((a, b) => b - a), sweepSeconds: e.REMINDER_SWEEP_SECONDS },
    registrationPendingPerProvince: e.REGISTRATION_PENDING_PER_PROVINCE,
    registrationConfirmHours: e.REGISTRATION_CONFIRM_HOURS,
    timeouts: { requestMs: e.REQUEST_TIMEOUT_SECONDS * 1000, idleMs: e.IDLE_TIMEOUT_SECONDS * 1000, keepAliveMs: e.KEEP_ALIVE_TIMEOUT_SECONDS * 1000 },
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, emailClaim: e.OIDC_EMAIL_CLAIM, buttonLabel: e.OIDC_BUTTON_LABEL }
        : null,
  };
}

/** PUBLIC_URL, or the address this server listens on (a wildcard address is reached as localhost). */
function baseUrlOf(e: Env): string {
  if (e.PUBLIC_URL) return e.PUBLIC_URL.replace(/\/+$/, '');
  const host = ['0.0.0.0', '::', '[::]'].includes(e.HOST) ? 'localhost' : e.HOST.includes(':') && !e.HOST.startsWith('[') ? `[${e.HOST}]` : e.HOST;
  return `http://${host}:${e.PORT}`;
}

function smtpOf(e: Env): SmtpConfig | null {
  if (!e.MAIL_FROM) return null;
  if (e.SMTP_URL) return { transport: e.SMTP_URL, from: e.MAIL_FROM, pollSeconds: e.MAIL_POLL_SECONDS };
  if (!e.SMTP_HOST) return null;
  const secure = e.SMTP_SECURE === 'true';
  return {
    transport: {
      host: e.SMTP_HOST,
      port: e.SMTP_PORT ?? (secure ? 465 : 587),
      secure,
      ...(e.SMTP_USER && e.SMTP_PASS ? { auth: { user: e.SMTP_USER, pass: e.SMTP_PASS } } : {}),
    },
    from: e.MAIL_FROM,
    pollSeconds: e.MAIL_POLL_SECONDS,
  };
}

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
  EVIDENCE_LIMIT_MB: z.coerce.number().min(1).max(1024).default(20),
  UPLOAD_LIMIT_MB: z.coerce.number().int().min(1).max(100_000).default(4096),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  database: { url: string } | { dataDir: string };
  dataDir: string;
  publicUrl: string | null;
  secureCookies: boolean;
  sessionTtlHours: number;
  login: { lockAfter: number; lockMinutes: number; ratePerMinute: number };
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  /** Largest file accepted by an upload (coverage extracts), in MiB. */
  uploadLimitMb: number;
  /** Largest evidence file, in MB (PDF, JPEG, PNG, XLSX). */
  evidenceLimitMb: number;
  /** Where evidence files are kept, by SHA-256. */
  filesDir: string;
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(clean);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(clean[String(i.path[0])])})`);
    throw new ConfigError(`Invalid configuration; fix these environment variables:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.PARITRANA_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL ? { url: e.DATABASE_URL } : { dataDir: resolve(dataDir, 'db') },
    dataDir,
    publicUrl: e.PUBLIC_URL ?? null,
    secureCookies: (e.PUBLIC_URL ?? '').startsWith('https://'),
    sessionTtlHours: e.SESSION_TTL_HOURS,
    login: { lockAfter: e.LOGIN_LOCK_AFTER, lockMinutes: e.LOGIN_LOCK_MINUTES, ratePerMinute: e.LOGIN_RATE_PER_MINUTE },
    logLevel: e.LOG_LEVEL,
    uploadLimitMb: e.UPLOAD_LIMIT_MB,
    evidenceLimitMb: e.EVIDENCE_LIMIT_MB,
    filesDir: resolve(dataDir, 'files'),
  };
}

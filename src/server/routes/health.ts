import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createFileStore } from '../storage/file-store.ts';
import { checkHealth } from '../services/health.ts';
import { secretsKeyOpensStored } from '../services/two-factor.ts';

/** How long a health check trusts its last reading of the secrets key. */
export const secretsCheckMs = 60_000;

const check = z.object({ ok: z.boolean(), reason: z.string().optional() });
const health = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['postgres', 'pglite']),
  version: z.string(),
  checks: z.object({ database: check, files: check, secrets: check }),
});

export const healthRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const store = createFileStore(app.deps.config);
  // The secrets key does not change while the server runs: whether it opens the stored two-step
  // secrets is read again at most once a minute, not on every probe (a probe is then one statement).
  let secrets: { ok: boolean; at: number } | null = null;
  const secretsOpen = async () => {
    if (secrets && Date.now() - secrets.at < secretsCheckMs) return secrets.ok;
    const ok = await secretsKeyOpensStored(app.deps.database.db, app.deps.config);
    secrets = { ok, at: Date.now() };
    return ok;
  };
  app.get(
    '/health',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Whether the app can do its work: the database commits a write, the file store takes a file and the secrets key opens the stored two-step secrets (503 naming the check that failed)',
        response: { 200: health, 503: health },
      },
    },
    async (_request, reply) => {
      const { ok, checks } = await checkHealth(app.deps.database.db, store, secretsOpen);
      return reply
        .status(ok ? 200 : 503)
        .header('cache-control', 'no-store')
        .send({ status: ok ? ('ok' as const) : ('unavailable' as const), database: app.deps.database.driver, version: app.deps.version, checks });
    },
  );
  done();
};

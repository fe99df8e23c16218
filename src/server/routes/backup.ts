import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { installationPolicy } from '../policies/installation.ts';
import { createFileStore } from '../storage/file-store.ts';
import { auditBackup, writeBackup } from '../services/backup.ts';
import { withTempFile } from '../services/edition-archive.ts';

/**
 * A backup of the running installation (docs/operations.md): the server that
 * holds the embedded database writes it, from one consistent snapshot.
 */
export const backupRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { database, config, version } = app.deps;
  const store = createFileStore(config);

  app.post(
    '/admin/backup',
    {
      config: { policy: installationPolicy.backup },
      schema: { tags: ['admin'], summary: 'A backup of the whole installation (.tar.gz: every row of every table and the evidence files), restored by `paritrana restore`' },
    },
    async (request, reply) =>
      withTempFile('backup.tar.gz', async (path) => {
        const manifest = await writeBackup(database.db, store, createWriteStream(path), { version, driver: database.driver });
        await auditBackup(database.db, request.actor, manifest);
        const { size } = await stat(path);
        const name = `paritrana-backup-${manifest.createdAt.replace(/[:.]/g, '-')}.tar.gz`;
        reply.type('application/gzip').header('content-length', size).header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store');
        await reply.send(createReadStream(path));
        return reply;
      }),
  );
  done();
};

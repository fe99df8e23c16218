import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import type { FastifyPluginCallback, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import { archiveImportQuery, archiveImportResult, archiveInspection, exportDatasets, exportQuery } from '../../shared/contracts/index.ts';
import type { Actor } from '../policies/actor.ts';
import { publicationPolicy } from '../policies/publication.ts';
import { createFileStore } from '../storage/file-store.ts';
import { exportDataset } from '../services/exports.ts';
import { exportEditionArchive, importEditionArchive, inspectEditionArchive, withTempFile } from '../services/edition-archive.ts';
import { findEdition } from '../../db/repositories/editions.ts';

/** Exports for the committee (Excel, CSV) and whole-edition archives that another installation imports. */
export const exportRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  const { config } = app.deps;
  const store = createFileStore(config);
  const ctx = (actor: Actor | null) => ({ db, actor });
  const tags = ['exports'];

  app.get(
    '/editions/:id/exports/:dataset',
    {
      config: { policy: publicationPolicy.manage },
      schema: {
        tags,
        summary: 'Results, candidates, confirmed data values or (of published results) the jurors’ marks, as Excel or CSV',
        params: z.object({ id: z.uuid(), dataset: z.enum(exportDatasets) }),
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const out = await exportDataset(ctx(request.actor), request.params.id, request.params.dataset, request.query.format, request.query.lang);
      return reply.type(out.type).header('content-disposition', `attachment; filename="${out.filename}"`).header('cache-control', 'no-store').send(out.body);
    },
  );
  app.get(
    '/editions/:id/archive',
    {
      config: { policy: publicationPolicy.national },
      schema: { tags, summary: 'The whole edition as an archive (.tar.gz: every row as JSON and the evidence files by SHA-256)', params: z.object({ id: z.uuid() }) },
    },
    async (request, reply) => {
      const edition = await findEdition(db, request.params.id);
      if (!edition) throw new AppError('NOT_FOUND', 'edition not found');
      const slug = edition.label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      return withTempFile('edition.tar.gz', async (path) => {
        await exportEditionArchive(db, store, edition.id, path, { installation: config.installationName });
        const { size } = await stat(path);
        reply.type('application/gzip').header('content-length', size).header('content-disposition', `attachment; filename="${slug}.tar.gz"`).header('cache-control', 'no-store');
        await reply.send(createReadStream(path));
        return reply;
      });
    },
  );
  /** Receives an uploaded archive into a temporary file, removed afterwards whatever happens. */
  async function withUpload<T>(request: FastifyRequest, use: (path: string) => Promise<T>): Promise<T> {
    if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the archive as multipart/form-data', [{ path: 'file', message: 'required' }]);
    const file = await request.file({ limits: { fileSize: config.uploadLimitMb * 1024 * 1024 } });
    if (!file) throw new AppError('VALIDATION_FAILED', 'No file', [{ path: 'file', message: 'required' }]);
    return withTempFile('upload.tar.gz', async (path) => {
      await pipeline(file.file, createWriteStream(path));
      if (file.file.truncated) throw new AppError('FILE_TOO_LARGE', `The archive is larger than ${config.uploadLimitMb} MiB`, [{ path: 'file', message: String(config.uploadLimitMb) }]);
      return use(path);
    });
  }
  app.post(
    '/editions/import/inspect',
    {
      config: { policy: publicationPolicy.national },
      schema: {
        tags,
        summary: 'Check an edition archive without importing it: who signed it (installation, key fingerprint) and what it holds',
        consumes: ['multipart/form-data'],
        response: { 200: archiveInspection },
      },
    },
    async (request) => withUpload(request, (path) => inspectEditionArchive(db, path, config.archiveLimits)),
  );
  app.post(
    '/editions/import',
    {
      config: { policy: publicationPolicy.national },
      schema: {
        tags,
        summary: 'Import an edition archive from another installation (all or nothing), confirming its signer’s fingerprint in `trust`',
        consumes: ['multipart/form-data'],
        querystring: archiveImportQuery,
        response: { 201: archiveImportResult },
      },
    },
    async (request, reply) => {
      const trust = request.query.trust ?? null;
      const result = await withUpload(request, (path) => importEditionArchive(db, store, request.actor, path, { trust, limits: config.archiveLimits }));
      return reply.status(201).send(result);
    },
  );
  done();
};

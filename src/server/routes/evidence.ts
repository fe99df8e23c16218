import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import { evidenceMime } from '../../domain/evidence/sniff.ts';
import { evidenceSummary } from '../../shared/contracts/index.ts';
import { candidatePolicy } from '../policies/candidates.ts';
import { panelPolicy } from '../policies/panels.ts';
import type { Actor } from '../policies/actor.ts';
import { createFileStore } from '../storage/file-store.ts';
import { evidenceForReading, listEvidence, uploadEvidence } from '../services/evidence.ts';
import { scopes } from './scope.ts';
import { requestReceived } from '../request-received.ts';

const idParams = z.object({ id: z.uuid() });

export const evidenceRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  const scope = scopes(db);
  const { config } = app.deps;
  const store = createFileStore(config);
  const ctx = (actor: Actor | null) => ({ db, actor });
  const tags = ['evidence'];

  app.post(
    '/candidates/:id/evidence',
    {
      config: { policy: candidatePolicy.editAnywhere, scope: scope.candidate('uploadEvidence') },
      schema: {
        tags,
        summary: `Upload one evidence file (PDF, JPEG, PNG or XLSX, checked by content; at most ${config.evidenceLimitMb} MB)`,
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: evidenceSummary },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data');
      const file = await request.file({ limits: { fileSize: config.evidenceLimitMb * 1024 * 1024 } });
      if (!file) throw new AppError('VALIDATION_FAILED', 'No file', [{ path: 'file', message: 'required' }]);
      let bytes: Buffer;
      try {
        bytes = await file.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError('FILE_TOO_LARGE', `${file.filename} is larger than ${config.evidenceLimitMb} MB`, [
            { path: 'file', message: String(config.evidenceLimitMb) },
          ]);
        }
        throw error;
      }
      requestReceived(request);
      return reply.status(201).send(await uploadEvidence(ctx(request.actor), store, request.params.id, { name: file.filename, bytes }));
    },
  );
  app.get(
    '/candidates/:id/evidence',
    {
      config: { policy: candidatePolicy.list },
      schema: { tags, summary: 'Evidence files of a candidate', params: idParams, response: { 200: z.array(evidenceSummary) } },
    },
    (request) => listEvidence(ctx(request.actor), request.params.id),
  );
  app.get(
    '/evidence/:id',
    { config: { policy: (actor) => candidatePolicy.list(actor) || panelPolicy.juror(actor) }, schema: { tags, summary: 'The evidence file itself, shown in the browser', params: idParams } },
    async (request, reply) => {
      const evidence = await evidenceForReading(ctx(request.actor), request.params.id);
      return reply
        .type(evidenceMime[evidence.type])
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(evidence.originalName)}`)
        .header('cache-control', 'private, no-store')
        .header('content-security-policy', "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
        .send(await store.read(evidence.sha256));
    },
  );
  done();
};

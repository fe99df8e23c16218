import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { editionRecap, recapFormats } from '../../shared/contracts/index.ts';
import type { Actor } from '../policies/actor.ts';
import { publicationPolicy } from '../policies/publication.ts';
import { editionRecap as recapOf } from '../services/recap.ts';
import { decisionDraftPdf, recapDocument } from '../services/recap-documents.ts';

/**
 * The recap of an edition for the ministry: the national committee reads
 * every province and the national round, a province's committee its own
 * province; the draft decision naming the winners is the national committee's.
 */
export const recapRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  const ctx = (actor: Actor | null) => ({ db, actor });
  const tags = ['recap'];
  const params = z.object({ id: z.uuid() });

  app.get(
    '/editions/:id/recap',
    {
      config: { policy: publicationPolicy.readRecap },
      schema: { tags, summary: 'Candidates, coverage, progress and winners of an edition, per province', params, response: { 200: editionRecap } },
    },
    async (request) => recapOf(ctx(request.actor), request.params.id),
  );
  app.get(
    '/editions/:id/recap/document',
    {
      config: { policy: publicationPolicy.readRecap },
      schema: {
        tags,
        summary: 'The recap as an Excel workbook (provinces and winners) or a PDF, in Indonesian or English',
        params,
        querystring: z.object({ format: z.enum(recapFormats).default('xlsx'), lang: z.enum(['id', 'en']).default('id') }),
      },
    },
    async (request, reply) => {
      const out = await recapDocument(ctx(request.actor), request.params.id, request.query.format, request.query.lang);
      return reply.type(out.type).header('content-disposition', `attachment; filename="${out.filename}"`).header('cache-control', 'no-store').send(out.body);
    },
  );
  app.get(
    '/editions/:id/recap/decision-draft',
    {
      config: { policy: publicationPolicy.national },
      schema: { tags, summary: 'A draft decision (SK Penetapan Pemenang) listing the winners of every final result, as PDF', params },
    },
    async (request, reply) => {
      const out = await decisionDraftPdf(ctx(request.actor), request.params.id);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${out.filename}"`).header('cache-control', 'no-store').send(out.body);
    },
  );
  done();
};

import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { candidateFeedback } from '../../shared/contracts/index.ts';
import type { Actor } from '../policies/actor.ts';
import { feedbackPolicy } from '../policies/feedback.ts';
import { candidateFeedback as feedbackOf } from '../services/feedback.ts';
import { feedbackDocument } from '../services/feedback-pdf.ts';
import { scopes } from './scope.ts';

/**
 * A candidate's feedback once its pool's result is announced (docs/feedback.md):
 * the candidate itself, the committee of its province, the national committee
 * and the chair of its panel; 409 RESULT_NOT_PUBLISHED before the announcement.
 */
export const feedbackRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  const scope = scopes(db);
  const ctx = (actor: Actor | null) => ({ db, actor });
  const tags = ['feedback'];
  const params = z.object({ id: z.uuid() });

  app.get(
    '/candidates/:id/feedback',
    {
      config: { policy: feedbackPolicy.read, scope: scope.feedback() },
      schema: { tags, summary: 'The candidate’s scores by stage, aspect and indicator beside the pool’s median and the winners’, and the verifier’s comments', params, response: { 200: candidateFeedback } },
    },
    async (request) => feedbackOf(ctx(request.actor), request.params.id),
  );
  app.get(
    '/candidates/:id/feedback/document',
    {
      config: { policy: feedbackPolicy.read, scope: scope.feedback() },
      schema: { tags, summary: 'The candidate’s feedback as a PDF, in Indonesian or English', params, querystring: z.object({ lang: z.enum(['id', 'en']).default('id') }) },
    },
    async (request, reply) => {
      const out = await feedbackDocument(ctx(request.actor), request.params.id, request.query.lang);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${out.filename}"`).header('cache-control', 'no-store').send(out.body);
    },
  );
  done();
};

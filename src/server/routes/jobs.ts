import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { jobSummary } from '../../shared/contracts/index.ts';
import { jobPolicy } from '../policies/jobs.ts';
import { getJob } from '../services/jobs.ts';

export const jobRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  app.get(
    '/jobs/:id',
    {
      config: { policy: jobPolicy.read },
      schema: {
        tags: ['jobs'],
        summary: 'A long-running job (an import): status and progress; for its creator and the admins of its province',
        params: z.object({ id: z.uuid() }),
        response: { 200: jobSummary },
      },
    },
    (request) => getJob({ db, actor: request.actor }, request.params.id),
  );
  done();
};

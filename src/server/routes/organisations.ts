import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { organisation, organisationParams } from '../../shared/contracts/index.ts';
import { candidatePolicy } from '../policies/candidates.ts';
import * as service from '../services/organisations.ts';

/** Organisations across editions (the staff's view; the public one is in public.ts). */
export const organisationRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  app.get(
    '/organisations/:key',
    {
      config: { policy: candidatePolicy.list },
      schema: {
        tags: ['organisations'],
        summary: 'An organisation’s candidacies edition after edition (those the reader may see), with the level reached and published standing',
        params: organisationParams,
        response: { 200: organisation },
      },
    },
    (request) => service.getOrganisation({ db, actor: request.actor }, request.params.key),
  );
  done();
};

import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { candidateDetail, registrationDecision, registrationEdition, registrationInput, registrationReceipt } from '../../shared/contracts/index.ts';
import { candidatePolicy } from '../policies/candidates.ts';
import * as service from '../services/registrations.ts';
import { scopes } from './scope.ts';

const idParams = z.object({ id: z.uuid() });

/** Self-registration: public application, decided by the provincial admin. */
export const registrationRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  const scope = scopes(db);
  const { config } = app.deps;
  const tags = ['registration'];

  app.get(
    '/registration/editions',
    {
      config: { policy: 'public' },
      schema: { tags, summary: 'Editions open for self-registration, with their categories', response: { 200: z.array(registrationEdition) } },
    },
    () => service.registrationEditions(db),
  );
  app.post(
    '/registrations',
    {
      config: { policy: 'public', rateLimit: { max: config.registrationRatePerHour, timeWindow: '1 hour' } },
      schema: {
        tags,
        summary: 'A regional government (Kemendagri code) or a company (NPP) applies as a candidate; it awaits the provincial admin',
        body: registrationInput,
        response: { 201: registrationReceipt },
      },
    },
    async (request, reply) => reply.status(201).send(await service.registerCandidate(db, request.body)),
  );
  app.post(
    '/candidates/:id/registration',
    {
      config: { policy: candidatePolicy.manageAnywhere, scope: scope.candidate('decideRegistration') },
      schema: {
        tags,
        summary: 'Approve a self-registration (→ nominated; its contact is invited) or reject it with a reason',
        params: idParams,
        body: registrationDecision,
        response: { 200: candidateDetail },
      },
    },
    async (request) => {
      const base = config.publicUrl ?? `${request.protocol}://${request.host}`;
      const result = await service.decideRegistration({ db, actor: request.actor }, request.params.id, request.body, base);
      app.mailer?.kick();
      return result;
    },
  );
  done();
};

import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { candidateDetail, registrationConfirmation, registrationDecision, registrationEdition, registrationInput, registrationReceipt } from '../../shared/contracts/index.ts';
import { candidatePolicy } from '../policies/candidates.ts';
import { publicBaseUrl } from './base-url.ts';
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
        summary: 'A regional government (Kemendagri code) or a company (NPP) applies as a candidate; once its contact confirms the e-mailed link, it awaits the provincial admin',
        body: registrationInput,
        response: { 201: registrationReceipt },
      },
    },
    async (request, reply) => {
      const receipt = await service.registerCandidate(db, request.body, {
        baseUrl: publicBaseUrl(config),
        pendingPerProvince: config.registrationPendingPerProvince,
        confirmHours: config.registrationConfirmHours,
      });
      app.mailer?.kick();
      return reply.status(201).send(receipt);
    },
  );
  app.post(
    '/registrations/confirm',
    {
      config: { policy: 'public', rateLimit: { max: config.registrationRatePerHour * 3, timeWindow: '1 hour' } },
      schema: {
        tags,
        summary: 'The applicant confirms its e-mail address with the single-use link it received; the registration then awaits the provincial admin',
        body: registrationConfirmation,
        response: { 200: registrationReceipt },
      },
    },
    (request) => service.confirmRegistration(db, request.body.token),
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
      const base = publicBaseUrl(config);
      const result = await service.decideRegistration({ db, actor: request.actor }, request.params.id, request.body, base);
      app.mailer?.kick();
      return result;
    },
  );
  done();
};

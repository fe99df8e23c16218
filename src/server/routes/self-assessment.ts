import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { carryForwardInput, carryForwardView, deadlineExtensionInput, reopenInput, saveSelfAssessment, selfAssessment } from '../../shared/contracts/index.ts';
import { candidatePolicy } from '../policies/candidates.ts';
import type { Actor } from '../policies/actor.ts';
import * as service from '../services/self-assessment.ts';
import * as carry from '../services/carry-forward.ts';
import { scopes } from './scope.ts';

const idParams = z.object({ id: z.uuid() });

export const selfAssessmentRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  const scope = scopes(db);
  const ctx = (actor: Actor | null) => ({ db, actor });
  const tags = ['self-assessment'];

  app.get(
    '/candidates/:id/self-assessment',
    {
      config: { policy: candidatePolicy.list },
      schema: { tags, summary: 'The candidate’s self-assessment, its deadline and what is missing', params: idParams, response: { 200: selfAssessment } },
    },
    (request) => service.getSelfAssessment(ctx(request.actor), request.params.id),
  );
  app.put(
    '/candidates/:id/self-assessment',
    {
      config: { policy: candidatePolicy.respond, scope: scope.candidate('fillSelfAssessment') },
      schema: {
        tags,
        summary: 'Save the draft (autosave); `version` must be the one last read, else 409',
        params: idParams,
        body: saveSelfAssessment,
        response: { 200: selfAssessment },
      },
    },
    (request) => service.saveSelfAssessment(ctx(request.actor), request.params.id, request.body),
  );
  app.post(
    '/candidates/:id/self-assessment/submit',
    {
      config: { policy: candidatePolicy.respond, scope: scope.candidate('fillSelfAssessment') },
      schema: { tags, summary: 'Submit before the deadline; afterwards it is read-only', params: idParams, response: { 200: selfAssessment } },
    },
    (request) => service.submitSelfAssessment(ctx(request.actor), request.params.id),
  );
  app.get(
    '/candidates/:id/carry-forward',
    {
      config: { policy: candidatePolicy.list },
      schema: {
        tags,
        summary: 'Regulations and agreements of the organisation’s previous candidacy: offered while in force, expired ones with the reason',
        params: idParams,
        response: { 200: carryForwardView },
      },
    },
    (request) => carry.getCarryForward(ctx(request.actor), request.params.id),
  );
  app.post(
    '/candidates/:id/carry-forward',
    {
      config: { policy: candidatePolicy.respond, scope: scope.candidate('fillSelfAssessment') },
      schema: {
        tags,
        summary: 'Carry the offered regulations and agreements forward into the draft, each marked with its edition, evidence re-linked (audited)',
        params: idParams,
        body: carryForwardInput,
        response: { 200: selfAssessment },
      },
    },
    (request) => carry.carryForward(ctx(request.actor), request.params.id, request.body),
  );
  app.post(
    '/candidates/:id/self-assessment/reopen',
    {
      config: { policy: candidatePolicy.manageAnywhere, scope: scope.candidate('reopenSelfAssessment') },
      schema: { tags, summary: 'Reopen a submitted self-assessment (audited, with a reason)', params: idParams, body: reopenInput, response: { 200: selfAssessment } },
    },
    (request) => service.reopenSelfAssessment(ctx(request.actor), request.params.id, request.body.reason),
  );
  app.post(
    '/candidates/:id/self-assessment/extend',
    {
      config: { policy: candidatePolicy.manageAnywhere, scope: scope.candidate('reopenSelfAssessment') },
      schema: {
        tags,
        summary: 'Extend this candidate’s deadline with a reason (audited): reopens a draft never submitted, moves a revision’s deadline',
        params: idParams,
        body: deadlineExtensionInput,
        response: { 200: selfAssessment },
      },
    },
    (request) => service.extendDeadline(ctx(request.actor), request.params.id, request.body),
  );
  done();
};

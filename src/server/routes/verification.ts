import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adoptInput, earlierVerification, editionProgress, historyEntry, itemDecision, verificationQueueEntry, verificationView } from '../../shared/contracts/index.ts';
import { candidatePolicy } from '../policies/candidates.ts';
import { verificationPolicy } from '../policies/verification.ts';
import type { Actor } from '../policies/actor.ts';
import * as service from '../services/verification.ts';
import * as national from '../services/national-verification.ts';
import { editionProgress as editionProgressOf } from '../services/progress.ts';
import { scopes } from './scope.ts';

const idParams = z.object({ id: z.uuid() });

export const verificationRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  const scope = scopes(db);
  const ctx = (actor: Actor | null) => ({ db, actor });
  const tags = ['verification'];

  app.get(
    '/editions/:id/verification',
    {
      config: { policy: verificationPolicy.queue },
      schema: { tags, summary: 'The verification queue of the provinces in scope', params: idParams, response: { 200: z.array(verificationQueueEntry) } },
    },
    (request) => service.verificationQueue(ctx(request.actor), request.params.id),
  );
  app.get(
    '/candidates/:id/verification',
    {
      config: { policy: candidatePolicy.list },
      schema: { tags, summary: 'Items of the self-assessment with their verification (the candidate’s to-do list)', params: idParams, response: { 200: verificationView } },
    },
    (request) => service.verificationOf(ctx(request.actor), request.params.id),
  );
  app.post(
    '/candidates/:id/verification/items',
    {
      config: { policy: verificationPolicy.decideAnywhere, scope: scope.candidate('verify') },
      schema: { tags, summary: 'Mark an item valid, needing revision (comment, deadline) or rejected', params: idParams, body: itemDecision, response: { 200: verificationView } },
    },
    (request) => service.decideItem(ctx(request.actor), request.params.id, request.body),
  );
  app.post(
    '/candidates/:id/verification/confirm',
    {
      config: { policy: verificationPolicy.decideAnywhere, scope: scope.candidate('verify') },
      schema: { tags, summary: 'Confirm the verification: confirmed values become the candidate’s data values', params: idParams, response: { 200: verificationView } },
    },
    (request) => service.confirmVerification(ctx(request.actor), request.params.id),
  );
  app.get(
    '/candidates/:id/verification/earlier',
    {
      config: { policy: candidatePolicy.list, scope: scope.candidate('see') },
      schema: { tags, summary: 'The verification decisions of the candidacy at its earlier levels (history)', params: idParams, response: { 200: z.array(earlierVerification) } },
    },
    (request) => national.earlierVerifications(ctx(request.actor), request.params.id),
  );
  app.post(
    '/candidates/:id/verification/adopt',
    {
      config: { policy: verificationPolicy.decideAnywhere, scope: scope.candidate('verify') },
      schema: { tags, summary: 'Take over the decisions of the level before on the named items', params: idParams, body: adoptInput, response: { 200: verificationView } },
    },
    (request) => national.adoptEarlierDecisions(ctx(request.actor), request.params.id, request.body),
  );
  app.get(
    '/editions/:id/progress',
    {
      config: { policy: candidatePolicy.list },
      schema: { tags: ['candidates'], summary: 'Candidates per status per province, and what each still lacks', params: idParams, response: { 200: editionProgress } },
    },
    (request) => editionProgressOf(ctx(request.actor), request.params.id),
  );
  app.get(
    '/candidates/:id/history',
    {
      config: { policy: candidatePolicy.list },
      schema: { tags, summary: 'Status history of a candidate', params: idParams, response: { 200: z.array(historyEntry) } },
    },
    (request) => service.candidateHistory(ctx(request.actor), request.params.id),
  );
  done();
};

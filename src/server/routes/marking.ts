import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { interviewSlot, markBatch, markBatchResult, markingSheet, myPool, submitSheetInput } from '../../shared/contracts/index.ts';
import type { Actor } from '../policies/actor.ts';
import { candidatePolicy } from '../policies/candidates.ts';
import { panelPolicy } from '../policies/panels.ts';
import * as marking from '../services/marking.ts';
import { candidateInterviews } from '../services/interviews.ts';
import { scopes } from './scope.ts';

const idParams = z.object({ id: z.uuid() });
const sheetParams = z.object({ id: z.uuid(), candidateId: z.uuid() });

/** A juror's marking, and a candidate's view of its interviews. */
export const markingRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  const scope = scopes(db);
  const ctx = (actor: Actor | null) => ({ db, actor });
  const tags = ['marking'];

  app.get(
    '/editions/:id/my-pools',
    { config: { policy: panelPolicy.juror }, schema: { tags, summary: 'The pools the juror sits on, with their candidates and sheets', params: idParams, response: { 200: z.array(myPool) } } },
    (request) => marking.myPools(ctx(request.actor), request.params.id),
  );
  app.get(
    '/pools/:id/sheets/:candidateId',
    { config: { policy: panelPolicy.juror }, schema: { tags, summary: 'The juror’s marking sheet of a candidate', params: sheetParams, response: { 200: markingSheet } } },
    (request) => marking.markingSheet(ctx(request.actor), request.params.id, request.params.candidateId),
  );
  app.put(
    '/pools/:id/marks',
    {
      config: { policy: panelPolicy.juror, scope: scope.pool('mark') },
      schema: { tags, summary: 'Save marks (idempotent: a write whose seq is not above the stored one changes nothing)', params: idParams, body: markBatch, response: { 200: markBatchResult } },
    },
    (request) => marking.writeMarks(ctx(request.actor), request.params.id, request.body.marks),
  );
  app.post(
    '/pools/:id/sheets/:candidateId/submit',
    { config: { policy: panelPolicy.juror, scope: scope.sheet() }, schema: { tags, summary: 'Submit and lock a sheet of a stage', params: sheetParams, body: submitSheetInput, response: { 200: markingSheet } } },
    (request) => marking.submitSheet(ctx(request.actor), request.params.id, request.params.candidateId, request.body.stage),
  );
  app.get(
    '/candidates/:id/interviews',
    { config: { policy: candidatePolicy.list }, schema: { tags, summary: 'A candidate’s interview: date, time, place or link', params: idParams, response: { 200: z.array(interviewSlot) } } },
    (request) => candidateInterviews(ctx(request.actor), request.params.id),
  );
  done();
};

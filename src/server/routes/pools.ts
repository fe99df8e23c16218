import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assignmentInput,
  attendanceInput,
  interviewSlot,
  moderationReport,
  okBody,
  openStageInput,
  poolDetail,
  poolInput,
  poolResultView,
  poolSummary,
  resultReopenInput,
  slotInput,
  text,
} from '../../shared/contracts/index.ts';
import type { Actor } from '../policies/actor.ts';
import { panelPolicy } from '../policies/panels.ts';
import * as pools from '../services/pools.ts';
import * as interviews from '../services/interviews.ts';
import * as results from '../services/results.ts';
import { minutesPdf } from '../services/minutes.ts';
import { scopes } from './scope.ts';

const idParams = z.object({ id: z.uuid() });
const stageParams = z.object({ id: z.uuid(), stage: text().min(1).max(60) });
const slotParams = z.object({ id: z.uuid(), candidateId: z.uuid() });

/** Pools: who marks whom, stages, interviews, moderation and the frozen results. */
export const poolRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  const scope = scopes(db);
  const ctx = (actor: Actor | null) => ({ db, actor });
  const tags = ['pools'];
  const readers = { policy: panelPolicy.readPools };

  app.get(
    '/editions/:id/pools',
    { config: readers, schema: { tags, summary: 'Pools the caller runs or sits on', params: idParams, response: { 200: z.array(poolSummary) } } },
    (request) => pools.listPools(ctx(request.actor), request.params.id),
  );
  app.post(
    '/editions/:id/pools',
    {
      config: { policy: panelPolicy.manageAnywhere },
      schema: { tags, summary: 'Create the pool of a level, area and category, judged by a panel', params: idParams, body: poolInput, response: { 201: poolSummary } },
    },
    async (request, reply) => reply.status(201).send(await pools.createPool(ctx(request.actor), request.params.id, request.body)),
  );
  app.get(
    '/pools/:id',
    { config: readers, schema: { tags, summary: 'A pool: candidates, panel, conflicts, assignment, interviews and progress', params: idParams, response: { 200: poolDetail } } },
    (request) => pools.poolDetail(ctx(request.actor), request.params.id),
  );
  app.put(
    '/pools/:id/assignments',
    {
      config: { policy: panelPolicy.manageAnywhere, scope: scope.pool('manage') },
      schema: { tags, summary: 'Who marks whom: the whole panel, K per candidate automatically, or by hand', params: idParams, body: assignmentInput, response: { 200: poolDetail } },
    },
    (request) => pools.setAssignments(ctx(request.actor), request.params.id, request.body),
  );
  app.post(
    '/pools/:id/stages/:stage/open',
    {
      config: { ...readers, scope: scope.pool('run') },
      schema: { tags, summary: 'Open a stage for marking (warns when a candidate has fewer than K jurors)', params: stageParams, body: openStageInput, response: { 200: poolDetail } },
    },
    (request) => pools.openStage(ctx(request.actor), request.params.id, request.params.stage, request.body.acknowledgeShortfall),
  );
  app.post(
    '/pools/:id/stages/:stage/close',
    { config: { ...readers, scope: scope.pool('run') }, schema: { tags, summary: 'Close a stage once every sheet is submitted', params: stageParams, response: { 200: poolDetail } } },
    (request) => pools.closeStage(ctx(request.actor), request.params.id, request.params.stage),
  );
  app.put(
    '/pools/:id/slots/:candidateId',
    { config: { ...readers, scope: scope.pool('run') }, schema: { tags, summary: 'Schedule a candidate’s interview', params: slotParams, body: slotInput, response: { 200: interviewSlot } } },
    (request) => interviews.setSlot(ctx(request.actor), request.params.id, request.params.candidateId, request.body),
  );
  app.delete(
    '/pools/:id/slots/:candidateId',
    { config: { ...readers, scope: scope.pool('run') }, schema: { tags, summary: 'Cancel an interview that has not taken place', params: slotParams, response: { 200: okBody } } },
    async (request) => {
      await interviews.removeSlot(ctx(request.actor), request.params.id, request.params.candidateId);
      return { ok: true as const };
    },
  );
  app.post(
    '/pools/:id/slots/:candidateId/attendance',
    { config: { ...readers, scope: scope.pool('run') }, schema: { tags, summary: 'Record who attended the interview for the candidate', params: slotParams, body: attendanceInput, response: { 200: interviewSlot } } },
    (request) => interviews.recordAttendance(ctx(request.actor), request.params.id, request.params.candidateId, request.body),
  );
  app.get(
    '/pools/:id/moderation',
    {
      config: readers,
      schema: { tags, summary: 'Jurors’ marks against the panel and agreement per indicator, after a stage closes', params: idParams, querystring: z.object({ stage: text().min(1).max(60) }), response: { 200: moderationReport } },
    },
    (request) => results.moderationReport(ctx(request.actor), request.params.id, request.query.stage),
  );
  app.get(
    '/pools/:id/result',
    { config: readers, schema: { tags, summary: 'The final result, or a preview once every stage is closed', params: idParams, response: { 200: poolResultView } } },
    (request) => results.previewResult(ctx(request.actor), request.params.id),
  );
  app.get(
    '/pools/:id/results',
    { config: readers, schema: { tags, summary: 'Every version of the pool’s result, newest first', params: idParams, response: { 200: z.array(poolResultView) } } },
    (request) => results.resultHistory(ctx(request.actor), request.params.id),
  );
  app.post(
    '/pools/:id/finalise',
    { config: { policy: panelPolicy.juror, scope: scope.pool('finalise') }, schema: { tags, summary: 'The chair freezes the result; winners advance', params: idParams, response: { 200: poolResultView } } },
    (request) => results.finaliseResult(ctx(request.actor), request.params.id),
  );
  app.post(
    '/pools/:id/reopen',
    {
      config: { policy: panelPolicy.manageAnywhere, scope: scope.pool('reopen') },
      schema: { tags, summary: 'Reopen a final result, with a reason (audited)', params: idParams, body: resultReopenInput, response: { 200: okBody } },
    },
    async (request) => {
      await results.reopenResult(ctx(request.actor), request.params.id, request.body);
      return { ok: true as const };
    },
  );
  app.get(
    '/results/:id/package',
    { config: readers, schema: { tags, summary: 'The frozen scoring package of a result (recompute it with `paritrana score`)', params: idParams } },
    async (request, reply) => {
      const out = await results.exportPackage(ctx(request.actor), request.params.id);
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${out.filename}"`)
        .header('x-package-sha256', out.sha256)
        .header('x-package-redacted', out.redacted ? 'conflicts' : 'no')
        .send(out.text);
    },
  );
  app.get(
    '/results/:id/minutes',
    { config: readers, schema: { tags, summary: 'The panel’s minutes (berita acara) as a PDF', params: idParams } },
    async (request, reply) => {
      const out = await minutesPdf(ctx(request.actor), request.params.id);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${out.filename}"`).send(out.pdf);
    },
  );
  done();
};

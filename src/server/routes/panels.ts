import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { unsurList } from '../../domain/panels/unsur.ts';
import {
  categoryScoring,
  categoryScoringInput,
  conflictDeclaration,
  conflictReview,
  conflictView,
  jurorProfile,
  membersInput,
  okBody,
  panelDetail,
  panelInput,
  unsurOption,
  seatableJuror,
} from '../../shared/contracts/index.ts';
import type { Actor } from '../policies/actor.ts';
import { editionPolicy } from '../policies/editions.ts';
import { panelPolicy } from '../policies/panels.ts';
import * as panels from '../services/panels.ts';
import { getCategoryScoring, saveCategoryScoring } from '../services/scoring-setup.ts';
import { scopes } from './scope.ts';

const idParams = z.object({ id: z.uuid() });

/** Panels, their members, jurors' ties and conflicts, and how each category is scored. */
export const panelRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  const scope = scopes(db);
  const ctx = (actor: Actor | null) => ({ db, actor });
  const tags = ['panels'];

  app.get(
    '/catalogue/unsur',
    { config: { policy: 'signed-in' }, schema: { tags, summary: 'The elements (unsur) a panel member may represent', response: { 200: z.array(unsurOption) } } },
    () => unsurList.map((u) => ({ ...u })),
  );
  app.get(
    '/editions/:id/panels',
    { config: { policy: panelPolicy.readPools }, schema: { tags, summary: 'Panels of the edition the caller runs or sits on', params: idParams, response: { 200: z.array(panelDetail) } } },
    (request) => panels.listPanels(ctx(request.actor), request.params.id),
  );
  app.post(
    '/editions/:id/panels',
    {
      config: { policy: panelPolicy.manageAnywhere },
      schema: { tags, summary: 'Create a panel for a level and area, with its decree', params: idParams, body: panelInput, response: { 201: panelDetail } },
    },
    async (request, reply) => reply.status(201).send(await panels.createPanel(ctx(request.actor), request.params.id, request.body)),
  );
  app.put(
    '/panels/:id',
    { config: { policy: panelPolicy.manageAnywhere, scope: scope.panel() }, schema: { tags, summary: 'Change a panel', params: idParams, body: panelInput, response: { 200: panelDetail } } },
    (request) => panels.updatePanel(ctx(request.actor), request.params.id, request.body),
  );
  app.delete(
    '/panels/:id',
    { config: { policy: panelPolicy.manageAnywhere, scope: scope.panel() }, schema: { tags, summary: 'Remove a panel that judges no pool', params: idParams, response: { 200: okBody } } },
    async (request) => {
      await panels.deletePanel(ctx(request.actor), request.params.id);
      return { ok: true as const };
    },
  );
  app.put(
    '/panels/:id/members',
    {
      config: { policy: panelPolicy.manageAnywhere, scope: scope.panel() },
      schema: { tags, summary: 'Set the members of a panel: jurors with their unsur, one chair', params: idParams, body: membersInput, response: { 200: panelDetail } },
    },
    (request) => panels.replaceMembers(ctx(request.actor), request.params.id, request.body),
  );
  app.get(
    '/jurors',
    {
      config: { policy: panelPolicy.manageAnywhere },
      schema: { tags, summary: 'Active jurors a panel may seat', response: { 200: z.array(seatableJuror) } },
    },
    (request) => panels.listJurors(ctx(request.actor)),
  );
  app.get(
    '/juror/profile',
    { config: { policy: panelPolicy.juror }, schema: { tags, summary: 'The juror’s own institution and ties', response: { 200: jurorProfile } } },
    (request) => panels.getProfile(ctx(request.actor)),
  );
  app.put(
    '/juror/profile',
    {
      config: { policy: panelPolicy.juror },
      schema: { tags, summary: 'Record the regional governments and employers the juror is tied to', body: jurorProfile, response: { 200: jurorProfile } },
    },
    (request) => panels.saveProfile(ctx(request.actor), request.body),
  );
  app.post(
    '/pools/:id/conflicts',
    {
      config: { policy: panelPolicy.juror, scope: scope.pool('declareConflict') },
      schema: { tags, summary: 'Declare a conflict of interest with a candidate of the pool', params: idParams, body: conflictDeclaration, response: { 201: okBody } },
    },
    async (request, reply) => {
      await panels.declareConflict(ctx(request.actor), request.params.id, request.body);
      return reply.status(201).send({ ok: true as const });
    },
  );
  app.post(
    '/conflicts/:id/review',
    {
      config: { policy: panelPolicy.manageAnywhere, scope: scope.conflict('reviewConflicts') },
      schema: { tags, summary: 'Confirm a conflict, or dismiss one found from ties (with a reason)', params: idParams, body: conflictReview, response: { 200: conflictView } },
    },
    (request) => panels.reviewConflict(ctx(request.actor), request.params.id, request.body),
  );
  const categoryParams = z.object({ id: z.uuid(), categoryId: z.uuid() });
  app.get(
    '/editions/:id/categories/:categoryId/scoring',
    { config: { policy: 'signed-in' }, schema: { tags, summary: 'The instrument and method a category is scored with', params: categoryParams, response: { 200: categoryScoring } } },
    (request) => getCategoryScoring(ctx(request.actor), request.params.id, request.params.categoryId),
  );
  app.put(
    '/editions/:id/categories/:categoryId/scoring',
    {
      config: { policy: editionPolicy.configure },
      schema: { tags, summary: 'Edit the edition’s copy of the instrument and the method', params: categoryParams, body: categoryScoringInput, response: { 200: categoryScoring } },
    },
    (request) => saveCategoryScoring(ctx(request.actor), request.params.id, request.params.categoryId, request.body),
  );
  done();
};

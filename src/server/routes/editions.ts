import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  category,
  categoryInput,
  editionCopyInput,
  editionDetail,
  editionEvent,
  editionInput,
  editionPatch,
  editionSummary,
  eventInput,
  level,
  levelInput,
  okBody,
  statusChange,
  timelineInput,
} from '../../shared/contracts/index.ts';
import { editionPolicy } from '../policies/editions.ts';
import type { Actor } from '../policies/actor.ts';
import * as editions from '../services/editions.ts';
import { scopes } from './scope.ts';

const editionParams = z.object({ id: z.uuid() });
const categoryParams = z.object({ id: z.uuid(), categoryId: z.uuid() });
const levelParams = z.object({ id: z.uuid(), levelId: z.uuid() });
const eventParams = z.object({ id: z.uuid(), eventId: z.uuid() });

export const editionRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  const scope = scopes(db);
  const tags = ['editions'];
  const ctx = (actor: Actor | null) => ({ db, actor });

  app.get(
    '/editions',
    { config: { policy: editionPolicy.read }, schema: { tags, summary: 'All editions', response: { 200: z.array(editionSummary) } } },
    () => editions.listEditionSummaries(db),
  );
  app.post(
    '/editions',
    {
      config: { policy: editionPolicy.create },
      schema: { tags, summary: 'Create an edition (draft)', body: editionInput, response: { 201: editionDetail } },
    },
    async (request, reply) => reply.status(201).send(await editions.createEdition(ctx(request.actor), request.body)),
  );
  app.get(
    '/editions/:id',
    {
      config: { policy: editionPolicy.read },
      schema: { tags, summary: 'An edition with its setup', params: editionParams, response: { 200: editionDetail } },
    },
    (request) => editions.getEditionDetail(db, request.params.id, request.actor),
  );
  app.patch(
    '/editions/:id',
    {
      config: { policy: editionPolicy.configure },
      schema: { tags, summary: 'Change label, period or minimum jurors', params: editionParams, body: editionPatch, response: { 200: editionDetail } },
    },
    (request) => editions.updateEdition(ctx(request.actor), request.params.id, request.body),
  );
  app.post(
    '/editions/:id/copy',
    {
      config: { policy: editionPolicy.create },
      schema: {
        tags,
        summary: 'Copy the setup into a new draft edition',
        params: editionParams,
        body: editionCopyInput,
        response: { 201: editionDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await editions.copyEdition(ctx(request.actor), request.params.id, request.body)),
  );
  app.post(
    '/editions/:id/status',
    {
      config: { policy: editionPolicy.changeStatus },
      schema: { tags, summary: 'Move the edition to its next status', params: editionParams, body: statusChange, response: { 200: editionDetail } },
    },
    (request) => editions.changeEditionStatus(ctx(request.actor), request.params.id, request.body.status),
  );
  app.put(
    '/editions/:id/timeline',
    {
      config: { policy: editionPolicy.configure },
      schema: { tags, summary: 'Replace the timeline milestones', params: editionParams, body: timelineInput, response: { 200: editionDetail } },
    },
    (request) => editions.replaceTimeline(ctx(request.actor), request.params.id, request.body.milestones),
  );

  app.post(
    '/editions/:id/categories',
    {
      config: { policy: editionPolicy.configure },
      schema: { tags, summary: 'Add a category', params: editionParams, body: categoryInput, response: { 201: category } },
    },
    async (request, reply) => reply.status(201).send(await editions.addCategory(ctx(request.actor), request.params.id, request.body)),
  );
  app.patch(
    '/editions/:id/categories/:categoryId',
    {
      config: { policy: editionPolicy.configure },
      schema: { tags, summary: 'Change a category', params: categoryParams, body: categoryInput, response: { 200: category } },
    },
    (request) => editions.updateCategory(ctx(request.actor), request.params.id, request.params.categoryId, request.body),
  );
  app.delete(
    '/editions/:id/categories/:categoryId',
    {
      config: { policy: editionPolicy.configure },
      schema: { tags, summary: 'Remove a category without candidates', params: categoryParams, response: { 200: okBody } },
    },
    async (request) => {
      await editions.removeCategory(ctx(request.actor), request.params.id, request.params.categoryId);
      return { ok: true as const };
    },
  );

  app.post(
    '/editions/:id/levels',
    {
      config: { policy: editionPolicy.configure },
      schema: { tags, summary: 'Add a level (e.g. a zone)', params: editionParams, body: levelInput, response: { 201: level } },
    },
    async (request, reply) => reply.status(201).send(await editions.addLevel(ctx(request.actor), request.params.id, request.body)),
  );
  app.patch(
    '/editions/:id/levels/:levelId',
    {
      config: { policy: editionPolicy.configure },
      schema: { tags, summary: 'Change a level', params: levelParams, body: levelInput, response: { 200: level } },
    },
    (request) => editions.updateLevel(ctx(request.actor), request.params.id, request.params.levelId, request.body),
  );
  app.delete(
    '/editions/:id/levels/:levelId',
    {
      config: { policy: editionPolicy.configure },
      schema: { tags, summary: 'Remove a level no category uses', params: levelParams, response: { 200: okBody } },
    },
    async (request) => {
      await editions.removeLevel(ctx(request.actor), request.params.id, request.params.levelId);
      return { ok: true as const };
    },
  );

  app.post(
    '/editions/:id/events',
    {
      config: { policy: editionPolicy.manageEventsAnywhere },
      schema: { tags, summary: 'Add an event in a province: socialization, or its award ceremony (one per province)', params: editionParams, body: eventInput, response: { 201: editionEvent } },
    },
    async (request, reply) => reply.status(201).send(await editions.addEvent(ctx(request.actor), request.params.id, request.body)),
  );
  app.patch(
    '/editions/:id/events/:eventId',
    {
      config: { policy: editionPolicy.manageEventsAnywhere, scope: scope.event() },
      schema: { tags, summary: 'Change an event in a province', params: eventParams, body: eventInput, response: { 200: editionEvent } },
    },
    (request) => editions.updateEvent(ctx(request.actor), request.params.id, request.params.eventId, request.body),
  );
  app.delete(
    '/editions/:id/events/:eventId',
    {
      config: { policy: editionPolicy.manageEventsAnywhere, scope: scope.event() },
      schema: { tags, summary: 'Remove a socialization event', params: eventParams, response: { 200: okBody } },
    },
    async (request) => {
      await editions.removeEvent(ctx(request.actor), request.params.id, request.params.eventId);
      return { ok: true as const };
    },
  );
  done();
};

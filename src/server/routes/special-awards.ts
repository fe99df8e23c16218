import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okBody, specialAward, specialAwardDetail, specialAwardInput } from '../../shared/contracts/index.ts';
import { specialAwardPolicy } from '../policies/special-awards.ts';
import type { Actor } from '../policies/actor.ts';
import * as service from '../services/special-awards.ts';

const editionParams = z.object({ id: z.uuid() });
const awardParams = z.object({ id: z.uuid(), awardId: z.uuid() });
const entryParams = z.object({ id: z.uuid(), awardId: z.uuid(), candidateId: z.uuid() });

/** Special awards (kategori khusus) of an edition and their entrants (docs/special-awards.md). */
export const specialAwardRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  const ctx = (actor: Actor | null) => ({ db, actor });
  const tags = ['editions'];
  const policy = specialAwardPolicy.manage;

  app.get(
    '/editions/:id/special-awards',
    { config: { policy }, schema: { tags, summary: 'The special awards of an edition with their entrants', params: editionParams, response: { 200: z.array(specialAward) } } },
    (request) => service.listSpecialAwards(ctx(request.actor), request.params.id),
  );
  app.post(
    '/editions/:id/special-awards',
    {
      config: { policy },
      schema: { tags, summary: 'Define a special award: its level, source categories, entry rule and winners (audited)', params: editionParams, body: specialAwardInput, response: { 201: specialAward } },
    },
    async (request, reply) => reply.status(201).send(await service.createSpecialAward(ctx(request.actor), request.params.id, request.body)),
  );
  app.get(
    '/editions/:id/special-awards/:awardId',
    {
      config: { policy },
      schema: { tags, summary: 'A special award with the candidacies that may enter it', params: awardParams, response: { 200: specialAwardDetail } },
    },
    (request) => service.getSpecialAward(ctx(request.actor), request.params.id, request.params.awardId),
  );
  app.put(
    '/editions/:id/special-awards/:awardId',
    { config: { policy }, schema: { tags, summary: 'Change a special award (audited)', params: awardParams, body: specialAwardInput, response: { 200: specialAward } } },
    (request) => service.updateSpecialAward(ctx(request.actor), request.params.id, request.params.awardId, request.body),
  );
  app.delete(
    '/editions/:id/special-awards/:awardId',
    { config: { policy }, schema: { tags, summary: 'Remove a special award without a pool (audited)', params: awardParams, response: { 200: okBody } } },
    async (request) => {
      await service.removeSpecialAward(ctx(request.actor), request.params.id, request.params.awardId);
      return { ok: true as const };
    },
  );
  app.post(
    '/editions/:id/special-awards/:awardId/fill',
    { config: { policy }, schema: { tags, summary: 'Enter the candidacies the award’s rule chooses (audited)', params: awardParams, response: { 200: specialAward } } },
    (request) => service.fillSpecialAward(ctx(request.actor), request.params.id, request.params.awardId),
  );
  app.put(
    '/editions/:id/special-awards/:awardId/entries/:candidateId',
    { config: { policy }, schema: { tags, summary: 'Enter a candidacy by hand (audited)', params: entryParams, response: { 200: specialAward } } },
    (request) => service.enterCandidate(ctx(request.actor), request.params.id, request.params.awardId, request.params.candidateId),
  );
  app.delete(
    '/editions/:id/special-awards/:awardId/entries/:candidateId',
    { config: { policy }, schema: { tags, summary: 'Take an entrant out before marking starts (audited)', params: entryParams, response: { 200: specialAward } } },
    (request) => service.removeEntry(ctx(request.actor), request.params.id, request.params.awardId, request.params.candidateId),
  );
  done();
};

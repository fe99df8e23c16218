import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userInput, userPatch, userSummary } from '../../shared/contracts/index.ts';
import { userPolicy } from '../policies/users.ts';
import { createUser, listUserSummaries, updateUserAccount } from '../services/users.ts';

export const userRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  const tags = ['users'];

  app.get(
    '/users',
    { config: { policy: userPolicy.list }, schema: { tags, summary: 'All accounts with their roles', response: { 200: z.array(userSummary) } } },
    () => listUserSummaries(db),
  );
  app.post(
    '/users',
    { config: { policy: userPolicy.create }, schema: { tags, summary: 'Create an account', body: userInput, response: { 201: userSummary } } },
    async (request, reply) => reply.status(201).send(await createUser({ db, actor: request.actor }, request.body)),
  );
  app.patch(
    '/users/:id',
    {
      config: { policy: userPolicy.update },
      schema: { tags, summary: 'Change, deactivate or reset an account', params: z.object({ id: z.uuid() }), body: userPatch, response: { 200: userSummary } },
    },
    (request) => updateUserAccount({ db, actor: request.actor }, request.params.id, request.body),
  );
  done();
};

import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  handover,
  handoverInput,
  pressRelease,
  pressReleaseEdit,
  pressReleaseGenerate,
  publicationStatus,
  signatoriesInput,
  signatory,
  withdrawInput,
} from '../../shared/contracts/index.ts';
import type { Actor } from '../policies/actor.ts';
import { publicationPolicy } from '../policies/publication.ts';
import * as handovers from '../services/handovers.ts';
import * as publication from '../services/publication.ts';
import * as releases from '../services/press-releases.ts';
import * as signatories from '../services/signatories.ts';
import { scopes } from './scope.ts';

const idParams = z.object({ id: z.uuid() });

/** The committee's side of publication: publish and withdraw, signatories, press releases. */
export const publicationRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  const scope = scopes(db);
  const ctx = (actor: Actor | null) => ({ db, actor });
  const tags = ['publication'];
  const manage = { policy: publicationPolicy.manage };

  app.get(
    '/pools/:id/publication',
    { config: manage, schema: { tags, summary: 'A pool’s publication: its current result, what stops publishing, certificates and press releases', params: idParams, response: { 200: publicationStatus } } },
    (request) => publication.publicationStatus(ctx(request.actor), request.params.id),
  );
  app.post(
    '/pools/:id/publish',
    {
      config: { ...manage, scope: scope.pool('publish') },
      schema: { tags, summary: 'Publish the pool’s current final result: freeze its public view and sign the winners’ certificates (audited)', params: idParams, response: { 200: publicationStatus } },
    },
    (request) => publication.publishResult(ctx(request.actor), request.params.id),
  );
  app.post(
    '/pools/:id/withdraw',
    { config: { ...manage, scope: scope.pool('publish') }, schema: { tags, summary: 'Withdraw a publication, with a reason (audited)', params: idParams, body: withdrawInput, response: { 200: publicationStatus } } },
    (request) => publication.withdrawPublication(ctx(request.actor), request.params.id, request.body.reason),
  );
  app.put(
    '/pools/:id/handover',
    {
      config: { ...manage, scope: scope.pool('publish') },
      schema: {
        tags,
        summary: 'Record how the pool’s awards were actually handed over: presenter, another event, who received for each winner (replaces the record; audited)',
        params: idParams,
        body: handoverInput,
        response: { 200: handover },
      },
    },
    (request) => handovers.saveHandover(ctx(request.actor), request.params.id, request.body),
  );
  app.get(
    '/editions/:id/signatories',
    { config: manage, schema: { tags, summary: 'Who signs the certificates of each level (and province)', params: idParams, response: { 200: z.array(signatory) } } },
    (request) => signatories.listSignatories(ctx(request.actor), request.params.id),
  );
  app.put(
    '/editions/:id/signatories',
    {
      config: { policy: publicationPolicy.national },
      schema: { tags, summary: 'Set the signatories of the certificates (replaces the list; audited)', params: idParams, body: signatoriesInput, response: { 200: z.array(signatory) } },
    },
    (request) => signatories.replaceSignatories(ctx(request.actor), request.params.id, request.body.signatories),
  );
  app.post(
    '/results/:id/press-releases',
    {
      config: { ...manage, scope: scope.result('publish') },
      schema: { tags, summary: 'Draft (or draft again) the press release about a winner from the facts the system holds', params: idParams, body: pressReleaseGenerate, response: { 200: pressRelease } },
    },
    (request) => releases.generatePressRelease(ctx(request.actor), request.params.id, request.body.candidateId),
  );
  app.get(
    '/press-releases/:id',
    { config: manage, schema: { tags, summary: 'A press release with the facts behind each sentence', params: idParams, response: { 200: pressRelease } } },
    (request) => releases.getPressRelease(ctx(request.actor), request.params.id),
  );
  app.put(
    '/press-releases/:id',
    { config: { ...manage, scope: scope.pressRelease('publish') }, schema: { tags, summary: 'Save an edit of a press release (refused when it changed meanwhile; audited)', params: idParams, body: pressReleaseEdit, response: { 200: pressRelease } } },
    (request) => releases.editPressRelease(ctx(request.actor), request.params.id, request.body),
  );
  done();
};

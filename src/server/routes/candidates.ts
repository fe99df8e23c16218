import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import {
  acceptInvitation,
  candidateDetail,
  candidateInput,
  candidatePatch,
  candidateResponse,
  candidateSummary,
  jobAccepted,
  invitationSummary,
  inviteInput,
  okBody,
  outboxDecision,
  outboxMessage,
  text,
} from '../../shared/contracts/index.ts';
import { listCandidates } from '../../db/repositories/candidates.ts';
import { listCategories } from '../../db/repositories/editions.ts';
import { candidatePolicy } from '../policies/candidates.ts';
import { publicBaseUrl } from './base-url.ts';
import type { Actor } from '../policies/actor.ts';
import * as candidates from '../services/candidates.ts';
import { candidateTemplate, maxImportRows, readCandidateSheet } from '../services/candidate-sheet.ts';
import { queueCandidateImport } from '../services/candidate-import.ts';
import * as invitations from '../services/invitations.ts';
import { decideUncertainMessage, listMessages } from '../services/outbox.ts';
import { scopes } from './scope.ts';
import { requestReceived } from '../request-received.ts';

const idParams = z.object({ id: z.uuid() });

export const candidateRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  const scope = scopes(db);
  const { config } = app.deps;
  const ctx = (actor: Actor | null) => ({ db, actor });
  const tags = ['candidates'];

  app.get(
    '/editions/:id/candidates',
    {
      config: { policy: candidatePolicy.list },
      schema: { tags, summary: 'Candidates of an edition the user may see', params: idParams, response: { 200: z.array(candidateSummary) } },
    },
    async (request) =>
      (await listCandidates(db, request.params.id, candidatePolicy.scope(request.actor!))).map((c) => ({
        id: c.id,
        editionId: c.editionId,
        categoryId: c.categoryId,
        categoryCode: c.categoryCode,
        level: c.level,
        provinceCode: c.provinceCode,
        kind: c.kind,
        regencyCode: c.regencyCode,
        villageCode: c.villageCode,
        npp: c.npp,
        name: c.name,
        status: c.status,
      })),
  );
  app.post(
    '/editions/:id/candidates',
    {
      config: { policy: candidatePolicy.manageAnywhere },
      schema: { tags, summary: 'Nominate a regional government (Kemendagri code) or an employer (NPP)', params: idParams, body: candidateInput, response: { 201: candidateDetail } },
    },
    async (request, reply) => reply.status(201).send(await candidates.createCandidate(ctx(request.actor), request.params.id, request.body)),
  );
  app.get(
    '/editions/:id/candidates/template',
    {
      config: { policy: candidatePolicy.manageAnywhere },
      schema: {
        tags,
        summary: 'The candidate import template (XLSX or CSV) with the edition’s categories',
        params: idParams,
        querystring: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
      },
    },
    async (request, reply) => {
      const cats = await listCategories(db, request.params.id);
      const format = request.query.format;
      const body = await candidateTemplate(format, cats);
      return reply
        .header('content-disposition', `attachment; filename="templat-kandidat.${format}"`)
        .type(format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8')
        .send(body);
    },
  );
  app.post(
    '/editions/:id/candidates/import',
    {
      config: { policy: candidatePolicy.manageAnywhere },
      schema: {
        tags,
        summary: 'Import candidates of a province from the template (multipart, one file): all rows or none',
        description: `Every row is checked and stored, not yet visible, before the answer (400 names each bad row and column). A job then publishes them all at once: answers 202 with its id; follow it at /api/jobs/{id}. At most ${maxImportRows} rows per file.`,
        consumes: ['multipart/form-data'],
        params: idParams,
        querystring: z.object({ province: z.string().regex(/^\d{2}$/) }),
        response: { 202: jobAccepted },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Kirim berkas sebagai multipart/form-data');
      const file = await request.file({ limits: { fileSize: 10 * 1024 * 1024 } });
      if (!file) throw new AppError('VALIDATION_FAILED', 'Tidak ada berkas', [{ path: 'file', message: 'wajib' }]);
      const bytes = await file.toBuffer();
      requestReceived(request);
      const rows = await readCandidateSheet(bytes);
      const job = await queueCandidateImport(ctx(request.actor), request.params.id, request.query.province, rows, { instance: app.jobs.instance, leaseMs: app.jobs.leaseMs });
      app.jobs.kick();
      return reply.status(202).send({ jobId: job.id });
    },
  );
  app.get(
    '/candidates/:id',
    { config: { policy: candidatePolicy.list }, schema: { tags, summary: 'One candidate', params: idParams, response: { 200: candidateDetail } } },
    (request) => candidates.getCandidate(ctx(request.actor), request.params.id),
  );
  app.patch(
    '/candidates/:id',
    {
      config: { policy: candidatePolicy.editAnywhere, scope: scope.candidate('edit') },
      schema: { tags, summary: 'Change a candidate’s details and contacts', params: idParams, body: candidatePatch, response: { 200: candidateDetail } },
    },
    (request) => candidates.updateCandidateDetails(ctx(request.actor), request.params.id, request.body),
  );
  app.post(
    '/candidates/:id/response',
    {
      config: { policy: candidatePolicy.respond, scope: scope.candidate('respond') },
      schema: { tags, summary: 'The candidate accepts or declines its nomination', params: idParams, body: candidateResponse, response: { 200: candidateDetail } },
    },
    (request) => candidates.respondToNomination(ctx(request.actor), request.params.id, request.body),
  );
  app.post(
    '/candidates/:id/invitations',
    {
      config: { policy: candidatePolicy.manageAnywhere, scope: scope.candidate('invite') },
      schema: { tags, summary: 'Invite a person by e-mail to act for the candidate', params: idParams, body: inviteInput, response: { 201: invitationSummary } },
    },
    async (request, reply) => {
      const base = publicBaseUrl(config);
      const invitation = await invitations.inviteCandidateUser(ctx(request.actor), request.params.id, request.body.email, base);
      app.mailer?.kick();
      return reply.status(201).send(invitation);
    },
  );
  app.get(
    '/candidates/:id/invitations',
    {
      config: { policy: candidatePolicy.manageAnywhere },
      schema: { tags, summary: 'Invitations sent for a candidate', params: idParams, response: { 200: z.array(invitationSummary) } },
    },
    (request) => invitations.listInvitations(ctx(request.actor), request.params.id),
  );
  app.post(
    '/invitations/accept',
    {
      config: { policy: 'public', rateLimit: { max: config.login.ratePerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Redeem an invitation: create the account, or, signed in as the invited e-mail’s candidate account, join with it',
        body: acceptInvitation.extend({ token: text().min(10).max(100) }),
        response: { 200: okBody.extend({ email: z.string(), joined: z.boolean() }) },
      },
    },
    async (request) => {
      // The signed-in account joins only by a request of its own page (with its CSRF token).
      const actor = request.actor && request.headers['x-csrf-token'] === request.actor.csrfToken ? request.actor : null;
      const { token, ...input } = request.body;
      return { ok: true as const, ...(await invitations.acceptInvitation(db, token, input, actor)) };
    },
  );
  app.get(
    '/outbox',
    {
      config: { policy: candidatePolicy.readOutbox },
      schema: {
        tags: ['messages'],
        summary: 'E-mails the app has queued (and sent, with SMTP): all for the national admin, a province’s for its admin',
        response: { 200: z.array(outboxMessage) },
      },
    },
    (request) => listMessages(ctx(request.actor)),
  );
  app.post(
    '/outbox/:id/decision',
    {
      config: { policy: candidatePolicy.readOutbox },
      schema: {
        tags: ['messages'],
        summary: 'Decide on a message whose delivery is uncertain: it arrived (`sent`) or send it again (`resend`); the admins of its province',
        params: idParams,
        body: outboxDecision,
        response: { 200: outboxMessage },
      },
    },
    async (request) => {
      const message = await decideUncertainMessage(ctx(request.actor), request.params.id, request.body.decision);
      if (message.status === 'queued') app.mailer?.kick();
      return message;
    },
  );
  done();
};

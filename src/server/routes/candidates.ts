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
  importResult,
  invitationSummary,
  inviteInput,
  okBody,
  outboxMessage,
} from '../../shared/contracts/index.ts';
import { listCandidates } from '../../db/repositories/candidates.ts';
import { listCategories } from '../../db/repositories/editions.ts';
import { candidatePolicy } from '../policies/candidates.ts';
import type { Actor } from '../policies/actor.ts';
import * as candidates from '../services/candidates.ts';
import { candidateTemplate, readCandidateSheet } from '../services/candidate-sheet.ts';
import * as invitations from '../services/invitations.ts';
import { listMessages } from '../services/outbox.ts';
import { scopes } from './scope.ts';

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
        consumes: ['multipart/form-data'],
        params: idParams,
        querystring: z.object({ province: z.string().regex(/^\d{2}$/) }),
        response: { 200: importResult },
      },
    },
    async (request) => {
      if (!request.isMultipart()) throw new AppError('VALIDATION_FAILED', 'Kirim berkas sebagai multipart/form-data');
      const file = await request.file({ limits: { fileSize: 10 * 1024 * 1024 } });
      if (!file) throw new AppError('VALIDATION_FAILED', 'Tidak ada berkas', [{ path: 'file', message: 'wajib' }]);
      const rows = await readCandidateSheet(await file.toBuffer());
      return candidates.importCandidates(ctx(request.actor), request.params.id, request.query.province, rows);
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
      const base = config.publicUrl ?? `${request.protocol}://${request.host}`;
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
        summary: 'Redeem an invitation link: create the account (or join with an existing one)',
        body: acceptInvitation.extend({ token: z.string().min(10).max(100) }),
        response: { 200: okBody.extend({ email: z.string() }) },
      },
    },
    async (request) => ({ ok: true as const, ...(await invitations.acceptInvitation(db, request.body.token, request.body)) }),
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
  done();
};

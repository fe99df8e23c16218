import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import {
  staffImportQuery,
  staffImportResult,
  staffInvitationAccept,
  staffInvitationLookup,
  staffInvitationSummary,
  staffInvitationView,
  userInput,
  twoFactorReset,
  userPatch,
  userSummary,
} from '../../shared/contracts/index.ts';
import { userPolicy } from '../policies/users.ts';
import type { ResourceScope } from '../policies/types.ts';
import { authorizeManagedUser, createUser, listUserSummaries, resetTwoFactor, updateUserAccount } from '../services/users.ts';
import * as invitations from '../services/staff-invitations.ts';
import { importStaff, readStaffSheet, staffTemplate } from '../services/staff-import.ts';
import { publicBaseUrl } from './base-url.ts';
import { requestReceived } from '../request-received.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const userRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  const base = publicBaseUrl(app.deps.config);
  const tags = ['users'];
  const idParams = z.object({ id: z.uuid() });
  /** `/users/:id`: the actor manages the account (a malformed id is left to validation). */
  const managedUser: ResourceScope = async (actor, params) => {
    if (uuidPattern.test(params.id ?? '')) await authorizeManagedUser(db, actor, params.id!);
  };
  /** `/staff-invitations/:id/...`: the actor manages the invited account. */
  const managedInvitation: ResourceScope = async (actor, params) => {
    if (uuidPattern.test(params.id ?? '')) await invitations.managedInvitation(db, actor, params.id!);
  };

  app.get(
    '/users',
    {
      config: { policy: userPolicy.list },
      schema: { tags, summary: 'The accounts the caller manages (a provincial admin: its province’s verifiers, jurors and candidate users)', response: { 200: z.array(userSummary) } },
    },
    (request) => listUserSummaries({ db, actor: request.actor }),
  );
  app.post(
    '/users',
    {
      config: { policy: userPolicy.create },
      schema: {
        tags,
        summary: 'Create an account with a password, or by invitation (`invite: true`: a link to set one’s own password goes to the outbox)',
        body: userInput,
        response: { 201: userSummary },
      },
    },
    async (request, reply) => reply.status(201).send(await createUser({ db, actor: request.actor }, request.body, base)),
  );
  app.patch(
    '/users/:id',
    {
      config: { policy: userPolicy.update, scope: managedUser },
      schema: { tags, summary: 'Change, deactivate, reactivate or reset an account', params: idParams, body: userPatch, response: { 200: userSummary } },
    },
    (request) => updateUserAccount({ db, actor: request.actor }, request.params.id, request.body),
  );
  app.post(
    '/users/:id/two-factor/reset',
    {
      config: { policy: userPolicy.update, scope: managedUser },
      schema: {
        tags,
        summary: 'Switch off the two-step verification of an account one manages (its owner lost the app and the recovery codes), with a reason: every session of the account ends, the owner is told by e-mail, audited',
        params: idParams,
        body: twoFactorReset,
        response: { 200: userSummary },
      },
    },
    (request) => resetTwoFactor({ db, actor: request.actor }, request.params.id, request.body),
  );
  app.get(
    '/users/template',
    {
      config: { policy: userPolicy.create },
      schema: { tags, summary: 'The bulk invitation template (XLSX or CSV): the header row only', querystring: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }) },
    },
    async (request, reply) => {
      const format = request.query.format;
      return reply
        .header('content-disposition', `attachment; filename="templat-undangan-staf.${format}"`)
        .type(format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8')
        .send(await staffTemplate(format));
    },
  );
  app.post(
    '/users/import',
    {
      config: { policy: userPolicy.create },
      schema: {
        tags,
        summary: 'Invite a province’s verifiers or jurors from a sheet (multipart, one file), optionally seating the jurors on a panel: all rows or none',
        description: 'Every row is checked first; 400 names each bad row, column and reason. Then the accounts, their invitations and seats are written in one transaction.',
        consumes: ['multipart/form-data'],
        querystring: staffImportQuery,
        response: { 201: staffImportResult },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data');
      const file = await request.file({ limits: { fileSize: 5 * 1024 * 1024 } });
      if (!file) throw new AppError('VALIDATION_FAILED', 'No file', [{ path: 'file', message: 'required' }]);
      const bytes = await file.toBuffer();
      requestReceived(request);
      const rows = await readStaffSheet(bytes);
      return reply.status(201).send(await importStaff({ db, actor: request.actor }, request.query, rows, base));
    },
  );
  app.get(
    '/staff-invitations',
    {
      config: { policy: userPolicy.list },
      schema: { tags, summary: 'The latest invitation of each account the caller manages, with its state', response: { 200: z.array(staffInvitationSummary) } },
    },
    (request) => invitations.listStaffInvitations({ db, actor: request.actor }),
  );
  app.post(
    '/staff-invitations/:id/revoke',
    {
      config: { policy: userPolicy.update, scope: managedInvitation },
      schema: { tags, summary: 'Revoke an invitation: its link stops working', params: idParams, response: { 200: staffInvitationSummary } },
    },
    (request) => invitations.revokeStaffInvitation({ db, actor: request.actor }, request.params.id),
  );
  app.post(
    '/staff-invitations/:id/resend',
    {
      config: { policy: userPolicy.update, scope: managedInvitation },
      schema: { tags, summary: 'Send a new link for an invitation not yet accepted; the earlier link stops working', params: idParams, response: { 201: staffInvitationSummary } },
    },
    async (request, reply) => reply.status(201).send(await invitations.resendStaffInvitation({ db, actor: request.actor }, request.params.id, base)),
  );
  app.post(
    '/staff-invitations/lookup',
    {
      config: { policy: 'public' },
      schema: { tags, summary: 'The account an open invitation link is for (the token in the body, never in a URL)', body: staffInvitationLookup, response: { 200: staffInvitationView } },
    },
    (request) => invitations.lookupStaffInvitation(db, request.body.token),
  );
  app.post(
    '/staff-invitations/accept',
    {
      config: { policy: 'public' },
      schema: { tags, summary: 'Accept a staff invitation: set one’s name and password (once)', body: staffInvitationAccept, response: { 200: z.object({ ok: z.literal(true), email: z.string() }) } },
    },
    async (request) => ({ ok: true as const, ...(await invitations.acceptStaffInvitation(db, request.body)) }),
  );
  done();
};

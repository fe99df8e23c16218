import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  notificationItem,
  notificationList,
  notificationPreferences,
  notificationTemplate,
  outboxMessage,
  outboxStatus,
  templateLocale,
  templatePreview,
  templateText,
} from '../../shared/contracts/index.ts';
import type { Actor } from '../policies/actor.ts';
import { candidatePolicy } from '../policies/candidates.ts';
import { notificationPolicy } from '../policies/notifications.ts';
import * as service from '../services/notifications.ts';
import { markMessageHanded } from '../services/outbox.ts';

export const notificationRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  const ctx = (actor: Actor | null) => ({ db, actor });
  const templateParams = z.object({ kind: z.string().max(60), locale: templateLocale });

  app.get(
    '/notifications',
    {
      config: { policy: notificationPolicy.own },
      schema: { tags: ['notifications'], summary: 'The signed-in user’s notifications, newest first, with the unread count', response: { 200: notificationList } },
    },
    (request) => service.myNotifications(ctx(request.actor)),
  );
  app.post(
    '/notifications/:id/read',
    {
      config: { policy: notificationPolicy.own },
      schema: { tags: ['notifications'], summary: 'Mark one of your notifications read', params: z.object({ id: z.uuid() }), response: { 200: notificationItem } },
    },
    (request) => service.readNotification(ctx(request.actor), request.params.id),
  );
  app.post(
    '/notifications/read-all',
    {
      config: { policy: notificationPolicy.own },
      schema: { tags: ['notifications'], summary: 'Mark all your notifications read', response: { 200: z.object({ marked: z.number() }) } },
    },
    (request) => service.readAllNotifications(ctx(request.actor)),
  );
  app.get(
    '/notifications/preferences',
    {
      config: { policy: notificationPolicy.own },
      schema: { tags: ['notifications'], summary: 'Your e-mail choices', response: { 200: notificationPreferences } },
    },
    (request) => service.myPreferences(ctx(request.actor)),
  );
  app.put(
    '/notifications/preferences',
    {
      config: { policy: notificationPolicy.own },
      schema: {
        tags: ['notifications'],
        summary: 'Turn reminder e-mails off or take a daily digest (committee accounts); decisions and deadlines are always e-mailed',
        body: notificationPreferences,
        response: { 200: notificationPreferences },
      },
    },
    (request) => service.savePreferences(ctx(request.actor), request.body),
  );
  app.get(
    '/notification-templates',
    {
      config: { policy: notificationPolicy.templates },
      schema: { tags: ['notifications'], summary: 'Every message template per language, its default and the facts it may use', response: { 200: z.array(notificationTemplate) } },
    },
    (request) => service.listTemplates(ctx(request.actor)),
  );
  app.put(
    '/notification-templates/:kind/:locale',
    {
      config: { policy: notificationPolicy.templates },
      schema: {
        tags: ['notifications'],
        summary: 'Replace a template in one language; an unknown placeholder or an unclosed one is refused (400)',
        params: templateParams,
        body: templateText,
        response: { 200: notificationTemplate },
      },
    },
    (request) => service.saveTemplate(ctx(request.actor), request.params.kind, request.params.locale, request.body),
  );
  app.delete(
    '/notification-templates/:kind/:locale',
    {
      config: { policy: notificationPolicy.templates },
      schema: { tags: ['notifications'], summary: 'Return a template to its default text', params: templateParams, response: { 200: notificationTemplate } },
    },
    (request) => service.resetTemplate(ctx(request.actor), request.params.kind, request.params.locale),
  );
  app.post(
    '/notification-templates/:kind/preview',
    {
      config: { policy: notificationPolicy.templates },
      schema: {
        tags: ['notifications'],
        summary: 'A template filled with sample facts (nothing is saved)',
        params: z.object({ kind: z.string().max(60) }),
        body: templateText,
        response: { 200: templatePreview },
      },
    },
    (request) => service.previewTemplate(request.params.kind, request.body),
  );
  app.get(
    '/outbox/status',
    {
      config: { policy: candidatePolicy.readOutbox },
      schema: { tags: ['messages'], summary: 'Whether this server sends e-mail (without a mail server, admins pass messages on by hand)', response: { 200: outboxStatus } },
    },
    () => ({ mailServer: app.mailer !== null }),
  );
  app.post(
    '/outbox/:id/handed',
    {
      config: { policy: candidatePolicy.readOutbox },
      schema: {
        tags: ['messages'],
        summary: 'Record that a queued message was passed on by hand (no mail server); the admins of its province',
        params: z.object({ id: z.uuid() }),
        response: { 200: outboxMessage },
      },
    },
    (request) => markMessageHanded(ctx(request.actor), request.params.id),
  );
  done();
};

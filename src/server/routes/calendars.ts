import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { provinceCalendar, provinceCalendarInput, provinceCalendars } from '../../shared/contracts/index.ts';
import { calendarPolicy } from '../policies/calendars.ts';
import type { Actor } from '../policies/actor.ts';
import * as service from '../services/calendars.ts';

const editionParams = z.object({ id: z.uuid() });
const provinceParams = z.object({ id: z.uuid(), code: z.string().regex(/^\d{2}$/) });

/** Each province on its own calendar (docs/levels-and-calendars.md). */
export const calendarRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  const ctx = (actor: Actor | null) => ({ db, actor });
  const tags = ['editions'];

  app.get(
    '/editions/:id/province-calendars',
    {
      config: { policy: calendarPolicy.read },
      schema: { tags, summary: 'The national window and each province’s own dates', params: editionParams, response: { 200: provinceCalendars } },
    },
    (request) => service.listCalendars(ctx(request.actor), request.params.id),
  );
  app.put(
    '/editions/:id/province-calendars/:code',
    {
      config: { policy: calendarPolicy.manageAnywhere },
      schema: {
        tags,
        summary: 'Set a province’s own dates within the national window, in order (audited)',
        params: provinceParams,
        body: provinceCalendarInput,
        response: { 200: provinceCalendar },
      },
    },
    (request) => service.setProvinceCalendar(ctx(request.actor), request.params.id, request.params.code, request.body),
  );
  done();
};

import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../domain/errors.ts';
import { province, regency, regencyQuery, village, villageQuery } from '../../shared/contracts/index.ts';
import { findProvince, findRegency, listProvinces, searchRegencies } from '../../db/repositories/regions.ts';
import { searchVillages } from '../../db/repositories/villages.ts';

/** Provinces and regencies/cities (Kemendagri codes): public reference data. */
export const regionRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  const tags = ['regions'];

  app.get(
    '/regions/provinces',
    { config: { policy: 'public' }, schema: { tags, summary: 'The 38 provinces', response: { 200: z.array(province) } } },
    () => listProvinces(db),
  );
  app.get(
    '/regions/provinces/:code',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary: 'One province with its regencies/cities',
        params: z.object({ code: z.string().regex(/^\d{2}$/) }),
        response: { 200: province.extend({ regencies: z.array(regency) }) },
      },
    },
    async (request) => {
      const found = await findProvince(db, request.params.code);
      if (!found) throw notFound('province');
      return { ...found, regencies: await searchRegencies(db, { province: found.code }) };
    },
  );
  app.get(
    '/regions/regencies',
    {
      config: { policy: 'public' },
      schema: { tags, summary: 'Regencies/cities by province and/or name', querystring: regencyQuery, response: { 200: z.array(regency) } },
    },
    (request) => searchRegencies(db, request.query),
  );
  app.get(
    '/regions/regencies/:code',
    {
      config: { policy: 'public' },
      schema: { tags, summary: 'One regency/city', params: z.object({ code: z.string().regex(/^\d{2}\.\d{2}$/) }), response: { 200: regency } },
    },
    async (request) => {
      const found = await findRegency(db, request.params.code);
      if (!found) throw notFound('regency');
      return found;
    },
  );
  app.get(
    '/regions/villages',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary: 'Villages (desa/kelurahan) of a regency/city whose village or district name contains q; at most 50',
        querystring: villageQuery,
        response: { 200: z.array(village) },
      },
    },
    (request) => searchVillages({ regency: request.query.regency, q: request.query.q }),
  );
  done();
};

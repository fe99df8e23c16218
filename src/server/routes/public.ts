import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  certificateVerification,
  publicCoverage,
  publicEdition,
  publicEditionDetail,
  publicOrganisation,
  organisationParams,
  publicRegencies,
  publicResult,
  publicResultsQuery,
  signingKey,
  text,
} from '../../shared/contracts/index.ts';
import { json, PublicCache, publicCacheControl, revalidateCacheControl } from '../public-cache.ts';
import * as portal from '../services/public-portal.ts';
import { publicOrganisation as organisationTrackRecord } from '../services/organisations.ts';
import { validCertificate, verifyCertificate } from '../services/certificates.ts';
import { certificatePdf } from '../services/certificate-pdf.ts';
import { publicBaseUrl } from './base-url.ts';

const idParams = z.object({ id: z.uuid() });
const codeParams = z.object({ code: text().min(1).max(40) });
// The same answer for everyone (and cached): nobody's session is looked up.
const policy = { policy: 'public' as const, anonymous: true };

/**
 * Open data and the public portal: no sign-in, cacheable (ETag, 304 on
 * If-None-Match, Cache-Control), built once per version of the public data.
 */
export const publicRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  const cache = new PublicCache(db);
  const tags = ['public'];
  const verifyUrl = (code: string) => `${publicBaseUrl(app.deps.config)}/verifikasi/${code}`;

  app.get(
    '/public/editions',
    { config: policy, schema: { tags, summary: 'Editions with published results, with their ceremonies', response: { 200: z.array(publicEdition) } } },
    (request, reply) => cache.send(request, reply, publicCacheControl, async () => json(z.array(publicEdition), await portal.publicEditions(db))),
  );
  app.get(
    '/public/editions/:id',
    {
      config: policy,
      schema: { tags, summary: 'An edition: its levels, categories and every published result with its winners', params: idParams, response: { 200: publicEditionDetail } },
    },
    (request, reply) => cache.send(request, reply, publicCacheControl, async () => json(publicEditionDetail, await portal.publicEditionDetail(db, request.params.id))),
  );
  app.get(
    '/public/editions/:id/results',
    {
      config: policy,
      schema: {
        tags,
        summary: 'Published rankings of an edition with scores per stage and aspect and the winners’ key figures, by level, province (area) and category',
        params: idParams,
        querystring: publicResultsQuery,
        response: { 200: z.array(publicResult) },
      },
    },
    (request, reply) => cache.send(request, reply, publicCacheControl, async () => json(z.array(publicResult), await portal.publicResults(db, request.params.id, request.query))),
  );
  app.get(
    '/public/editions/:id/coverage',
    { config: policy, schema: { tags, summary: 'Coverage of employment social security by province, beside the national target', params: idParams, response: { 200: publicCoverage } } },
    (request, reply) => cache.send(request, reply, publicCacheControl, async () => json(publicCoverage, await portal.publicCoverage(db, request.params.id))),
  );
  app.get(
    '/public/editions/:id/coverage/:province',
    {
      config: policy,
      schema: {
        tags,
        summary: 'Coverage by regency/city of one province',
        params: z.object({ id: z.uuid(), province: z.string().regex(/^\d{2}$/) }),
        response: { 200: publicRegencies },
      },
    },
    (request, reply) => cache.send(request, reply, publicCacheControl, async () => json(publicRegencies, await portal.publicRegencies(db, request.params.id, request.params.province))),
  );
  app.get(
    '/public/organisations/:key',
    {
      config: policy,
      schema: {
        tags,
        summary: 'An organisation’s track record: every published result that ranks it, edition after edition, by its Kemendagri code or NPP',
        params: organisationParams,
        response: { 200: publicOrganisation },
      },
    },
    (request, reply) => cache.send(request, reply, publicCacheControl, async () => json(publicOrganisation, await organisationTrackRecord(db, request.params.key))),
  );
  app.get(
    '/public/pools/:id/result',
    { config: policy, schema: { tags, summary: 'The published result of a pool (its current final version)', params: idParams, response: { 200: publicResult } } },
    (request, reply) => cache.send(request, reply, publicCacheControl, async () => json(publicResult, await portal.publicPoolResult(db, request.params.id))),
  );
  app.get(
    '/public/pools/:id/package',
    {
      config: policy,
      schema: { tags, summary: 'The scoring package of a published result: `paritrana score` on it prints the published numbers', params: idParams },
    },
    (request, reply) =>
      cache.send(request, reply, publicCacheControl, async () => {
        const pkg = await portal.publicPackage(db, request.params.id);
        return { body: pkg.text, type: 'application/json; charset=utf-8', headers: { 'content-disposition': `attachment; filename="${pkg.filename}"`, 'x-package-sha256': pkg.sha256 } };
      }),
  );
  app.get(
    '/public/certificates/:code',
    {
      config: policy,
      schema: { tags, summary: 'Verify a certificate by its code: whether it is genuine and still valid, and what it certifies', params: codeParams, response: { 200: certificateVerification } },
    },
    (request, reply) => cache.send(request, reply, revalidateCacheControl, async () => json(certificateVerification, await verifyCertificate(db, request.params.code))),
  );
  app.get(
    '/public/certificates/:code/pdf',
    { config: policy, schema: { tags, summary: 'The certificate (piagam) as a PDF, while it is valid', params: codeParams } },
    (request, reply) =>
      cache.send(request, reply, revalidateCacheControl, async () => {
        const payload = await validCertificate(db, request.params.code);
        const pdf = await certificatePdf(payload, verifyUrl(payload.code));
        return { body: pdf, type: 'application/pdf', headers: { 'content-disposition': `inline; filename="piagam-${payload.code}.pdf"` } };
      }),
  );
  app.get(
    '/public/signing-keys',
    { config: policy, schema: { tags, summary: 'Public keys (Ed25519, PEM) that check the signature of certificates', response: { 200: z.array(signingKey) } } },
    (request, reply) => cache.send(request, reply, revalidateCacheControl, async () => json(z.array(signingKey), await portal.publicSigningKeys(db))),
  );
  done();
};

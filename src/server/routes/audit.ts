import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntry, auditQuery, auditVerification } from '../../shared/contracts/index.ts';
import { verifyAuditChain } from '../../db/repositories/audit.ts';
import { readAudit } from '../services/audit.ts';
import { auditPolicy } from '../policies/audit.ts';

export const auditRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  const tags = ['audit'];

  app.get(
    '/audit',
    {
      config: { policy: auditPolicy.read },
      schema: { tags, summary: 'Audit entries, newest first', querystring: auditQuery, response: { 200: z.array(auditEntry) } },
    },
    (request) => readAudit(db, request.query),
  );
  app.get(
    '/audit/verify',
    {
      config: { policy: auditPolicy.verify },
      schema: { tags, summary: 'Recompute the hash chain of the whole log', response: { 200: auditVerification } },
    },
    () => verifyAuditChain(db),
  );
  done();
};

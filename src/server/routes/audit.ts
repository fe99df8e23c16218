import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntry, auditQuery, auditVerification } from '../../shared/contracts/index.ts';
import { listAudit, verifyAuditChain } from '../../db/repositories/audit.ts';
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
    async (request) =>
      (await listAudit(db, request.query)).map((e) => ({
        seq: e.seq,
        at: new Date(e.at).toISOString(),
        actorLabel: e.actorLabel,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        before: e.before,
        after: e.after,
        hash: e.hash,
      })),
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

import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditAnchorState, auditEntry, auditQuery, auditVerification } from '../../shared/contracts/index.ts';
import { readAudit, readAuditAnchors, verifyAudit } from '../services/audit.ts';
import { AnchorStore } from '../services/audit-anchor.ts';
import { auditPolicy } from '../policies/audit.ts';

export const auditRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  const anchors = new AnchorStore(app.deps.config.auditAnchor.dir);
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
      schema: { tags, summary: 'Recompute the hash chain of the whole log and check it against every anchor', response: { 200: auditVerification } },
    },
    () => verifyAudit(db, anchors),
  );
  app.get(
    '/audit/anchor',
    {
      config: { policy: auditPolicy.verify },
      schema: { tags, summary: 'The newest signed head of the chain kept outside the database, beside the head in the database', response: { 200: auditAnchorState } },
    },
    () => readAuditAnchors(db, anchors),
  );
  done();
};

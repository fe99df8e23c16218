import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditAnchorState, auditEntryDetail, auditPage, auditQuery, auditSeqParams, auditVerification } from '../../shared/contracts/index.ts';
import { readAudit, readAuditAnchors, readAuditEntry, verifyAudit } from '../services/audit.ts';
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
      schema: {
        tags,
        summary: 'Audit entries, newest first, one page at a time',
        description: 'Filters: actor (part of the name or e-mail), action (one, or an area ending in a dot), object type and id, days in WIB (from, to), edition, province, free text (q). The next page: before = nextBefore.',
        querystring: auditQuery,
        response: { 200: auditPage },
      },
    },
    (request) => readAudit(db, request.query),
  );
  app.get(
    '/audit/:seq',
    {
      config: { policy: auditPolicy.read },
      schema: { tags, summary: 'One audit entry with the hash it follows, whether its content still gives its hash, and the first anchor covering it', params: auditSeqParams, response: { 200: auditEntryDetail } },
    },
    (request) => readAuditEntry(db, anchors, request.params.seq),
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

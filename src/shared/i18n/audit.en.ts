import type { auditId } from './audit.id.ts';

/** English: the audit log page and its anchors. */
export const auditEn: typeof auditId = {
  audit: {
    title: 'Audit log',
    verify: 'Verify chain',
    ok: 'Chain intact: {{entries}} entries checked.',
    okAnchored: 'Chain intact: {{entries}} entries checked against {{anchors}} anchors.',
    broken: 'Chain BROKEN at entry {{seq}}: {{reason}}',
    brokenAnchors: 'Chain BROKEN: {{reason}}',
    anchorTitle: 'Audit chain anchor',
    anchorExplain:
      'The server signs the head of the chain (number and hash of the newest entry) now and then with a key kept outside the database. Whoever can run SQL cannot rewrite or cut the log without it showing when the chain is verified.',
    anchorLatest: 'Newest anchor: entry #{{seq}}, signed {{at}}.',
    anchorHead: 'Newest entry in the database: #{{seq}}.',
    anchorKey: 'Signing key',
    anchorHash: 'Hash of the anchored entry',
    anchorNone: 'No anchor yet. The server writes the first one at most a minute after there are entries.',
    anchorProblem: 'The anchors cannot be trusted: {{problem}}',
    at: 'Time',
    actor: 'Actor',
    action: 'Action',
    entity: 'Entity',
    empty: 'No entries yet.',
  }
};

import { z } from 'zod';
import { roles } from './auth.ts';
import { isoDate, text } from './common.ts';

export const itemStatus = z.enum(['pending', 'valid', 'revision', 'rejected']);

export const verificationItemView = z.object({
  key: text(),
  section: text(),
  /** The entry of the self-assessment this item is about. */
  entry: z.unknown(),
  status: itemStatus,
  comment: text().nullable(),
  deadline: text().nullable(),
  decidedAt: text().nullable(),
});

export const verificationView = z.object({
  candidateId: text(),
  candidateStatus: text(),
  submissionStatus: z.enum(['draft', 'submitted', 'reopened']),
  state: z.enum(['pending', 'revision', 'verified']),
  items: z.array(verificationItemView),
  confirmedValues: z.record(text(), z.union([z.number(), text()])),
});
export type VerificationView = z.infer<typeof verificationView>;

export const itemDecision = z
  .object({
    key: text().min(1).max(80),
    status: z.enum(['valid', 'revision', 'rejected']),
    comment: text().trim().max(2000).nullable(),
    deadline: isoDate.nullable(),
  })
  .refine((d) => d.status !== 'revision' || (d.comment != null && d.comment.length >= 3 && d.deadline != null), {
    path: ['comment'],
    message: 'a revision request needs a comment and a deadline',
  })
  .refine((d) => d.status !== 'rejected' || (d.comment != null && d.comment.length >= 3), { path: ['comment'], message: 'say why it is rejected' });
export type ItemDecision = z.infer<typeof itemDecision>;

export const verificationQueueEntry = z.object({
  candidateId: text(),
  name: text(),
  categoryCode: text(),
  provinceCode: text(),
  candidateStatus: text(),
  submissionStatus: z.enum(['none', 'draft', 'submitted', 'reopened']),
  items: z.number(),
  decided: z.number(),
  revisions: z.number(),
});
export type VerificationQueueEntry = z.infer<typeof verificationQueueEntry>;

/**
 * One line of a candidate's history. `actor` is the e-mail for the committee,
 * the person's name for the candidate's own users; `actorRole` the most senior
 * role the person holds (null for the system).
 */
export const historyEntry = z.object({ at: text(), actor: text(), actorRole: z.enum(roles).nullable(), action: text(), note: text().nullable() });
export type HistoryEntry = z.infer<typeof historyEntry>;

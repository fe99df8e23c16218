import { z } from 'zod';
import { roles } from './auth.ts';
import { isoDate } from './common.ts';

export const itemStatus = z.enum(['pending', 'valid', 'revision', 'rejected']);

export const verificationItemView = z.object({
  key: z.string(),
  section: z.string(),
  /** The entry of the self-assessment this item is about. */
  entry: z.unknown(),
  status: itemStatus,
  comment: z.string().nullable(),
  deadline: z.string().nullable(),
  decidedAt: z.string().nullable(),
});

export const verificationView = z.object({
  candidateId: z.string(),
  candidateStatus: z.string(),
  submissionStatus: z.enum(['draft', 'submitted', 'reopened']),
  state: z.enum(['pending', 'revision', 'verified']),
  items: z.array(verificationItemView),
  confirmedValues: z.record(z.string(), z.union([z.number(), z.string()])),
});
export type VerificationView = z.infer<typeof verificationView>;

export const itemDecision = z
  .object({
    key: z.string().min(1).max(80),
    status: z.enum(['valid', 'revision', 'rejected']),
    comment: z.string().trim().max(2000).nullable(),
    deadline: isoDate.nullable(),
  })
  .refine((d) => d.status !== 'revision' || (d.comment != null && d.comment.length >= 3 && d.deadline != null), {
    path: ['comment'],
    message: 'a revision request needs a comment and a deadline',
  })
  .refine((d) => d.status !== 'rejected' || (d.comment != null && d.comment.length >= 3), { path: ['comment'], message: 'say why it is rejected' });
export type ItemDecision = z.infer<typeof itemDecision>;

export const verificationQueueEntry = z.object({
  candidateId: z.string(),
  name: z.string(),
  categoryCode: z.string(),
  provinceCode: z.string(),
  candidateStatus: z.string(),
  submissionStatus: z.enum(['none', 'draft', 'submitted', 'reopened']),
  items: z.number(),
  decided: z.number(),
  revisions: z.number(),
});

/** One change of a candidate: who, when, what, and the reason or comment given. */
/**
 * One line of a candidate's history. `actor` is the e-mail for the committee,
 * the person's name for the candidate's own users; `actorRole` the most senior
 * role the person holds (null for the system).
 */
export const historyEntry = z.object({ at: z.string(), actor: z.string(), actorRole: z.enum(roles).nullable(), action: z.string(), note: z.string().nullable() });

import { z } from 'zod';
import { candidateAbilityFlags } from './abilities.ts';

export const contact = z.object({
  name: z.string().trim().min(2).max(120),
  position: z.string().trim().max(120).nullable(),
  phone: z.string().trim().max(40).nullable(),
  email: z.string().trim().toLowerCase().email().nullable(),
});
export type Contact = z.infer<typeof contact>;

export const candidateSummary = z.object({
  id: z.string(),
  editionId: z.string(),
  categoryId: z.string(),
  categoryCode: z.string(),
  level: z.string(),
  provinceCode: z.string(),
  kind: z.enum(['pemda', 'badan-usaha']),
  regencyCode: z.string().nullable(),
  npp: z.string().nullable(),
  name: z.string(),
  status: z.string(),
});
export type CandidateSummary = z.infer<typeof candidateSummary>;

export const candidateDetail = candidateSummary.extend({
  sizeClass: z.string().nullable(),
  sector: z.string().nullable(),
  address: z.string().nullable(),
  contacts: z.array(contact),
  responseNote: z.string().nullable(),
  respondedAt: z.string().nullable(),
  /** What the signed-in actor may do with this candidacy. */
  abilities: candidateAbilityFlags,
});
export type CandidateDetail = z.infer<typeof candidateDetail>;

/** A regional government by its Kemendagri code, or an employer by NPP. */
export const candidateInput = z.object({
  categoryId: z.uuid(),
  provinceCode: z.string().regex(/^\d{2}$/),
  regencyCode: z
    .string()
    .regex(/^\d{2}\.\d{2}$/)
    .nullable(),
  npp: z.string().trim().nullable(),
  name: z.string().trim().min(2).max(200).nullable(),
  sizeClass: z.enum(['besar', 'menengah', 'kecil', 'mikro']).nullable(),
  sector: z.string().trim().max(200).nullable(),
  address: z.string().trim().max(500).nullable(),
  contacts: z.array(contact).max(10),
});
export type CandidateInput = z.infer<typeof candidateInput>;

export const candidatePatch = z.object({
  name: z.string().trim().min(2).max(200).optional(),
  sizeClass: z.enum(['besar', 'menengah', 'kecil', 'mikro']).nullable().optional(),
  sector: z.string().trim().max(200).nullable().optional(),
  address: z.string().trim().max(500).nullable().optional(),
  contacts: z.array(contact).max(10).optional(),
})
  // An empty change is refused here rather than failing in the database.
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' });
export type CandidatePatch = z.infer<typeof candidatePatch>;

export const candidateResponse = z
  .object({ accept: z.boolean(), note: z.string().trim().max(1000).nullable() })
  .refine((r) => r.accept || (r.note != null && r.note.length >= 3), { path: ['note'], message: 'say why the nomination is declined' });

export const importResult = z.object({ created: z.number() });

export const inviteInput = z.object({ email: z.string().trim().toLowerCase().email() });
export const invitationSummary = z.object({ id: z.string(), email: z.string(), expiresAt: z.string(), acceptedAt: z.string().nullable() });

export const acceptInvitation = z.object({
  name: z.string().trim().min(2).max(120),
  password: z.string().min(10, 'at least 10 characters').max(200),
});

export const outboxMessage = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  provinceCode: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  /** The last delivery error, when SMTP refused it. */
  error: z.string().nullable(),
  attempts: z.number(),
});
export type OutboxMessage = z.infer<typeof outboxMessage>;

export const candidateStatuses = ['registered', 'nominated', 'accepted', 'declined', 'rejected', 'verified'] as const;
export const sizeClassValues = ['besar', 'menengah', 'kecil', 'mikro'] as const;

/** Editions open for self-registration, with their categories (public). */
export const registrationEdition = z.object({
  id: z.string(),
  label: z.string(),
  categories: z.array(z.object({ id: z.string(), code: z.string(), family: z.string(), nameId: z.string(), nameEn: z.string() })),
});

/**
 * A regional government or a company applies by itself; the provincial admin
 * approves (→ nominated, and the contact is invited) or rejects it.
 */
export const registrationInput = z.object({
  editionId: z.uuid(),
  categoryId: z.uuid(),
  provinceCode: z.string().regex(/^\d{2}$/),
  regencyCode: z
    .string()
    .regex(/^\d{2}\.\d{2}$/)
    .nullable(),
  npp: z.string().trim().max(20).nullable(),
  name: z.string().trim().min(2).max(200).nullable(),
  sizeClass: z.enum(sizeClassValues).nullable(),
  sector: z.string().trim().max(200).nullable(),
  address: z.string().trim().max(500).nullable(),
  contact: z.object({
    name: z.string().trim().min(2).max(120),
    position: z.string().trim().max(120).nullable(),
    phone: z.string().trim().max(40).nullable(),
    email: z.string().trim().toLowerCase().email(),
  }),
});
export type RegistrationInput = z.infer<typeof registrationInput>;
export const registrationReceipt = z.object({ id: z.string(), name: z.string(), status: z.literal('registered') });

export const registrationDecision = z
  .object({ approve: z.boolean(), reason: z.string().trim().max(1000).nullable() })
  .refine((d) => d.approve || (d.reason != null && d.reason.length >= 5), { path: ['reason'], message: 'say why the registration is rejected' });
export type RegistrationDecision = z.infer<typeof registrationDecision>;

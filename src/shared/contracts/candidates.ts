import { z } from 'zod';
import { newPassword } from './auth.ts';
import { nonEmptyPatch, text } from './common.ts';
import { candidateAbilityFlags } from './abilities.ts';

export const contact = z.object({
  name: text().trim().min(2).max(120),
  position: text().trim().max(120).nullable(),
  phone: text().trim().max(40).nullable(),
  email: text().trim().toLowerCase().email().nullable(),
});
export type Contact = z.infer<typeof contact>;

export const candidateSummary = z.object({
  id: text(),
  editionId: text(),
  categoryId: text(),
  categoryCode: text(),
  level: text(),
  provinceCode: text(),
  kind: z.enum(['pemda', 'badan-usaha']),
  regencyCode: text().nullable(),
  /** A village's Kemendagri code; null for every other kind of candidate. */
  villageCode: text().nullable(),
  npp: text().nullable(),
  name: text(),
  status: text(),
});
export type CandidateSummary = z.infer<typeof candidateSummary>;

export const candidateDetail = candidateSummary.extend({
  sizeClass: text().nullable(),
  sector: text().nullable(),
  address: text().nullable(),
  contacts: z.array(contact),
  responseNote: text().nullable(),
  respondedAt: text().nullable(),
  /** The organisation this candidacy is one of (its Kemendagri code or NPP): its page holds every edition. */
  organisationKey: text(),
  /** What the signed-in actor may do with this candidacy. */
  abilities: candidateAbilityFlags,
});
export type CandidateDetail = z.infer<typeof candidateDetail>;

/**
 * A regional government by its Kemendagri code (a provincial government by
 * its province alone, a village by its village code), or an employer by NPP.
 */
export const candidateInput = z.object({
  categoryId: z.uuid(),
  provinceCode: text().regex(/^\d{2}$/),
  regencyCode: text()
    .regex(/^\d{2}\.\d{2}$/)
    .nullable(),
  villageCode: text()
    .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/)
    .nullable()
    .optional(),
  npp: text().trim().nullable(),
  name: text().trim().min(2).max(200).nullable(),
  sizeClass: z.enum(['besar', 'menengah', 'kecil', 'mikro']).nullable(),
  sector: text().trim().max(200).nullable(),
  address: text().trim().max(500).nullable(),
  contacts: z.array(contact).max(10),
});
export type CandidateInput = z.infer<typeof candidateInput>;

export const candidatePatch = nonEmptyPatch(
  z.object({
  name: text().trim().min(2).max(200).optional(),
  sizeClass: z.enum(['besar', 'menengah', 'kecil', 'mikro']).nullable().optional(),
  sector: text().trim().max(200).nullable().optional(),
  address: text().trim().max(500).nullable().optional(),
  contacts: z.array(contact).max(10).optional(),
  }),
);
export type CandidatePatch = z.infer<typeof candidatePatch>;

export const candidateResponse = z
  .object({ accept: z.boolean(), note: text().trim().max(1000).nullable() })
  .refine((r) => r.accept || (r.note != null && r.note.length >= 3), { path: ['note'], message: 'say why the nomination is declined' });

export const importResult = z.object({ created: z.number() });

export const inviteInput = z.object({ email: text().trim().toLowerCase().email() });
export const invitationSummary = z.object({ id: text(), email: text(), expiresAt: text(), acceptedAt: text().nullable() });
export type InvitationSummary = z.infer<typeof invitationSummary>;

/**
 * Redeeming an invitation: a new account gives its name and password; a person
 * who already has an account signs in first and sends neither.
 */
export const acceptInvitation = z.object({
  name: text().trim().min(2).max(120).optional(),
  password: newPassword.optional(),
});

export const outboxMessage = z.object({
  id: text(),
  to: text(),
  subject: text(),
  body: text(),
  provinceCode: text().nullable(),
  createdAt: text(),
  /** `uncertain`: SMTP may have accepted it but that could not be recorded; never resent by itself, an admin decides. */
  /** `handed`: no mail server; an admin passed it on by hand. */
  status: z.enum(['queued', 'sending', 'sent', 'uncertain', 'handed']),
  sentAt: text().nullable(),
  /** What kind of message, the event that caused it and the page it points to (older messages have none). */
  kind: text().nullable(),
  event: text().nullable(),
  link: text().nullable(),
  handedAt: text().nullable(),
  /** The last delivery error, when SMTP refused it. */
  error: text().nullable(),
  attempts: z.number(),
});
export type OutboxMessage = z.infer<typeof outboxMessage>;

export const outboxDecision = z.object({ decision: z.enum(['sent', 'resend']) });

/** Whether this server sends e-mail; without a mail server admins pass messages on by hand. */
export const outboxStatus = z.object({ mailServer: z.boolean() });
export type OutboxStatus = z.infer<typeof outboxStatus>;

export const candidateStatuses = ['registered', 'nominated', 'accepted', 'declined', 'rejected', 'verified'] as const;
export const sizeClassValues = ['besar', 'menengah', 'kecil', 'mikro'] as const;

/** Editions open for self-registration, with their categories (public). */
export const registrationEdition = z.object({
  id: text(),
  label: text(),
  categories: z.array(z.object({ id: text(), code: text(), family: text(), nameId: text(), nameEn: text() })),
});
export type RegistrationEdition = z.infer<typeof registrationEdition>;

/**
 * A regional government or a company applies by itself; the provincial admin
 * approves (→ nominated, and the contact is invited) or rejects it.
 */
export const registrationInput = z.object({
  editionId: z.uuid(),
  categoryId: z.uuid(),
  provinceCode: text().regex(/^\d{2}$/),
  regencyCode: text()
    .regex(/^\d{2}\.\d{2}$/)
    .nullable(),
  npp: text().trim().max(20).nullable(),
  name: text().trim().min(2).max(200).nullable(),
  sizeClass: z.enum(sizeClassValues).nullable(),
  sector: text().trim().max(200).nullable(),
  address: text().trim().max(500).nullable(),
  contact: z.object({
    name: text().trim().min(2).max(120),
    position: text().trim().max(120).nullable(),
    phone: text().trim().max(40).nullable(),
    email: text().trim().toLowerCase().email(),
  }),
});
export type RegistrationInput = z.infer<typeof registrationInput>;
/**
 * What the applicant is told: `unconfirmed` right after applying (a link was
 * e-mailed to the contact), `registered` once that link was opened and the
 * application awaits the provincial committee.
 */
export const registrationReceipt = z.object({ id: text(), name: text(), status: z.enum(['unconfirmed', 'registered']) });
export type RegistrationReceipt = z.infer<typeof registrationReceipt>;
/** The token of the confirmation link e-mailed to the applicant. */
export const registrationConfirmation = z.object({ token: text().min(10).max(100) });

export const registrationDecision = z
  .object({ approve: z.boolean(), reason: text().trim().max(1000).nullable() })
  .refine((d) => d.approve || (d.reason != null && d.reason.length >= 5), { path: ['reason'], message: 'say why the registration is rejected' });
export type RegistrationDecision = z.infer<typeof registrationDecision>;

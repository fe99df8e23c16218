import { z } from 'zod';

/** Whether single sign-on is offered, and its button's label. */
export const oidcOffer = z.object({ enabled: z.boolean(), label: z.string().nullable() });
export type OidcOffer = z.infer<typeof oidcOffer>;
import { text } from './common.ts';
import { roleAbilityFlags } from './abilities.ts';

export const roles = ['national_admin', 'provincial_admin', 'verifier', 'national_verifier', 'juror', 'candidate', 'observer'] as const;
export type RoleName = (typeof roles)[number];

/**
 * Where an observer works: the coordinating ministry (Kemenko PMK), the
 * ministry of manpower (Kemnaker), of home affairs (Kemendagri), the BPJS
 * Ketenagakerjaan head office, or another body.
 */
export const observerOrganisations = ['kemenko_pmk', 'kemnaker', 'kemendagri', 'bpjs_ketenagakerjaan', 'other'] as const;
export type ObserverOrganisation = (typeof observerOrganisations)[number];

export const roleGrant = z.object({
  role: z.enum(roles),
  provinceCode: text().nullable(),
  candidateId: text().nullable(),
  /** A verifier limited to these regencies/cities of its province (a branch office's area); absent or null: the whole province. */
  regencyCodes: z.array(text().regex(/^\d{2}\.\d{2}$/)).min(1).max(60).nullable().optional(),
  /** An observer's organisation (required for an observer, absent for every other role). */
  organisation: z.enum(observerOrganisations).nullable().optional(),
});
export type RoleGrant = z.infer<typeof roleGrant>;

/** The shortest password accepted when one is set (ASVS 2.1.1). */
export const minPasswordLength = 12;
/** A password being set; the server also refuses common ones. */
export const newPassword = text().min(minPasswordLength, `at least ${minPasswordLength} characters`).max(200);

export const loginRequest = z.object({
  email: text().trim().toLowerCase().email(),
  password: text().min(1).max(200),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const me = z.object({
  user: z.object({
    id: text(),
    email: text(),
    name: text(),
    locale: z.enum(['id', 'en']),
    roles: z.array(roleGrant),
  }),
  /** What the user may do anywhere (navigation, "new" buttons); each resource carries its own abilities. */
  abilities: roleAbilityFlags,
  /** Where the user runs the committee: every area (national), or these provinces (the province pickers offer these). */
  committee: z.object({ national: z.boolean(), provinces: z.array(text()) }),
  csrfToken: text(),
  /** Two-factor: on for this user; must be switched on before anything else (required for admins). */
  twoFactor: z.object({ enabled: z.boolean(), setupRequired: z.boolean() }),
});
export type Me = z.infer<typeof me>;

/** The answer to a right password when the account has two-factor: the code is owed next. */
export const secondFactorOwed = z.object({ secondFactorRequired: z.literal(true) });
export const loginAnswer = z.union([me, secondFactorOwed]);
export type LoginAnswer = z.infer<typeof loginAnswer>;

/** A 6-digit code from the authenticator app, or a recovery code (xxxxx-xxxxx). */
export const secondFactorCode = z.object({ code: text().trim().min(6).max(20) });
export type SecondFactorCode = z.infer<typeof secondFactorCode>;

export const passwordChange = z.object({
  currentPassword: text().min(1).max(200),
  newPassword,
});
export type PasswordChange = z.infer<typeof passwordChange>;

export const passwordResetRequest = z.object({ email: text().trim().toLowerCase().email() });
export type PasswordResetRequest = z.infer<typeof passwordResetRequest>;

export const passwordResetConfirm = z.object({ token: text().min(10).max(100), password: newPassword });
export type PasswordResetConfirm = z.infer<typeof passwordResetConfirm>;

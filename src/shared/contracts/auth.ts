import { z } from 'zod';
import { text } from './common.ts';
import { roleAbilityFlags } from './abilities.ts';

export const roles = ['national_admin', 'provincial_admin', 'verifier', 'national_verifier', 'juror', 'candidate'] as const;
export type RoleName = (typeof roles)[number];

export const roleGrant = z.object({
  role: z.enum(roles),
  provinceCode: text().nullable(),
  candidateId: text().nullable(),
  /** A verifier limited to these regencies/cities of its province (a branch office's area); absent or null: the whole province. */
  regencyCodes: z.array(text().regex(/^\d{2}\.\d{2}$/)).min(1).max(60).nullable().optional(),
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
});
export type Me = z.infer<typeof me>;

export const passwordChange = z.object({
  currentPassword: text().min(1).max(200),
  newPassword,
});
export type PasswordChange = z.infer<typeof passwordChange>;

export const passwordResetRequest = z.object({ email: text().trim().toLowerCase().email() });
export type PasswordResetRequest = z.infer<typeof passwordResetRequest>;

export const passwordResetConfirm = z.object({ token: text().min(10).max(100), password: newPassword });
export type PasswordResetConfirm = z.infer<typeof passwordResetConfirm>;

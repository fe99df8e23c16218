import { z } from 'zod';
import { roleAbilityFlags } from './abilities.ts';

export const roles = ['national_admin', 'provincial_admin', 'verifier', 'juror', 'candidate'] as const;
export type RoleName = (typeof roles)[number];

export const roleGrant = z.object({
  role: z.enum(roles),
  provinceCode: z.string().nullable(),
  candidateId: z.string().nullable(),
});
export type RoleGrant = z.infer<typeof roleGrant>;

export const loginRequest = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const me = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    locale: z.enum(['id', 'en']),
    roles: z.array(roleGrant),
  }),
  /** What the user may do anywhere (navigation, "new" buttons); each resource carries its own abilities. */
  abilities: roleAbilityFlags,
  /** Where the user runs the committee: every area (national), or these provinces (the province pickers offer these). */
  committee: z.object({ national: z.boolean(), provinces: z.array(z.string()) }),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof me>;

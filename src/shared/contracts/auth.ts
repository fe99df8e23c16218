import { z } from 'zod';
import { text } from './common.ts';

export const roles = ['national_admin', 'provincial_admin', 'verifier', 'juror', 'candidate'] as const;
export type RoleName = (typeof roles)[number];

export const roleGrant = z.object({
  role: z.enum(roles),
  provinceCode: text().nullable(),
  candidateId: text().nullable(),
});
export type RoleGrant = z.infer<typeof roleGrant>;

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
  csrfToken: text(),
});
export type Me = z.infer<typeof me>;

import { z } from 'zod';
import { newPassword, roleGrant } from './auth.ts';

export const userInput = z.object({
  email: z.string().trim().toLowerCase().email(),
  name: z.string().trim().min(2).max(120),
  password: newPassword,
  locale: z.enum(['id', 'en']).default('id'),
  roles: z.array(roleGrant).min(1),
});
export type UserInput = z.infer<typeof userInput>;

export const userPatch = z.object({
  name: z.string().trim().min(2).max(120).optional(),
  active: z.boolean().optional(),
  locale: z.enum(['id', 'en']).optional(),
  password: newPassword.optional(),
  roles: z.array(roleGrant).min(1).optional(),
});
export type UserPatch = z.infer<typeof userPatch>;

export const userSummary = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  active: z.boolean(),
  locale: z.enum(['id', 'en']),
  roles: z.array(roleGrant),
});
export type UserSummary = z.infer<typeof userSummary>;

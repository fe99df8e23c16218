import { z } from 'zod';
import { newPassword, roleGrant } from './auth.ts';
import { nonEmptyPatch, text } from './common.ts';

export const userInput = z.object({
  email: text().trim().toLowerCase().email(),
  name: text().trim().min(2).max(120),
  password: newPassword,
  locale: z.enum(['id', 'en']).default('id'),
  roles: z.array(roleGrant).min(1),
});
export type UserInput = z.infer<typeof userInput>;

export const userPatch = nonEmptyPatch(
  z.object({
  name: text().trim().min(2).max(120).optional(),
  active: z.boolean().optional(),
  locale: z.enum(['id', 'en']).optional(),
  password: newPassword.optional(),
  roles: z.array(roleGrant).min(1).optional(),
  }),
);
export type UserPatch = z.infer<typeof userPatch>;

export const userSummary = z.object({
  id: text(),
  email: text(),
  name: text(),
  active: z.boolean(),
  locale: z.enum(['id', 'en']),
  roles: z.array(roleGrant),
});
export type UserSummary = z.infer<typeof userSummary>;

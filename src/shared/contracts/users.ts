import { z } from 'zod';
import { roleGrant } from './auth.ts';

export const userInput = z.object({
  email: z.string().trim().toLowerCase().email(),
  name: z.string().trim().min(2).max(120),
  password: z.string().min(10, 'at least 10 characters').max(200),
  locale: z.enum(['id', 'en']).default('id'),
  roles: z.array(roleGrant).min(1),
});
export type UserInput = z.infer<typeof userInput>;

export const userPatch = z.object({
  name: z.string().trim().min(2).max(120).optional(),
  active: z.boolean().optional(),
  locale: z.enum(['id', 'en']).optional(),
  password: z.string().min(10).max(200).optional(),
  roles: z.array(roleGrant).min(1).optional(),
})
  // An empty change is refused here rather than failing in the database.
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' });
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

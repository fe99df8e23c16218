import { z } from 'zod';
import { newPassword, roleGrant } from './auth.ts';
import { nonEmptyPatch, text } from './common.ts';

/**
 * A new account: with a password typed by the admin, or by invitation
 * (`invite: true`, no password): the person receives a link to set their own.
 */
export const userInput = z
  .object({
    email: text().trim().toLowerCase().email(),
    name: text().trim().min(2).max(120),
    password: newPassword.optional(),
    invite: z.boolean().optional(),
    locale: z.enum(['id', 'en']).default('id'),
    roles: z.array(roleGrant).min(1),
  })
  .superRefine((u, ctx) => {
    if (u.invite === true && u.password !== undefined) ctx.addIssue({ code: 'custom', path: ['password'], message: 'an invited account sets its own password' });
    if (u.invite !== true && u.password === undefined) ctx.addIssue({ code: 'custom', path: ['password'], message: 'required unless invite is true' });
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

export const staffInvitationStatus = z.enum(['open', 'expired', 'revoked', 'accepted']);
export type StaffInvitationStatus = z.infer<typeof staffInvitationStatus>;

/** The latest invitation of an account, as its admins see it (never the link). */
export const staffInvitationSummary = z.object({
  id: text(),
  userId: text(),
  email: text(),
  name: text(),
  roles: z.array(roleGrant),
  status: staffInvitationStatus,
  createdAt: text(),
  expiresAt: text(),
});
export type StaffInvitationSummary = z.infer<typeof staffInvitationSummary>;

export const userSummary = z.object({
  id: text(),
  email: text(),
  name: text(),
  active: z.boolean(),
  locale: z.enum(['id', 'en']),
  roles: z.array(roleGrant),
  /** The account's latest invitation's state, when it was invited. */
  invitation: staffInvitationStatus.nullable().optional(),
  /** Whether the account signs in with two-step verification. */
  twoFactor: z.boolean(),
});
export type UserSummary = z.infer<typeof userSummary>;

/**
 * An admin switches off another account's two-step verification (a lost
 * phone and lost recovery codes), saying why: audited, and the account's
 * owner is told by e-mail.
 */
export const twoFactorReset = z.object({ reason: text().trim().min(10).max(500) });
export type TwoFactorReset = z.infer<typeof twoFactorReset>;

/** What the invitation page shows before the person sets a password. */
export const staffInvitationLookup = z.object({ token: text().min(16).max(200) });
export const staffInvitationView = z.object({ email: text(), name: text(), expiresAt: text() });
export const staffInvitationAccept = z.object({
  token: text().min(16).max(200),
  name: text().trim().min(2).max(120),
  password: newPassword,
});
export type StaffInvitationAccept = z.infer<typeof staffInvitationAccept>;

/** Bulk invitation from a sheet: whom the rows become. */
export const staffImportQuery = z.object({
  province: z.string().regex(/^\d{2}$/),
  role: z.enum(['verifier', 'juror']),
  panelId: z.uuid().optional(),
});
export type StaffImportQuery = z.infer<typeof staffImportQuery>;
export const staffImportResult = z.object({ invited: z.number().int(), seated: z.number().int() });

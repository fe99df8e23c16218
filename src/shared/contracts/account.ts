import { z } from 'zod';
import { text } from './common.ts';

/** One's own two-factor sign-in. */
export const twoFactorStatus = z.object({
  enabled: z.boolean(),
  enabledAt: z.string().nullable(),
  recoveryCodesLeft: z.number().int(),
  /** The account must switch it on before anything else (admins, when the national admin requires it). */
  setupRequired: z.boolean(),
});
export type TwoFactorStatus = z.infer<typeof twoFactorStatus>;

export const twoFactorSetupRequest = z.object({ password: text().min(1).max(200) });
/** A secret offered for enrolment: as a QR code (PNG data URL) and as text; confirmed with a code before it counts. */
export const twoFactorSetup = z.object({ secret: text(), otpauthUrl: text(), qrCode: text() });
export type TwoFactorSetup = z.infer<typeof twoFactorSetup>;

export const totpCode = z.object({ code: text().trim().regex(/^\d{6}$/, 'six digits') });
export type TotpCode = z.infer<typeof totpCode>;

/** Recovery codes, shown this once: only their hashes are kept. */
export const recoveryCodesAnswer = z.object({ recoveryCodes: z.array(text()) });
export type RecoveryCodesAnswer = z.infer<typeof recoveryCodesAnswer>;

/** Switching two-factor off needs the password and a code (of the app, or a recovery code). */
export const twoFactorDisable = z.object({ password: text().min(1).max(200), code: text().trim().min(6).max(20) });
export type TwoFactorDisable = z.infer<typeof twoFactorDisable>;

export const accountSession = z.object({
  id: text(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  userAgent: text().nullable(),
  ip: text().nullable(),
  current: z.boolean(),
});
export type AccountSession = z.infer<typeof accountSession>;
export const accountSessions = z.array(accountSession);

export const sessionsEnded = z.object({ ended: z.number().int() });

export const profileUpdate = z.object({
  name: text().trim().min(1).max(200),
  locale: z.enum(['id', 'en']),
});
export type ProfileUpdate = z.infer<typeof profileUpdate>;

/** Installation-wide security settings (the national admin's). */
export const securitySettingsBody = z.object({ twoFactorRequiredForAdmins: z.boolean() });
export type SecuritySettings = z.infer<typeof securitySettingsBody>;

import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accountSessions,
  okBody,
  profileUpdate,
  recoveryCodesAnswer,
  securitySettingsBody,
  sessionsEnded,
  totpCode,
  twoFactorDisable,
  twoFactorSetup,
  twoFactorSetupRequest,
  twoFactorStatus,
} from '../../shared/contracts/index.ts';
import { twoFactorRequiredForAdmins } from '../../db/repositories/account-security.ts';
import { securityPolicy } from '../policies/account.ts';
import { endOtherSessions, endOwnSession, listOwnSessions, updateProfile } from '../services/account.ts';
import { beginTwoFactor, confirmTwoFactor, disableTwoFactor, regenerateRecoveryCodes, setTwoFactorRequirement, twoFactorStatus as statusOf } from '../services/two-factor.ts';

/** One's own account: two-factor, sessions, name and language; and the installation's two-factor rule. */
export const accountRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { config, database } = app.deps;
  const db = database.db;
  const perAddress = { max: config.login.ratePerMinute, timeWindow: '1 minute' };
  const tags = ['account'];

  app.get(
    '/account/two-factor',
    { config: { policy: 'signed-in', duringTwoFactorSetup: true }, schema: { tags, summary: 'Whether one’s two-factor sign-in is on, and how many recovery codes are left', response: { 200: twoFactorStatus } } },
    (request) => statusOf(db, request.actor!),
  );
  app.post(
    '/account/two-factor/setup',
    {
      config: { policy: 'signed-in', duringTwoFactorSetup: true, rateLimit: perAddress },
      schema: { tags, summary: 'Offer a new TOTP secret (QR code and text); needs the password; counts once confirmed', body: twoFactorSetupRequest, response: { 200: twoFactorSetup } },
    },
    (request) => beginTwoFactor(db, config, request.actor!, request.body.password),
  );
  app.post(
    '/account/two-factor/confirm',
    {
      config: { policy: 'signed-in', duringTwoFactorSetup: true, rateLimit: perAddress },
      schema: { tags, summary: 'Switch two-factor on with a code of the offered secret; answers the recovery codes, once', body: totpCode, response: { 200: recoveryCodesAnswer } },
    },
    (request) => confirmTwoFactor(db, config, request.actor!, request.body.code),
  );
  app.post(
    '/account/two-factor/recovery-codes',
    {
      config: { policy: 'signed-in', rateLimit: perAddress },
      schema: { tags, summary: 'New recovery codes (the old ones stop working); needs a code of the app', body: totpCode, response: { 200: recoveryCodesAnswer } },
    },
    (request) => regenerateRecoveryCodes(db, config, request.actor!, request.body.code),
  );
  app.post(
    '/account/two-factor/disable',
    {
      config: { policy: 'signed-in', rateLimit: perAddress },
      schema: { tags, summary: 'Switch two-factor off: needs the password and a code (or a recovery code)', body: twoFactorDisable, response: { 200: okBody } },
    },
    async (request) => {
      await disableTwoFactor(db, config, request.actor!, request.body);
      return { ok: true as const };
    },
  );

  app.get(
    '/account/sessions',
    { config: { policy: 'signed-in' }, schema: { tags, summary: 'One’s active sessions (created, last seen, browser, address)', response: { 200: accountSessions } } },
    (request) => listOwnSessions(db, request.actor!),
  );
  app.delete(
    '/account/sessions/:id',
    {
      config: { policy: 'signed-in' },
      schema: { tags, summary: 'End one of one’s sessions', params: z.object({ id: z.string().min(1).max(64) }), response: { 200: okBody } },
    },
    async (request) => {
      await endOwnSession(db, request.actor!, request.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    '/account/sessions/end-others',
    { config: { policy: 'signed-in' }, schema: { tags, summary: 'Sign out everywhere else: end every session but this one', response: { 200: sessionsEnded } } },
    async (request) => ({ ended: await endOtherSessions(db, request.actor!) }),
  );
  app.patch(
    '/account/profile',
    { config: { policy: 'signed-in' }, schema: { tags, summary: 'Change one’s name and language', body: profileUpdate, response: { 200: okBody } } },
    async (request) => {
      await updateProfile(db, request.actor!, request.body);
      return { ok: true as const };
    },
  );

  app.get(
    '/security/settings',
    { config: { policy: securityPolicy.settings }, schema: { tags, summary: 'Installation-wide security settings', response: { 200: securitySettingsBody } } },
    async () => ({ twoFactorRequiredForAdmins: await twoFactorRequiredForAdmins(db) }),
  );
  app.put(
    '/security/settings',
    {
      config: { policy: securityPolicy.settings },
      schema: { tags, summary: 'Require (or not) two-factor of national and provincial admins', body: securitySettingsBody, response: { 200: securitySettingsBody } },
    },
    async (request) => {
      await setTwoFactorRequirement(db, request.actor!, request.body.twoFactorRequiredForAdmins);
      return { twoFactorRequiredForAdmins: request.body.twoFactorRequiredForAdmins };
    },
  );
  done();
};

import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { loginAnswer, loginRequest, me, okBody, passwordChange, passwordResetConfirm, passwordResetRequest, secondFactorCode } from '../../shared/contracts/index.ts';
import { SESSION_COOKIE } from '../app.ts';
import { login, logout, meOf, secondFactor, type ClientInfo, type LoginResult } from '../services/auth.ts';
import { changePassword, confirmPasswordReset, requestPasswordReset } from '../services/passwords.ts';
import { publicBaseUrl } from './base-url.ts';

export const authRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { config, database } = app.deps;
  const perAddress = { max: config.login.ratePerMinute, timeWindow: '1 minute' };
  // Also per account, whatever address the attempts come from.
  const accountLimiter = app.createRateLimit({
    max: config.login.accountRatePerMinute,
    timeWindow: '1 minute',
    // After validation: the e-mail is trimmed and lower-cased.
    keyGenerator: (request) => `account:${(request.body as { email?: string } | undefined)?.email ?? ''}`,
  });
  const perAccount = async (request: FastifyRequest) => {
    const limit = await accountLimiter(request);
    if (!limit.isAllowed && limit.isExceeded) throw new AppError('RATE_LIMITED', `Too many attempts on this account; wait ${limit.ttlInSeconds} seconds and try again`);
  };

  const clientOf = (request: FastifyRequest): ClientInfo => ({ userAgent: request.headers['user-agent'] ?? null, ip: request.ip });
  const answer = (reply: FastifyReply, result: LoginResult) => {
    void reply.setCookie(SESSION_COOKIE, result.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      expires: result.expiresAt,
    });
    return result.me ?? { secondFactorRequired: true as const };
  };

  app.post(
    '/auth/login',
    {
      config: { policy: 'public', rateLimit: perAddress },
      preHandler: perAccount,
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; with two-factor on, the answer asks for the code (POST /auth/login/second-factor)',
        body: loginRequest,
        response: { 200: loginAnswer },
      },
    },
    async (request, reply) => answer(reply, await login(database.db, config, request.body.email, request.body.password, clientOf(request))),
  );

  app.post(
    '/auth/login/second-factor',
    {
      config: { policy: 'public', rateLimit: perAddress },
      schema: {
        tags: ['auth'],
        summary: 'The second step of a log-in with two-factor: a code of the authenticator app or a recovery code',
        body: secondFactorCode,
        response: { 200: me },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (!token) throw new AppError('UNAUTHENTICATED', 'Sign in again with your e-mail and password');
      const result = await secondFactor(database.db, config, token, request.body.code, clientOf(request));
      answer(reply, result);
      return result.me!;
    },
  );

  app.post(
    '/auth/logout',
    { config: { policy: 'signed-in', duringTwoFactorSetup: true }, schema: { tags: ['auth'], summary: 'Sign out', response: { 200: okBody } } },
    async (request, reply) => {
      await logout(database.db, request.actor!);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/me',
    { config: { policy: 'signed-in', duringTwoFactorSetup: true }, schema: { tags: ['auth'], summary: 'The signed-in user and the CSRF token', response: { 200: me } } },
    (request) => meOf(request.actor!),
  );
  app.post(
    '/auth/password',
    {
      config: { policy: 'signed-in', rateLimit: perAddress },
      schema: {
        tags: ['auth'],
        summary: 'Change one’s own password (the current one is needed); the user’s other sessions end',
        body: passwordChange,
        response: { 200: okBody },
      },
    },
    async (request) => {
      await changePassword(database.db, config, request.actor!, request.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/password-reset',
    {
      config: { policy: 'public', rateLimit: perAddress },
      preHandler: perAccount,
      schema: {
        tags: ['auth'],
        summary: 'Ask for a password reset link by e-mail; the answer is the same whether the e-mail has an account or not',
        body: passwordResetRequest,
        response: { 200: okBody },
      },
    },
    async (request) => {
      await requestPasswordReset(database.db, request.body.email, publicBaseUrl(config));
      app.mailer?.kick();
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      config: { policy: 'public', rateLimit: perAddress },
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with the token of a reset link (once, within the hour); every session of the user ends',
        body: passwordResetConfirm,
        response: { 200: okBody },
      },
    },
    async (request) => {
      await confirmPasswordReset(database.db, request.body.token, request.body.password);
      return { ok: true as const };
    },
  );
  done();
};

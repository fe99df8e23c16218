import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { loginRequest, me, okBody } from '../../shared/contracts/index.ts';
import { SESSION_COOKIE } from '../app.ts';
import { login, logout, meOf } from '../services/auth.ts';

export const authRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { config, database } = app.deps;

  app.post(
    '/auth/login',
    {
      config: { policy: 'public', rateLimit: { max: config.login.ratePerMinute, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Sign in with e-mail and password', body: loginRequest, response: { 200: me } },
    },
    async (request, reply) => {
      const result = await login(database.db, config, request.body.email, request.body.password);
      void reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        expires: result.expiresAt,
      });
      return result.me;
    },
  );

  app.post(
    '/auth/logout',
    { config: { policy: 'signed-in' }, schema: { tags: ['auth'], summary: 'Sign out', response: { 200: okBody } } },
    async (request, reply) => {
      await logout(database.db, request.actor!);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/me',
    { config: { policy: 'signed-in' }, schema: { tags: ['auth'], summary: 'The signed-in user and the CSRF token', response: { 200: me } } },
    (request) => meOf(request.actor!),
  );
  done();
};

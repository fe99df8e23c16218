import type { FastifyPluginCallback, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../domain/errors.ts';
import { oidcOffer } from '../../shared/contracts/index.ts';
import { SESSION_COOKIE } from '../app.ts';
import type { ClientInfo } from '../services/auth.ts';
import { finishOidc, startOidc } from '../services/oidc.ts';

const STATE_COOKIE = 'paritrana_oidc_state';

/** Single sign-on by OpenID Connect (authorization code with PKCE), when configured. */
export const oidcRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { config, database } = app.deps;
  const perAddress = { max: config.login.ratePerMinute, timeWindow: '1 minute' };
  const tags = ['auth'];
  const configured = () => {
    const oidc = config.oidc;
    if (!oidc) throw new AppError('NOT_FOUND', 'Single sign-on is not configured on this installation');
    return { ...config, oidc };
  };
  const clientOf = (request: FastifyRequest): ClientInfo => ({ userAgent: request.headers['user-agent'] ?? null, ip: request.ip });

  app.get(
    '/auth/oidc',
    {
      config: { policy: 'public' },
      schema: { tags, summary: 'Whether single sign-on is offered, and the label of its button', response: { 200: oidcOffer } },
    },
    () => ({ enabled: config.oidc !== null, label: config.oidc?.buttonLabel ?? null }),
  );

  app.get(
    '/auth/oidc/start',
    { config: { policy: 'public', rateLimit: perAddress }, schema: { tags, summary: 'Leave for the identity provider (a redirect)' } },
    async (_request, reply) => {
      const { url, state } = await startOidc(database.db, configured());
      void reply.setCookie(STATE_COOKIE, state, { path: '/api/auth/oidc', httpOnly: true, sameSite: 'lax', secure: config.secureCookies, maxAge: 600 });
      return reply.redirect(url, 302);
    },
  );

  app.get(
    '/auth/oidc/callback',
    { config: { policy: 'public', rateLimit: perAddress }, schema: { tags, summary: 'Come back from the identity provider (a redirect to the app or to the refusal page)' } },
    async (request, reply) => {
      const oidc = configured();
      const callbackUrl = new URL(request.url, config.baseUrl);
      const outcome = await finishOidc(database.db, oidc, callbackUrl, request.cookies[STATE_COOKIE], clientOf(request));
      void reply.clearCookie(STATE_COOKIE, { path: '/api/auth/oidc' });
      if (!outcome.ok) return reply.redirect(`/sso-gagal?alasan=${outcome.reason}`, 302);
      void reply.setCookie(SESSION_COOKIE, outcome.result.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies, expires: outcome.result.expiresAt });
      return reply.redirect(outcome.result.me ? '/' : '/login?langkah=kode', 302);
    },
  );
  done();
};

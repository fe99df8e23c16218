import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from '../db/client.ts';
import { AppError, forbidden } from '../domain/errors.ts';
import type { Config } from './config.ts';
import { installErrorHandler } from './errors.ts';
import { errorSerializer } from './log.ts';
import { redactUrl } from './secret-links.ts';
import { actorForToken } from './services/auth.ts';
import type { RoutePolicy } from './policies/types.ts';
import { routes } from './routes/index.ts';
import { coverageSnapshotJob, coverageSnapshotKind, type ScreenRunner } from './services/coverage-import.ts';
import { candidateImportJob, candidateImportKind } from './services/candidate-import.ts';
import { JobRunner } from './job-runner.ts';
import { cliScreenRunner } from './services/screen-runner.ts';
import { OutboxSender, smtpTransport } from './services/outbox.ts';
import { Anchorer, AnchorStore } from './services/audit-anchor.ts';

export const SESSION_COOKIE = 'paritrana_session';
export const webRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export type AppDeps = {
  config: Config;
  database: Database;
  version: string;
  /** How the coverage screen runs; by default the `paritrana screen` command. */
  screenRunner?: ScreenRunner;
};

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface FastifyInstance {
    deps: Required<AppDeps>;
    /** Runs the job table's work (imports) on this server; drained on close. */
    jobs: JobRunner;
    /** Delivers the outbox by SMTP; null without SMTP (messages stay in the outbox). */
    mailer: OutboxSender | null;
    /** Every API route with its method, as registered (for the policy tests). */
    apiRoutes: { method: string; url: string }[];
  }
}

function isApiRoute(url: string): boolean {
  return url.startsWith('/api/') && !url.startsWith('/api/docs');
}

function serializeRequest(request: FastifyRequest) {
  return { method: request.method, url: redactUrl(request.url), host: request.host, remoteAddress: request.ip, remotePort: request.socket.remotePort };
}

/** Fastify's `trustProxy`: a hop count trusts that many proxies next to the server. */
function trustProxyOption(trust: Config['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust;
}

/** Builds the HTTP application; the caller listens (or injects, in tests). */
export async function buildApp(deps: AppDeps, options: { logger?: FastifyServerOptions['logger'] } = {}): Promise<FastifyInstance> {
  const logger = options.logger ?? { level: deps.config.logLevel };
  const app = Fastify({
    // Errors are logged without the values a failed query was sent (src/server/log.ts), and
    // request URLs without the tokens some of them carry (src/server/secret-links.ts).
    logger: typeof logger === 'object' ? { ...logger, serializers: { ...logger.serializers, err: errorSerializer, req: serializeRequest } } : logger,
    trustProxy: trustProxyOption(deps.config.trustProxy),
    bodyLimit: 1024 * 1024,
  });
  app.decorate('deps', { ...deps, screenRunner: deps.screenRunner ?? cliScreenRunner });
  const jobs = new JobRunner({
    db: deps.database.db,
    handlers: {
      [candidateImportKind]: candidateImportJob,
      [coverageSnapshotKind]: coverageSnapshotJob(deps.screenRunner ?? cliScreenRunner),
    },
    onError: (error) => app.log.error({ err: error }, 'job failed'),
  });
  app.decorate('jobs', jobs);
  app.addHook('onReady', () => jobs.start());
  app.addHook('onClose', () => jobs.stop());
  const smtp = deps.config.smtp;
  const mailer = smtp ? new OutboxSender(deps.database.db, smtpTransport(smtp), smtp.from, (error) => app.log.error({ err: error }, 'outbox delivery failed')) : null;
  app.decorate('mailer', mailer);
  if (mailer && smtp) {
    app.addHook('onReady', () => mailer.start(smtp.pollSeconds));
    app.addHook('onClose', () => mailer.stop());
  }
  // The audit chain's head, signed outside the database now and then and on stop.
  const anchorer = new Anchorer(deps.database.db, new AnchorStore(deps.config.auditAnchor.dir), (error) => app.log.error({ err: error }, 'audit anchor failed'));
  app.addHook('onReady', () => anchorer.start(deps.config.auditAnchor.seconds));
  app.addHook('onClose', () => anchorer.stop());
  app.decorateRequest('actor', null);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  // Deny by default: an API route without a declared policy is a bug.
  const apiRoutes: { method: string; url: string }[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    if (!isApiRoute(route.url)) return;
    if (!route.config?.policy) throw new Error(`Route ${String(route.method)} ${route.url} declares no policy`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') apiRoutes.push({ method, url: route.url });
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: deps.config.uploadLimitMb * 1024 * 1024, files: 10, fields: 10 } });

  // Who is asking (after the cookie parser), then what the route's policy requires.
  app.addHook('onRequest', async (request) => {
    const policy: RoutePolicy | undefined = request.routeOptions.config?.policy;
    if (!policy) return;
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token ? await actorForToken(deps.database.db, token) : null;
    if (policy === 'public') return;
    if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    if (!safeMethods.has(request.method) && request.headers['x-csrf-token'] !== request.actor.csrfToken) {
      throw new AppError('CSRF_FAILED', 'Missing or wrong x-csrf-token header; reload the page');
    }
  });

  // Before the body is validated, so a refused caller learns nothing about it.
  app.addHook('preValidation', (request, _reply, done) => {
    const policy: RoutePolicy | undefined = request.routeOptions.config?.policy;
    if (typeof policy === 'function' && !policy(request.actor!, request)) {
      done(forbidden('Your role does not allow this'));
      return;
    }
    done();
  });

  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('RATE_LIMITED', 'Too many attempts; wait a minute and try again'),
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Paritrana API',
        description:
          'API of Paritrana, the system of the Paritrana Award. Writes need the session cookie and the `x-csrf-token` header from `/api/auth/me`.',
        version: deps.version,
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  for (const plugin of routes) await app.register(plugin, { prefix: '/api' });
  app.get('/api/openapi.json', { config: { policy: 'public' }, schema: { hide: true } }, () => app.swagger());

  // Registered even before the first build has written the web app (npm start builds it in the
  // background), so that the pages are served as soon as it is there, without a restart.
  mkdirSync(webRoot, { recursive: true });
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: true,
    index: ['index.html'],
    // Brotli/gzip copies written by the build; hashed assets never change under their name.
    preCompressed: true,
    setHeaders: (reply, path) => {
      reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (request.method === 'GET' && !path.startsWith('/api') && !path.includes('.')) {
      if (existsSync(`${webRoot}/index.html`)) return reply.type('text/html').sendFile('index.html', webRoot);
      return reply
        .type('text/html')
        .header('refresh', '5')
        .send(
          '<!doctype html><html lang="id"><meta charset="utf-8"><title>Paritrana</title>' +
            '<p>Aplikasi web sedang disiapkan (<code>npm run build</code>); halaman ini dimuat ulang sendiri.</p>' +
            '<p lang="en">The web app is being built (<code>npm run build</code>); this page reloads itself.</p></html>',
        );
    }
    return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route ${request.method} ${path}` } });
  });
  return app;
}

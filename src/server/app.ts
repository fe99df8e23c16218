import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
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
import { actorForToken } from './services/auth.ts';
import type { ResourceScope, RoutePolicy } from './policies/types.ts';
import { routes } from './routes/index.ts';
import type { ScreenRunner } from './services/coverage-import.ts';
import { cliScreenRunner } from './services/screen-runner.ts';
import { OutboxSender, smtpTransport } from './services/outbox.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

/** Work that outlives its request (imports); the app waits for it on close. */
export class BackgroundJobs {
  private readonly running = new Set<Promise<unknown>>();
  constructor(private readonly onError: (error: unknown) => void) {}
  run(job: Promise<unknown>): void {
    const tracked = job.catch(this.onError).finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }
  async drain(): Promise<void> {
    await Promise.all([...this.running]);
  }
}

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface FastifyInstance {
    deps: Required<AppDeps>;
    jobs: BackgroundJobs;
    /** Delivers the outbox by SMTP; null without SMTP (messages stay in the outbox). */
    mailer: OutboxSender | null;
    /** Every API route with its method, as registered (for the policy tests). */
    apiRoutes: { method: string; url: string }[];
  }
}

function isApiRoute(url: string): boolean {
  return url.startsWith('/api/') && !url.startsWith('/api/docs');
}

/** Builds the HTTP application; the caller listens (or injects, in tests). */
export async function buildApp(deps: AppDeps, options: { logger?: FastifyServerOptions['logger'] } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? { level: deps.config.logLevel },
    trustProxy: true,
    bodyLimit: 1024 * 1024,
  });
  app.decorate('deps', { ...deps, screenRunner: deps.screenRunner ?? cliScreenRunner });
  const jobs = new BackgroundJobs((error) => app.log.error({ err: error }, 'background job failed'));
  app.decorate('jobs', jobs);
  app.addHook('onClose', () => jobs.drain());
  const smtp = deps.config.smtp;
  const mailer = smtp ? new OutboxSender(deps.database.db, smtpTransport(smtp), smtp.from, (error) => app.log.error({ err: error }, 'outbox delivery failed')) : null;
  app.decorate('mailer', mailer);
  if (mailer && smtp) {
    app.addHook('onReady', () => mailer.start(smtp.pollSeconds));
    app.addHook('onClose', () => mailer.stop());
  }
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
  // Then the resource the path names, when the route declares a scope; a
  // malformed id is left to validation (400).
  app.addHook('preValidation', async (request) => {
    const scope: ResourceScope | undefined = request.routeOptions.config?.scope;
    const params = request.params as Record<string, string>;
    if (!scope || !request.actor || !uuidPattern.test(params.id ?? '')) return;
    await scope(request.actor, params);
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

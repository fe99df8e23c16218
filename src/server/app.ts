import { mkdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { withErrorResponses } from './openapi-errors.ts';
import type { Database } from '../db/client.ts';
import { AppError, forbidden } from '../domain/errors.ts';
import type { Config } from './config.ts';
import { installErrorHandler } from './errors.ts';
import { errorSerializer } from './log.ts';
import { redactUrl } from './secret-links.ts';
import { actorForToken } from './services/auth.ts';
import type { ResourceScope, RoutePolicy } from './policies/types.ts';
import { routes } from './routes/index.ts';
import { coverageSnapshotJob, coverageSnapshotKind, type ScreenRunner } from './services/coverage-import.ts';
import { candidateImportJob, candidateImportKind } from './services/candidate-import.ts';
import { JobRunner } from './job-runner.ts';
import { cliScreenRunner } from './services/screen-runner.ts';
import { OutboxSender, smtpTransport } from './services/outbox.ts';
import { configureNotifications } from './notifications/notify.ts';
import { ReminderSweeper } from './notifications/reminders.ts';
import { Anchorer, AnchorStore } from './services/audit-anchor.ts';
import { DiskFileStore } from './storage/disk-store.ts';
import { newNonce, securityHeaders } from './security-headers.ts';
import { requestReceived } from './request-received.ts';
import { sealStoredTotpSecrets, secretsKeyOpensStored } from './services/two-factor.ts';
import { secretsMismatchReason } from './services/health.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const SESSION_COOKIE = 'paritrana_session';
/** Written in the web page where the server puts the answer's CSP style nonce (see src/web/index.html). */
export const cspNoncePlaceholder = '__CSP_NONCE__';
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
    /** Sweeps for reminders and digests due (src/server/notifications/reminders.ts). */
    reminders: ReminderSweeper;
    /** Every API route with its method, as registered (for the policy tests). */
    apiRoutes: { method: string; url: string }[];
  }
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface FastifyReply {
    /** The nonce of this answer's style elements (answers outside /api/ only; see src/server/security-headers.ts). */
    styleNonce: string;
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

let cachedPage: { mtimeMs: number; html: string } | null = null;
/** The built web page (re-read when a new build replaces it), or null before the first build. */
async function indexPage(): Promise<string | null> {
  const file = `${webRoot}/index.html`;
  const info = await stat(file).catch(() => null);
  if (!info) return null;
  if (cachedPage?.mtimeMs !== info.mtimeMs) cachedPage = { mtimeMs: info.mtimeMs, html: await readFile(file, 'utf8') };
  return cachedPage.html;
}

/** The logger of a server: JSON for a collector, or readable lines at a terminal. */
export function loggerOptions(config: Pick<Config, 'logLevel' | 'logFormat'>, isTerminal = process.stdout.isTTY === true): FastifyServerOptions['logger'] {
  const pretty = config.logFormat === 'pretty' || (config.logFormat === 'auto' && isTerminal);
  if (!pretty) return { level: config.logLevel };
  return {
    level: config.logLevel,
    transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', singleLine: true } },
  };
}

/** Builds the HTTP application; the caller listens (or injects, in tests). */
export async function buildApp(deps: AppDeps, options: { logger?: FastifyServerOptions['logger'] } = {}): Promise<FastifyInstance> {
  const logger = options.logger ?? loggerOptions(deps.config);
  const app = Fastify({
    // One line per request, at debug (below): the default level keeps what someone must read.
    logController: new LogController({ disableRequestLogging: true }),
    // Errors are logged without the values a failed query was sent (src/server/log.ts), and
    // request URLs without the tokens some of them carry (src/server/secret-links.ts).
    logger: typeof logger === 'object' ? { ...logger, serializers: { ...logger.serializers, err: errorSerializer, req: serializeRequest } } : logger,
    trustProxy: trustProxyOption(deps.config.trustProxy),
    bodyLimit: 1024 * 1024,
    // A client that sends its headers and then stalls (or trickles a body) must not hold a socket forever.
    requestTimeout: deps.config.timeouts.requestMs,
    connectionTimeout: deps.config.timeouts.idleMs,
    keepAliveTimeout: deps.config.timeouts.keepAliveMs,
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
  // Links in notifications point at the configured address; reminders and digests are swept by every server.
  configureNotifications({ baseUrl: deps.config.baseUrl });
  const sweeper = new ReminderSweeper(
    deps.database.db,
    deps.config.reminders.offsets,
    (error) => app.log.error({ err: error }, 'reminder sweep failed'),
    () => mailer?.kick(),
  );
  app.decorate('reminders', sweeper);
  app.addHook('onReady', () => sweeper.start(deps.config.reminders.sweepSeconds));
  app.addHook('onClose', () => sweeper.stop());
  // The audit chain's head, signed outside the database now and then and on stop.
  const anchorer = new Anchorer(deps.database.db, new AnchorStore(deps.config.auditAnchor.dir), (error) => app.log.error({ err: error }, 'audit anchor failed'));
  app.addHook('onReady', async () => {
    await anchorer.start(deps.config.auditAnchor.seconds);
  });
  app.addHook('onClose', () => anchorer.stop());
  // Two-factor secrets stored before they were sealed are sealed before the server takes requests.
  app.addHook('onReady', async () => {
    if ('url' in deps.config.database && !deps.config.secrets.key) {
      app.log.warn({ keyFile: deps.config.secrets.keyFile }, 'SECRETS_KEY is not set: two-factor secrets are sealed with this server’s own key file; several servers on one database need the same SECRETS_KEY');
    }
    try {
      // A server given another key than the one that sealed the stored secrets says so now (its health check
      // fails too) and seals nothing: what it sealed would open on no other server.
      if (!(await secretsKeyOpensStored(deps.database.db, deps.config))) {
        app.log.error(secretsMismatchReason);
        return;
      }
      const sealed = await sealStoredTotpSecrets(deps.database.db, deps.config);
      if (sealed > 0) app.log.info({ users: sealed }, 'two-factor secrets sealed with the secrets key');
    } catch (error) {
      app.log.error({ err: error }, 'two-factor secrets could not be checked or sealed; they are read as stored');
    }
  });
  if (!deps.config.s3) {
    // Evidence writes cut short by a crash leave temp files: removed before the app takes requests
    // (a walk of the files folder; a failure is logged and does not stop the start).
    const files = new DiskFileStore(deps.config.filesDir);
    app.addHook('onReady', async () => {
      try {
        const removed = await files.removeStaleTemps();
        if (removed.length > 0) app.log.info({ removed: removed.length }, 'removed stale temp files of interrupted uploads');
      } catch (error) {
        app.log.error({ err: error }, 'removing stale temp files failed');
      }
    });
  }
  app.addHook('onResponse', (request, reply, done) => {
    if (request.log.level === 'debug' || request.log.level === 'trace') request.log.debug({ req: request, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
    done();
  });
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

  // Helmet's headers with our policy, computed once; the web page's policy adds its nonce (below).
  const security = securityHeaders({ https: deps.config.baseUrl.startsWith('https://') });
  app.decorateReply('styleNonce', '');
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(security.common);
    // A request already wholly received (no body) is not cut by the idle timeout while the server works on it.
    if (request.raw.complete) requestReceived(request);
    if (!request.url.startsWith('/api/')) {
      // The web page and its files: a fresh nonce per answer, which the page hands to Mantine for the <style> elements it adds.
      reply.styleNonce = newNonce();
      reply.header('content-security-policy', security.pagePolicy(reply.styleNonce));
    }
    done();
  });
  // Nor one whose body has been read; an upload is read by its route, which says when (src/server/request-received.ts).
  app.addHook('preHandler', (request, _reply, done) => {
    if (!request.isMultipart()) requestReceived(request);
    done();
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: deps.config.uploadLimitMb * 1024 * 1024, files: 10, fields: 10 } });

  // Who is asking (after the cookie parser), then what the route's policy requires.
  // Routes that answer everyone alike (config `anonymous`) skip the session look-up.
  app.addHook('onRequest', (request, _reply, done) => {
    const config = request.routeOptions.config;
    const policy: RoutePolicy | undefined = config?.policy;
    const token = request.cookies[SESSION_COOKIE];
    if (!policy || (policy === 'public' && (config.anonymous || !token))) {
      done();
      return;
    }
    authenticate(request, policy, token).then(() => done(), done);
  });
  async function authenticate(request: FastifyRequest, policy: RoutePolicy, token: string | undefined): Promise<void> {
    request.actor = token ? await actorForToken(deps.database.db, token) : null;
    if (policy === 'public') return;
    if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    if (!safeMethods.has(request.method) && request.headers['x-csrf-token'] !== request.actor.csrfToken) {
      throw new AppError('CSRF_FAILED', 'Missing or wrong x-csrf-token header; reload the page');
    }
    if (request.actor.twoFactor?.setupRequired && !request.routeOptions.config.duringTwoFactorSetup) {
      throw new AppError('TWO_FACTOR_REQUIRED', 'Switch on two-factor sign-in on your account page first (required for admins)');
    }
  }

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
    transformObject: (document) => ('openapiObject' in document ? withErrorResponses(document.openapiObject) : document.swaggerObject),
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
    // The page itself is answered below, with this answer's CSP nonce written into it.
    index: false,
    allowedPath: (path) => path !== '/index.html',
    // Brotli/gzip copies written by the build; hashed assets never change under their name.
    preCompressed: true,
    setHeaders: (reply, path) => {
      reply.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (request.method === 'GET' && !path.startsWith('/api') && !path.includes('.')) {
      const page = await indexPage();
      if (page) return reply.type('text/html').header('cache-control', 'no-cache').send(page.replaceAll(cspNoncePlaceholder, reply.styleNonce));
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

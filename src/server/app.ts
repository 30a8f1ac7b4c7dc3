import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { type Config, fastifyTrustProxy } from './config.js';
import type { Db } from './db/connection.js';
import { AppError } from './http/errors.js';
import { openApiTransform, securitySchemes, sendCsrfFromCookie } from './http/openapi.js';
import { errorHandler, problemFor, sendProblem } from './http/problem.js';
import { type Handlers, registerRoutes } from './http/register-routes.js';
import { activityHandlers } from './modules/activity/routes.js';
import { authHandlers } from './modules/auth/routes.js';
import { customerHandlers } from './modules/customers/routes.js';
import { featureHandlers } from './modules/features/routes.js';
import { importHandlers } from './modules/imports/routes.js';
import { insightHandlers } from './modules/insights/routes.js';
import { memberHandlers } from './modules/members/routes.js';
import { objectiveHandlers } from './modules/objectives/routes.js';
import { productHandlers } from './modules/products/routes.js';
import { searchHandlers } from './modules/search/routes.js';
import { systemHandlers } from './modules/system/routes.js';
import { workspaceHandlers } from './modules/workspaces/routes.js';
import { createServices, type Services } from './services.js';
import { APP_VERSION } from './version.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface AppOptions {
  db: Db;
  config: Config;
  /** Directory of the built web app; null serves the API only. */
  webRoot?: string | null;
  logger?: boolean;
  /**
   * Check every response against its zod schema before sending (tests do: it catches
   * contract drift). Production trusts the typed DTOs and only stringifies, which is several
   * times faster on large lists.
   */
  validateResponses?: boolean;
}

const BODY_LIMIT = 1024 * 1024;

const handlers: Handlers = {
  ...systemHandlers,
  ...authHandlers,
  ...workspaceHandlers,
  ...memberHandlers,
  ...productHandlers,
  ...activityHandlers,
  ...customerHandlers,
  ...insightHandlers,
  ...featureHandlers,
  ...searchHandlers,
  ...importHandlers,
  ...objectiveHandlers,
};

/** PostgreSQL text cannot hold U+0000, and no product text needs it: refused on both databases. */
function refuseNul(key: string, value: unknown): unknown {
  if ((typeof value === 'string' && value.includes('\u0000')) || key.includes('\u0000')) {
    throw new AppError('validation_failed', 'Text cannot contain the NUL character (U+0000).', {
      errors: [{ path: key || 'body', message: 'Contains U+0000' }],
    });
  }
  return value;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance & { services: Services }> {
  const { config, db } = options;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'] },
    bodyLimit: BODY_LIMIT,
    trustProxy: fastifyTrustProxy(config.trustProxy),
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Errors raised before routing (bad percent-encoding, over-long parameters) are problems too.
    frameworkErrors: (error, _request, reply) => {
      const status = error.statusCode ?? 400;
      sendProblem(
        reply,
        problemFor(status === 414 ? 'validation_failed' : status === 404 ? 'not_found' : 'validation_failed', error.message),
      );
    },
  });
  const services = createServices(db.kysely, db.dialect, config, APP_VERSION);

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(options.validateResponses ? serializerCompiler : () => (data) => JSON.stringify(data));
  app.setErrorHandler(errorHandler);

  // An empty JSON body (e.g. POST /auth/logout with a JSON content type) means "no body".
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text, refuseNul));
    } catch (err) {
      if (err instanceof AppError) return done(err, undefined);
      done(new AppError('malformed_json', (err as Error).message), undefined);
    }
  });

  // One log line per request, without secrets (invitation tokens live in paths).
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: request.url.replace(/(invitations?|invite)\/[^/?]+/, '$1/…'),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: false,
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.importMaxBytes, files: 1, fields: 10, fieldSize: 64 * 1024 } });
  if (config.rateLimit > 0) {
    await app.register(rateLimit, {
      max: config.rateLimit,
      timeWindow: 60_000,
      // The limit guards the API. The web app's files are static and cheap, and one cold visit
      // loads over a hundred of them: counted, a few screens would eat a minute's allowance.
      allowList: (request) => !request.url.startsWith('/api/'),
      errorResponseBuilder: (_req, ctx) =>
        new AppError('rate_limited', `More than ${ctx.max} requests a minute; retry in ${Math.ceil(ctx.ttl / 1000)} s.`),
    });
  }
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cairn API',
        version: APP_VERSION,
        description:
          'Product management: workspaces, products, discovery, strategy, roadmap, delivery and metrics. Errors are application/problem+json (RFC 9457) with a stable `code`.',
      },
      components: { securitySchemes },
    },
    transform: openApiTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false, uiConfig: { requestInterceptor: sendCsrfFromCookie } });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerRoutes(app, services, handlers);

  const webRoot = options.webRoot ?? null;
  const indexHtml = webRoot ? path.join(webRoot, 'index.html') : null;
  if (webRoot && indexHtml && fs.existsSync(indexHtml)) {
    // Files under assets/ carry a hash of their content in their name: a browser keeps them for
    // good and never asks again. The others (favicon, boot script) may change under their name.
    const assetsDir = `${path.join(webRoot, 'assets')}${path.sep}`;
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders: (reply, file) => reply.header('cache-control', file.startsWith(assetsDir) ? IMMUTABLE : 'public, max-age=3600'),
    });
    const html = fs.readFileSync(indexHtml, 'utf8');
    app.get('/', (_req, reply) => reply.type('text/html').header('cache-control', 'no-cache').send(html));
    // Assets written after the start (a rebuild under a running server) are served too.
    app.get('/assets/*', (req, reply) => reply.sendFile(req.url.slice(1).split('?')[0] ?? ''));
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/')) {
        return reply.type('text/html').header('cache-control', 'no-cache').send(html);
      }
      return sendProblem(reply, problemFor('not_found', `No route ${request.method} ${request.url.split('?')[0]}.`));
    });
  } else {
    app.setNotFoundHandler((request, reply) =>
      sendProblem(reply, problemFor('not_found', `No route ${request.method} ${request.url.split('?')[0]}.`)),
    );
  }

  return Object.assign(app, { services }) as unknown as FastifyInstance & { services: Services };
}

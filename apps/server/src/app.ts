import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { DestinationStream } from 'pino';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import './http/actor.ts';
import { fhirRoutes } from './modules/fhir/fhir.routes.ts';
import { registerGate } from './http/gate.ts';
import { AppError, errorForLog, errorHandler } from './http/errors.ts';
import { registerSecurityHeaders } from './http/headers.ts';
import { openApiRoutes, registerOpenApi } from './http/openapi.ts';
import { textCheckedValidatorCompiler } from './http/text.ts';
import { accessRoutes } from './modules/access/access.routes.ts';
import { accountsRoutes } from './modules/accounts/accounts.routes.ts';
import { oidcRoutes } from './modules/accounts/oidc.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { careRoutes } from './modules/care/care.routes.ts';
import { decisionsRoutes } from './modules/decisions/decisions.routes.ts';
import { medicinesRoutes } from './modules/medicines/medicines.routes.ts';
import { surveysRoutes } from './modules/surveys/surveys.routes.ts';
import { trustRoutes } from './modules/trust/trust.routes.ts';
import { PlanningQueue } from './modules/planning/index.ts';
import { planningRoutes } from './modules/planning/planning.routes.ts';
import { executeRun } from './modules/planning/index.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { assessmentRoutes } from './modules/assessment/assessment.routes.ts';
import { handoverRoutes } from './modules/handover/handover.routes.ts';
import { leaderStatsRoutes } from './modules/leaderstats/leaderstats.routes.ts';
import { importsRoutes } from './modules/imports/imports.routes.ts';
import { incidentRoutes } from './modules/incidents/incidents.routes.ts';
import { requestRoutes } from './modules/requests/requests.routes.ts';
import { organisationRoutes } from './modules/organisation/organisation.routes.ts';
import { recipientsRoutes } from './modules/recipients/recipients.routes.ts';
import { reportingRoutes } from './modules/reporting/reporting.routes.ts';
import { staffingRoutes } from './modules/staffing/staffing.routes.ts';
import { statisticsRoutes } from './modules/statistics/statistics.routes.ts';
import { portalRoutes } from './modules/portal/portal.routes.ts';

/** The version the API description states (package.json's). */
const API_VERSION = '0.1.0';

export const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/**
 * What the log may say about a request and an error: the method and matched route (a URL
 * may carry a person's id), an error's kind and code (a driver's message carries SQL
 * parameters, which hold people's data).
 */
const logSerializers = {
  req: (request: FastifyRequest) => ({ method: request.method, route: request.routeOptions?.url ?? null }),
  err: errorForLog,
};

/**
 * Builds the HTTP app on an open, migrated database. Tests use `app.inject`; `serve` listens.
 * `logStream` replaces standard output for the log (tests read what was logged); `webRoot`
 * replaces the built web app's folder (tests serve a small one).
 */
export async function buildApp(
  database: Database,
  config: Config,
  options: { logStream?: DestinationStream; webRoot?: string } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      serializers: logSerializers,
      ...(options.logStream && { stream: options.logStream }),
    },
    // Only the configured proxies may tell the client's address (the log-in limit counts by it).
    trustProxy: config.trustProxy,
  });
  // Every schema of every route refuses text with NUL or lone surrogates (http/text.ts).
  app.setValidatorCompiler(textCheckedValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  await registerSecurityHeaders(app, { hsts: config.hsts });

  await app.register(cookie);
  // Before the rate limiter: the gate's onRoute hook gives public routes their limit first.
  registerGate(app, database.db, config.clock, {
    max: config.publicRateLimit.max,
    timeWindow: config.publicRateLimit.windowMs,
  });
  await app.register(rateLimit, {
    global: false,
    hook: 'preHandler',
    errorResponseBuilder: (_req, ctx) =>
      new AppError(429, 'rate_limited', `Too many attempts. Try again in ${Math.ceil(ctx.ttl / 60000)} minutes.`),
  });

  // Before the routes: it collects them as they are added (GET /api/docs).
  await registerOpenApi(app, API_VERSION);
  openApiRoutes(app);
  healthRoutes(app, database);
  accountsRoutes(app, database.db, config);
  oidcRoutes(app, database.db, config);
  organisationRoutes(app, database.db);
  recipientsRoutes(app, database.db);
  accessRoutes(app, database.db, config);
  auditRoutes(app, database.db);
  careRoutes(app, database.db);
  decisionsRoutes(app, database.db);
  medicinesRoutes(app, database.db);
  trustRoutes(app, database.db);
  incidentRoutes(app, database.db);
  requestRoutes(app, database.db);
  handoverRoutes(app, database.db);
  assessmentRoutes(app, database.db);
  leaderStatsRoutes(app, database.db);
  surveysRoutes(app, database.db, config.clock);
  reportingRoutes(app, database.db);
  staffingRoutes(app, database.db);
  statisticsRoutes(app, database.db);
  importsRoutes(app, database.db);
  portalRoutes(app, database.db);
  await fhirRoutes(app, database.db, API_VERSION);

  const queue = new PlanningQueue(
    database,
    (runId) => executeRun(database.db, runId, { threads: config.planningThreads, clock: config.clock }),
    (msg, err) => app.log.error({ err }, msg),
  );
  await queue.start(config.planningWorker);
  app.addHook('onClose', () => queue.stop());
  planningRoutes(app, database.db, (runId) => queue.enqueue(runId), config.clock, config.visitingLinkDays);

  const webRoot = options.webRoot ?? webDist;
  if (existsSync(path.join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false });
    // The web app routes on the client: unknown non-API paths get index.html.
    app.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith('/api/') || request.url.startsWith('/oauth2/') || request.method !== 'GET') {
        return reply.status(404).send({ error: { code: 'not_found', message: 'No such endpoint' } });
      }
      return reply.sendFile('index.html');
    });
  }
  return app;
}

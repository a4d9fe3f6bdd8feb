import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import './http/actor.ts';
import { registerAuth } from './http/auth.ts';
import { AppError, errorHandler } from './http/errors.ts';
import { accessRoutes } from './modules/access/access.routes.ts';
import { accountsRoutes } from './modules/accounts/accounts.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { careRoutes } from './modules/care/care.routes.ts';
import { decisionsRoutes } from './modules/decisions/decisions.routes.ts';
import { surveysRoutes } from './modules/surveys/surveys.routes.ts';
import { trustRoutes } from './modules/trust/trust.routes.ts';
import { PlanningQueue } from './modules/planning/index.ts';
import { planningRoutes } from './modules/planning/planning.routes.ts';
import { executeRun } from './modules/planning/index.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { organisationRoutes } from './modules/organisation/organisation.routes.ts';
import { recipientsRoutes } from './modules/recipients/recipients.routes.ts';

export const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Builds the HTTP app on an open, migrated database. Tests use `app.inject`; `serve` listens. */
export async function buildApp(database: Database, config: Config): Promise<FastifyInstance> {
  const app = Fastify({ logger: { level: config.logLevel }, trustProxy: true });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    hook: 'preHandler',
    errorResponseBuilder: (_req, ctx) =>
      new AppError(429, 'rate_limited', `Too many attempts. Try again in ${Math.ceil(ctx.ttl / 60000)} minutes.`),
  });
  registerAuth(app, database.db, config.clock);

  healthRoutes(app, database);
  accountsRoutes(app, database.db, config);
  organisationRoutes(app, database.db);
  recipientsRoutes(app, database.db);
  accessRoutes(app, database.db, config);
  auditRoutes(app, database.db);
  careRoutes(app, database.db);
  decisionsRoutes(app, database.db);
  trustRoutes(app, database.db);
  surveysRoutes(app, database.db, config.clock);

  const queue = new PlanningQueue(
    database,
    (runId) => executeRun(database.db, runId, { threads: config.planningThreads, clock: config.clock }),
    (msg, err) => app.log.error({ err }, msg),
  );
  await queue.start(config.planningWorker);
  app.addHook('onClose', () => queue.stop());
  planningRoutes(app, database.db, (runId) => queue.enqueue(runId), config.clock, config.visitingLinkDays);

  if (existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
    // The web app routes on the client: unknown non-API paths get index.html.
    app.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith('/api/') || request.method !== 'GET') {
        return reply.status(404).send({ error: { code: 'not_found', message: 'No such endpoint' } });
      }
      return reply.sendFile('index.html');
    });
  }
  return app;
}

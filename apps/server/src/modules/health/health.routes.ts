import { liveResponse, notReadyResponse, readyResponse } from '@tillit/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { access } from '../../http/access.ts';

/**
 * Load balancers and orchestrators probe often from a few addresses, and a probe refused with 429
 * would take a healthy server out of service: the probes are the only public routes without a
 * rate limit (they read nothing but `SELECT 1`).
 */
const PROBES = false;

/** How long readiness waits for the database before answering 503. */
const READY_TIMEOUT_MS = 2000;

/**
 * Health for a load balancer or orchestrator; no session needed, and the answers say only
 * what the public needs (never the database's path, host or kind):
 * - `GET /api/health/live`: the process answers (restart it when this fails).
 * - `GET /api/health/ready`: the database answers within 2 s and the server is not shutting
 *   down (send it traffic only while this is 200; 503 otherwise).
 * - `GET /api/health`: the same as ready, kept for existing checks.
 */
export function healthRoutes(app: FastifyInstance, database: Database) {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });

  const databaseAnswers = async () => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
    });
    const query = database.db.execute(sql`SELECT 1`).then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([query, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };

  const ready = async (_request: unknown, reply: FastifyReply) => {
    if (closing) return reply.status(503).send({ status: 'shutting_down' });
    if (!(await databaseAnswers())) return reply.status(503).send({ status: 'database_unavailable' });
    return { status: 'ok' as const };
  };

  const r = app.withTypeProvider<ZodTypeProvider>();
  const probe = { config: { access: access.public(PROBES) } };
  const readiness = { ...probe, schema: { response: { 200: readyResponse, 503: notReadyResponse } } };
  r.get('/api/health/live', { ...probe, schema: { response: { 200: liveResponse } } }, async () => ({
    status: 'ok' as const,
  }));
  r.get('/api/health/ready', readiness, ready);
  r.get('/api/health', readiness, ready);
}

import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client.ts';
import type { Clock } from '../time/clock.ts';
import { loadActorCached } from '../modules/accounts/index.ts';
import { AppError, unauthenticated } from './errors.ts';

export const SESSION_COOKIE = 'tillit_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Every /api route needs a session unless its config says `public: true`. State-changing
 * requests must also carry the session's CSRF token in `x-csrf-token` (synchroniser token);
 * together with SameSite=Strict cookies this stops cross-site requests.
 */
export function registerAuth(app: FastifyInstance, db: Db, clock: Clock) {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('csrfToken', '');
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/') || request.routeOptions.config?.public) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw unauthenticated();
    const loaded = await loadActorCached(db, token, clock.now());
    if (!loaded) throw unauthenticated();
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, loaded.csrfToken)) {
        throw new AppError(403, 'csrf', 'Missing or wrong x-csrf-token header');
      }
    }
    request.actor = loaded.actor;
    request.csrfToken = loaded.csrfToken;
  });
}

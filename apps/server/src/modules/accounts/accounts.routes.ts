import { loginBody, logoutResponse, meResponse } from '@tillit/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { SESSION_COOKIE } from '../../http/auth.ts';
import { AppError } from '../../http/errors.ts';
import { loadActor, logIn, logOut } from './accounts.service.ts';

export function accountsRoutes(app: FastifyInstance, db: Db, config: Config) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/login',
    {
      schema: { body: loginBody, response: { 200: meResponse } },
      config: {
        public: true,
        // Per address and username: slows guessing without letting one user lock out another.
        rateLimit: {
          max: config.loginRateLimit.max,
          timeWindow: config.loginRateLimit.windowMs,
          keyGenerator: (req) =>
            `${req.ip}|${String((req.body as { username?: string })?.username ?? '').toLowerCase()}`,
        },
      },
    },
    async (request, reply) => {
      const session = await logIn(db, request.body.username, request.body.password, config.sessionHours);
      if (!session) throw new AppError(401, 'bad_credentials', 'Wrong username or password');
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: config.secureCookies,
        expires: session.expiresAt,
      });
      const loaded = await loadActor(db, session.token, config.clock.now());
      return { ...loaded!.actor, csrfToken: session.csrfToken };
    },
  );

  r.post('/api/auth/logout', { schema: { response: { 200: logoutResponse } } }, async (request, reply) => {
    await logOut(db, request.cookies[SESSION_COOKIE]!);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  r.get('/api/auth/me', { schema: { response: { 200: meResponse } } }, async (request) => ({
    ...request.actor,
    csrfToken: request.csrfToken,
  }));
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import { SESSION_COOKIE } from '../../http/gate.ts';
import { AppError } from '../../http/errors.ts';
import { loginBody, meResponse } from './accounts.schema.ts';
import { loadActor, logIn, logOut } from './accounts.service.ts';

export function accountsRoutes(app: FastifyInstance, db: Db, config: Config) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/login',
    {
      schema: { body: loginBody },
      config: {
        access: access.public(),
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
      return meResponse.parse({ ...loaded!.actor, csrfToken: session.csrfToken });
    },
  );

  r.post('/api/auth/logout', { config: { access: access.session() } }, async (request, reply) => {
    await logOut(db, request.cookies[SESSION_COOKIE]!);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  r.get(
    '/api/auth/me',
    { schema: { response: { 200: meResponse } }, config: { access: access.session() } },
    async (request) => ({
      ...request.actor,
      csrfToken: request.csrfToken,
    }),
  );
}

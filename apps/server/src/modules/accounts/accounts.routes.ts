import { authConfigResponse, loginBody, logoutResponse, meResponse, renewResponse } from '@tillit/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import { SESSION_COOKIE } from '../../http/gate.ts';
import { AppError, unauthenticated } from '../../http/errors.ts';
import { loadActor, logIn, logOut, renewSession, sessionSecondsLeft } from './accounts.service.ts';
import { throttledLogIn } from './login.throttle.ts';

export function accountsRoutes(app: FastifyInstance, db: Db, config: Config) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/login',
    {
      schema: { body: loginBody, response: { 200: meResponse } },
      // Public, with the per-address limit every public route gets; failed log-ins are limited
      // per username and address in the database as well (throttledLogIn).
      config: { access: access.public() },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      // Failed log-ins are limited per username and per address, in the database so that every server counts.
      const session = await throttledLogIn(db, config.loginLimits, username, request.ip, config.clock.now(), () =>
        logIn(db, username, password, config.sessionHours),
      );
      if (!session) throw new AppError(401, 'bad_credentials', 'Wrong username or password');
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: config.secureCookies,
        expires: session.expiresAt,
      });
      const loaded = await loadActor(db, session.token, config.clock.now());
      return { ...loaded!.actor, csrfToken: session.csrfToken, sessionSecondsLeft: config.sessionHours * 3600 };
    },
  );

  r.post(
    '/api/auth/logout',
    { schema: { response: { 200: logoutResponse } }, config: { access: access.session() } },
    async (request, reply) => {
      await logOut(db, request.cookies[SESSION_COOKIE]!);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/auth/me',
    { schema: { response: { 200: meResponse } }, config: { access: access.session() } },
    async (request) => ({
      ...request.actor,
      csrfToken: request.csrfToken,
      // The gate let the session in, but it may have ended since: then none is left.
      sessionSecondsLeft: (await sessionSecondsLeft(db, request.cookies[SESSION_COOKIE]!)) ?? 0,
    }),
  );

  // The log-in page asks before anyone logs in whether to show the demo log-ins: a real
  // installation never advertises a password.
  r.get(
    '/api/auth/config',
    { schema: { response: { 200: authConfigResponse } }, config: { access: access.public() } },
    async () => ({
      demoLogins: config.demoLogins,
      sso: { staff: config.oidc.staff !== undefined, eid: config.oidc.eid !== undefined },
    }),
  );

  // Renewing needs a live session and its CSRF token (the gate); it gives the full session length again.
  r.post(
    '/api/auth/session/renew',
    { schema: { response: { 200: renewResponse } }, config: { access: access.session() } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE]!;
      const renewed = await renewSession(db, token, config.sessionHours);
      if (!renewed) throw unauthenticated();
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: config.secureCookies,
        expires: renewed.expiresAt,
      });
      return { sessionSecondsLeft: renewed.secondsLeft };
    },
  );
}

import {
  linkIdentityBody,
  linkIdentityParams,
  linkIdentityResponse,
  ssoParams,
  unlinkIdentityParams,
  unlinkIdentityResponse,
} from '@tillit/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import { SESSION_COOKIE } from '../../http/gate.ts';
import { adminLinkIdentity, adminUnlinkIdentity } from './identities.ts';
import { ATTEMPT_MINUTES, OidcRelyingParty, SsoRefusal } from './oidc.ts';

/** Ties a started log-in to the browser that started it; read only by the callback. */
const BROWSER_COOKIE = 'tillit_sso';
const BROWSER_COOKIE_PATH = '/api/auth/oidc';

/**
 * Single sign-on (oidc.ts). Both routes are public (the person has no session yet) and carry
 * the per-address limit every public route gets. They answer with redirects, never JSON: the
 * browser is on its way to or from the provider. A refusal goes to the log-in page with a code
 * it says in words; the log holds the code and openid-client's reason, never a claim's value.
 */
export function oidcRoutes(app: FastifyInstance, db: Db, config: Config) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const rp = new OidcRelyingParty(db, config.oidc, config.sessionHours);
  const refuse = (reply: FastifyReply, code: string) => reply.redirect(`/login?sso_error=${code}`, 303);

  r.get(
    '/api/auth/oidc/:provider/start',
    { schema: { params: ssoParams }, config: { access: access.public() } },
    async (request, reply) => {
      const { provider } = request.params;
      if (!rp.enabled(provider))
        return reply.status(404).send({ error: { code: 'sso_off', message: 'Not configured' } });
      try {
        const { url, browserToken } = await rp.start(provider);
        // Lax, not Strict: the provider sends the browser back with a cross-site top-level GET.
        reply.setCookie(BROWSER_COOKIE, browserToken, {
          path: BROWSER_COOKIE_PATH,
          httpOnly: true,
          sameSite: 'lax',
          secure: config.secureCookies,
          maxAge: ATTEMPT_MINUTES * 60,
        });
        return reply.redirect(url.href, 302);
      } catch (err) {
        if (!(err instanceof SsoRefusal)) throw err;
        request.log.warn({ sso: err.code, reason: err.reason, provider }, 'single sign-on not started');
        return refuse(reply, err.code);
      }
    },
  );

  r.get(
    '/api/auth/oidc/:provider/callback',
    { schema: { params: ssoParams }, config: { access: access.public() } },
    async (request, reply) => {
      const { provider } = request.params;
      if (!rp.enabled(provider))
        return reply.status(404).send({ error: { code: 'sso_off', message: 'Not configured' } });
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      reply.clearCookie(BROWSER_COOKIE, { path: BROWSER_COOKIE_PATH });
      try {
        const session = await rp.finish(provider, query, request.cookies[BROWSER_COOKIE]);
        // The same cookie a password log-in sets; the app then asks /api/auth/me for the CSRF token.
        reply.setCookie(SESSION_COOKIE, session.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: config.secureCookies,
          expires: session.expiresAt,
        });
        return reply.redirect('/', 303);
      } catch (err) {
        if (!(err instanceof SsoRefusal)) throw err;
        request.log.warn({ sso: err.code, reason: err.reason, provider }, 'single sign-on refused');
        return refuse(reply, err.code);
      }
    },
  );

  r.post(
    '/api/admin/users/:userId/identities',
    {
      schema: { params: linkIdentityParams, body: linkIdentityBody, response: { 201: linkIdentityResponse } },
      config: { access: access.roles('admin') },
    },
    async (request, reply) => {
      const linked = await adminLinkIdentity(db, request.actor, request.params.userId, request.body);
      return reply.status(201).send(linked);
    },
  );

  r.delete(
    '/api/admin/users/:userId/identities/:provider',
    {
      schema: { params: unlinkIdentityParams, response: { 200: unlinkIdentityResponse } },
      config: { access: access.roles('admin') },
    },
    (request) => adminUnlinkIdentity(db, request.actor, request.params.userId, request.params.provider),
  );
}

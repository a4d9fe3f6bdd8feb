import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Db } from '../db/client.ts';
import type { Clock } from '../time/clock.ts';
import { refusal } from '../modules/access/index.ts';
import { loadActorCached } from '../modules/accounts/index.ts';
import { loadFhirActor, scopeAllows } from '../modules/fhir/index.ts';
import type { Access, PublicLimit } from './access.ts';
import type { Actor } from './actor.ts';
import { AppError, forbidden, unauthenticated } from './errors.ts';

export const SESSION_COOKIE = 'tillit_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The web app's files (index.html, assets) are the only routes outside /api and need no declaration. */
const webAsset: Access = { kind: 'public', rateLimit: undefined };

/**
 * Gives every route its declaration as the route table holds it: public routes get the
 * default per-address limit unless they set their own (log-in), and the static web files
 * (registered by @fastify/static, never under /api) are public without a limit. Must run
 * before @fastify/rate-limit's own onRoute hook, which reads `config.rateLimit`.
 */
function declareOnRoute(route: RouteOptions, publicLimit: PublicLimit) {
  route.config ??= {};
  const config = route.config as { access?: Access; rateLimit?: unknown };
  if (!config.access && !isApi(route.url)) {
    config.access = webAsset;
    return;
  }
  if (config.access?.kind === 'public' && config.rateLimit === undefined) {
    const limit = config.access.rateLimit ?? publicLimit;
    // Counted on arrival, so malformed requests use up the budget too.
    config.rateLimit = limit === false ? false : { hook: 'onRequest', ...limit };
  }
}

/**
 * The only routes not declared `access.citizen()` a citizen (a person served or their next of
 * kin, role `citizen`) may call with a session: who am I, log out, keep the session. (The
 * public routes — log-in, the auth config — need no session at all.) Deny by default: a route
 * added later is closed to citizens unless it is declared for them.
 */
export const CITIZEN_SESSION_ROUTES: ReadonlySet<string> = new Set([
  'GET /api/auth/me',
  'POST /api/auth/logout',
  'POST /api/auth/session/renew',
]);

/**
 * Citizens and staff are kept apart at the door: a citizen reaches `citizen` routes and the
 * auth routes above only; staff never reach `citizen` routes. A refusal is a 403 with a
 * `denied` audit row naming the route pattern (never the URL), so probing shows in the log.
 */
async function keepCitizensApart(db: Db, actor: Actor, declared: Access, method: string, url: string) {
  const route = `${method === 'HEAD' ? 'GET' : method} ${url}`;
  const isCitizen = actor.role === 'citizen';
  if (declared.kind === 'citizen' && !isCitizen) {
    throw await refusal(
      db,
      actor,
      'gate.citizen_route',
      forbidden('citizens_only', 'Only for the person served and their next of kin'),
      { route },
    );
  }
  if (isCitizen && declared.kind !== 'citizen' && !CITIZEN_SESSION_ROUTES.has(route)) {
    throw await refusal(db, actor, 'gate.staff_route', forbidden('staff_only', 'Not open to citizens'), { route });
  }
}

/** Routes that must declare their access: the app's API, the FHIR API and its token endpoint. */
export const isApi = (url: string) =>
  url.startsWith('/api/') || url === '/api' || url.startsWith('/fhir/') || url.startsWith('/oauth2/');

/**
 * A FHIR request (access.fhir): the bearer token, never the cookie, so no CSRF either (a
 * browser never adds an Authorization header on its own). No or an unknown/expired token is
 * 401 with WWW-Authenticate; a token without the resource's scope is 403.
 */
async function fhirActor(request: FastifyRequest, db: Db, clock: Clock, declared: Extract<Access, { kind: 'fhir' }>) {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header) : null;
  const loaded = match ? await loadFhirActor(db, match[1], clock.now()) : null;
  if (!loaded) {
    const error = match ? 'error="invalid_token", ' : '';
    throw new AppError(401, 'unauthenticated', 'A valid bearer token is needed', {
      wwwAuthenticate: `Bearer realm="tillit-fhir", ${error}scope="user/${declared.resource}.${declared.mode}"`,
    });
  }
  if (!scopeAllows(loaded.scopes, declared.resource, declared.mode))
    throw new AppError(
      403,
      'insufficient_scope',
      `The token's scopes do not allow ${declared.mode} of ${declared.resource}`,
    );
  // FHIR clients act for staff: a client bound to a citizen's account reaches nothing.
  if (loaded.actor.role === 'citizen')
    throw await refusal(
      db,
      loaded.actor,
      'gate.fhir_citizen',
      forbidden('staff_only', 'A FHIR client acts for staff'),
      {
        route: `${request.method} ${request.routeOptions.url ?? ''}`,
      },
    );
  request.actor = loaded.actor;
}

/** One row of the route table as the gate saw it registered. */
export interface RouteEntry {
  method: string;
  url: string;
  access: Access | undefined;
  rateLimit: unknown;
  /** The route's zod schemas, so tests can build valid requests from them. */
  schema: RouteOptions['schema'];
}

const tables = new WeakMap<FastifyInstance, RouteEntry[]>();

/** Every route of an app built with the gate (one row per method), in registration order. */
export function routeTable(app: FastifyInstance): RouteEntry[] {
  return tables.get(app) ?? [];
}

function record(table: RouteEntry[], route: RouteOptions) {
  const config = route.config as { access?: Access; rateLimit?: unknown };
  for (const method of [route.method].flat()) {
    table.push({ method, url: route.url, access: config.access, rateLimit: config.rateLimit, schema: route.schema });
  }
}

/**
 * The gate. It decides on the matched route (`request.routeOptions`), never on the raw URL,
 * so an encoded or doubled path reaches either a declared route or the 404 handler. It runs
 * in `onRequest`, before any body is parsed or validated: a route without an access
 * declaration is refused, every route not declared `public` needs a live session (401
 * otherwise), and state-changing requests must carry the session's CSRF token in
 * `x-csrf-token` (synchroniser token; with SameSite=Strict cookies this stops cross-site
 * requests). Record and team rules are then applied by the repositories under the actor.
 */
export function registerGate(app: FastifyInstance, db: Db, clock: Clock, publicLimit: PublicLimit) {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('csrfToken', '');
  const table: RouteEntry[] = [];
  tables.set(app, table);
  app.addHook('onRoute', (route) => {
    declareOnRoute(route, publicLimit);
    record(table, route);
  });
  app.addHook('onRequest', async (request) => {
    // Unmatched paths go to the not-found handler, which answers 404 or the web app's page.
    if (request.is404) return;
    const declared = request.routeOptions.config?.access;
    if (!declared) throw new AppError(403, 'access_undeclared', 'This endpoint declares no access rule');
    if (declared.kind === 'public') return;
    if (declared.kind === 'fhir') return fhirActor(request, db, clock, declared);
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
    await keepCitizensApart(db, loaded.actor, declared, request.method, request.routeOptions.url ?? '');
    request.actor = loaded.actor;
    request.csrfToken = loaded.csrfToken;
  });
}

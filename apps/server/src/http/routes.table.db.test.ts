import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { buildApp } from '../app.ts';
import type { Database } from '../db/client.ts';
import { openTestDatabase, testConfig } from '../test/harness.ts';
import { isApi, type RouteEntry, routeTable } from './gate.ts';

/**
 * Reads Fastify's route table as the gate recorded it and checks each /api route's access
 * declaration (http/access.ts). Adding a route without one fails here (and the gate refuses it).
 */

/** The only routes open without a session; adding one is a decision to make here, on purpose. */
const PUBLIC = [
  'GET /api/health/live',
  'GET /api/health/ready',
  'GET /api/health',
  'POST /api/auth/login',
  'GET /api/auth/config',
  'GET /api/surveys/:token',
  'POST /api/surveys/:token',
  'GET /api/visiting/:token',
  // Single sign-on (accounts/oidc.routes.ts): the person has no session until the callback.
  'GET /api/auth/oidc/:provider/start',
  'GET /api/auth/oidc/:provider/callback',
  // The API's description (OpenAPI, http/openapi.ts): no data, only the shapes the code already publishes.
  'GET /api/docs',
  // FHIR (modules/fhir): the CapabilityStatement, and the token endpoint that checks a client's secret.
  'GET /fhir/R4/metadata',
  'POST /oauth2/token',
];

/** Public routes without a rate limit: the health probes (see health.routes.ts). */
const UNLIMITED = ['GET /api/health/live', 'GET /api/health/ready', 'GET /api/health'];

const paramsOf = (url: string) => [...url.matchAll(/:(\w+)/g)].map((m) => m[1]);

/** Problems with one route's declaration; none for a sound one. */
function declarationProblems(route: RouteEntry): string[] {
  const name = `${route.method} ${route.url}`;
  const a = route.access;
  if (!a) return [`${name}: no access declaration`];
  const problems: string[] = [];
  // Fastify answers HEAD for every GET route with the same options.
  const asListed = route.method === 'HEAD' ? `GET ${route.url}` : name;
  if (a.kind === 'public' && !PUBLIC.includes(asListed))
    problems.push(`${name}: public, but not in the list of public routes`);
  if (a.kind === 'public' && !route.rateLimit && !UNLIMITED.includes(asListed))
    problems.push(`${name}: public without a rate limit`);
  if (a.kind === 'record' || a.kind === 'teamLevel' || (a.kind === 'teamMember' && a.in === 'params')) {
    if (!paramsOf(route.url).includes(a.param)) problems.push(`${name}: declares :${a.param}, the path has none`);
  }
  if (a.kind === 'teamMember' && a.in === 'body') {
    const body = (route.schema as { body?: z.ZodObject } | undefined)?.body;
    if (!body?.shape?.[a.param]) problems.push(`${name}: declares body field ${a.param}, the body schema has none`);
  }
  if (a.kind === 'roles' && a.roles.length === 0) problems.push(`${name}: roles() with no role`);
  if (a.kind === 'roles' && (a.roles as string[]).includes('citizen')) problems.push(`${name}: roles() names citizen`);
  // The person on a citizen route comes from the log-in: nothing in the path to tamper with.
  if (a.kind === 'citizen' && (!route.url.startsWith('/api/portal/') || paramsOf(route.url).length > 0))
    problems.push(`${name}: citizen routes live under /api/portal/ and take no path parameter`);
  return problems;
}

let database: Database;
let app: FastifyInstance;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp(database, testConfig());
  // A route added without a declaration, as a later change might: the table test must see it.
  app.get('/api/forgotten', async () => ({}));
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const apiRoutes = () => routeTable(app).filter((r) => isApi(r.url) && r.url !== '/api/forgotten');

describe('the route table', () => {
  it('holds every /api route, each with a sound access declaration', () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(70);
    expect(routes.flatMap(declarationProblems)).toEqual([]);
  });

  it('finds a route that declares nothing', () => {
    const forgotten = routeTable(app).filter((r) => r.url === '/api/forgotten');
    expect(forgotten.length).toBeGreaterThan(0);
    expect(forgotten.flatMap(declarationProblems)).toContain('GET /api/forgotten: no access declaration');
  });

  it('opens exactly the listed routes without a session, each rate-limited per address but the health probes', () => {
    const open = apiRoutes().filter((r) => r.access?.kind === 'public' && r.method !== 'HEAD');
    expect(open.map((r) => `${r.method} ${r.url}`).sort()).toEqual([...PUBLIC].sort());
    for (const r of open.filter((r) => !UNLIMITED.includes(`${r.method} ${r.url}`)))
      expect(r.rateLimit, r.url).toMatchObject({ max: expect.any(Number) });
  });

  it('declares every FHIR route with a bearer-token rule but the CapabilityStatement', () => {
    const fhir = apiRoutes().filter((r) => r.url.startsWith('/fhir/R4') && r.url !== '/fhir/R4/metadata');
    expect(fhir.length).toBeGreaterThanOrEqual(20);
    for (const r of fhir) expect(r.access?.kind, `${r.method} ${r.url}`).toBe('fhir');
  });

  it('has no route outside /api, /fhir and /oauth2 but the web app’s own files', () => {
    const other = routeTable(app).filter((r) => !isApi(r.url));
    for (const r of other) expect(['GET', 'HEAD'], r.url).toContain(r.method);
  });
});

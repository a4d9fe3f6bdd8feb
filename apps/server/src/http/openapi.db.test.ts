import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { Database } from '../db/client.ts';
import { openTestDatabase, testConfig } from '../test/harness.ts';
import { routeTable } from './gate.ts';
import { describeAccess } from './openapi.ts';

/** #24 item 4: the API's own description, generated from the zod schemas the server validates with. */
let database: Database;
let app: FastifyInstance;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp(database, testConfig());
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

type Operation = {
  requestBody?: { content: Record<string, { schema: { required?: string[]; properties?: object } }> };
  responses?: Record<string, unknown>;
  security?: object[];
  'x-tillit-access'?: string;
};

const openApiPath = (url: string) => url.replace(/:([A-Za-z]+)/g, '{$1}');

describe('GET /api/docs', () => {
  it('is a valid OpenAPI 3.1 document, open without a session', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    const document = res.json();
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('describes every /api route with its access rule, and the documents route itself not', async () => {
    const paths = (await app.inject({ method: 'GET', url: '/api/docs' })).json().paths as Record<
      string,
      Record<string, Operation>
    >;
    const routes = routeTable(app).filter(
      (r) => r.url.startsWith('/api/') && r.method !== 'HEAD' && r.url !== '/api/docs',
    );
    expect(routes.length).toBeGreaterThanOrEqual(70);
    const missing = routes.filter((r) => !paths[openApiPath(r.url)]?.[r.method.toLowerCase()]);
    expect(missing.map((r) => `${r.method} ${r.url}`)).toEqual([]);
    for (const r of routes) {
      const operation = paths[openApiPath(r.url)][r.method.toLowerCase()];
      expect(operation['x-tillit-access'], `${r.method} ${r.url}`).toBe(describeAccess(r.access));
      if (r.access?.kind !== 'public') expect(operation.security, `${r.method} ${r.url}`).toBeDefined();
    }
    expect(paths['/api/docs']).toBeUndefined();
  });

  it('carries the zod rules: a body names its required fields and limits', async () => {
    const paths = (await app.inject({ method: 'GET', url: '/api/docs' })).json().paths;
    const login = paths['/api/auth/login'].post as Operation;
    const body = login.requestBody!.content['application/json'].schema;
    expect(body.required).toEqual(['username', 'password']);
    expect(body.properties).toMatchObject({ username: { type: 'string', maxLength: 100 } });
    expect(Object.keys(login.responses!)).toContain('200');
    expect(paths['/api/auth/logout'].post.security).toEqual([{ session: [], csrf: [] }]);
    expect(paths['/api/auth/me'].get.security).toEqual([{ session: [] }]);
  });
});

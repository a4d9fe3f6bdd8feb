import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client.ts';
import { buildTestApp, openTestDatabase } from '../../test/harness.ts';

let database: Database;
let app: FastifyInstance;
beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

it('answers liveness and readiness without a session, naming nothing about the database', async () => {
  for (const url of ['/api/health/live', '/api/health/ready', '/api/health']) {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, url).toBe(200);
    expect(res.json(), url).toEqual({ status: 'ok' });
    expect(res.body).not.toMatch(/pglite|postgres|embedded|127\.0\.0\.1|localhost|tillit_|\/tmp|\/work/i);
  }
});

it('is not ready when the database does not answer, while still alive', async () => {
  const original = database.db.execute;
  database.db.execute = (() => Promise.reject(new Error('connection refused'))) as never;
  try {
    const ready = await app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'database_unavailable' });
    expect((await app.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200);
  } finally {
    database.db.execute = original;
  }
});

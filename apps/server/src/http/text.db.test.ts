import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { Database } from '../db/client.ts';
import { buildWorld } from '../test/factories.ts';
import { logInAs, openTestDatabase, resetData, testConfig } from '../test/harness.ts';

/**
 * Finding 12 of #18: text with a NUL byte reached PostgreSQL, which refused it with a 500,
 * and the server log then held the person's id and the text as the query's parameters.
 */
let database: Database;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof buildWorld>>;
let logged = '';

beforeAll(async () => {
  database = await openTestDatabase();
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logged += chunk.toString();
      done();
    },
  });
  app = await buildApp(database, testConfig({ logLevel: 'info' }), { logStream });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});
beforeEach(async () => {
  await resetData(database);
  world = await buildWorld(database.db);
  logged = '';
});

const rows = async (table: string) =>
  Number((await database.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))).rows[0].n);

describe('text no database can store', () => {
  it('refuses a NUL byte in what matters with 400 naming the field, and writes nothing', async () => {
    const anna = await logInAs(app, 'anna');
    const res = await anna.post(`/api/recipients/${world.petter.id}/what-matters`, { statement: 'Nul\u0000byte' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([expect.objectContaining({ field: 'statement', code: 'text.nul' })]);
    expect(await rows('what_matters')).toBe(0);
    expect(logged).not.toContain(world.petter.id);
    expect(logged).not.toMatch(/Nul.{0,8}byte/);
  });

  it('refuses a lone surrogate deep in a body, in a query string and in a key', async () => {
    const anna = await logInAs(app, 'anna');
    const kin = await anna.post(`/api/recipients/${world.petter.id}/next-of-kin`, {
      name: 'Kari \ud800 Nordmann',
      relation: 'datter',
    });
    expect(kin.status).toBe(400);
    expect(kin.body.error.fields).toEqual([expect.objectContaining({ field: 'name', code: 'text.surrogate' })]);
    const day = await anna.get('/api/me/day?date=2026-12-01%00');
    expect(day.status).toBe(400);
    expect(day.body.error.fields[0]).toMatchObject({ field: 'date', code: 'text.nul' });
    const key = await anna.post(`/api/recipients/${world.petter.id}/what-matters`, { 'statement\u0000': 'x' });
    expect(key.status).toBe(400);
    expect(await rows('next_of_kin')).toBe(0);
  });

  it('keeps text with emoji and other whole characters', async () => {
    const anna = await logInAs(app, 'anna');
    const res = await anna.post(`/api/recipients/${world.petter.id}/what-matters`, {
      statement: 'Å gå tur 🌲 med Kari',
    });
    expect(res.status).toBe(201);
  });

  it('answers input nested deeper than any schema with 400, not a crash', async () => {
    const anna = await logInAs(app, 'anna');
    const deep = `${'['.repeat(5000)}"\\u0000"${']'.repeat(5000)}`;
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: `{"username":${deep},"password":"x"}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect((await anna.get('/api/auth/me')).status).toBe(200);
  });
});

describe('the log', () => {
  it('holds neither the query, its parameters nor the person when the database fails a request', async () => {
    // A database error on a write that carries a person's id and words: a check added for this test.
    await database.db.execute(
      sql`ALTER TABLE what_matters ADD CONSTRAINT test_refuses_words CHECK (statement NOT LIKE '%hemmelig%')`,
    );
    try {
      const anna = await logInAs(app, 'anna');
      const res = await anna.post(`/api/recipients/${world.petter.id}/what-matters`, {
        statement: 'Petters hemmelige ønske',
      });
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ error: { code: 'internal', message: 'Something went wrong on our side' } });
      const lines = logged
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      const failure = lines.find((l) => l.msg === 'request failed');
      expect(failure).toMatchObject({ route: '/api/recipients/:id/what-matters', err: { code: '23514' } });
      expect(logged).not.toContain(world.petter.id);
      expect(logged).not.toContain('hemmelig');
      expect(logged).not.toMatch(/insert into|params|test_refuses_words|what_matters/i);
    } finally {
      await database.db.execute(sql`ALTER TABLE what_matters DROP CONSTRAINT test_refuses_words`);
    }
  });
});

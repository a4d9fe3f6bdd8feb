import { Writable } from 'node:stream';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { errorForLog, errorHandler } from './errors.ts';

/** A driver error as node-postgres and PGlite raise it, wrapped by drizzle with the SQL and its parameters. */
function databaseError(code: string, extra: Record<string, unknown> = {}) {
  const cause = Object.assign(
    new Error('duplicate key value violates unique constraint "recipient_national_id_unique"'),
    {
      code,
      constraint: 'recipient_national_id_unique',
      table: 'recipient',
      detail: 'Key (national_id)=(01018012345) already exists.',
      ...extra,
    },
  );
  return new DrizzleQueryError('insert into "recipient" ("national_id") values ($1)', ['01018012345'], cause);
}

async function answerTo(err: unknown) {
  let logged = '';
  const stream = new Writable({
    write(chunk, _e, done) {
      logged += chunk;
      done();
    },
  });
  const app = Fastify({ logger: { level: 'info', stream, serializers: { err: errorForLog } } });
  app.setErrorHandler(errorHandler);
  app.get('/boom', async () => {
    throw err;
  });
  const res = await app.inject({ method: 'GET', url: '/boom' });
  await app.close();
  return { status: res.statusCode, body: res.body, logged };
}

/** What no answer or log line may hold: schema names, the driver's words, the SQL or its values. */
const SCHEMA_OR_DRIVER = /constraint|recipient|national_id|duplicate key|insert into|01018012345|violates/i;

describe('the error handler', () => {
  it.each([
    ['23505', 409, 'duplicate'],
    ['23503', 400, 'invalid_reference'],
    ['22021', 400, 'invalid_text'],
    ['23514', 500, 'internal'],
    ['42P01', 500, 'internal'],
  ])('answers database error %s with %i %s and names nothing of the schema', async (code, status, answer) => {
    const res = await answerTo(databaseError(code));
    expect(res.status).toBe(status);
    expect(JSON.parse(res.body).error.code).toBe(answer);
    expect(res.body).not.toMatch(SCHEMA_OR_DRIVER);
    expect(res.logged).not.toMatch(SCHEMA_OR_DRIVER);
  });

  it('logs an unexpected error by kind and code only', async () => {
    const res = await answerTo(databaseError('23514'));
    const lines = res.logged
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.find((l) => l.msg === 'request failed')).toMatchObject({
      msg: 'request failed',
      route: '/boom',
      err: { type: 'DrizzleQueryError', code: '23514' },
    });
  });
});

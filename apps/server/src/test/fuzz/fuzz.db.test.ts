import { osloToday } from '@tillit/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { loadDistrict } from '../../modules/demo/demo.loader.ts';
import { DEMO_PASSWORD, generateDistrict } from '../../modules/demo/generator.ts';
import { openTestDatabase, testConfig } from '../harness.ts';
import { compact, type FuzzResult, runFuzz, watchErrors } from './fuzz.ts';
import { WriteLog } from './writes.ts';

/**
 * The short, fixed-seed run of `npm run fuzz` (which sends 10,000): 500 requests built from
 * every route's zod schema, one part broken in most of them, as a nurse, a health worker of
 * another team, the leader, the administrator, anonymous and with dead sessions.
 */
describe('fuzzing every route (500 requests, seed 18)', () => {
  let database: Database;
  let result: FuzzResult;

  beforeAll(async () => {
    database = await openTestDatabase();
    const today = osloToday();
    await loadDistrict(
      database.db,
      generateDistrict({ teams: 2, staffPerTeam: [8, 8], recipients: 24 }),
      undefined,
      today,
    );
    const app = await buildApp(database, testConfig());
    const errors = watchErrors(app);
    await app.ready();
    result = await runFuzz({
      app,
      db: database.db,
      errors,
      today,
      requests: 500,
      seed: 18,
      logins: [
        { name: 'nurse', username: 'sykepleier', password: DEMO_PASSWORD },
        { name: 'helper', username: 'helsefag', password: DEMO_PASSWORD },
        { name: 'leader', username: 'leder', password: DEMO_PASSWORD },
        { name: 'admin', username: 'admin', password: DEMO_PASSWORD },
      ],
    });
    await app.close();
  }, 600_000);

  afterAll(async () => {
    await database?.close();
  });

  it('sent them all, and enough got through to reach the code behind validation and access', () => {
    expect(result.requests).toBe(500);
    const ok = Object.entries(result.byStatus)
      .filter(([status]) => status.startsWith('2'))
      .reduce((n, [, count]) => n + count, 0);
    // About a fifth of the requests pass validation and access: just over 100 in the runs
    // before 2026-12-03; that day 100 in a CI run and on PostgreSQL, 102 on PGlite (the dates
    // the requests carry follow today). The floor catches a run where nearly everything is
    // refused, not that spread.
    expect(ok).toBeGreaterThan(60);
  });

  it('never answers 5xx', () => {
    expect(compact(result.errors5xxByRoute)).toEqual({});
    expect(result.errors5xx).toBe(0);
  });

  it('answers no route but the public ones without a live session', () => {
    expect(compact(result.okWithoutSessionByRoute)).toEqual({});
  });

  it('writes nothing but the audit row when it refuses a request', () => {
    expect(compact(result.writesByRefusedByRoute)).toEqual({});
    expect(result.rowsWrittenByRefused).toBe(0);
    expect(result.auditRowsByRefused).toBeGreaterThan(0);
  });

  it('has a write log that sees committed rows, and not rolled-back ones', async () => {
    expect(result.rowsWrittenByAccepted).toBeGreaterThan(0);
    const log = new WriteLog(database.db);
    await log.since();
    await database.db.execute(sql`UPDATE team SET name = name WHERE false`);
    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`UPDATE team SET name = name`);
        tx.rollback();
      })
      .catch(() => undefined);
    expect([...(await log.since()).entries()]).toEqual([]);
    const teams = await database.db.execute(sql`UPDATE team SET name = name RETURNING id`);
    expect((await log.since()).get('team:UPDATE')).toBe(teams.rows.length);
  });
});

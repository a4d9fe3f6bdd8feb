import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.ts';
import { call, type DatabaseEnv, logInOver, prepareDatabase, type ServerProcess, startServer } from './processes.ts';

/**
 * Two app servers on one PostgreSQL, as a city runs Tillit behind a load balancer: sessions,
 * writes and plan jobs must not care which server a request reaches. (The embedded database
 * is one process by design; its lock refuses a second server.)
 */
describe.skipIf(!process.env.DATABASE_URL)('two app servers on one PostgreSQL', () => {
  let env: DatabaseEnv;
  let a: ServerProcess;
  let b: ServerProcess;
  beforeAll(async () => {
    env = await prepareDatabase();
    const workers = { TILLIT_PLANNING_WORKER: 'true', TILLIT_PLANNING_THREADS: '1' };
    [a, b] = await Promise.all([startServer({ ...env, ...workers }), startServer({ ...env, ...workers })]);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('serves one session on both: log in on one, write on the other, read it back on the first', async () => {
    const nurse = await logInOver(a.url, 'sykepleier');
    const people = (await call(b.url, nurse, 'GET', `/api/teams/${nurse.teamIds[0]}/recipients`)).body as {
      id: string;
    }[];
    const person = people[0].id;
    const added = await call(b.url, nurse, 'POST', `/api/recipients/${person}/next-of-kin`, {
      name: 'Ola Nordmann',
      relation: 'sønn',
    });
    expect(added.status).toBe(201);
    const record = await call(a.url, nurse, 'GET', `/api/recipients/${person}`);
    expect(record.status).toBe(200);
    expect(JSON.stringify(record.body)).toContain('Ola Nordmann');

    // A change made through one server makes the other's copy stale: 409, not a lost update.
    const { version } = record.body.record;
    expect((await call(a.url, nurse, 'PATCH', `/api/recipients/${person}`, { version, city: 'Oslo' })).status).toBe(
      200,
    );
    expect((await call(b.url, nurse, 'PATCH', `/api/recipients/${person}`, { version, city: 'Bergen' })).status).toBe(
      409,
    );
  });

  it('runs each plan job once, whichever server queued it and whichever picked it up', {
    timeout: 180_000,
  }, async () => {
    const planners = [await logInOver(a.url, 'sykepleier'), await logInOver(b.url, 'helsefag')];
    const from = new Date().toISOString().slice(0, 10);
    const runs: string[] = [];
    for (let i = 0; i < 6; i++) {
      const planner = planners[i % 2];
      const server = i % 3 === 0 ? a : b;
      const res = await call(server.url, planner, 'POST', `/api/planning/teams/${planner.teamIds[0]}/runs`, {
        from,
        days: 2,
        timeLimitSeconds: 1,
      });
      expect(res.status).toBe(202);
      runs.push(res.body.id);
    }
    const status = async (i: number) => {
      const server = i % 2 === 0 ? b : a; // ask the other server than the one that queued it
      return (await call(server.url, planners[i % 2], 'GET', `/api/planning/runs/${runs[i]}/status`)).body.status;
    };
    const deadline = Date.now() + 150_000;
    let states: string[] = [];
    do {
      await new Promise((r) => setTimeout(r, 500));
      states = await Promise.all(runs.map((_, i) => status(i)));
    } while (states.some((s) => s === 'queued' || s === 'running') && Date.now() < deadline);
    expect(states).toEqual(runs.map(() => 'done'));

    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, poolSize: 1 });
    try {
      const jobs = await database.db.execute(sql`
        SELECT data->>'runId' AS run, count(*)::int AS jobs, sum(retry_count)::int AS retries,
               bool_and(state = 'completed') AS completed
          FROM pgboss.job WHERE name = 'plan-run' GROUP BY 1`);
      const byRun = new Map(
        (jobs.rows as { run: string; jobs: number; retries: number; completed: boolean }[]).map((j) => [j.run, j]),
      );
      for (const run of runs) expect(byRun.get(run)).toEqual({ run, jobs: 1, retries: 0, completed: true });
    } finally {
      await database.close();
    }
  });

  it('ends a session on both servers when it is logged out on one (within the 5 s session cache)', async () => {
    const nurse = await logInOver(a.url, 'sykepleier');
    expect((await call(a.url, nurse, 'GET', '/api/auth/me')).status).toBe(200); // now in a's session cache
    expect((await call(b.url, nurse, 'GET', '/api/auth/me')).status).toBe(200);
    expect((await call(b.url, nurse, 'POST', '/api/auth/logout', {})).status).toBe(200);
    const deadline = Date.now() + 8000;
    let status = 200;
    while (status === 200 && Date.now() < deadline) {
      status = (await call(a.url, nurse, 'GET', '/api/auth/me')).status;
      if (status === 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(401);
  });

  it('keeps serving from one server while the other stops', async () => {
    const nurse = await logInOver(a.url, 'sykepleier');
    await b.stop();
    expect((await fetch(`${a.url}/api/health/ready`)).status).toBe(200);
    expect((await call(a.url, nurse, 'GET', `/api/teams/${nurse.teamIds[0]}/recipients`)).status).toBe(200);
  });
});

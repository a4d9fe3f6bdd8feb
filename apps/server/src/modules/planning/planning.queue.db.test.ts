import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import * as t from '../../db/schema.ts';
import { logInAs, useWorldSuite } from '../../test/harness.ts';
import { datesInRange } from '../care/recurrence.ts';
import { osloNow } from '@tillit/contracts';

// The worker runs in the app, as in `npm start`: a proposal goes through the pg-boss queue.
const suite = useWorldSuite({ planningWorker: true, planningThreads: 1 });

it('runs «Lag forslag» as a background job and reports progress until done', async () => {
  const w = suite.world;
  const db = suite.database.db;
  const from = datesInRange(osloNow().today, 2)[1];
  await db.insert(t.measures).values({
    recipientId: w.petter.id,
    title: 'Morgenstell',
    professionalNeed: 'Vurdert',
    days: [1, 2, 3, 4, 5, 6, 7],
    windowStart: 480,
    windowEnd: 540,
    durationMinutes: 30,
    validFrom: '2026-01-01',
  });
  const anna = await logInAs(suite.app, 'anna');
  await anna.post(`/api/teams/${w.north.id}/visits/generate`, { from, days: 3 });
  await anna.post(`/api/planning/teams/${w.north.id}/rota`, {
    staffId: w.staff.anna.id,
    kind: 'day',
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    startMinute: 450,
    endMinute: 900,
    validFrom: '2026-01-01',
  });
  const run = await anna.post(`/api/planning/teams/${w.north.id}/runs`, { from, days: 3, timeLimitSeconds: 1 });
  expect(run.status).toBe(202);
  let status = '';
  for (let i = 0; i < 120 && status !== 'done' && status !== 'failed'; i++) {
    await new Promise((r) => setTimeout(r, 250));
    status = (await anna.get(`/api/planning/runs/${run.body.id}/status`)).body.status;
  }
  expect(status).toBe('done');
  const view = await anna.get(`/api/planning/runs/${run.body.id}`);
  expect(view.body.figures.after).toMatchObject({ visits: 3, unassigned: 0 });
  const jobs = await db.execute(
    sql`SELECT state FROM pgboss.job WHERE name = 'plan-run' AND data->>'runId' = ${run.body.id}`,
  );
  expect(jobs.rows.map((r) => r.state)).toEqual(['completed']);
});

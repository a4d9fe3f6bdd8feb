/**
 * `npm run bench:plan`: one team of the full-size demo district (15 helpers, 75 people) plans
 * two weeks end to end — database → problem → optimizer → figures → saved proposal →
 * published to the visits — as «Lag forslag» and «Publiser» do. Prints the timings and
 * writes bench-results/plan.json:
 *   overheadSeconds      everything except the optimizer's own time (target ≤ 5 s)
 *   distinctMedianBefore distinct helpers per person over 14 days as the demo data assigns them
 *   distinctMedianAfter  the same after planning (target ≤ 3)
 * PostgreSQL when DATABASE_URL is set (Tillit's tables are dropped and recreated there), else
 * PGlite. Options: --time-limit S (default 30), --threads N (default 2).
 */
import { parseArgs } from 'node:util';
import { addDays, osloToday } from '@tillit/contracts';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../apps/server/src/config.ts';
import type { Actor } from '../apps/server/src/http/actor.ts';
import { generateVisits } from '../apps/server/src/modules/care/visits.generate.ts';
import { FULL, generateDistrict } from '../apps/server/src/modules/demo/generator.ts';
import {
  executeRun,
  insertRun,
  publishRun,
  type RunFigures,
} from '../apps/server/src/modules/planning/planning.runs.ts';
import { systemClock } from '../apps/server/src/time/clock.ts';
import { openBenchDatabase } from './db.ts';
import { report } from './report.ts';

const { values } = parseArgs({
  options: { 'time-limit': { type: 'string', default: '30' }, threads: { type: 'string', default: '2' } },
});
const timeLimit = Number(values['time-limit']);
const threads = Number(values.threads);
const config = loadConfig();
const district = generateDistrict(FULL);
const database = await openBenchDatabase(config.databaseUrl, district);
const db = database.db;

// The first team's first nurse plans; visits for 14 days from tomorrow, with the demo's usual helpers.
const teamId = district.teams[0].id;
const user = district.users.find((u) => u.username === 'sykepleier')!;
const actor: Actor = {
  userId: user.id,
  username: user.username,
  displayName: user.displayName,
  role: 'member',
  staffId: user.staffId,
  districtId: district.district.id,
  teamIds: [teamId],
  now: new Date(),
  today: osloToday(),
};
const from = addDays(actor.today, 1);
const { created } = await db.transaction((tx) => generateVisits(tx, teamId, from, 14));

const t0 = performance.now();
const runId = await db.transaction((tx) =>
  insertRun(tx, actor, teamId, { from, days: 14, timeLimitSeconds: timeLimit, kind: 'period' }),
);
await executeRun(db, runId, { threads, clock: systemClock });
const tRun = performance.now();
const published = await publishRun(db, actor, runId);
const tEnd = performance.now();

const [run] = (await db.execute(sql`SELECT status, figures FROM plan_run WHERE id = ${runId}`)).rows as {
  status: string;
  figures: RunFigures;
}[];
const f = run.figures;
const total = (tEnd - t0) / 1000;
const overhead = total - f.solverSeconds;
const row = (name: string, before: number | string, after: number | string) => ({ figure: name, before, after });
report(
  'plan',
  [
    row('visits (14 days)', f.before.visits, f.after.visits),
    row('unassigned', f.before.unassigned, f.after.unassigned),
    row('distinct helpers median', f.before.distinctHelpers.median, f.after.distinctHelpers.median),
    row('distinct helpers p90', f.before.distinctHelpers.p90, f.after.distinctHelpers.p90),
    row(
      'inside agreed window',
      `${(f.before.insideWindowShare * 100).toFixed(1)} %`,
      `${(f.after.insideWindowShare * 100).toFixed(1)} %`,
    ),
    row('travel minutes', f.before.travelMinutes ?? '–', f.after.travelMinutes ?? '–'),
    row('seconds: load+build+figures+save', '', ((tRun - t0) / 1000 - f.solverSeconds).toFixed(2)),
    row('seconds: optimizer', '', f.solverSeconds.toFixed(2)),
    row('seconds: publish', '', ((tEnd - tRun) / 1000).toFixed(2)),
    row('seconds: overhead (target ≤ 5)', '', overhead.toFixed(2)),
  ],
  {
    database: database.description,
    visitsGenerated: created,
    timeLimitSeconds: timeLimit,
    threads,
    solverSeconds: f.solverSeconds,
    overheadSeconds: Math.round(overhead * 1000) / 1000,
    totalSeconds: Math.round(total * 1000) / 1000,
    distinctMedianBefore: f.before.distinctHelpers.median,
    distinctMedianAfter: f.after.distinctHelpers.median,
    distinctP90Before: f.before.distinctHelpers.p90,
    distinctP90After: f.after.distinctHelpers.p90,
    unassignedBefore: f.before.unassigned,
    unassignedAfter: f.after.unassigned,
    insideWindowShareBefore: f.before.insideWindowShare,
    insideWindowShareAfter: f.after.insideWindowShare,
    travelMinutesBefore: f.before.travelMinutes,
    travelMinutesAfter: f.after.travelMinutes,
    published,
  },
);
await database.close();

import { addDays, osloDate } from '@tillit/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import * as t from '../../db/schema.ts';
import { openTestDatabase } from '../../test/harness.ts';
import { testClock } from '../../time/clock.ts';
import { validOnDate } from '../../time/valid.ts';
import { loadPlanningData } from '../planning/planning.data.ts';
import type { RunFigures } from '../planning/planning.runs.ts';
import { executeRun } from '../planning/planning.runs.ts';
import { shiftsOn } from '../planning/rota.ts';
import { loadDistrict } from './demo.loader.ts';
import { DEMO, generateDistrict } from './generator.ts';

/**
 * The demo's first plan proposal («Lag forslag» with the page's defaults: from tomorrow, 14 days,
 * 20 seconds) for each team, on the demo as `tillit serve` loads it (with its year of history).
 *
 * A visit is *coverable* on its date when enough of the team's staff (two for a two-helper visit,
 * else one) each: have a rota shift that day and are not absent; hold every competence the
 * visit's measures need, valid that day; and have working time that day that holds the whole
 * agreed window and the visit after it (a part starting at or before the window's start and
 * ending at or after the window's end plus the visit's duration). A proposal may leave a visit
 * nobody could do; it must not leave a coverable one.
 */
const clock = testClock('2026-12-02T09:00:00Z');
const today = osloDate(clock.now());
const from = addDays(today, 1);
const DAYS = 14;

describe('the demo district’s first plan proposal', () => {
  let database: Database;
  const district = generateDistrict(DEMO, 2016, { now: clock.now() });

  beforeAll(async () => {
    database = await openTestDatabase();
    await loadDistrict(database.db, district, undefined, today);
  }, 600_000);
  afterAll(async () => {
    await database?.close();
  });

  it.each(district.teams.map((team) => [team.name, team.id]))(
    '%s: every visit some staff on the rota could do is staffed',
    async (_name, teamId) => {
      const db = database.db;
      const planner = district.users.find((u) => u.role === 'member')!;
      const [run] = await db
        .insert(t.planRuns)
        .values({ teamId, kind: 'period', fromDate: from, days: DAYS, timeLimitSeconds: 20, createdBy: planner.id })
        .returning();
      await executeRun(db, run.id, { threads: 2, clock });
      const [done] = await db.select().from(t.planRuns).where(eq(t.planRuns.id, run.id));
      expect(done.status).toBe('done');
      const unassigned = new Set((done.figures as RunFigures).unassigned.map((u) => u.visitId));
      const data = await loadPlanningData(db, teamId, from, DAYS, { today, nowMinute: 600 });
      expect(data.visits.length).toBeGreaterThan(500);
      const coverable = data.visits
        .filter((v) => unassigned.has(v.id))
        .filter((v) => {
          const able = data.staff.filter(
            (s) =>
              shiftsOn(s.rota, s.absences, v.date).some(
                (p) => p.start <= v.windowStart && p.end >= v.windowEnd + v.duration,
              ) && v.competences.every((code) => s.competences.some((c) => c.code === code && validOnDate(c, v.date))),
          );
          return able.length >= (v.twoHelpers ? 2 : 1);
        })
        .map((v) => `${v.date} ${v.windowStart}–${v.windowEnd} (${v.duration} min, ${v.competences.join(', ')})`);
      expect(coverable).toEqual([]);
    },
    600_000,
  );
});

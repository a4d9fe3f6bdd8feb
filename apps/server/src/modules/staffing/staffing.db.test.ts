import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import * as t from '../../db/schema.ts';
import { logInAs, useWorldSuite } from '../../test/harness.ts';

/**
 * #22 item 5 on the database: team Nord's hand-made week. Anna works Monday–Friday 07–15 without a
 * medication delegation; Petter has a medication visit every day at 08:00 (20 min) and a shower on
 * Saturday at 17:00 (40 min). So the weekdays are staffed but have no delegation, and Saturday has
 * nobody at all; the smallest change names the shifts and the competence.
 */
const suite = useWorldSuite();
const db = () => suite.database.db;
const MONDAY = '2030-01-07';

beforeEach(async () => {
  const { north, staff, petter } = suite.world;
  await db()
    .insert(t.rotaEntries)
    .values({
      teamId: north.id,
      staffId: staff.anna.id,
      kind: 'day',
      weekdays: [1, 2, 3, 4, 5],
      startMinute: 420,
      endMinute: 900,
      validFrom: '2029-01-01',
    });
  const [medicine, shower] = await db()
    .insert(t.measures)
    .values([
      {
        recipientId: petter.id,
        professionalNeed: 'Vurdert av teamet',
        title: 'Medisiner',
        days: [1, 2, 3, 4, 5, 6, 7],
        windowStart: 480,
        windowEnd: 540,
        durationMinutes: 20,
        requiredCompetence: 'legemiddelhandtering',
        validFrom: '2029-01-01',
      },
      {
        recipientId: petter.id,
        professionalNeed: 'Vurdert av teamet',
        title: 'Dusj',
        days: [6],
        windowStart: 1020,
        windowEnd: 1080,
        durationMinutes: 40,
        validFrom: '2029-01-01',
      },
    ])
    .returning();
  const anna = await logInAs(suite.app, 'anna');
  const made = await anna.post(`/api/teams/${north.id}/visits/generate`, { from: MONDAY, days: 7 });
  expect(made.body.created).toBe(8);
  expect(medicine.id && shower.id).toBeTruthy();
});

describe('the staffing week of a hand-made team', () => {
  it('shows a leader the hours needed and staffed, the competence gaps and the smallest change', async () => {
    const lea = await logInAs(suite.app, 'lea');
    const res = await lea.get(`/api/teams/${suite.world.north.id}/staffing?from=${MONDAY}`);
    expect(res.status).toBe(200);
    const week = res.body;
    expect([week.from, week.to]).toEqual([MONDAY, '2030-01-13']);
    const cell = (weekday: number, part: string) =>
      week.cells.find((c: { weekday: number; part: string }) => c.weekday === weekday && c.part === part);
    expect(cell(1, 'morning')).toEqual({ weekday: 1, part: 'morning', neededHours: 0.3, staffedHours: 4 });
    expect(cell(1, 'day')).toEqual({ weekday: 1, part: 'day', neededHours: 0, staffedHours: 4 });
    expect(cell(6, 'morning')).toEqual({ weekday: 6, part: 'morning', neededHours: 0.3, staffedHours: 0 });
    expect(cell(6, 'evening')).toEqual({ weekday: 6, part: 'evening', neededHours: 0.7, staffedHours: 0 });
    // Every morning asks for a delegation nobody on the rota holds.
    expect(week.gaps.map((g: { weekday: number }) => g.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(week.gaps[0]).toMatchObject({ part: 'morning', competence: 'legemiddelhandtering', staffedHours: 0 });
    // Nobody is planned on any visit yet: the change that covers most first.
    expect(week.unstaffed.visits).toBe(8);
    expect(week.unstaffed.suggestions[0]).toEqual({
      weekday: 1,
      part: 'morning',
      competence: 'legemiddelhandtering',
      covers: 1,
    });
    expect(JSON.stringify(week)).not.toMatch(/Anna|Petter/);
  });

  it('counts a delegation once Anna holds one, and an absence takes her hours away', async () => {
    const { staff, north } = suite.world;
    await db()
      .insert(t.staffCompetences)
      .values({ staffId: staff.anna.id, competenceCode: 'legemiddelhandtering', validFrom: '2029-01-01' });
    await db().insert(t.absences).values({
      teamId: north.id,
      staffId: staff.anna.id,
      fromDate: '2030-01-09',
      toDate: '2030-01-09',
      reason: 'sick',
      createdBy: suite.world.users.lea.id,
    });
    const week = (await (await logInAs(suite.app, 'anna')).get(`/api/teams/${north.id}/staffing?from=${MONDAY}`)).body;
    expect(week.gaps.map((g: { weekday: number }) => g.weekday)).toEqual([3, 6, 7]);
    expect(
      week.cells.find((c: { weekday: number; part: string }) => c.weekday === 3 && c.part === 'morning').staffedHours,
    ).toBe(0);
  });

  it('refuses a member of another team, with a denied audit row', async () => {
    const bo = await logInAs(suite.app, 'bo');
    const res = await bo.get(`/api/teams/${suite.world.north.id}/staffing?from=${MONDAY}`);
    expect(res.status).toBe(403);
    const rows = rowsOf<{ n: number }>(
      await db().execute(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'team.staffing' AND basis = 'denied'`,
      ),
    );
    expect(rows[0].n).toBe(1);
  });

  it('refuses a date that is not one, naming the field', async () => {
    const lea = await logInAs(suite.app, 'lea');
    const res = await lea.get(`/api/teams/${suite.world.north.id}/staffing?from=2030-13-01`);
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].field).toBe('from');
  });
});

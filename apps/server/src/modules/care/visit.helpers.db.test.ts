import { osloToday } from '@tillit/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import * as t from '../../db/schema.ts';
import { logInAs, type Client, useWorldSuite } from '../../test/harness.ts';

/**
 * Finding 6: «Min dag» must not bypass the record policy. A nurse of team North gave a visit
 * to Petter (served by North) to Bo of team South, whose day list then showed Petter's name,
 * address, measures and own words, audited as `care_relation`.
 */
const suite = useWorldSuite();
const db = () => suite.database.db;
const today = osloToday();
let anna: Client;
let bo: Client;

const measure = (extra: Record<string, unknown> = {}) => ({
  professionalNeed: 'Behov vurdert av teamet',
  title: 'Morgenstell',
  days: [1, 2, 3, 4, 5, 6, 7],
  windowStart: '08:00',
  windowEnd: '08:30',
  durationMinutes: 30,
  decidedWithPerson: true,
  ...extra,
});
const audits = async (action: string) =>
  (
    await db().execute(
      sql`SELECT basis, recipient_id AS "recipientId", emergency_access_id AS "emergencyAccessId", details
            FROM audit_log WHERE action = ${action} ORDER BY seq`,
    )
  ).rows;

/** Petter gets a daily measure done by Anna and today's visit. */
async function petterVisit() {
  const m = await anna.post(
    `/api/recipients/${suite.world.petter.id}/measures`,
    measure({ usualStaffId: suite.world.staff.anna.id }),
  );
  expect(m.status).toBe(201);
  await anna.post(`/api/recipients/${suite.world.petter.id}/what-matters`, { statement: 'Å få stelle hagen' });
  expect(
    (await anna.post(`/api/teams/${suite.world.north.id}/visits/generate`, { from: today, days: 1 })).body,
  ).toEqual({ created: 0 }); // made with the measure
  const [v] = (await db().execute(sql`SELECT id FROM visit WHERE date = ${today}::date`)).rows as { id: string }[];
  return { visitId: v.id, measureId: m.body.id as string };
}

beforeEach(async () => {
  anna = await logInAs(suite.app, 'anna');
  bo = await logInAs(suite.app, 'bo');
});

describe('who may be given a visit', () => {
  it('refuses to assign a visit to a helper of another team, naming the field, changing nothing', async () => {
    const { visitId } = await petterVisit();
    const res = await anna.patch(`/api/visits/${visitId}/assignment`, { staffId: suite.world.staff.bo.id });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0]).toMatchObject({ field: 'staffId', code: 'not_serving' });
    const second = await anna.patch(`/api/visits/${visitId}/assignment`, {
      staffId: suite.world.staff.anna.id,
      secondStaffId: suite.world.staff.bo.id,
    });
    expect(second.body.error.fields[0]).toMatchObject({ field: 'secondStaffId', code: 'not_serving' });
    const [v] = (await db().execute(sql`SELECT staff_id AS "staffId" FROM visit WHERE id = ${visitId}`)).rows;
    expect(v.staffId).toBe(suite.world.staff.anna.id);
    expect((await bo.get(`/api/me/day?date=${today}`)).body).toEqual([]);
  });

  it('refuses another team’s member as a measure’s usual helper, when added and when changed', async () => {
    const added = await anna.post(
      `/api/recipients/${suite.world.petter.id}/measures`,
      measure({ usualStaffId: suite.world.staff.bo.id }),
    );
    expect(added.status).toBe(400);
    expect(added.body.error.fields[0]).toMatchObject({ field: 'usualStaffId', code: 'not_serving' });
    const { measureId } = await petterVisit();
    const changed = await anna.patch(`/api/measures/${measureId}`, {
      version: 1,
      usualStaffId: suite.world.staff.bo.id,
      reason: 'Bo tar over',
      decidedWithPerson: false,
    });
    expect(changed.status).toBe(400);
    expect(changed.body.error.fields[0]).toMatchObject({ field: 'usualStaffId', code: 'not_serving' });
  });

  it('leaves a visit made from the plan unstaffed when the usual helper no longer serves the person', async () => {
    await petterVisit();
    await db().execute(sql`DELETE FROM visit_measure`);
    await db().execute(sql`DELETE FROM visit`);
    // Anna leaves team North today: tomorrow's visit is not hers.
    await db().execute(
      sql`UPDATE team_membership SET valid_until = ${today}::date WHERE staff_id = ${suite.world.staff.anna.id}`,
    );
    await db().insert(t.teamMemberships).values({
      teamId: suite.world.north.id,
      staffId: suite.world.staff.bo.id,
      validFrom: '2020-01-01',
    });
    const boInNorth = await logInAs(suite.app, 'bo'); // a new session: Bo is now also in North
    expect(
      (await boInNorth.post(`/api/teams/${suite.world.north.id}/visits/generate`, { from: today, days: 2 })).body,
    ).toEqual({ created: 2 });
    const rows = (await db().execute(sql`SELECT date::text AS date, staff_id AS "staffId" FROM visit ORDER BY date`))
      .rows;
    expect(rows.map((r) => r.staffId)).toEqual([suite.world.staff.anna.id, null]);
  });
});

describe('«Min dag» reads through the record policy', () => {
  it('withholds the person from a helper who may not see them, and audits that truthfully', async () => {
    const { visitId } = await petterVisit();
    // A visit given to Bo before this rule (or by any way around it).
    await db().execute(sql`UPDATE visit SET staff_id = ${suite.world.staff.bo.id} WHERE id = ${visitId}`);
    const day = await bo.get(`/api/me/day?date=${today}`);
    expect(day.status).toBe(200);
    expect(day.body).toEqual([
      {
        id: visitId,
        date: today,
        windowStart: 480,
        windowEnd: 510,
        plannedStart: null,
        status: 'planned',
        access: 'withheld',
      },
    ]);
    expect(JSON.stringify(day.body)).not.toMatch(/Petter|Tøyengata|Morgenstell|hagen/);
    expect(await audits('visits.dayList')).toEqual([
      {
        basis: 'denied',
        recipientId: null,
        emergencyAccessId: null,
        details: { date: today, recipients: [suite.world.petter.id], refused: ['no_care_relation'] },
      },
    ]);
  });

  it('shows the person under the care relation, or under emergency access, saying which', async () => {
    const { visitId } = await petterVisit();
    const mine = await anna.get(`/api/me/day?date=${today}`);
    expect(mine.body[0]).toMatchObject({
      displayName: 'Petter P.',
      whatMatters: 'Å få stelle hagen',
      access: 'care_relation',
    });
    await db().execute(sql`UPDATE visit SET staff_id = ${suite.world.staff.bo.id} WHERE id = ${visitId}`);
    const glass = await bo.post(`/api/recipients/${suite.world.petter.id}/emergency-access`, {
      reason: 'Anna er syk, Bo tar besøket i dag',
    });
    const shown = await bo.get(`/api/me/day?date=${today}`);
    expect(shown.body[0]).toMatchObject({ displayName: 'Petter P.', access: 'emergency' });
    const rows = await audits('visits.dayList');
    expect(rows.at(-1)).toMatchObject({
      basis: 'emergency',
      recipientId: suite.world.petter.id,
      emergencyAccessId: glass.body.id,
      details: { date: today, emergencyReason: 'Anna er syk, Bo tar besøket i dag' },
    });
  });

  it('names the person in a plan-change notice only when the helper may see them', async () => {
    const { visitId } = await petterVisit();
    const [run] = (
      await db().execute(sql`INSERT INTO plan_run (team_id, kind, from_date, days, time_limit_seconds, created_by)
        VALUES (${suite.world.north.id}, 'period', ${today}, 1, 1, ${suite.world.users.anna.id}) RETURNING id`)
    ).rows as { id: string }[];
    for (const staffId of [suite.world.staff.anna.id, suite.world.staff.bo.id])
      await db().execute(sql`INSERT INTO plan_change (staff_id, visit_id, run_id, kind, date, planned_start)
        VALUES (${staffId}, ${visitId}, ${run.id}, 'removed', ${today}, 480)`);
    expect((await anna.get('/api/planning/my-changes')).body[0]).toMatchObject({ person: 'Petter Person' });
    const theirs = await bo.get('/api/planning/my-changes');
    expect(theirs.body).toHaveLength(1);
    expect(theirs.body[0]).toMatchObject({ kind: 'removed', person: null, windowStart: 480 });
    expect((await audits('planning.myChanges')).map((r) => r.basis)).toEqual(['care_relation', 'denied']);
  });
});

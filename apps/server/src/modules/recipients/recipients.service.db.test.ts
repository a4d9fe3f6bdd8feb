import { addDays, osloInstant } from '@tillit/contracts';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import * as t from '../../db/schema.ts';
import { logInAs, type Client, useWorldSuite } from '../../test/harness.ts';
import { testClock } from '../../time/clock.ts';

/** Ending a service (#21 item 1): the care relation ends, and the visits after it go. */
const TODAY = '2026-12-07';
const clock = testClock(osloInstant(TODAY, 9 * 60));
const suite = useWorldSuite({ clock });
const db = () => suite.database.db;
let anna: Client;
const url = () => `/api/recipients/${suite.world.petter.id}/end-service`;
const planned = async () =>
  (
    await db().execute(
      sql`SELECT date::text AS date FROM visit WHERE status = 'planned' AND recipient_id = ${suite.world.petter.id} ORDER BY date`,
    )
  ).rows.map((r) => r.date);

beforeEach(async () => {
  clock.set(osloInstant(TODAY, 9 * 60));
  anna = await logInAs(suite.app, 'anna');
  const m = await anna.post(`/api/recipients/${suite.world.petter.id}/measures`, {
    professionalNeed: 'Tilsyn',
    title: 'Tilsyn',
    days: [1, 2, 3, 4, 5, 6, 7],
    windowStart: '18:00',
    windowEnd: '18:30',
    durationMinutes: 15,
    decidedWithPerson: true,
  });
  expect(m.body.visits.created).toBe(14);
});

describe('ending a service', () => {
  it('ends the care relation on the last day and cancels the visits after it', async () => {
    const lastDay = addDays(TODAY, 2);
    const res = await anna.post(url(), { teamId: suite.world.north.id, lastDay, reason: 'Flytter på sykehjem' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ lastDay, cancelledVisits: 11 });
    expect(await planned()).toEqual([TODAY, addDays(TODAY, 1), lastDay]);
    const [rt] = (await db().execute(sql`SELECT valid_until::text AS until FROM recipient_team`)).rows;
    expect(rt.until).toBe(lastDay);
    const [audit] = (await db().execute(sql`SELECT basis, details FROM audit_log WHERE action = 'record.endService'`))
      .rows as { basis: string; details: Record<string, unknown> }[];
    expect(audit).toMatchObject({ basis: 'care_relation', details: { reason: 'Flytter på sykehjem', cancelled: 11 } });
    // After the last day the team no longer serves the person: the record closes to it.
    clock.set(osloInstant(addDays(lastDay, 1), 9 * 60));
    const later = await logInAs(suite.app, 'anna');
    expect((await later.get(`/api/recipients/${suite.world.petter.id}`)).status).toBe(403);
  });

  it('keeps the visits another serving team still covers', async () => {
    await db().insert(t.recipientTeams).values({
      recipientId: suite.world.petter.id,
      teamId: suite.world.south.id,
      validFrom: '2020-01-01',
    });
    const res = await anna.post(url(), { teamId: suite.world.north.id, lastDay: TODAY, reason: 'Team Sør tar over' });
    expect(res.body.cancelledVisits).toBe(0);
    expect(await planned()).toHaveLength(14);
  });

  it.each([
    [{ lastDay: '2026-12-06' }, 'lastDay'],
    [{ lastDay: '7.12.2026' }, 'lastDay'],
    [{ reason: '' }, 'reason'],
    [{ teamId: 'nord' }, 'teamId'],
  ])('refuses %j naming %s, changing nothing', async (extra, field) => {
    const res = await anna.post(url(), { teamId: suite.world.north.id, lastDay: TODAY, reason: 'Flytter', ...extra });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(await planned()).toHaveLength(14);
  });

  it('is for the serving team only: others get 403 or 404, each refusal logged', async () => {
    const body = { teamId: suite.world.north.id, lastDay: TODAY, reason: 'Flytter' };
    const bo = await logInAs(suite.app, 'bo');
    expect((await bo.post(url(), body)).status).toBe(403);
    expect((await bo.post(url(), { ...body, teamId: suite.world.south.id })).status).toBe(403);
    const lea = await logInAs(suite.app, 'lea');
    expect((await lea.post(url(), body)).status).toBe(403);
    // Emergency access opens the record, not the team's own acts.
    await bo.post(`/api/recipients/${suite.world.petter.id}/emergency-access`, { reason: 'Akutt behov, Anna er syk' });
    expect((await bo.post(url(), { ...body, teamId: suite.world.south.id })).status).toBe(403);
    const unknown = await anna.post('/api/recipients/00000000-0000-4000-8000-000000000000/end-service', body);
    expect(unknown.status).toBe(404);
    const denied = (
      await db().execute(
        sql`SELECT actor_name AS actor FROM audit_log WHERE action = 'record.endService' AND basis = 'denied' ORDER BY seq`,
      )
    ).rows.map((r) => r.actor);
    expect(denied).toEqual(['Bo Sørli', 'Bo Sørli', 'Lea Leder', 'Bo Sørli', 'Anna Nordmann']);
    expect(await planned()).toHaveLength(14);
  });
});

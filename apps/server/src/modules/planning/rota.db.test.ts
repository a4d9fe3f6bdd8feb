/**
 * The rota as the team enters it and the planner reads it: night shifts across midnight, and
 * split shifts whose break is not working time.
 */
import { addDays, osloToday } from '@tillit/contracts';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import * as t from '../../db/schema.ts';
import { logInAs, type Client, useWorldSuite } from '../../test/harness.ts';
import { systemClock } from '../../time/clock.ts';
import { executeRun } from './planning.runs.ts';

const suite = useWorldSuite({ planningWorker: false });
let anna: Client;
const team = () => suite.world.north.id;
const annaId = () => suite.world.staff.anna.id;
const rota = (entry: Record<string, unknown>) =>
  anna.post(`/api/planning/teams/${team()}/rota`, {
    staffId: annaId(),
    kind: 'day',
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    validFrom: '2026-01-01',
    ...entry,
  });

beforeEach(async () => {
  anna = await logInAs(suite.app, 'anna');
});

describe('night shifts', () => {
  it('enters a night shift that ends the next morning, and refuses a shift it would run into', async () => {
    // Night 22:00–07:00 Monday to Friday.
    const night = await rota({ kind: 'night', weekdays: [1, 2, 3, 4, 5], startMinute: 1320, endMinute: 1440 + 420 });
    expect(night.status).toBe(201);
    expect(night.body).toMatchObject({ startMinute: 1320, endMinute: 1860 });
    // A Saturday day shift from 06:30 meets Friday night until 07:00: refused, the field named.
    const clash = await rota({ weekdays: [6], startMinute: 390, endMinute: 900 });
    expect(clash.status).toBe(400);
    expect(clash.body.error.fields[0]).toMatchObject({ field: 'startMinute', code: 'overlap' });
    expect(clash.body.error.fields[0].message).toContain('22:00–07:00 (next day)');
    // From 07:30 it is fine, and so is a Sunday morning (Saturday has no night shift).
    expect((await rota({ weekdays: [6], startMinute: 450, endMinute: 900 })).status).toBe(201);
    expect((await rota({ weekdays: [7], startMinute: 360, endMinute: 900 })).status).toBe(201);
    // Longer than 24 hours: refused, the field named.
    const long = await rota({ weekdays: [7], startMinute: 1320, endMinute: 1320 + 1441 });
    expect(long.status).toBe(400);
    expect(long.body.error.fields[0].field).toBe('endMinute');
    const entries = (await anna.get(`/api/planning/teams/${team()}/rota`)).body.entries;
    expect(entries).toHaveLength(3);
  });

  it('keeps a shift longer than a day or starting past midnight out of the table itself', async () => {
    const insert = (startMinute: number, endMinute: number) =>
      suite.database.db.insert(t.rotaEntries).values({
        teamId: team(),
        staffId: annaId(),
        kind: 'night',
        weekdays: [1],
        startMinute,
        endMinute,
        validFrom: '2026-01-01',
      });
    await expect(insert(1320, 1320 + 1441)).rejects.toThrow();
    await expect(insert(1440, 1500)).rejects.toThrow();
    await insert(1320, 1860);
  });
});

describe('split shifts', () => {
  it('shows the break, offers no visit in it, and plans none there', async () => {
    const from = addDays(osloToday(), 1);
    // Anna works 07:00–11:00 and 15:00–20:00 every day; nobody else in the team has a shift.
    expect((await rota({ startMinute: 420, endMinute: 660 })).status).toBe(201);
    expect((await rota({ kind: 'evening', startMinute: 900, endMinute: 1200 })).status).toBe(201);
    const petter = suite.world.petter.id;
    const measure = (title: string, windowStart: number) => ({
      recipientId: petter,
      title,
      professionalNeed: 'Behov vurdert av teamet',
      days: [1, 2, 3, 4, 5, 6, 7],
      windowStart,
      windowEnd: windowStart + 30,
      durationMinutes: 20,
      validFrom: '2026-01-01',
    });
    await suite.database.db
      .insert(t.measures)
      .values([measure('Morgenstell', 540), measure('Lunsj', 720), measure('Kveldsstell', 1080)]);
    expect((await anna.post(`/api/teams/${team()}/visits/generate`, { from, days: 1 })).body).toEqual({ created: 3 });
    const ids = Object.fromEntries(
      (
        await suite.database.db.execute(
          sql`SELECT m.title, v.id FROM visit v JOIN visit_measure vm ON vm.visit_id = v.id JOIN measure m ON m.id = vm.measure_id`,
        )
      ).rows.map((r) => [r.title as string, r.id as string]),
    );

    const plan = await anna.get(`/api/planning/teams/${team()}/plan?from=${from}&days=1`);
    const annaPlan = plan.body.staff.find((s: { id: string }) => s.id === annaId());
    expect(annaPlan.shifts).toEqual([
      [
        { start: 420, end: 660 },
        { start: 900, end: 1200 },
      ],
    ]);

    // Lunch at 12:00 falls in the break: Anna is not offered it, and a lock to her is refused.
    const cands = await anna.get(`/api/planning/visits/${ids.Lunsj}/candidates`);
    expect(cands.body.candidates.find((c: { staffId: string }) => c.staffId === annaId())).toMatchObject({
      offered: false,
      reasons: [
        {
          code: 'shift_outside_window',
          shifts: [
            { start: 420, end: 660 },
            { start: 900, end: 1200 },
          ],
        },
      ],
    });
    expect((await anna.post(`/api/planning/visits/${ids.Lunsj}/lock`, { staffId: annaId() })).status).toBe(400);

    const run = await anna.post(`/api/planning/teams/${team()}/runs`, { from, days: 1, timeLimitSeconds: 1 });
    await executeRun(suite.database.db, run.body.id, { threads: 1, clock: systemClock });
    const view = await anna.get(`/api/planning/runs/${run.body.id}`);
    const helpersOf = (id: string) => view.body.visits.find((v: { id: string }) => v.id === id).helpers;
    expect(helpersOf(ids.Morgenstell)).toEqual([annaId()]);
    expect(helpersOf(ids.Kveldsstell)).toEqual([annaId()]);
    expect(helpersOf(ids.Lunsj)).toEqual([]);
    expect(view.body.unassigned).toEqual([{ visitId: ids.Lunsj, reason: { code: 'no_shift' } }]);
  });
});

import { addDays, osloInstant } from '@tillit/contracts';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { logInAs, type Client, useWorldSuite } from '../../test/harness.ts';
import { testClock } from '../../time/clock.ts';

/**
 * Generated visits follow every plan change at once, with no button (#21 item 1, #19 item 5):
 * a new measure makes its visits for the planning horizon, a new window or new days move the
 * future visits that have not started, a paused or ended measure cancels them. Monday 7
 * December 2026, 10:00 on Oslo's clock: this morning's 08:00 visit has passed its window.
 */
const TODAY = '2026-12-07';
const clock = testClock(osloInstant(TODAY, 10 * 60));
const suite = useWorldSuite({ clock });
const db = () => suite.database.db;
let anna: Client;

beforeEach(async () => {
  clock.set(osloInstant(TODAY, 10 * 60));
  anna = await logInAs(suite.app, 'anna');
});

interface Row {
  date: string;
  status: string;
  windowStart: number;
  staffId: string | null;
  plannedStart: number | null;
  version: number;
  measures: number;
}
const visits = async () =>
  (
    await db().execute(sql`SELECT v.date::text AS date, v.status, v.window_start AS "windowStart", v.staff_id AS "staffId",
                                  v.planned_start AS "plannedStart", v.version,
                                  (SELECT count(*)::int FROM visit_measure vm WHERE vm.visit_id = v.id) AS measures
                             FROM visit v ORDER BY v.date, v.window_start`)
  ).rows as unknown as Row[];
const on = (rows: Row[], date: string) => rows.filter((r) => r.date === date);

async function addMeasure(extra: Record<string, unknown> = {}) {
  const res = await anna.post(`/api/recipients/${suite.world.petter.id}/measures`, {
    professionalNeed: 'Trenger hjelp om morgenen',
    title: 'Morgenstell',
    days: [1, 2, 3, 4, 5, 6, 7],
    windowStart: '08:00',
    windowEnd: '08:30',
    durationMinutes: 30,
    usualStaffId: suite.world.staff.anna.id,
    decidedWithPerson: true,
    ...extra,
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number; visits: Record<string, number> };
}
const change = (id: string, version: number, patch: Record<string, unknown>) =>
  anna.patch(`/api/measures/${id}`, { version, reason: 'Avtalt med Petter', decidedWithPerson: true, ...patch });

describe('visits follow the plan at once', () => {
  it('makes a new measure’s visits for the planning horizon, today included, and shows them in «Min dag»', async () => {
    const m = await addMeasure({ days: [1, 3, 5], windowStart: '14:00', windowEnd: '14:30' });
    // 7–20 December: Mondays, Wednesdays and Fridays.
    expect(m.visits).toMatchObject({ created: 6 });
    expect((await visits()).map((v) => v.date)).toEqual([
      '2026-12-07',
      '2026-12-09',
      '2026-12-11',
      '2026-12-14',
      '2026-12-16',
      '2026-12-18',
    ]);
    const day = (await anna.get('/api/me/day')).body;
    expect(day).toEqual([expect.objectContaining({ windowStart: 840, measures: ['Morgenstell'], status: 'planned' })]);
  });

  it('moves future unstarted visits to a new window, keeping the helper; started, done and passed ones stay', async () => {
    const m = await addMeasure();
    const tomorrow = addDays(TODAY, 1);
    const [d2, d3] = [addDays(TODAY, 2), addDays(TODAY, 3)];
    await db().execute(sql`UPDATE visit SET status = 'started' WHERE date = ${d2}::date`);
    await db().execute(sql`UPDATE visit SET planned_start = 490 WHERE date = ${d3}::date`);
    await db().execute(sql`UPDATE visit SET planned_start = 485 WHERE date = ${tomorrow}::date`);
    const before = await visits();
    const res = await change(m.id, m.version, { windowStart: '11:00', windowEnd: '11:30' });
    expect(res.status).toBe(200);
    expect(res.body.visits).toMatchObject({ moved: 12, cancelled: 0, created: 0 });
    const after = await visits();
    expect(after).toHaveLength(14);
    expect(on(after, TODAY)[0]).toMatchObject({ windowStart: 480, version: on(before, TODAY)[0].version });
    expect(on(after, d2)[0]).toMatchObject({ windowStart: 480, status: 'started' });
    for (const v of after.filter((x) => x.date > TODAY && x.date !== d2)) {
      expect(v).toMatchObject({ windowStart: 660, staffId: suite.world.staff.anna.id, status: 'planned' });
      expect(v.version).toBe(on(before, v.date)[0].version + 1);
    }
    // A planned start from an earlier plan is cleared when it falls outside the new window.
    expect(on(after, d3)[0].plannedStart).toBeNull();
    expect(on(after, tomorrow)[0].plannedStart).toBeNull();
  });

  it('moves visits to new days: days no longer agreed are cancelled, new ones made', async () => {
    const m = await addMeasure({ days: [1, 2, 3] });
    expect((await visits()).length).toBe(6);
    const res = await change(m.id, m.version, { days: [3, 5] });
    expect(res.status).toBe(200);
    const live = (await visits()).filter((v) => v.status === 'planned').map((v) => v.date);
    // Today's (passed) Monday visit stays; Tuesday 8th and Monday/Tuesday 14th–15th go; Fridays come.
    expect(live).toEqual(['2026-12-07', '2026-12-09', '2026-12-11', '2026-12-16', '2026-12-18']);
    const cancelled = (await visits()).filter((v) => v.status === 'cancelled');
    expect(cancelled.map((v) => [v.date, v.measures])).toEqual([
      ['2026-12-08', 0],
      ['2026-12-14', 0],
      ['2026-12-15', 0],
    ]);
  });

  it('cancels future unstarted visits when a measure is paused or ended, and makes them again when resumed', async () => {
    const m = await addMeasure({ windowStart: '12:00', windowEnd: '12:30' });
    const paused = await change(m.id, m.version, { status: 'paused' });
    expect(paused.status).toBe(200);
    expect(paused.body.visits).toMatchObject({ cancelled: 14 });
    expect((await visits()).every((v) => v.status === 'cancelled')).toBe(true);
    expect((await anna.get('/api/me/day')).body).toEqual([]);
    const resumed = await change(m.id, paused.body.version, { status: 'active' });
    expect(resumed.body.visits).toMatchObject({ created: 14 });
    const ended = await change(m.id, resumed.body.version, { status: 'ended' });
    expect(ended.body.visits).toMatchObject({ cancelled: 14 });
    expect((await visits()).filter((v) => v.status === 'planned')).toEqual([]);
    const care = (await anna.get(`/api/recipients/${suite.world.petter.id}/care`)).body;
    expect(care.measures).toEqual([]); // an ended measure leaves the plan shown
  });

  it('takes a measure out of a visit it shares, and into the visit already planned in its new window', async () => {
    const morning = await addMeasure({ days: [2] });
    const meds = await addMeasure({ title: 'Medisiner', days: [2] });
    expect(meds.visits).toMatchObject({ created: 0 }); // it joined the two Tuesday visits
    const tuesdays = await visits();
    expect(tuesdays.map((v) => [v.date, v.measures])).toEqual([
      ['2026-12-08', 2],
      ['2026-12-15', 2],
    ]);
    const moved = await change(meds.id, meds.version, { windowStart: '09:00', windowEnd: '09:30' });
    expect(moved.body.visits).toMatchObject({ left: 2, cancelled: 0, created: 2 });
    const after = await visits();
    expect(after.map((v) => [v.date, v.windowStart, v.measures, v.status])).toEqual([
      ['2026-12-08', 480, 1, 'planned'],
      ['2026-12-08', 540, 1, 'planned'],
      ['2026-12-15', 480, 1, 'planned'],
      ['2026-12-15', 540, 1, 'planned'],
    ]);
    // The morning visit's content changed: its version moved on.
    expect(after[0].version).toBe(tuesdays[0].version + 1);
    // Back to the morning window: it joins the morning visit, and its own is cancelled.
    await change(meds.id, moved.body.version, { windowStart: '08:00', windowEnd: '08:30' });
    const back = (await visits()).filter((v) => v.status === 'planned');
    expect(back.map((v) => [v.date, v.windowStart, v.measures])).toEqual([
      ['2026-12-08', 480, 2],
      ['2026-12-15', 480, 2],
    ]);
    expect(morning.id).toBeTruthy();
  });

  it('changes the visits of a shared decision with new versions (publishing skips them afterwards)', async () => {
    const m = await addMeasure({ windowStart: '12:00', windowEnd: '12:30' });
    const before = await visits();
    const res = await anna.post(`/api/recipients/${suite.world.petter.id}/shared-decisions`, {
      question: 'Passer det bedre senere på dagen?',
      options: ['Som før', 'Senere'],
      chosen: 'Senere',
      why: 'Petter sover lenge',
      change: { action: 'window', measureId: m.id, windowStart: '13:00', windowEnd: '13:30' },
    });
    expect(res.status).toBe(201);
    const after = await visits();
    for (const v of after) {
      expect(v.windowStart).toBe(780);
      expect(v.version).toBe(on(before, v.date)[0].version + 1);
    }
    const paused = await anna.post(`/api/recipients/${suite.world.petter.id}/shared-decisions`, {
      question: 'Trenger du dette nå?',
      options: ['Ja', 'Nei'],
      chosen: 'Nei',
      why: 'Klarer seg selv en stund',
      change: { action: 'pause', measureId: m.id },
    });
    expect(paused.status).toBe(201);
    for (const v of await visits()) {
      expect(v.status).toBe('cancelled');
      expect(v.version).toBe(on(before, v.date)[0].version + 2);
    }
  });

  it('lets only those the record policy allows change a measure: others get 403 with an audit row, visits untouched', async () => {
    const m = await addMeasure();
    const before = await visits();
    const bo = await logInAs(suite.app, 'bo');
    const res = await bo.patch(`/api/measures/${m.id}`, {
      version: m.version,
      status: 'paused',
      reason: 'Prøver',
      decidedWithPerson: false,
    });
    expect(res.status).toBe(403);
    expect(await visits()).toEqual(before);
    const [row] = (
      await db().execute(
        sql`SELECT basis, recipient_id AS "recipientId" FROM audit_log WHERE action = 'care.measure.change'`,
      )
    ).rows;
    expect(row).toEqual({ basis: 'denied', recipientId: suite.world.petter.id });
    const unknown = await anna.patch('/api/measures/00000000-0000-4000-8000-000000000000', {
      version: 1,
      status: 'paused',
      reason: 'Prøver',
      decidedWithPerson: false,
    });
    expect(unknown.status).toBe(404);
  });
});

import { osloToday } from '@tillit/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { logInAs, type Client, useWorldSuite } from '../../test/harness.ts';

const suite = useWorldSuite();
let anna: Client;
let measureId: string;
const today = osloToday();

beforeEach(async () => {
  anna = await logInAs(suite.app, 'anna');
  const m = await anna.post(`/api/recipients/${suite.world.petter.id}/measures`, {
    professionalNeed: 'Trenger hjelp til dusj',
    title: 'Dusj',
    days: [1, 2, 3, 4, 5, 6, 7],
    windowStart: '10:00',
    windowEnd: '10:30',
    durationMinutes: 30,
    usualStaffId: suite.world.staff.anna.id,
    decidedWithPerson: true,
  });
  measureId = m.body.id;
  await anna.post(`/api/teams/${suite.world.north.id}/visits/generate`, { from: today, days: 7 });
});

const url = () => `/api/recipients/${suite.world.petter.id}/shared-decisions`;
const decision = (change: unknown, extra: Record<string, unknown> = {}) => ({
  question: 'Dusj hver dag, eller annenhver dag med vask ved vasken?',
  options: ['Hver dag', 'Annenhver dag'],
  chosen: 'Annenhver dag',
  why: 'Blir sliten av dusjen',
  change,
  ...extra,
});
const futureVisits = async () =>
  (await suite.database.db.execute(sql`SELECT status, window_start FROM visit WHERE date > current_date ORDER BY date`))
    .rows;

describe('shared decisions at the visit', () => {
  it('pauses a measure at once: future visits for it are cancelled', async () => {
    const res = await anna.post(url(), decision({ action: 'pause', measureId }));
    expect(res.status).toBe(201);
    expect((await futureVisits()).every((v) => v.status === 'cancelled')).toBe(true);
    const care = (await anna.get(`/api/recipients/${suite.world.petter.id}/care`)).body;
    expect(care.measures).toEqual([expect.objectContaining({ status: 'paused', version: 2 })]);
    expect(care.sharedDecisions[0]).toMatchObject({ chosen: 'Annenhver dag', why: 'Blir sliten av dusjen' });
    const [v] = (
      await suite.database.db.execute(sql`SELECT decided_with_person, reason FROM measure_version WHERE version = 2`)
    ).rows;
    expect(v).toMatchObject({ decided_with_person: true });
  });

  it('moves the agreed window of future visits', async () => {
    await anna.post(
      url(),
      decision(
        { action: 'window', measureId, windowStart: '11:00', windowEnd: '11:30' },
        { chosen: 'Hver dag', options: ['Hver dag', 'Senere'] },
      ),
    );
    expect((await futureVisits()).every((v) => v.window_start === 660)).toBe(true);
  });

  it('adds a measure decided with the person', async () => {
    const res = await anna.post(
      url(),
      decision({
        action: 'add',
        measure: {
          title: 'Vask ved vasken',
          days: [2, 4, 6],
          windowStart: '10:00',
          windowEnd: '10:30',
          durationMinutes: 20,
        },
      }),
    );
    expect(res.status).toBe(201);
    const care = (await anna.get(`/api/recipients/${suite.world.petter.id}/care`)).body;
    expect(care.measures.map((m: { title: string }) => m.title).sort()).toEqual(['Dusj', 'Vask ved vasken']);
  });

  it.each([
    [{ chosen: 'Noe annet' }, 'chosen'],
    [{ options: ['Bare ett'] }, 'options'],
    [
      {
        change: {
          action: 'window',
          measureId: '00000000-0000-4000-8000-000000000000',
          windowStart: '11:00',
          windowEnd: '10:00',
        },
      },
      'change.windowEnd',
    ],
    [{ change: { action: 'pause', measureId: '00000000-0000-4000-8000-000000000000' } }, 'change.measureId'],
  ])('refuses %j naming %s, changing nothing', async (extra, field) => {
    const res = await anna.post(url(), { ...decision({ action: 'pause', measureId }), ...extra });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect((await futureVisits()).every((v) => v.status === 'planned')).toBe(true);
    expect((await suite.database.db.execute(sql`SELECT count(*)::int AS n FROM shared_decision`)).rows[0].n).toBe(0);
  });
});

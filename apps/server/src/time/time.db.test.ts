/**
 * Oslo time through the whole app, with the clock set to the minutes where UTC and Norway
 * disagree about the date: 00:30 in winter (UTC+1) and summer (UTC+2), and the two
 * daylight-saving nights. A clock read as UTC, or a `current_date` in a UTC session, gives
 * yesterday at every one of these moments.
 */
import { addDays, osloInstant } from '@tillit/contracts';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { createUser } from '../modules/accounts/accounts.service.ts';
import { buildNationalId, PASSWORD } from '../test/factories.ts';
import { logInAs, useWorldSuite } from '../test/harness.ts';
import { testClock } from './clock.ts';

const clock = testClock('2026-01-14T23:30:00Z');
const suite = useWorldSuite({ clock });

/** 00:30 on Oslo's clock; the UTC instant is on the day before. */
const NIGHTS = [
  { name: 'in winter', date: '2026-01-15', utc: '2026-01-14T23:30:00.000Z' },
  { name: 'in summer', date: '2026-07-15', utc: '2026-07-14T22:30:00.000Z' },
  { name: 'on the spring night (02:00 becomes 03:00)', date: '2026-03-29', utc: '2026-03-28T23:30:00.000Z' },
  { name: 'on the autumn night (03:00 becomes 02:00)', date: '2026-10-25', utc: '2026-10-24T22:30:00.000Z' },
];

/** A new helper in team North and a new person it serves, both from `date`; a visit for them that day and the day before. */
async function newcomersFrom(date: string) {
  const db = suite.database.db;
  const { north, district } = suite.world;
  const [nina] = await db
    .insert(t.staff)
    .values({ districtId: district.id, givenName: 'Nina', familyName: 'Ny', profession: 'sykepleier' })
    .returning();
  await db.insert(t.teamMemberships).values({ teamId: north.id, staffId: nina.id, validFrom: date });
  await createUser(db, {
    username: 'nina',
    password: PASSWORD,
    role: 'member',
    displayName: 'Nina Ny',
    staffId: nina.id,
    districtId: district.id,
  });
  const [rut] = await db
    .insert(t.recipients)
    .values({
      givenName: 'Rut',
      familyName: 'Ny',
      birthDate: '1938-05-01',
      nationalId: buildNationalId(),
      addressLine: 'Kampengata 2',
      postalCode: '0654',
      city: 'Oslo',
      lat: 59.91,
      lon: 10.78,
    })
    .returning();
  await db.insert(t.recipientTeams).values({ recipientId: rut.id, teamId: north.id, validFrom: date });
  await db.insert(t.visits).values([
    { recipientId: rut.id, date, windowStart: 480, windowEnd: 510, staffId: nina.id },
    { recipientId: rut.id, date: addDays(date, -1), windowStart: 480, windowEnd: 510, staffId: nina.id },
  ]);
  return { nina, rut };
}

describe('Oslo time', () => {
  it('runs every database session on Oslo time, on both engines', async () => {
    const db = suite.database.db;
    // Several at once, so a pool hands out more than one connection.
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        db.execute(sql`SELECT current_setting('TimeZone') AS tz, '2026-01-14T23:30:00Z'::timestamptz::date::text AS d`),
      ),
    );
    for (const r of results) expect(rowsOf(r)[0]).toEqual({ tz: 'Europe/Oslo', d: '2026-01-15' });
  });

  for (const night of NIGHTS) {
    it(`counts memberships, care relations and the day list from today at 00:30 ${night.name}`, async () => {
      clock.set(osloInstant(night.date, 30));
      expect(clock.now().toISOString()).toBe(night.utc);
      const { rut } = await newcomersFrom(night.date);

      const nina = await logInAs(suite.app, 'nina');
      expect((await nina.get('/api/auth/me')).body.teamIds).toEqual([suite.world.north.id]);
      // The care relation from today opens the record for the team.
      expect((await nina.get(`/api/recipients/${rut.id}`)).status).toBe(200);
      const anna = await logInAs(suite.app, 'anna');
      const people = (await anna.get(`/api/teams/${suite.world.north.id}/recipients`)).body as { id: string }[];
      expect(people.map((p) => p.id)).toContain(rut.id);
      const team = (await anna.get(`/api/teams/${suite.world.north.id}`)).body;
      expect(team.members.map((m: { name: string }) => m.name)).toContain('Nina Ny');
      // «Min dag» without a date is today in Oslo, not yesterday in UTC.
      const day = await nina.get('/api/me/day');
      expect(day.body.map((v: { date: string }) => v.date)).toEqual([night.date]);
    });
  }

  for (const night of NIGHTS.slice(2)) {
    it(`gives visits their local times across the daylight-saving change ${night.name}`, async () => {
      const days = [addDays(night.date, -1), night.date, addDays(night.date, 1)];
      clock.set(osloInstant(days[0], 6 * 60));
      const anna = await logInAs(suite.app, 'anna');
      const measure = await anna.post(`/api/recipients/${suite.world.petter.id}/measures`, {
        professionalNeed: 'Trenger hjelp med morgenstell',
        title: 'Morgenstell',
        days: [1, 2, 3, 4, 5, 6, 7],
        windowStart: '07:30',
        windowEnd: '08:00',
        durationMinutes: 20,
        usualStaffId: suite.world.staff.anna.id,
        decidedWithPerson: true,
      });
      expect(measure.status).toBe(201);
      expect(measure.body.validFrom).toBe(days[0]);
      // Made with the measure, for the planning horizon from the Oslo date it was added on.
      expect(measure.body.visits.created).toBe(14);
      const gen = await anna.post(`/api/teams/${suite.world.north.id}/visits/generate`, { from: days[0], days: 3 });
      expect(gen.body).toEqual({ created: 0 });
      // Anna checks in at 07:35 on Oslo's clock each day, and documents the visit.
      for (const date of days) {
        clock.set(osloInstant(date, 7 * 60 + 35));
        const [visit] = (await anna.get('/api/me/day')).body;
        expect(visit).toMatchObject({ date, windowStart: 450, windowEnd: 480 });
        const checkIn = await anna.post(`/api/visits/${visit.id}/check-in`);
        expect(new Date(checkIn.body.checkedInAt).toISOString()).toBe(osloInstant(date, 455).toISOString());
        const done = await anna.post(`/api/visits/${visit.id}/complete`, {
          version: checkIn.body.version,
          allAsPlanned: true,
        });
        expect(done.status).toBe(200);
      }
      const stored = rowsOf<{ date: string; minute: number }>(
        await suite.database.db.execute(
          sql`SELECT date::text AS date, check_in_minute AS minute FROM visit WHERE status = 'done' ORDER BY date`,
        ),
      );
      expect(stored).toEqual(days.map((date) => ({ date, minute: 455 })));
      // Every one of them started inside the agreed window.
      const figures = await anna.get(`/api/teams/${suite.world.north.id}/indicators?from=${days[0]}&to=${days[2]}`);
      expect(figures.body.ability.punctuality).toMatchObject({ value: 1, numerator: 3, denominator: 3 });
    });
  }

  it('puts answers in the quarter and months of Oslo at 00:30 on the first day', async () => {
    clock.set(osloInstant('2026-04-01', 30)); // 2026-03-31 22:30 UTC: still the first quarter there
    const anna = await logInAs(suite.app, 'anna');
    const pulse = await anna.post('/api/pulse', {
      answers: { trusted: 4, autonomy: 3, meaning: 5, heard: 3 },
    });
    expect(pulse.body).toMatchObject({ ok: true, quarter: '2026Q2' });
    const link = await anna.post(`/api/recipients/${suite.world.petter.id}/survey-links`, { channel: 'tablet' });
    const token = link.body.path.split('/').pop();
    const answer = await suite.app.inject({
      method: 'POST',
      url: `/api/surveys/${token}`,
      payload: { respondent: 'person', answers: { on_time: 4 } },
    });
    expect(answer.statusCode).toBe(201);
    const [stored] = rowsOf<{ quarter: string }>(
      // Held in the ballot box until written in a batch (surveys/ballot.ts), already filed under its quarter.
      await suite.database.db.execute(sql`SELECT quarter FROM survey_held`),
    );
    expect(stored.quarter).toBe('2026Q2');
    const dashboard = await anna.get(`/api/teams/${suite.world.north.id}/dashboard?months=2`);
    expect(dashboard.body.months.map((m: { month: string }) => m.month)).toEqual(['2026-03', '2026-04']);
    expect(dashboard.body.months[1].period).toEqual({ from: '2026-04-01', to: '2026-04-01' });
  });
});

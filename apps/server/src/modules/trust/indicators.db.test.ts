import { beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.ts';
import { logInAs, useWorldSuite } from '../../test/harness.ts';
import { testClock } from '../../time/clock.ts';
import { countHelperVisits, countVisits, type VisitRow } from './indicators.ts';
import { loadVisitFigures } from './indicators.repository.ts';

// The figures count visits up to today: a clock after the test's November keeps them in.
const clock = testClock('2026-11-20T12:00:00Z');
const suite = useWorldSuite({ clock });

beforeEach(async () => {
  clock.set('2026-11-20T12:00:00Z');
  const anna = suite.world.staff.anna.id;
  const bo = suite.world.staff.bo.id;
  // Petter, window 08:00–08:30 (Oslo time), four visits on 2–5 November 2026: on time by Anna,
  // on time by Anna, late by Bo, and one cancelled.
  await suite.database.db.execute(sql`
    INSERT INTO measure (id, recipient_id, professional_need, title, days, window_start, window_end, duration_minutes, valid_from)
    VALUES ('11111111-1111-4111-8111-111111111111', ${suite.world.petter.id}, 'Tilsyn', 'Tilsyn', '{1,2,3,4,5,6,7}', 480, 510, 30, '2026-11-01')`);
  await suite.database.db.execute(sql`
    INSERT INTO visit (id, recipient_id, date, window_start, window_end, staff_id, status, checked_in_at) VALUES
      ('21111111-1111-4111-8111-111111111111', ${suite.world.petter.id}, '2026-11-02', 480, 510, ${anna}, 'done', '2026-11-02 08:05+01'),
      ('22111111-1111-4111-8111-111111111111', ${suite.world.petter.id}, '2026-11-03', 480, 510, ${anna}, 'done', '2026-11-03 08:20+01'),
      ('23111111-1111-4111-8111-111111111111', ${suite.world.petter.id}, '2026-11-04', 480, 510, ${bo}, 'done', '2026-11-04 09:10+01'),
      ('24111111-1111-4111-8111-111111111111', ${suite.world.petter.id}, '2026-11-05', 480, 510, ${anna}, 'cancelled', NULL)`);
  await suite.database.db.execute(sql`
    INSERT INTO visit_measure (visit_id, measure_id, outcome, reason) VALUES
      ('21111111-1111-4111-8111-111111111111', '11111111-1111-4111-8111-111111111111', 'done', NULL),
      ('22111111-1111-4111-8111-111111111111', '11111111-1111-4111-8111-111111111111', 'changed', NULL),
      ('23111111-1111-4111-8111-111111111111', '11111111-1111-4111-8111-111111111111', 'not_done', 'Sov')`);
});

describe('team indicators from daily data', () => {
  it('computes ability and integrity for the team and period', async () => {
    const anna = await logInAs(suite.app, 'anna');
    const res = await anna.get(`/api/teams/${suite.world.north.id}/indicators?from=2026-11-01&to=2026-11-07`);
    expect(res.status).toBe(200);
    expect(res.body.ability.punctuality).toEqual({ value: 2 / 3, numerator: 2, denominator: 3 });
    expect(res.body.ability.unstaffedOrCancelled).toEqual({ value: 0.25, numerator: 1, denominator: 4 });
    expect(res.body.integrity.planFidelity).toEqual({ value: 2 / 3, numerator: 2, denominator: 3 });
    // Anna 2 done visits, Bo 1: distinct 2, COC (4+1-3)/(3·2) = 1/3, primary contact (Anna) 2 of 3.
    expect(res.body.integrity.continuity).toMatchObject({ people: 1, distinctMedian: 2, primaryContactShare: 2 / 3 });
    expect(res.body.integrity.continuity.cocMean).toBeCloseTo(1 / 3, 10);
  });

  it('keeps two routine visits documented in two taps out of punctuality and counts them on their own', async () => {
    const { petter, north, staff } = suite.world;
    await suite.database.db.execute(sql`
      INSERT INTO visit (id, recipient_id, date, window_start, window_end, staff_id) VALUES
        ('31111111-1111-4111-8111-111111111111', ${petter.id}, '2026-11-09', 480, 510, ${staff.anna.id}),
        ('32111111-1111-4111-8111-111111111111', ${petter.id}, '2026-11-10', 480, 510, ${staff.anna.id})`);
    await suite.database.db.execute(sql`
      INSERT INTO visit_measure (visit_id, measure_id) VALUES
        ('31111111-1111-4111-8111-111111111111', '11111111-1111-4111-8111-111111111111'),
        ('32111111-1111-4111-8111-111111111111', '11111111-1111-4111-8111-111111111111')`);
    // Documented later in the day, nobody checked in: «Alt utført som planlagt» and confirm.
    clock.set('2026-11-10T13:00:00Z');
    const anna = await logInAs(suite.app, 'anna');
    for (const id of ['31111111-1111-4111-8111-111111111111', '32111111-1111-4111-8111-111111111111']) {
      expect((await anna.post(`/api/visits/${id}/complete`, { version: 1, allAsPlanned: true })).status).toBe(200);
      const visit = await anna.get(`/api/visits/${id}`);
      expect(visit.body).toMatchObject({ status: 'done', checkedInAt: null });
    }
    const res = await anna.get(`/api/teams/${north.id}/indicators?from=2026-11-09&to=2026-11-10`);
    // Nothing is known about when they started: no share at all, rather than 0 %.
    expect(res.body.ability.punctuality).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(res.body.ability.notCheckedIn).toEqual({ value: 1, numerator: 2, denominator: 2 });
    // Over the whole fortnight: still 2 of 3 checked-in visits on time; 2 of 5 done visits not checked in.
    const all = await anna.get(`/api/teams/${north.id}/indicators?from=2026-11-01&to=2026-11-14`);
    expect(all.body.ability.punctuality).toEqual({ value: 2 / 3, numerator: 2, denominator: 3 });
    expect(all.body.ability.notCheckedIn).toEqual({ value: 2 / 5, numerator: 2, denominator: 5 });
  });

  it('is open to the district’s leader but not to another team', async () => {
    const lea = await logInAs(suite.app, 'lea');
    expect((await lea.get(`/api/teams/${suite.world.north.id}/indicators?from=2026-11-01&to=2026-11-07`)).status).toBe(
      200,
    );
    const bo = await logInAs(suite.app, 'bo');
    expect((await bo.get(`/api/teams/${suite.world.north.id}/indicators?from=2026-11-01&to=2026-11-07`)).status).toBe(
      403,
    );
  });

  it('judges decided hours over the days that are over, not against today and the days to come', async () => {
    const { petter, north } = suite.world;
    // 3 hours a week decided (≥ 162 minutes a week counts as delivered). Visits of 30 minutes
    // were done on 2 and 3 November (and not on the 4th).
    await suite.database.db.execute(sql`
      INSERT INTO service_decision (recipient_id, team_id, service_type, hours_per_week, valid_from, needs_and_wishes,
                                    reasons, legal_basis, within_frame, status, decided_by)
      VALUES (${petter.id}, ${north.id}, 'hjemmesykepleie', 3, '2026-10-01', 'Tilsyn', 'Behov', 'hol. § 3-2 nr. 6 a', true,
              'active', (SELECT id FROM user_account WHERE username = 'anna'))`);
    const anna = await logInAs(suite.app, 'anna');
    const week = `/api/teams/${north.id}/indicators?from=2026-11-02&to=2026-11-08`;
    // After the week: 60 minutes in a week of 3 hours decided → not delivered.
    expect((await anna.get(week)).body.integrity.decisionsDelivered).toEqual({
      value: 0,
      numerator: 0,
      denominator: 1,
    });
    // On Tuesday 3 November at noon only Monday is over: 30 minutes in one day is 210 a week → delivered.
    // (Counted over the whole week, the same visits read as 60 minutes a week: a failure that has not happened.)
    clock.set('2026-11-03T12:00:00Z');
    const tuesday = await logInAs(suite.app, 'anna');
    expect((await tuesday.get(week)).body.integrity.decisionsDelivered).toEqual({
      value: 1,
      numerator: 1,
      denominator: 1,
    });
    // On Monday morning no day of the week is over: no figure.
    clock.set('2026-11-02T07:00:00Z');
    const monday = await logInAs(suite.app, 'anna');
    expect((await monday.get(week)).body.integrity.decisionsDelivered).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
    });
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const anna = await logInAs(suite.app, 'anna');
    const res = await anna.get(`/api/teams/${suite.world.north.id}/indicators?from=2026-11-07&to=2026-11-01`);
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].field).toBe('to');
  });

  it('counts in SQL exactly what countVisits and countHelperVisits count over single visits', async () => {
    const { petter, north, staff } = suite.world;
    // Add a two-helper visit, an unstaffed one and one documented without a check-in, so every
    // branch of the counting is used.
    await suite.database.db.execute(sql`
      INSERT INTO visit (recipient_id, date, window_start, window_end, staff_id, second_staff_id, status, checked_in_at) VALUES
        (${petter.id}, '2026-11-06', 480, 510, ${staff.anna.id}, ${staff.bo.id}, 'done', '2026-11-06 08:30+01'),
        (${petter.id}, '2026-11-07', 480, 510, NULL, NULL, 'planned', NULL),
        (${petter.id}, '2026-11-07', 600, 630, ${staff.anna.id}, NULL, 'done', NULL)`);
    const raw = rowsOf<Omit<VisitRow, 'staffIds'> & { staffId: string | null; secondStaffId: string | null }>(
      await suite.database.db.execute(sql`SELECT recipient_id AS "recipientId", window_start AS "windowStart", window_end AS "windowEnd", status,
          (extract(epoch FROM (checked_in_at AT TIME ZONE 'Europe/Oslo')::time) / 60)::int AS "checkInMinute",
          staff_id AS "staffId", second_staff_id AS "secondStaffId" FROM visit`),
    ).map(({ staffId, secondStaffId, ...v }) => ({
      ...v,
      staffIds: [staffId, secondStaffId].filter((x): x is string => Boolean(x)),
    }));
    const all = await loadVisitFigures(
      suite.database.db,
      [north.id, suite.world.south.id],
      '2026-11-01',
      '2026-11-07',
      '2026-11-20',
    );
    const { counts, helperVisits } = all.get(north.id)!;
    expect(all.get(suite.world.south.id)).toEqual({
      counts: { total: 0, cancelledOrUnstaffed: 0, started: 0, inside: 0, done: 0, notCheckedIn: 0 },
      helperVisits: [],
    });
    expect(counts).toEqual(countVisits(raw));
    // Seven visits: one cancelled, one unstaffed; four started, three inside (08:05, 08:20, 08:30);
    // five done, one of them without a check-in.
    expect(counts).toEqual({ total: 7, cancelledOrUnstaffed: 2, started: 4, inside: 3, done: 5, notCheckedIn: 1 });
    const sortKey = (h: { recipientId: string; staffId: string }) => `${h.recipientId}${h.staffId}`;
    const helpers = [...helperVisits].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
    expect(helpers).toEqual(countHelperVisits(raw).sort((a, b) => sortKey(a).localeCompare(sortKey(b))));
    expect(Object.fromEntries(helpers.map((h) => [h.staffId, h.visits]))).toEqual({
      [staff.anna.id]: 4,
      [staff.bo.id]: 2,
    });
  });

  it('logs a refused look at another team’s figures', async () => {
    const bo = await logInAs(suite.app, 'bo');
    expect((await bo.get(`/api/teams/${suite.world.north.id}/indicators?from=2026-11-01&to=2026-11-07`)).status).toBe(
      403,
    );
    const rows = rowsOf<{ action: string; basis: string; details: { teamId: string } }>(
      await suite.database.db.execute(
        sql`SELECT action, basis, details FROM audit_log WHERE action = 'team.indicators'`,
      ),
    );
    expect(rows).toEqual([
      {
        action: 'team.indicators',
        basis: 'denied',
        details: { teamId: suite.world.north.id, refused: 'not_your_team' },
      },
    ]);
  });
});

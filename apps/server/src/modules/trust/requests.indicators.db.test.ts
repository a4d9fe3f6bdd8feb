import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildRecipient } from '../../test/factories.ts';
import { logInAs, useWorldSuite } from '../../test/harness.ts';
import { testClock } from '../../time/clock.ts';

// Counted up to today: the clock stands on 30 November 2026 (Oslo), the period is November.
const clock = testClock('2026-11-30T12:00:00Z');
const suite = useWorldSuite({ clock });

/**
 * Hand-made requests of team North, one person each, with the days written beside them:
 * arrived, decided (in force), first visit done.
 */
const CASES: { arrived: string; decided?: string; status?: string; cosigned?: string; visit?: string }[] = [
  { arrived: '2026-11-02', decided: '2026-11-04', visit: '2026-11-05' }, // 2 days to the decision, 1 to the visit
  { arrived: '2026-11-02', decided: '2026-11-09', visit: '2026-11-09' }, // 7, 0
  { arrived: '2026-11-03', decided: '2026-11-13', visit: '2026-11-16' }, // 10, 3
  { arrived: '2026-10-20', decided: '2026-11-16', visit: '2026-11-26' }, // 27 (over 21), 10 (over 7)
  { arrived: '2026-11-05', decided: '2026-11-10' }, // 5; no visit yet: waiting 20 days at the end → outside the norm
  // Beyond the frame: decided 6 Nov, co-signed 12 Nov → in force 12 Nov, 6 days; first visit 14 Nov, 2 days.
  { arrived: '2026-11-06', decided: '2026-11-06', cosigned: '2026-11-12', visit: '2026-11-14' },
  { arrived: '2026-11-25' }, // not decided, 5 days: not counted yet
  { arrived: '2026-11-01' }, // not decided, 29 days: outside the norm
  { arrived: '2026-11-20', decided: '2026-11-21', status: 'awaiting_cosign' }, // waits for co-signature: still waiting, 10 days
];

beforeEach(async () => {
  clock.set('2026-11-30T12:00:00Z');
  const { north, users } = suite.world;
  for (const [k, c] of CASES.entries()) {
    const person = await buildRecipient(suite.database.db, north.id, { givenName: `Person${k}` });
    let decisionId: string | null = null;
    if (c.decided) {
      const [d] = (
        await suite.database.db.execute(sql`INSERT INTO service_decision (recipient_id, team_id, service_type, hours_per_week,
            valid_from, needs_and_wishes, reasons, legal_basis, within_frame, status, decided_by, decided_at, cosigned_by, cosigned_at)
          VALUES (${person.id}, ${north.id}, 'hjemmesykepleie', 3, ${c.decided}, 'Behov', 'Grunner', '§ 3-2', ${!c.cosigned && !c.status},
                  ${c.status ?? 'active'}, ${users.lea.id}, ${`${c.decided} 10:00+01`}::timestamptz,
                  ${c.cosigned ? users.anna.id : null}, ${c.cosigned ? `${c.cosigned} 10:00+01` : null}::timestamptz) RETURNING id`)
      ).rows as { id: string }[];
      decisionId = d.id;
    }
    await suite.database.db.execute(sql`INSERT INTO service_request (team_id, requester_kind, requester_name, recipient_id,
        given_name, family_name, services, description, arrived_at, registered_at, registered_by, decision_id)
      VALUES (${north.id}, 'gp', 'Fastlegen', ${person.id}, ${`Person${k}`}, 'Person', '{hjemmesykepleie}', 'Trenger hjelp',
              ${`${c.arrived} 09:00+01`}::timestamptz, ${`${c.arrived} 09:00+01`}::timestamptz, ${users.anna.id}, ${decisionId})`);
    if (c.visit) {
      // A visit before the decision does not deliver it; the first done visit from its start does.
      await suite.database.db.execute(sql`INSERT INTO visit (recipient_id, date, window_start, window_end, staff_id, status) VALUES
        (${person.id}, '2026-10-01', 480, 510, ${suite.world.staff.anna.id}, 'done'),
        (${person.id}, ${c.visit}, 480, 510, ${suite.world.staff.anna.id}, 'done')`);
    }
  }
});

describe('waiting for a decision and for the first visit, from the team’s requests', () => {
  it('counts the days on PGlite and PostgreSQL as written beside each request', async () => {
    const anna = await logInAs(suite.app, 'anna');
    const res = await anna.get(`/api/teams/${suite.world.north.id}/indicators?from=2026-11-01&to=2026-11-30`);
    expect(res.status).toBe(200);
    // Decided in November: 2, 7, 10, 27, 5, 6 → median 6.5; 5 within 21 days; still waiting 3 (25 Nov, 1 Nov, the
    // one awaiting co-signature), of which 1 beyond the norm → 5 of 7.
    expect(res.body.ability.requestToDecision).toEqual({
      medianDays: 6.5,
      withinNorm: 5 / 7,
      normDays: 21,
      counted: 6,
      within: 5,
      waiting: 3,
      waitingOverNorm: 1,
      tooFew: false,
    });
    // First visits in November: 1, 0, 3, 10, 2 → median 2; within 7 days: 4; the decision of 10 Nov has no visit
    // after 20 days → outside. 4 of 6.
    expect(res.body.ability.decisionToFirstVisit).toEqual({
      medianDays: 2,
      withinNorm: 4 / 6,
      normDays: 7,
      counted: 5,
      within: 4,
      waiting: 1,
      waitingOverNorm: 1,
      tooFew: false,
    });
  });

  it('says too few for a short period, and the dashboard and the leaders’ comparison carry the same figures', async () => {
    const anna = await logInAs(suite.app, 'anna');
    const week = await anna.get(`/api/teams/${suite.world.north.id}/indicators?from=2026-11-01&to=2026-11-07`);
    // Decided 1–7 Nov: only the one of 4 Nov.
    expect(week.body.ability.requestToDecision).toMatchObject({
      counted: 1,
      medianDays: null,
      withinNorm: null,
      tooFew: true,
    });
    const lea = await logInAs(suite.app, 'lea');
    const cmp = await lea.get('/api/trust/comparison?from=2026-11-01&to=2026-11-30');
    const north = cmp.body.teams.find((x: { team: { id: string } }) => x.team.id === suite.world.north.id);
    expect(north.changes.find((c: { indicator: string }) => c.indicator === 'requestToDecisionDays')).toMatchObject({
      current: 6.5,
    });
    expect(north.current.ability.decisionToFirstVisit.medianDays).toBe(2);
  });
});

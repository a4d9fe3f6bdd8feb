import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.ts';
import { buildAssessedDistrict } from '../../test/assessed.ts';
import { logInAs, useWorldSuite } from '../../test/harness.ts';
import { testClock } from '../../time/clock.ts';
import { expectedDistrict, expectedNord, expectedSor, expectedVest } from './leaderstats.expected.ts';

const clock = testClock('2026-11-20T12:00:00Z');
const suite = useWorldSuite({ clock });
const period = '?from=2026-11-01&to=2026-11-20';

describe('statistics for leaders from assessments and decisions', () => {
  it('gives the district leader each team and the district, under five suppressed', async () => {
    await buildAssessedDistrict(suite.database.db, suite.world, '2026-11-10');
    const lea = await logInAs(suite.app, 'lea');
    const res = await lea.get(`/api/leader-statistics${period}`);
    expect(res.status).toBe(200);
    const byName = new Map(res.body.groups.map((g: { name: string }) => [g.name, g]));
    expect(byName.get('Bydel Test')).toMatchObject({ level: 'district', ...expectedDistrict });
    expect(byName.get('Team Nord')).toMatchObject({ level: 'team', ...expectedNord });
    expect(byName.get('Team Vest')).toMatchObject(expectedVest);
    expect(byName.get('Team Sør')).toMatchObject(expectedSor);
    // A member sees their own team, cut from the same table (nothing the district's table hides).
    const anna = await logInAs(suite.app, 'anna');
    const own = await anna.get(`/api/teams/${suite.world.north.id}/leader-statistics${period}`);
    expect(own.body.groups).toEqual([byName.get('Team Nord')]);
  });

  it('refuses members the district table and other teams, with denied audit rows', async () => {
    const anna = await logInAs(suite.app, 'anna');
    expect((await anna.get(`/api/leader-statistics${period}`)).status).toBe(403);
    expect((await anna.get(`/api/teams/${suite.world.south.id}/leader-statistics${period}`)).status).toBe(403);
    const rows = rowsOf<{ action: string; basis: string }>(
      await suite.database.db.execute(
        sql`SELECT action, basis FROM audit_log WHERE action LIKE 'leaderstats.%' ORDER BY seq`,
      ),
    );
    expect(rows).toEqual([
      { action: 'leaderstats.read', basis: 'denied' },
      { action: 'leaderstats.team', basis: 'denied' },
    ]);
  });
});

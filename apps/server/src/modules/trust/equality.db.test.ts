import { describe, expect, it } from 'vitest';
import { buildAssessedDistrict } from '../../test/assessed.ts';
import { logInAs, useWorldSuite } from '../../test/harness.ts';
import { testClock } from '../../time/clock.ts';
import { expectedEqualTreatment } from './equality.expected.ts';

const clock = testClock('2026-11-20T12:00:00Z');
const suite = useWorldSuite({ clock });

describe('equal treatment from decisions and assessments', () => {
  it('shows the leader the district’s teams side by side, a group under five hidden', async () => {
    await buildAssessedDistrict(suite.database.db, suite.world, '2026-11-10');
    const lea = await logInAs(suite.app, 'lea');
    const res = await lea.get('/api/trust/equal-treatment?on=2026-11-20');
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(res.body.teams.map((t: { teamName: string }) => [t.teamName, t]));
    const [nord, vest, sor] = expectedEqualTreatment;
    expect(byName['Team Nord']).toMatchObject({ bands: nord.bands });
    expect(byName['Team Vest']).toMatchObject({ bands: vest.bands });
    expect(byName['Team Sør']).toMatchObject({ bands: sor.bands });
    const anna = await logInAs(suite.app, 'anna');
    expect((await anna.get('/api/trust/equal-treatment')).status).toBe(403);
    const own = await anna.get(`/api/teams/${suite.world.north.id}/equal-treatment?on=2026-11-20`);
    expect(own.body.teams).toEqual([byName['Team Nord']]);
    expect((await anna.get(`/api/teams/${suite.world.south.id}/equal-treatment`)).status).toBe(403);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import * as t from '../../db/schema.ts';
import { createUser } from '../accounts/accounts.service.ts';
import { PASSWORD } from '../../test/factories.ts';
import { logInAs, useWorldSuite } from '../../test/harness.ts';
import { testClock } from '../../time/clock.ts';
import { quarterAt } from './quarters.ts';

const clock = testClock(new Date());
const suite = useWorldSuite({ clock });
afterEach(() => {
  clock.set(new Date());
});
const answers = {
  trusted: 4,
  autonomy: 3,
  meaning: 5,
  heard: 3,
  barrier_structural: 4,
  barrier_competence: 2,
  barrier_motivation: 2,
  barrier_communication: 3,
  barrier_habits: 4,
};
const quarter = quarterAt(clock.now());

/** Adds members to team North until it has n, returning their usernames (Anna first). */
async function teamOf(n: number) {
  const names = ['anna'];
  for (let i = 1; i < n; i++) {
    const [s] = await suite.database.db
      .insert(t.staff)
      .values({
        districtId: suite.world.district.id,
        givenName: `M${i}`,
        familyName: 'Nord',
        profession: 'helsefagarbeider',
      })
      .returning();
    await suite.database.db
      .insert(t.teamMemberships)
      .values({ teamId: suite.world.north.id, staffId: s.id, validFrom: '2020-01-01' });
    await createUser(suite.database.db, {
      username: `m${i}`,
      password: PASSWORD,
      role: 'member',
      displayName: `M${i} Nord`,
      staffId: s.id,
      districtId: suite.world.district.id,
    });
    names.push(`m${i}`);
  }
  return names;
}

describe('the staff pulse and the reform barometer', () => {
  it('keeps a team under five hidden and shows it at five, only once the quarter is closed; each person once', async () => {
    const names = await teamOf(5);
    for (const n of names.slice(0, 4))
      expect((await (await logInAs(suite.app, n)).post('/api/pulse', { answers })).status).toBe(201);
    const lea = await logInAs(suite.app, 'lea');
    const barometer = () => lea.get(`/api/barometer?quarter=${quarter}`).then((r) => r.body);
    const north = () => barometer().then((b) => b.groups.find((g: { name: string }) => g.name === 'Team Nord'));
    const fifth = await logInAs(suite.app, names[4]);
    expect((await fifth.post('/api/pulse', { answers })).status).toBe(201);
    expect((await fifth.post('/api/pulse', { answers })).status).toBe(409);
    // The running quarter shows nothing: before and after one answer would tell that answer.
    expect(await barometer()).toMatchObject({ quarter, open: true, groups: [] });
    clock.advance(100 * 86_400_000);
    expect(await north()).toMatchObject({
      suppressed: false,
      responses: 5,
      means: { barrier_structural: 4, meaning: 5 },
    });
    // The answer keeps no trace of who gave it.
    const cols = Object.keys(
      (await suite.database.db.execute(sql`SELECT * FROM pulse_response LIMIT 1`)).rows[0],
    ).sort();
    expect(cols).toEqual(['answers', 'district_id', 'id', 'level', 'quarter', 'team_id']);
  });

  it('keeps a closed quarter with four answers hidden', async () => {
    const names = await teamOf(4);
    for (const n of names)
      expect((await (await logInAs(suite.app, n)).post('/api/pulse', { answers })).status).toBe(201);
    clock.advance(100 * 86_400_000);
    const lea = await logInAs(suite.app, 'lea');
    const b = (await lea.get(`/api/barometer?quarter=${quarter}`)).body;
    expect(b.groups.find((g: { name: string }) => g.name === 'Team Nord')).toEqual({
      name: 'Team Nord',
      level: 'team',
      suppressed: true,
    });
  });

  it('refuses an empty answer without using up the person’s answer for the quarter', async () => {
    const anna = await logInAs(suite.app, 'anna');
    const res = await anna.post('/api/pulse', { answers: {} });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0]).toMatchObject({ field: 'answers', code: 'empty' });
    expect((await suite.database.db.execute(sql`SELECT count(*)::int AS n FROM pulse_receipt`)).rows[0].n).toBe(0);
    expect((await anna.post('/api/pulse', { answers: { meaning: 4 } })).status).toBe(201);
  });

  it('refuses an answer outside the scale, naming it, and does not count it', async () => {
    const anna = await logInAs(suite.app, 'anna');
    const res = await anna.post('/api/pulse', { answers: { ...answers, trusted: 7 } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].field).toBe('answers.trusted');
    expect((await suite.database.db.execute(sql`SELECT count(*)::int AS n FROM pulse_receipt`)).rows[0].n).toBe(0);
  });

  it('shows the barometer to leaders only, per whole quarter', async () => {
    const anna = await logInAs(suite.app, 'anna');
    expect((await anna.get(`/api/barometer?quarter=${quarter}`)).status).toBe(403);
    const lea = await logInAs(suite.app, 'lea');
    expect((await lea.get('/api/barometer?quarter=last-month')).status).toBe(400);
  });
});

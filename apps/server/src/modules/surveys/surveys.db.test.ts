import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildRecipient } from '../../test/factories.ts';
import { logInAs, useWorldSuite } from '../../test/harness.ts';
import { testClock } from '../../time/clock.ts';
import { quarterAt } from './quarters.ts';

const clock = testClock(new Date());
const suite = useWorldSuite({ clock });
/** Moves the surveys' clock past the end of this quarter (and its hour to settle). */
const closeQuarter = () => {
  clock.advance(100 * 86_400_000);
};
afterEach(() => {
  clock.set(new Date());
});
const answers = {
  on_time: 4,
  skilled: 5,
  listened: 4,
  kind: 5,
  knows_what_matters: null,
  keeps_word: 4,
  same_people: 3,
  told_changes: 3,
  have_a_say: 4,
  respect: 5,
};
const quarter = quarterAt(clock.now());

async function answerOnce(recipientId: string, extra: Record<string, unknown> = {}) {
  const anna = await logInAs(suite.app, 'anna');
  const link = await anna.post(`/api/recipients/${recipientId}/survey-links`, { channel: 'tablet' });
  expect(link.status).toBe(201);
  const res = await suite.app.inject({
    method: 'POST',
    url: `/api/surveys/${link.body.token}`,
    payload: { respondent: 'person', answers, ...extra },
  });
  return { token: link.body.token as string, res };
}

describe('the survey of the people served', () => {
  it('is answered once through a link that opens only the form', async () => {
    const anna = await logInAs(suite.app, 'anna');
    const link = await anna.post(`/api/recipients/${suite.world.petter.id}/survey-links`, { channel: 'tablet' });
    const form = await suite.app.inject({ method: 'GET', url: `/api/surveys/${link.body.token}` });
    expect(form.json().items).toHaveLength(10);
    expect(JSON.stringify(form.json())).not.toContain('Petter');
    const first = await suite.app.inject({
      method: 'POST',
      url: `/api/surveys/${link.body.token}`,
      payload: { respondent: 'next_of_kin', answers, openAnswer: 'Å få komme ut i hagen' },
    });
    expect(first.statusCode).toBe(201);
    const second = await suite.app.inject({
      method: 'POST',
      url: `/api/surveys/${link.body.token}`,
      payload: { respondent: 'person', answers },
    });
    expect(second.statusCode).toBe(409);
    expect((await suite.app.inject({ method: 'GET', url: `/api/surveys/${link.body.token}` })).statusCode).toBe(409);
    // Held in the ballot box until written in a shuffled batch (anonymity.db.test.ts).
    const stored = (await suite.database.db.execute(sql`SELECT * FROM survey_held`)).rows;
    expect(stored).toHaveLength(1);
    expect(Object.keys(stored[0]).sort()).toEqual([
      'answers',
      'channel',
      'id',
      'open_answer',
      'quarter',
      'respondent',
      'team_id',
    ]);
  });

  it.each([
    [{ answers: { ...answers, on_time: 6 } }, 'answers.on_time'],
    [{ answers: { ...answers, kind: 0 } }, 'answers.kind'],
    [{ answers: { ...answers, mystery: 3 } }, 'answers'],
    [{ respondent: 'neighbour' }, 'respondent'],
    [{ answers: {} }, 'answers'],
    [{ answers: {}, openAnswer: '   ' }, 'answers'],
  ])('refuses %j naming %s, and neither counts it nor uses up the link', async (extra, field) => {
    const { res, token } = await answerOnce(suite.world.petter.id, extra);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect((await suite.database.db.execute(sql`SELECT count(*)::int AS n FROM survey_held`)).rows[0].n).toBe(0);
    const [link] = (await suite.database.db.execute(sql`SELECT used_at AS "usedAt" FROM survey_link`)).rows;
    expect(link.usedAt).toBeNull();
    // The link is still good for a correct answer.
    expect(
      (
        await suite.app.inject({
          method: 'POST',
          url: `/api/surveys/${token}`,
          payload: { respondent: 'person', answers },
        })
      ).statusCode,
    ).toBe(201);
  });

  it('keeps a closed quarter with 4 answers hidden', async () => {
    const people = [suite.world.petter.id];
    for (let i = 0; i < 3; i++)
      people.push((await buildRecipient(suite.database.db, suite.world.north.id, { givenName: `P${i}` })).id);
    for (const id of people) expect((await answerOnce(id)).res.statusCode).toBe(201);
    closeQuarter();
    const anna = await logInAs(suite.app, 'anna');
    const url = `/api/teams/${suite.world.north.id}/survey-results?quarter=${quarter}`;
    expect((await anna.get(url)).body).toEqual({ quarter, suppressed: true, minimum: 5 });
  });

  it('shows a quarter only once it is closed, and then never changes it (finding 5a)', async () => {
    const people = [suite.world.petter.id];
    for (let i = 0; i < 5; i++)
      people.push((await buildRecipient(suite.database.db, suite.world.north.id, { givenName: `P${i}` })).id);
    for (const id of people.slice(0, 5)) expect((await answerOnce(id)).res.statusCode).toBe(201);
    const anna = await logInAs(suite.app, 'anna');
    const url = `/api/teams/${suite.world.north.id}/survey-results?quarter=${quarter}`;
    // While the quarter runs, reading before and after one answer would give that answer away.
    const running = (await anna.get(url)).body;
    expect(running).toEqual({ quarter, open: true, closesOn: expect.stringMatching(/^\d{4}-\d{2}-01$/) });
    closeQuarter();
    const shown = (await anna.get(url)).body;
    expect(shown).toMatchObject({ suppressed: false, responses: 5 });
    expect(shown.items.find((i: { id: string }) => i.id === 'on_time')).toMatchObject({ answered: 5, mean: 4 });
    // An answer sent now belongs to the new quarter: the closed one stays as it was.
    expect((await answerOnce(people[5])).res.statusCode).toBe(201);
    expect((await anna.get(url)).body).toEqual(shown);
    // No other cut exists: arbitrary periods and sub-filters are refused, so no difference of cells can reveal a suppressed one.
    expect(
      (await anna.get(`/api/teams/${suite.world.north.id}/survey-results?from=2026-10-01&to=2026-10-15`)).status,
    ).toBe(400);
    expect(
      (await anna.get(`/api/teams/${suite.world.north.id}/survey-results?quarter=2026-10`)).body.error.fields[0].field,
    ).toBe('quarter');
  });

  it('is never visible to another team, and invitations need the care relation (not emergency access)', async () => {
    const bo = await logInAs(suite.app, 'bo');
    expect((await bo.get(`/api/teams/${suite.world.north.id}/survey-results?quarter=${quarter}`)).status).toBe(403);
    expect((await bo.post(`/api/recipients/${suite.world.petter.id}/survey-links`, { channel: 'link' })).status).toBe(
      403,
    );
    await bo.post(`/api/recipients/${suite.world.petter.id}/emergency-access`, { reason: 'Legevakten ringer nå' });
    const res = await bo.post(`/api/recipients/${suite.world.petter.id}/survey-links`, { channel: 'link' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('serving_team_only');
  });
});

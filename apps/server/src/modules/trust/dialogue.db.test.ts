import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.ts';
import { PASSWORD } from '../../test/factories.ts';
import { logInAs, useWorldSuite } from '../../test/harness.ts';
import { createUser } from '../accounts/accounts.service.ts';
import { addDays, osloToday, quarterOf } from '@tillit/contracts';
import { closesOn, shiftQuarter } from '../surveys/quarters.ts';

const suite = useWorldSuite();
const count = async (table: string) =>
  rowsOf<{ n: number }>(await suite.database.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0].n;
const denied = async (action: string) =>
  rowsOf<{ basis: string; actor: string }>(
    await suite.database.db.execute(sql`SELECT basis, actor_name AS actor FROM audit_log WHERE action = ${action}`),
  );
const today = osloToday();

describe('the leader’s self-assessment against the five misconceptions', () => {
  it('is saved for the leader alone and read back; another leader sees none of it', async () => {
    const lea = await logInAs(suite.app, 'lea');
    const first = await lea.get('/api/self-assessment');
    expect(first.status).toBe(200);
    expect(first.body.items.map((i: { id: string }) => i.id)).toEqual([
      'top_down',
      'always_good',
      'hands_off',
      'stable',
      'opposite_of_control',
    ]);
    expect(first.body.items[0].nb.prompts.length).toBeGreaterThan(0);
    const saved = await lea.post('/api/self-assessment', {
      answers: { top_down: { rating: 4, note: 'Jeg bestemmer for mye alene.' }, stable: { rating: 2 } },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.answers.top_down).toMatchObject({ rating: 4, note: 'Jeg bestemmer for mye alene.' });
    expect(saved.body.answers.hands_off).toEqual({ rating: null, note: null, updatedAt: null });
    // Saving one again leaves the others as they were.
    await lea.post('/api/self-assessment', { answers: { stable: { rating: 3 } } });
    const again = (await lea.get('/api/self-assessment')).body;
    expect([again.answers.top_down.rating, again.answers.stable.rating]).toEqual([4, 3]);

    await createUser(suite.database.db, {
      username: 'liv',
      password: PASSWORD,
      role: 'leader',
      displayName: 'Liv Leder',
      districtId: suite.world.district.id,
    });
    const liv = await logInAs(suite.app, 'liv');
    const hers = (await liv.get('/api/self-assessment')).body;
    expect(Object.values(hers.answers).every((a) => (a as { rating: unknown }).rating === null)).toBe(true);
    expect(JSON.stringify(hers)).not.toContain('Jeg bestemmer');
  });

  it.each([
    ['a rating of 6', { answers: { top_down: { rating: 6 } } }, 'answers.top_down.rating'],
    ['a rating of 0', { answers: { top_down: { rating: 0 } } }, 'answers.top_down.rating'],
    ['an unknown misconception', { answers: { mystery: { rating: 3 } } }, 'answers'],
    [
      'a note over 2,000 characters',
      { answers: { stable: { rating: 3, note: 'x'.repeat(2001) } } },
      'answers.stable.note',
    ],
  ])('refuses %s naming %s, and saves nothing', async (_what, body, field) => {
    const lea = await logInAs(suite.app, 'lea');
    const res = await lea.post('/api/self-assessment', body);
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { field: string }) => f.field).join(' ')).toContain(field);
    expect(await count('leader_self_assessment')).toBe(0);
  });

  it('is for leaders only; a team member is refused and the refusal logged', async () => {
    const anna = await logInAs(suite.app, 'anna');
    expect((await anna.get('/api/self-assessment')).status).toBe(403);
    expect((await anna.post('/api/self-assessment', { answers: { stable: { rating: 3 } } })).status).toBe(403);
    expect(await count('leader_self_assessment')).toBe(0);
    expect(await denied('selfAssessment')).toEqual([
      { basis: 'denied', actor: 'Anna Nordmann' },
      { basis: 'denied', actor: 'Anna Nordmann' },
    ]);
  });
});

describe('the team’s own notes and actions', () => {
  it('are written, listed and ticked off by the team', async () => {
    const anna = await logInAs(suite.app, 'anna');
    const url = `/api/teams/${suite.world.north.id}/notes`;
    const added = await anna.post(url, {
      kind: 'action',
      text: 'Prøve faste turer for kveldsbesøkene',
      ownerRole: 'coordinator',
      dueDate: '2026-12-15',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ kind: 'action', ownerRole: 'coordinator', dueDate: '2026-12-15', done: false });
    await anna.post(url, { kind: 'note', text: 'Flere sene besøk i november' });
    const done = await anna.patch(`${url}/${added.body.id}`, { version: 1, done: true });
    expect(done.body).toMatchObject({ done: true, version: 2 });
    const list = (await anna.get(url)).body;
    expect(list.map((n: { text: string; done: boolean; ownerRole: string }) => [n.text, n.done, n.ownerRole])).toEqual([
      ['Flere sene besøk i november', false, 'team'],
      ['Prøve faste turer for kveldsbesøkene', true, 'coordinator'],
    ]);
  });

  it('answers a change to a note someone changed first with 409 and the note as it is', async () => {
    const [anna, other] = [await logInAs(suite.app, 'anna'), await logInAs(suite.app, 'anna')];
    const url = `/api/teams/${suite.world.north.id}/notes`;
    const note = (await anna.post(url, { kind: 'action', text: 'Ringe fastlegen om Petter' })).body;
    expect((await anna.patch(`${url}/${note.id}`, { version: note.version, done: true })).status).toBe(200);
    const stale = await other.patch(`${url}/${note.id}`, { version: note.version, text: 'Ringe fastlegen i dag' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'stale_version', current: { done: true, version: 2 } });
    expect((await anna.get(url)).body[0]).toMatchObject({ text: 'Ringe fastlegen om Petter', done: true });
    const missing = await anna.patch(`${url}/${note.id}`, { done: false });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.map((f: { field: string }) => f.field)).toContain('version');
  });

  it.each([
    [{ kind: 'action', text: '   ' }, 'text'],
    [{ kind: 'action', text: 'Gjøre noe', dueDate: '15.12.2026' }, 'dueDate'],
    [{ kind: 'action', text: 'Gjøre noe', ownerRole: 'Anna' }, 'ownerRole'],
    [{ kind: 'wish', text: 'Gjøre noe' }, 'kind'],
  ])('refuses %j naming %s, and saves nothing', async (body, field) => {
    const anna = await logInAs(suite.app, 'anna');
    const res = await anna.post(`/api/teams/${suite.world.north.id}/notes`, body);
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(await count('team_note')).toBe(0);
  });

  it('are closed to other teams and to leaders (logged), and unknown teams or notes are 404', async () => {
    const anna = await logInAs(suite.app, 'anna');
    const note = (await anna.post(`/api/teams/${suite.world.north.id}/notes`, { kind: 'note', text: 'Bare for oss' }))
      .body;
    const bo = await logInAs(suite.app, 'bo');
    expect((await bo.get(`/api/teams/${suite.world.north.id}/notes`)).status).toBe(403);
    expect(
      (await bo.patch(`/api/teams/${suite.world.north.id}/notes/${note.id}`, { version: 1, done: true })).status,
    ).toBe(403);
    const lea = await logInAs(suite.app, 'lea');
    expect((await lea.get(`/api/teams/${suite.world.north.id}/notes`)).status).toBe(403);
    expect((await denied('team.notes.read')).map((r) => r.actor)).toEqual(['Bo Sørli', 'Lea Leder']);
    expect(await denied('team.notes.write')).toEqual([{ basis: 'denied', actor: 'Bo Sørli' }]);
    // Bo's own team cannot reach North's note through its own team's address either.
    expect(
      (await bo.patch(`/api/teams/${suite.world.south.id}/notes/${note.id}`, { version: 1, done: true })).status,
    ).toBe(404);
    expect((await anna.get('/api/teams/00000000-0000-4000-8000-000000000000/notes')).status).toBe(404);
    expect((await anna.get(`/api/teams/${suite.world.north.id}/notes`)).body[0].done).toBe(false);
  });
});

describe('the dashboards', () => {
  // Results are only ever shown for closed quarters: the answers here belong to the last one.
  const lastQuarter = shiftQuarter(quarterOf(today), -1);
  const lastQuarterStart = closesOn(shiftQuarter(lastQuarter, -1));
  async function fiveAnswers() {
    const texts = ['Komme ut i hagen', 'Samme folk hver gang', 'At de kommer til avtalt tid', 'Få ut på tur', null];
    for (const text of texts)
      await suite.database.db.execute(sql`INSERT INTO survey_response (team_id, quarter, channel, respondent, answers, open_answer)
        VALUES (${suite.world.north.id}, ${lastQuarter}, 'tablet', 'person', '{"on_time": 4}'::jsonb, ${text})`);
  }

  it('the leader compares the teams with an agenda and themes, never the answers’ text', async () => {
    await fiveAnswers();
    const lea = await logInAs(suite.app, 'lea');
    const to = addDays(lastQuarterStart, 27);
    const res = await lea.get(`/api/trust/comparison?from=${lastQuarterStart}&to=${to}`);
    expect(res.status).toBe(200);
    expect(res.body.quarter).toBe(lastQuarter);
    expect(res.body.teams.map((t: { team: { name: string } }) => t.team.name)).toEqual(['Team Nord', 'Team Sør']);
    const north = res.body.teams[0];
    // The eight indicators, «documented without check-in», and the two waits (request → decision → first visit).
    expect(north.changes).toHaveLength(11);
    expect(north.survey).toEqual({
      suppressed: false,
      responses: 5,
      themes: [
        { id: 'outdoors', count: 2 },
        { id: 'time', count: 1 },
        { id: 'faces', count: 1 },
      ],
    });
    expect(res.body.teams[1].survey).toEqual({ suppressed: true });
    expect(JSON.stringify(res.body)).not.toContain('hagen');
    // The team's own results: the team sees the text, the leader only the themes.
    const url = `/api/teams/${suite.world.north.id}/survey-results?quarter=${lastQuarter}`;
    expect((await lea.get(url)).body.openAnswers).toBeNull();
    const anna = await logInAs(suite.app, 'anna');
    expect((await anna.get(url)).body.openAnswers).toContain('Komme ut i hagen');
    // The running quarter tells nothing yet, not even whether there are answers.
    const running = await lea.get(`/api/trust/comparison?from=${today.slice(0, 8)}01&to=${today}`);
    expect(running.body.teams[0].survey).toEqual({ open: true, closesOn: closesOn(quarterOf(today)) });
  });

  it('the comparison is for leaders: a member is refused and logged; a backwards period names the field', async () => {
    const bo = await logInAs(suite.app, 'bo');
    expect((await bo.get(`/api/trust/comparison?from=2026-11-01&to=2026-11-28`)).status).toBe(403);
    expect(await denied('trust.comparison')).toEqual([{ basis: 'denied', actor: 'Bo Sørli' }]);
    const lea = await logInAs(suite.app, 'lea');
    const bad = await lea.get(`/api/trust/comparison?from=2026-11-28&to=2026-11-01`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('to');
  });

  it('the team dashboard has its months and quarters; another team is refused and logged', async () => {
    const anna = await logInAs(suite.app, 'anna');
    const res = await anna.get(`/api/teams/${suite.world.north.id}/dashboard?months=3`);
    expect(res.status).toBe(200);
    expect(res.body.months).toHaveLength(3);
    expect(res.body.months[2].month).toBe(today.slice(0, 7));
    expect(res.body.quarters).toHaveLength(4);
    expect((await anna.get(`/api/teams/${suite.world.north.id}/dashboard?months=13`)).body.error.fields[0].field).toBe(
      'months',
    );
    const bo = await logInAs(suite.app, 'bo');
    expect((await bo.get(`/api/teams/${suite.world.north.id}/dashboard`)).status).toBe(403);
    expect(await denied('team.dashboard')).toEqual([{ basis: 'denied', actor: 'Bo Sørli' }]);
  });
});

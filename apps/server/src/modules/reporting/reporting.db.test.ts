import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import { logInAs, useWorldSuite } from '../../test/harness.ts';
import { postgresUrl, race } from '../../test/race.ts';

/**
 * #22 item 3, the reporting register («meningssamlingen»): anyone names what costs time, teams
 * estimate their hours, and leaders and teams decide together; the register shows hours saved.
 */
const suite = useWorldSuite();
const db = () => suite.database.db;
const count = async (table: string) =>
  rowsOf<{ n: number }>(await db().execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0].n;
const deniedEstimates = async () =>
  rowsOf<{ n: number }>(
    await db().execute(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'reporting.estimate' AND basis = 'denied'`,
    ),
  )[0].n;

const weeklyForm = {
  title: 'Ukentlig skjema om antall vedtakstimer',
  kind: 'form',
  askedBy: 'Tjenestekontoret',
  informs: 'Ingen beslutning vi kjenner til',
};

async function namedWithHours(hours = 12) {
  const anna = await logInAs(suite.app, 'anna');
  const res = await anna.post('/api/reporting', {
    ...weeklyForm,
    estimate: { teamId: suite.world.north.id, hoursPerMonth: hours },
  });
  expect(res.status).toBe(201);
  return { anna, item: res.body };
}

describe('the reporting register', () => {
  it('is decided together: a leader proposes removal, a team member confirms, and the hours count as saved', async () => {
    const { anna, item } = await namedWithHours(12);
    expect(item).toMatchObject({
      status: 'open',
      hoursNow: 12,
      estimates: [{ teamName: 'Team Nord', hoursPerMonth: 12 }],
    });
    const bo = await logInAs(suite.app, 'bo');
    const south = await bo.post(`/api/reporting/${item.id}/estimates/${suite.world.south.id}`, { hoursPerMonth: 4.5 });
    expect(south.status).toBe(200);
    expect(south.body.hoursNow).toBe(16.5);

    const lea = await logInAs(suite.app, 'lea');
    const proposal = await lea.post(`/api/reporting/${item.id}/proposal`, {
      outcome: 'remove',
      reason: 'Tallene finnes allerede i vedtakene',
      version: item.version,
    });
    expect(proposal.status).toBe(200);
    expect(proposal.body).toMatchObject({ status: 'proposed', proposedBySide: 'leadership', hoursAfter: 0 });
    // The leadership cannot confirm its own proposal; the team does.
    const ada = await logInAs(suite.app, 'ada');
    const same = await ada.post(`/api/reporting/${item.id}/confirm`, { version: proposal.body.version });
    expect(same.status).toBe(409);
    expect(same.body.error.code).toBe('same_side');
    const confirmed = await anna.post(`/api/reporting/${item.id}/confirm`, { version: proposal.body.version });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('decided');

    const register = (await bo.get('/api/reporting')).body;
    expect(register.totals).toEqual({ hoursNamed: 16.5, hoursSaved: 16.5, hoursLeft: 0 });
    // Decided is decided: no new estimate, no new proposal.
    expect(
      (await anna.post(`/api/reporting/${item.id}/estimates/${suite.world.north.id}`, { hoursPerMonth: 1 })).status,
    ).toBe(409);
  });

  it('keeps a "keep" honest: it saves nothing and carries its reason; a simplification saves the difference', async () => {
    const { anna, item } = await namedWithHours(10);
    const lea = await logInAs(suite.app, 'lea');
    const simplify = await anna.post(`/api/reporting/${item.id}/proposal`, {
      outcome: 'simplify',
      reason: 'Kvartalsvis holder',
      hoursAfter: 2.5,
      version: item.version,
    });
    expect(simplify.body.proposedBySide).toBe('team');
    await lea.post(`/api/reporting/${item.id}/confirm`, { version: simplify.body.version });
    const other = (
      await anna.post('/api/reporting', {
        ...weeklyForm,
        title: 'IPLOS-skjema på papir',
        kind: 'report',
        estimate: { teamId: suite.world.north.id, hoursPerMonth: 3 },
      })
    ).body;
    const keep = await lea.post(`/api/reporting/${other.id}/proposal`, {
      outcome: 'keep',
      reason: 'Lovpålagt',
      version: other.version,
    });
    await anna.post(`/api/reporting/${other.id}/confirm`, { version: keep.body.version });
    const register = (await anna.get('/api/reporting')).body;
    expect(register.totals).toEqual({ hoursNamed: 13, hoursSaved: 7.5, hoursLeft: 5.5 });
    expect(register.items.find((i: { id: string }) => i.id === other.id)).toMatchObject({
      outcome: 'keep',
      reason: 'Lovpålagt',
    });
  });

  it.each([
    ['no title', { ...weeklyForm, title: '' }, 'title'],
    ['an unknown kind', { ...weeklyForm, kind: 'memo' }, 'kind'],
    [
      'negative hours',
      { ...weeklyForm, estimate: { teamId: '00000000-0000-4000-8000-000000000000', hoursPerMonth: -1 } },
      'estimate.hoursPerMonth',
    ],
  ])('refuses an item with %s, naming the field, and saves nothing', async (_what, body, field) => {
    const anna = await logInAs(suite.app, 'anna');
    const res = await anna.post('/api/reporting', body);
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(await count('reporting_item')).toBe(0);
  });

  it('asks a simplification for fewer hours, naming hoursAfter, and leaves the item open', async () => {
    const { anna, item } = await namedWithHours(6);
    const res = await anna.post(`/api/reporting/${item.id}/proposal`, {
      outcome: 'simplify',
      reason: 'Kortere',
      hoursAfter: 8,
      version: item.version,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].field).toBe('hoursAfter');
    expect((await anna.get('/api/reporting')).body.items[0].status).toBe('open');
  });

  it('lets only a team estimate its own hours, refusing and logging the others, with nothing saved', async () => {
    const { item } = await namedWithHours(6);
    const bo = await logInAs(suite.app, 'bo');
    const res = await bo.post(`/api/reporting/${item.id}/estimates/${suite.world.north.id}`, { hoursPerMonth: 99 });
    expect(res.status).toBe(403);
    expect(await deniedEstimates()).toBe(1);
    // Naming an item with another team's estimate is refused whole: no item without its estimate.
    const named = await bo.post('/api/reporting', {
      ...weeklyForm,
      estimate: { teamId: suite.world.north.id, hoursPerMonth: 1 },
    });
    expect(named.status).toBe(403);
    expect(await count('reporting_item')).toBe(1);
    expect((await bo.get('/api/reporting')).body.items[0].hoursNow).toBe(6);
  });

  it('confirms once when two team members confirm at the same moment', async () => {
    const { anna, item } = await namedWithHours(5);
    const lea = await logInAs(suite.app, 'lea');
    const proposal = (
      await lea.post(`/api/reporting/${item.id}/proposal`, {
        outcome: 'derive',
        reason: 'Hentes fra journalen',
        version: item.version,
      })
    ).body;
    const second = await logInAs(suite.app, 'anna');
    const confirm = () =>
      [anna, second].map((c) => c.post(`/api/reporting/${item.id}/confirm`, { version: proposal.version }));
    const answers = postgresUrl
      ? await race(postgresUrl, 2, confirm, `SELECT id FROM reporting_item WHERE id = '${item.id}' FOR UPDATE`)
      : await Promise.all(confirm());
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const [row] = rowsOf<{ version: number; status: string }>(
      await db().execute(sql`SELECT version, status FROM reporting_item`),
    );
    expect(row).toEqual({ version: proposal.version + 1, status: 'decided' });
  });
});

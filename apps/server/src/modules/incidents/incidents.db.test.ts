import { osloToday } from '@tillit/contracts';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import * as t from '../../db/schema.ts';
import { buildRecipient, PASSWORD } from '../../test/factories.ts';
import { type Client, logInAs, useWorldSuite } from '../../test/harness.ts';
import { postgresUrl, race } from '../../test/race.ts';
import { createUser } from '../accounts/accounts.service.ts';

const suite = useWorldSuite();
const db = () => suite.database.db;
const today = osloToday();
const together = <T>(blocked: number, requests: () => Promise<T>[]) =>
  postgresUrl ? race(postgresUrl, blocked, requests) : Promise.all(requests());
const auditRows = async (action: string) =>
  rowsOf<{ basis: string; recipientId: string | null; actor: string }>(
    await db().execute(sql`SELECT basis, recipient_id AS "recipientId", actor_name AS actor FROM audit_log
                            WHERE action = ${action} ORDER BY seq`),
  );
const fall = {
  theme: 'fall',
  whatHappened: 'Petter lå på gulvet på badet da vi kom',
  consequence: 'Et blåmerke på hofta, ellers uskadd',
  immediateAction: 'Hjalp ham opp, ringte legevakten og datteren',
};
let anna: Client;
let north: string;
let petter: string;

beforeEach(async () => {
  anna = await logInAs(suite.app, 'anna');
  north = suite.world.north.id;
  petter = suite.world.petter.id;
});

/** A second member of team Nord, for the board meeting and the race. */
async function nina() {
  const [s] = await db()
    .insert(t.staff)
    .values({ districtId: suite.world.district.id, givenName: 'Nina', familyName: 'Nord', profession: 'sykepleier' })
    .returning();
  await db().insert(t.teamMemberships).values({ teamId: north, staffId: s.id, validFrom: '2020-01-01' });
  await createUser(db(), {
    username: 'nina',
    password: PASSWORD,
    role: 'member',
    displayName: 'Nina Nord',
    staffId: s.id,
    districtId: suite.world.district.id,
  });
  return logInAs(suite.app, 'nina');
}

describe('incidents for learning (avvik)', () => {
  it('is reported, reviewed at the board meeting and closed with what the team learned', async () => {
    const reported = await anna.post(`/api/teams/${north}/incidents`, { ...fall, recipientId: petter });
    expect(reported.status).toBe(201);
    expect(reported.body).toMatchObject({ state: 'reported', version: 1 });
    const id = reported.body.id;
    const colleague = await nina();
    const open = (await colleague.get(`/api/teams/${north}/incidents`)).body.incidents;
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ id, person: 'Petter Person', reportedBy: 'Anna Nordmann', state: 'reported' });

    // Closing straight away is refused: the team looks at it first.
    const early = await colleague.post(`/api/incidents/${id}/close`, {
      version: 1,
      learned: 'Noe',
      change: 'Noe annet',
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('wrong_state');
    const reviewed = await colleague.post(`/api/incidents/${id}/review`, { version: 1, note: 'Teppet på badet' });
    expect(reviewed.body).toMatchObject({ state: 'reviewed', version: 2 });
    const stale = await anna.post(`/api/incidents/${id}/close`, {
      version: 1,
      learned: 'Tepper',
      change: 'Sjekkliste',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    const closed = await anna.post(`/api/incidents/${id}/close`, {
      version: 2,
      learned: 'Løse tepper på badet er en fallfelle',
      change: 'Vi går gjennom fallrisiko ved første besøk hos alle nye',
    });
    expect(closed.body).toMatchObject({ state: 'closed', version: 3 });
    expect((await anna.get(`/api/teams/${north}/incidents`)).body.incidents).toEqual([]);
    const done = (await anna.get(`/api/teams/${north}/incidents?state=closed`)).body.incidents;
    expect(done[0]).toMatchObject({ learned: 'Løse tepper på badet er en fallfelle', reviewNote: 'Teppet på badet' });
    // Each step is on Petter's record, in the same transaction; the two refused closes are logged too.
    for (const [action, n] of [
      ['incident.report', 1],
      ['incident.review', 1],
      ['incident.close', 3],
    ] as const)
      expect(
        (await auditRows(action)).filter((r) => r.basis === 'care_relation' && r.recipientId === petter),
      ).toHaveLength(n);
  });

  it('keeps the reporter unnamed to the team when asked, and an incident without a person is the team’s own', async () => {
    const res = await anna.post(`/api/teams/${north}/incidents`, { ...fall, theme: 'equipment', anonymous: true });
    expect(res.status).toBe(201);
    const [row] = (await anna.get(`/api/teams/${north}/incidents`)).body.incidents;
    expect(row).toMatchObject({ reportedBy: null, recipientId: null, person: null });
    expect((await auditRows('incident.report'))[0]).toMatchObject({ basis: 'team_level', recipientId: null });
  });

  it('links a measure to its person, and refuses a measure of someone else', async () => {
    const [m] = await db()
      .insert(t.measures)
      .values({
        recipientId: petter,
        professionalNeed: 'Fallrisiko',
        title: 'Tilsyn',
        days: [1],
        windowStart: 480,
        windowEnd: 510,
        durationMinutes: 15,
      })
      .returning();
    const linked = await anna.post(`/api/teams/${north}/incidents`, {
      ...fall,
      theme: 'missed_visit',
      measureId: m.id,
    });
    expect(linked.status).toBe(201);
    const [row] = (await anna.get(`/api/teams/${north}/incidents`)).body.incidents;
    expect(row).toMatchObject({ measureId: m.id, recipientId: petter });
    const other = [await buildRecipient(db(), suite.world.south.id, { givenName: 'Olga' })];
    const wrong = await anna.post(`/api/teams/${north}/incidents`, {
      ...fall,
      measureId: m.id,
      recipientId: other[0].id,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].field).toBe('measureId');
    // A person the team does not serve cannot be put on its board.
    const stranger = await anna.post(`/api/teams/${north}/incidents`, { ...fall, recipientId: other[0].id });
    expect(stranger.status).toBe(403);
  });

  it.each([
    ['an unknown theme', { ...fall, theme: 'bad_luck' }, 'theme'],
    ['an empty consequence', { ...fall, consequence: '  ' }, 'consequence'],
    [
      'no immediate action',
      { theme: 'fall', whatHappened: fall.whatHappened, consequence: fall.consequence },
      'immediateAction',
    ],
    ['a dose that is no id', { ...fall, doseAdministrationId: 'dose-1' }, 'doseAdministrationId'],
  ])('answers 400 naming the field for %s', async (_, body, field) => {
    const res = await anna.post(`/api/teams/${north}/incidents`, body);
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('refuses a member of another team on an incident about a person, with a denied audit row on that person', async () => {
    const id = (await anna.post(`/api/teams/${north}/incidents`, { ...fall, recipientId: petter })).body.id;
    const bo = await logInAs(suite.app, 'bo');
    expect((await bo.get(`/api/teams/${north}/incidents`)).status).toBe(403);
    const review = await bo.post(`/api/incidents/${id}/review`, { version: 1 });
    expect(review.status).toBe(403);
    const report = await bo.post(`/api/teams/${north}/incidents`, { ...fall, recipientId: petter });
    expect(report.status).toBe(403);
    const denied = [...(await auditRows('incident.review')), ...(await auditRows('incident.report'))].filter(
      (r) => r.basis === 'denied',
    );
    expect(denied).toEqual([
      { basis: 'denied', recipientId: petter, actor: 'Bo Sørli' },
      { basis: 'denied', recipientId: petter, actor: 'Bo Sørli' },
    ]);
    expect((await auditRows('incident.list')).filter((r) => r.basis === 'denied')).toHaveLength(1);
    // Nothing changed.
    expect((await anna.get(`/api/teams/${north}/incidents`)).body.incidents[0]).toMatchObject({
      state: 'reported',
      version: 1,
    });
  });

  it('shows leaders counts per team, theme and state, and nothing that names a reporter or a person', async () => {
    await anna.post(`/api/teams/${north}/incidents`, { ...fall, recipientId: petter });
    await anna.post(`/api/teams/${north}/incidents`, { ...fall, anonymous: true });
    await anna.post(`/api/teams/${north}/incidents`, { ...fall, theme: 'medication' });
    const lea = await logInAs(suite.app, 'lea');
    const res = await lea.get(`/api/incidents/summary?from=${today}&to=${today}`);
    expect(res.status).toBe(200);
    const nord = res.body.teams.find((x: { teamId: string }) => x.teamId === north);
    expect(nord.counts).toEqual([
      { theme: 'fall', state: 'reported', count: 2 },
      { theme: 'medication', state: 'reported', count: 1 },
    ]);
    const text = JSON.stringify(res.body);
    for (const identifier of [
      suite.world.users.anna.id,
      suite.world.staff.anna.id,
      'Anna',
      petter,
      'Petter',
      'reportedBy',
      'recipientId',
      fall.whatHappened,
    ])
      expect(text).not.toContain(identifier);
    // Leaders never get the team's list either; a member never gets the summary.
    expect((await lea.get(`/api/teams/${north}/incidents`)).status).toBe(403);
    expect((await anna.get(`/api/incidents/summary?from=${today}&to=${today}`)).status).toBe(403);
    const bad = await lea.get(`/api/incidents/summary?from=${today}&to=2020-01-01`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('to');
  });

  it('closes once when two members close at the same moment: one 200, one 409', async () => {
    const id = (await anna.post(`/api/teams/${north}/incidents`, { ...fall, recipientId: petter })).body.id;
    await anna.post(`/api/incidents/${id}/review`, { version: 1 });
    const colleague = await nina();
    const answers = await together(2, () =>
      [anna, colleague].map((c, i) =>
        c.post(`/api/incidents/${id}/close`, { version: 2, learned: `Lærdom ${i}`, change: `Endring ${i}` }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const rows = rowsOf<{ version: number; learned: string }>(
      await db().execute(sql`SELECT version, learned FROM incident WHERE id = ${id}`),
    );
    expect(rows[0].version).toBe(3);
    const winner = answers.findIndex((a) => a.status === 200);
    expect(rows[0].learned).toBe(`Lærdom ${winner}`);
    expect((await auditRows('incident.close')).filter((r) => r.basis === 'care_relation')).toHaveLength(2);
  });
});

import { osloToday } from '@tillit/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { logInAs, type Client, useWorldSuite } from '../../test/harness.ts';

const suite = useWorldSuite();
let anna: Client;
const today = osloToday();

beforeEach(async () => {
  anna = await logInAs(suite.app, 'anna');
});

const count = async (table: string) =>
  Number((await suite.database.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))).rows[0].n);

/** Anna records what matters, a goal and a daily measure she usually does, then plans a week. */
async function planWeek(measure: Record<string, unknown> = {}) {
  const p = `/api/recipients/${suite.world.petter.id}`;
  const wm = await anna.post(`${p}/what-matters`, {
    statement: 'Å klare morgenstellet selv og komme meg ut på tur',
    present: 'datteren Kari',
  });
  expect(wm.status).toBe(201);
  const goal = await anna.post(`${p}/goals`, {
    description: 'Gå tur til butikken to ganger i uka',
    whatMattersId: wm.body.id,
    reviewDate: today,
  });
  expect(goal.status).toBe(201);
  const m = await anna.post(`${p}/measures`, {
    goalId: goal.body.id,
    title: 'Morgenstell med veiledning',
    how: 'Petter gjør mest selv',
    days: [1, 2, 3, 4, 5, 6, 7],
    windowStart: '08:00',
    windowEnd: '08:30',
    durationMinutes: 30,
    usualStaffId: suite.world.staff.anna.id,
    decidedWithPerson: true,
    ...measure,
  });
  expect(m.status).toBe(201);
  // The visits follow the plan at once: the planning horizon's are made with the measure.
  expect(m.body.visits).toMatchObject({ created: 14 });
  const gen = await anna.post(`/api/teams/${suite.world.north.id}/visits/generate`, { from: today, days: 7 });
  expect(gen.body).toEqual({ created: 0 });
  return { goal: goal.body, measure: m.body };
}

describe('what matters → plan → visit', () => {
  it('opens the record on what matters, then the plan', async () => {
    await planWeek();
    const { status, body } = await anna.get(`/api/recipients/${suite.world.petter.id}/care`);
    expect(status).toBe(200);
    expect(body.whatMatters[0]).toMatchObject({
      statement: 'Å klare morgenstellet selv og komme meg ut på tur',
      present: 'datteren Kari',
      recordedBy: 'Anna Nordmann',
    });
    expect(body.goals[0]).toMatchObject({ description: 'Gå tur til butikken to ganger i uka' });
    expect(body.measures[0]).toMatchObject({
      title: 'Morgenstell med veiledning',
      windowStart: 480,
      windowEnd: 510,
      usualStaff: 'Anna Nordmann',
      version: 1,
    });
  });

  it('puts the visit in the day list and documents it as planned', async () => {
    await planWeek();
    const day = await anna.get(`/api/me/day?date=${today}`);
    expect(day.body).toHaveLength(1);
    expect(day.body[0]).toMatchObject({
      displayName: 'Petter P.',
      windowStart: 480,
      measures: ['Morgenstell med veiledning'],
      status: 'planned',
    });
    const visit = await anna.get(`/api/visits/${day.body[0].id}`);
    expect(visit.body).toMatchObject({
      status: 'planned',
      whatMatters: ['Å klare morgenstellet selv og komme meg ut på tur'],
    });
    const done = await anna.post(`/api/visits/${day.body[0].id}/complete`, {
      version: day.body[0].version,
      allAsPlanned: true,
    });
    expect(done.body).toEqual({ id: day.body[0].id, status: 'done' });
    const after = await anna.get(`/api/visits/${day.body[0].id}`);
    expect(after.body.measures[0].outcome).toBe('done');
    const again = await anna.post(`/api/visits/${day.body[0].id}/complete`, {
      version: day.body[0].version + 1,
      allAsPlanned: true,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_done');
  });

  it('records observations, a note and a change in condition that the board shows until closed', async () => {
    await planWeek();
    const [v] = (await anna.get(`/api/me/day?date=${today}`)).body;
    const res = await anna.post(`/api/visits/${v.id}/complete`, {
      version: v.version,
      allAsPlanned: true,
      note: 'Litt tungpust i dag',
      observations: [
        { kind: 'blood_pressure', value: 142, value2: 88 },
        { kind: 'spo2', value: 93 },
      ],
      conditionChange: 'Tungpust ved gange, ny siden i går',
    });
    expect(res.status).toBe(200);
    expect(await count('observation')).toBe(2);
    // The visit shows what was documented at it.
    const documented = (await anna.get(`/api/visits/${v.id}`)).body;
    expect(documented.note).toBe('Litt tungpust i dag');
    expect(documented.observations).toEqual([
      { kind: 'blood_pressure', value: 142, value2: 88, unit: 'mm[Hg]' },
      { kind: 'spo2', value: 93, value2: null, unit: '%' },
    ]);
    const board = await anna.get(`/api/teams/${suite.world.north.id}/board`);
    expect(board.body.conditionChanges).toEqual([
      expect.objectContaining({ person: 'Petter Person', text: 'Tungpust ved gange, ny siden i går', takenBy: null }),
    ]);
    expect(board.body.reviewsDue).toHaveLength(1);
    const id = board.body.conditionChanges[0].id;
    expect((await anna.post(`/api/condition-changes/${id}/take`)).body.takenBy).toBe(suite.world.users.anna.id);
    expect(
      (await anna.post(`/api/condition-changes/${id}/close`, { note: 'Fastlege kontaktet, plan justert' })).status,
    ).toBe(200);
    expect((await anna.get(`/api/teams/${suite.world.north.id}/board`)).body.conditionChanges).toEqual([]);
  });

  it('records a measure not done with its reason, shown on the board', async () => {
    const { measure } = await planWeek();
    const [v] = (await anna.get(`/api/me/day?date=${today}`)).body;
    const res = await anna.post(`/api/visits/${v.id}/complete`, {
      version: v.version,
      outcomes: [{ measureId: measure.id, outcome: 'not_done', reason: 'Ønsket å sove lenger' }],
    });
    expect(res.status).toBe(200);
    const board = await anna.get(`/api/teams/${suite.world.north.id}/board`);
    expect(board.body.measuresNotDone[0].text).toContain('Ønsket å sove lenger');
  });
});

describe('bad input changes nothing', () => {
  it.each([
    [{ kind: 'pulse', value: 720 }, 'observations.0.value'],
    [{ kind: 'blood_pressure', value: 120 }, 'observations.0.value2'],
    [{ kind: 'temperature', value: 'warm' }, 'observations.0.value'],
  ])('an impossible observation %j names %s', async (observation, field) => {
    await planWeek();
    const [v] = (await anna.get(`/api/me/day?date=${today}`)).body;
    const res = await anna.post(`/api/visits/${v.id}/complete`, {
      version: v.version,
      allAsPlanned: true,
      observations: [observation],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect((await anna.get(`/api/visits/${v.id}`)).body.status).toBe('planned');
    expect(await count('observation')).toBe(0);
  });

  it.each([
    [{ windowStart: '09:00', windowEnd: '08:30' }, 'windowEnd'],
    [{ goalId: null, professionalNeed: null }, 'goalId'],
    [{ requiredCompetence: 'trylling' }, 'requiredCompetence'],
    [{ days: [] }, 'days'],
  ])('a measure %j is refused naming %s', async (overrides, field) => {
    const goal = await anna.post(`/api/recipients/${suite.world.petter.id}/goals`, {
      description: 'Mål',
      reviewDate: today,
    });
    const res = await anna.post(`/api/recipients/${suite.world.petter.id}/measures`, {
      goalId: goal.body.id,
      title: 'Tiltak',
      days: [1],
      windowStart: '08:00',
      windowEnd: '08:30',
      durationMinutes: 30,
      decidedWithPerson: true,
      ...overrides,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(await count('measure')).toBe(0);
  });
});

describe('no lost updates', () => {
  it('answers a stale change to a measure with 409 and the other change', async () => {
    const { measure } = await planWeek();
    const url = `/api/measures/${measure.id}`;
    const first = await anna.patch(url, {
      version: 1,
      windowStart: '08:30',
      windowEnd: '09:00',
      reason: 'Petter vil sove lenger',
      decidedWithPerson: true,
    });
    expect(first.status).toBe(200);
    const stale = await anna.patch(url, {
      version: 1,
      windowStart: '10:00',
      windowEnd: '10:30',
      reason: 'x y',
      decidedWithPerson: false,
    });
    expect(stale.status).toBe(409);
    // The changed fields as they are now, and the version: enough to merge, nothing more.
    expect(stale.body.error.current).toEqual({ windowStart: 510, windowEnd: 540, version: 2 });
    const versions = (
      await suite.database.db.execute(
        sql`SELECT version, reason, decided_with_person FROM measure_version ORDER BY version`,
      )
    ).rows;
    expect(versions).toEqual([
      { version: 1, reason: 'Nytt tiltak', decided_with_person: true },
      { version: 2, reason: 'Petter vil sove lenger', decided_with_person: true },
    ]);
  });
});

describe('competence and access', () => {
  it('refuses to mark a medication measure done by someone without the competence today', async () => {
    await planWeek({ requiredCompetence: 'legemiddelhandtering', title: 'Medisiner' });
    const [v] = (await anna.get(`/api/me/day?date=${today}`)).body;
    const res = await anna.post(`/api/visits/${v.id}/complete`, { version: v.version, allAsPlanned: true });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('missing_competence');
    await suite.database.db.execute(
      sql`INSERT INTO staff_competence (staff_id, competence_code, valid_from) VALUES (${suite.world.staff.anna.id}, 'legemiddelhandtering', '2020-01-01')`,
    );
    expect((await anna.post(`/api/visits/${v.id}/complete`, { version: v.version, allAsPlanned: true })).status).toBe(
      200,
    );
  });

  it('keeps another team out of the plan and the visit, with audit rows', async () => {
    await planWeek();
    const [v] = (await anna.get(`/api/me/day?date=${today}`)).body;
    const bo = await logInAs(suite.app, 'bo');
    expect((await bo.get(`/api/recipients/${suite.world.petter.id}/care`)).status).toBe(403);
    expect((await bo.get(`/api/visits/${v.id}`)).status).toBe(403);
    expect((await bo.post(`/api/visits/${v.id}/complete`, { version: v.version, allAsPlanned: true })).status).toBe(
      403,
    );
    expect((await bo.get(`/api/teams/${suite.world.north.id}/board`)).status).toBe(403);
    const denied = (
      await suite.database.db.execute(sql`SELECT action FROM audit_log WHERE basis = 'denied' ORDER BY seq`)
    ).rows.map((r) => r.action);
    expect(denied).toEqual(['care.read', 'visit.read', 'visit.complete', 'team.board']);
  });
});

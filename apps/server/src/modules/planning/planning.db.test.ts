import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import * as t from '../../db/schema.ts';
import { buildRecipient, PASSWORD } from '../../test/factories.ts';
import { logInAs, type Client, useWorldSuite } from '../../test/harness.ts';
import { createUser } from '../accounts/accounts.service.ts';
import { datesInRange } from '../care/recurrence.ts';
import { osloNow } from '@tillit/contracts';
import { systemClock } from '../../time/clock.ts';
import { executeRun } from './planning.runs.ts';

// The queue's worker is off here: runs are executed directly, except in the one test of the queue.
const suite = useWorldSuite({ planningWorker: false });
let anna: Client;
let kari: Client;
let kariId: string;
const from = datesInRange(osloNow().today, 2)[1]; // tomorrow: no part of the plan is in the past
const team = () => suite.world.north.id;
const db = () => suite.database.db;
const count = async (table: string) =>
  Number((await db().execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))).rows[0].n);
const allWeek = {
  kind: 'day',
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  startMinute: 450,
  endMinute: 900,
  validFrom: '2026-01-01',
};

beforeEach(async () => {
  const w = suite.world;
  const [k] = await db()
    .insert(t.staff)
    .values({ districtId: w.district.id, givenName: 'Kari', familyName: 'Nes', profession: 'sykepleier' })
    .returning();
  kariId = k.id;
  await db().insert(t.teamMemberships).values({ teamId: w.north.id, staffId: k.id, validFrom: '2020-01-01' });
  await db()
    .insert(t.staffCompetences)
    .values({ staffId: k.id, competenceCode: 'legemiddelhandtering', validFrom: '2020-01-01' });
  await createUser(db(), {
    username: 'kari',
    password: PASSWORD,
    role: 'member',
    displayName: 'Kari Nes',
    staffId: k.id,
    districtId: w.district.id,
  });
  anna = await logInAs(suite.app, 'anna');
  kari = await logInAs(suite.app, 'kari');
});

/** Two people served by Nord: Petter (morning care + medicines) and Randi (morning care), two days of visits. */
async function planTwoDays() {
  const w = suite.world;
  const randi = await buildRecipient(db(), w.north.id, { givenName: 'Randi', lat: 59.93, lon: 10.76 });
  const measure = (
    recipientId: string,
    title: string,
    windowStart: number,
    requiredCompetence: string | null = null,
  ) => ({
    recipientId,
    title,
    professionalNeed: 'Behov vurdert av teamet',
    days: [1, 2, 3, 4, 5, 6, 7],
    windowStart,
    windowEnd: windowStart + 60,
    durationMinutes: 20,
    requiredCompetence,
    validFrom: '2026-01-01',
  });
  await db()
    .insert(t.measures)
    .values([
      measure(w.petter.id, 'Morgenstell', 480),
      measure(w.petter.id, 'Medisiner', 600, 'legemiddelhandtering'),
      measure(randi.id, 'Morgenstell', 480),
    ]);
  const gen = await anna.post(`/api/teams/${team()}/visits/generate`, { from, days: 2 });
  expect(gen.body).toEqual({ created: 6 });
  for (const staffId of [w.staff.anna.id, kariId])
    expect((await anna.post(`/api/planning/teams/${team()}/rota`, { ...allWeek, staffId })).status).toBe(201);
  return { randi };
}

async function proposeAndRun(body: Record<string, unknown> = {}) {
  const res = await anna.post(`/api/planning/teams/${team()}/runs`, { from, days: 2, timeLimitSeconds: 1, ...body });
  expect(res.status).toBe(202);
  await executeRun(db(), res.body.id, { threads: 1, clock: systemClock });
  return res.body.id as string;
}

describe('rota and absences', () => {
  it('refuses a rota entry that overlaps another of the same helper, naming the field, and saves nothing', async () => {
    const staffId = suite.world.staff.anna.id;
    expect((await anna.post(`/api/planning/teams/${team()}/rota`, { ...allWeek, staffId })).status).toBe(201);
    const clash = await anna.post(`/api/planning/teams/${team()}/rota`, {
      ...allWeek,
      staffId,
      weekdays: [3],
      startMinute: 840,
      endMinute: 1200,
      kind: 'evening',
    });
    expect(clash.status).toBe(400);
    expect(clash.body.error.fields[0]).toMatchObject({ field: 'startMinute', code: 'overlap' });
    // An evening shift right after the day shift is fine; so is every other weekend.
    expect(
      (
        await anna.post(`/api/planning/teams/${team()}/rota`, {
          ...allWeek,
          staffId,
          startMinute: 900,
          endMinute: 1320,
          kind: 'evening',
        })
      ).status,
    ).toBe(201);
    const bad = await anna.post(`/api/planning/teams/${team()}/rota`, {
      ...allWeek,
      staffId,
      startMinute: 600,
      endMinute: 500,
    });
    expect(bad.body.error.fields[0].field).toBe('endMinute');
    expect(await count('rota_entry')).toBe(2);
    const rota = await anna.get(`/api/planning/teams/${team()}/rota`);
    expect(rota.body.entries).toHaveLength(2);
    expect(rota.body.entries[0].weekdays).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('refuses an absence that ends before it starts and a helper from another team', async () => {
    const res = await anna.post(`/api/planning/teams/${team()}/absences`, {
      staffId: kariId,
      fromDate: '2026-12-10',
      toDate: '2026-12-09',
      reason: 'leave',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].field).toBe('toDate');
    const other = await anna.post(`/api/planning/teams/${team()}/absences`, {
      staffId: suite.world.staff.bo.id,
      fromDate: '2026-12-10',
      toDate: '2026-12-10',
      reason: 'leave',
    });
    expect(other.body.error.fields[0]).toMatchObject({ field: 'staffId', code: 'not_in_team' });
    expect(await count('absence')).toBe(0);
  });

  it('lets only members of the team plan, and audits each refusal', async () => {
    const bo = await logInAs(suite.app, 'bo');
    const lea = await logInAs(suite.app, 'lea');
    expect((await bo.post(`/api/planning/teams/${team()}/rota`, { ...allWeek, staffId: kariId })).status).toBe(403);
    expect((await lea.get(`/api/planning/teams/${team()}/plan?from=${from}&days=2`)).status).toBe(403);
    expect((await bo.post(`/api/planning/teams/${team()}/runs`, { from, days: 2 })).status).toBe(403);
    const refused = await db().execute(sql`SELECT action FROM audit_log WHERE basis = 'denied' ORDER BY action`);
    expect(refused.rows.map((r) => r.action)).toEqual([
      'planning.rota.refused',
      'planning.run.refused',
      'planning.view.refused',
    ]);
    expect(await count('rota_entry')).toBe(0);
    expect(await count('plan_run')).toBe(0);
  });
});

describe('a plan proposal', () => {
  it('plans the period by the competence rule, shows figures and reasons, and publishing fills the day lists', async () => {
    await planTwoDays();
    const runId = await proposeAndRun();
    const view = await anna.get(`/api/planning/runs/${runId}`);
    expect(view.status).toBe(200);
    expect(view.body.run.status).toBe('done');
    const meds = view.body.visits.filter((v: { measures: string[] }) => v.measures.includes('Medisiner'));
    expect(meds).toHaveLength(2);
    // Anna has no medicine delegation: only Kari may be planned for the medicines.
    for (const v of meds) expect(v.helpers).toEqual([kariId]);
    expect(view.body.unassigned).toEqual([]);
    expect(view.body.figures.after).toMatchObject({ visits: 6, unassigned: 0, insideWindow: 6 });
    expect(view.body.figures.before.visits).toBe(6);
    for (const v of view.body.visits) expect(v.start).toBeGreaterThanOrEqual(v.windowStart);

    // Nothing is in the day lists until the team publishes.
    expect((await kari.get(`/api/me/day?date=${from}`)).body).toEqual([]);
    const pub = await anna.post(`/api/planning/runs/${runId}/publish`);
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ changed: 6, skipped: 0, notified: 0 });
    const day = await kari.get(`/api/me/day?date=${from}`);
    expect(day.body.length).toBeGreaterThanOrEqual(1);
    expect((await anna.post(`/api/planning/runs/${runId}/publish`)).status).toBe(409);
    const audit = await db().execute(sql`SELECT action FROM audit_log WHERE action LIKE 'planning.%' ORDER BY action`);
    expect(audit.rows.map((r) => r.action)).toContain('planning.publish');
  });

  it("gives the routes' map the base and the homes of exactly the people the view lists", async () => {
    const { randi } = await planTwoDays();
    // Someone of the team without a visit in the period is not placed on the map.
    await buildRecipient(db(), suite.world.north.id, { givenName: 'Uten', lat: 60.1, lon: 10.9 });
    const view = await anna.get(`/api/planning/teams/${team()}/plan?from=${from}&days=2`);
    expect(view.status).toBe(200);
    const places = view.body.places as { recipientId: string; lat: number; lon: number }[];
    expect(places.map((p) => p.recipientId).sort()).toEqual([suite.world.petter.id, randi.id].sort());
    expect(places.find((p) => p.recipientId === randi.id)).toMatchObject({ lat: 59.93, lon: 10.76 });
    expect(view.body.base).toEqual({ lat: expect.any(Number), lon: expect.any(Number) });
  });

  it("shows each person's helper set and why a visit left it", async () => {
    await planTwoDays();
    await db().execute(sql`DELETE FROM rota_entry WHERE staff_id = ${kariId}`);
    const day1 = new Date(`${from}T12:00:00Z`).getUTCDay() || 7;
    expect(
      (await anna.post(`/api/planning/teams/${team()}/rota`, { ...allWeek, weekdays: [day1], staffId: kariId })).status,
    ).toBe(201);
    const runId = await proposeAndRun();
    const view = await anna.get(`/api/planning/runs/${runId}`);
    const staffIds = new Set(view.body.staff.map((s: { id: string }) => s.id));
    const setOf = new Map<string, string[]>(
      view.body.people.map((p: { recipientId: string; helperSet: string[] }) => [p.recipientId, p.helperSet]),
    );
    for (const set of setOf.values()) {
      expect(set.length).toBeGreaterThanOrEqual(1);
      for (const h of set) expect(staffIds.has(h)).toBe(true);
    }
    let outside = 0;
    for (const v of view.body.visits as {
      recipientId: string;
      helpers: string[];
      outsideSet: { code: string } | null;
    }[]) {
      if (v.helpers.length === 0) continue;
      const inSet = v.helpers.every((h) => setOf.get(v.recipientId)!.includes(h));
      if (inSet) expect(v.outsideSet).toBeNull();
      else {
        outside++;
        expect(['off_duty', 'not_qualified', 'two_helpers', 'no_room', 'less_travel']).toContain(v.outsideSet?.code);
        expect(v.outsideSet).not.toHaveProperty('text');
      }
    }
    // Kari works the first day only, Anna both: Petter's set holds both (Kari for the medicines,
    // which nobody else may give), each visit inside it, and nothing to explain
    const petter = setOf.get(suite.world.petter.id)!;
    expect([...petter].sort()).toEqual([suite.world.staff.anna.id, kariId].sort());
    expect(outside).toBe(0);
  });

  it('never gives a visit to a helper who no longer serves the person when it is published (finding 6)', async () => {
    await planTwoDays();
    const runId = await proposeAndRun();
    // Kari (who the proposal gives the medicines) leaves team North before the planned days.
    await db().execute(sql`UPDATE team_membership SET valid_until = ${from}::date - 1 WHERE staff_id = ${kariId}`);
    const pub = await anna.post(`/api/planning/runs/${runId}/publish`);
    expect(pub.status).toBe(200);
    expect(pub.body.skipped).toBeGreaterThanOrEqual(2);
    const given = await db().execute(
      sql`SELECT count(*)::int AS n FROM visit WHERE ${kariId} IN (staff_id, second_staff_id)`,
    );
    expect(given.rows[0].n).toBe(0);
    expect((await kari.get(`/api/me/day?date=${from}`)).body).toEqual([]);
  });

  it("makes the period's missing visits from the care plans before planning", async () => {
    await planTwoDays();
    const runId = await proposeAndRun({ days: 3 });
    const view = await anna.get(`/api/planning/runs/${runId}`);
    expect(view.body.figures.after.visits).toBe(9);
    expect(await count('visit')).toBe(9);
  });

  it('refuses to publish a proposal that no longer fits: locks changed, an absence, or a newer published plan', async () => {
    await planTwoDays();
    const first = await proposeAndRun();
    const [v] = (
      await db().execute(
        sql`SELECT v.id FROM visit v JOIN recipient r ON r.id = v.recipient_id WHERE r.given_name = 'Randi' ORDER BY v.date LIMIT 1`,
      )
    ).rows as { id: string }[];
    expect((await anna.post(`/api/planning/visits/${v.id}/lock`, { staffId: kariId })).status).toBe(200);
    const stale = await anna.post(`/api/planning/runs/${first}/publish`);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('run_stale');
    const [{ n }] = (await db().execute(sql`SELECT count(*)::int AS n FROM visit WHERE published`)).rows as {
      n: number;
    }[];
    expect(n).toBe(0);
    // Run again (same kind and period) with the lock: that one publishes; the first can never be.
    const again = await anna.post(`/api/planning/runs/${first}/rerun`, { timeLimitSeconds: 1 });
    expect(again.status).toBe(202);
    const [based] = (await db().execute(sql`SELECT based_on AS "basedOn" FROM plan_run WHERE id = ${again.body.id}`))
      .rows;
    expect(based.basedOn).toBe(first); // the re-run starts from the proposal it repeats
    await executeRun(db(), again.body.id, { threads: 1, clock: systemClock });
    expect((await anna.post(`/api/planning/runs/${again.body.id}/publish`)).status).toBe(200);
    expect((await anna.post(`/api/planning/runs/${first}/publish`)).status).toBe(409);
    const absent = await proposeAndRun();
    await anna.post(`/api/planning/teams/${team()}/absences`, {
      staffId: kariId,
      fromDate: from,
      toDate: from,
      reason: 'course',
    });
    expect((await anna.post(`/api/planning/runs/${absent}/publish`)).body.error.code).toBe('run_stale');
  });

  it('refuses to publish a proposal made before a rota entry or an absence was removed (#19 item 5)', async () => {
    await planTwoDays();
    const extra = await anna.post(`/api/planning/teams/${team()}/rota`, {
      ...allWeek,
      staffId: kariId,
      startMinute: 1020,
      endMinute: 1200,
    });
    expect(extra.status).toBe(201);
    const first = await proposeAndRun();
    // Kari's evening shift is taken off the rota after the proposal was made.
    expect((await anna.del(`/api/planning/rota/${extra.body.id}`)).status).toBe(200);
    const stale = await anna.post(`/api/planning/runs/${first}/publish`);
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'run_stale', message: expect.stringContaining('rota') });
    const absence = await anna.post(`/api/planning/teams/${team()}/absences`, {
      staffId: kariId,
      fromDate: from,
      toDate: from,
      reason: 'course',
    });
    const second = await proposeAndRun();
    expect((await anna.del(`/api/planning/absences/${absence.body.id}`)).status).toBe(200);
    expect((await anna.post(`/api/planning/runs/${second}/publish`)).body.error.code).toBe('run_stale');
    expect(await count('plan_change')).toBe(0);
    const third = await proposeAndRun();
    expect((await anna.post(`/api/planning/runs/${third}/publish`)).status).toBe(200);
  });

  it('never publishes a start outside the window a shared decision agreed after the proposal (#19 item 5)', async () => {
    await planTwoDays();
    const run = await proposeAndRun();
    const [m] = (
      await db().execute(
        sql`SELECT id FROM measure WHERE recipient_id = ${suite.world.petter.id} AND title = 'Morgenstell'`,
      )
    ).rows as { id: string }[];
    const decided = await anna.post(`/api/recipients/${suite.world.petter.id}/shared-decisions`, {
      question: 'Passer morgenstell bedre midt på dagen?',
      options: ['Som før', 'Midt på dagen'],
      chosen: 'Midt på dagen',
      why: 'Petter vil sove lenger',
      change: { action: 'window', measureId: m.id, windowStart: '12:00', windowEnd: '13:00' },
    });
    expect(decided.status).toBe(201);
    const published = await anna.post(`/api/planning/runs/${run}/publish`);
    expect(published.status).toBe(200);
    expect(published.body.skipped).toBeGreaterThanOrEqual(2);
    const outside = (
      await db().execute(sql`SELECT count(*)::int AS n FROM visit
                              WHERE planned_start IS NOT NULL AND (planned_start < window_start OR planned_start > window_end)`)
    ).rows[0].n;
    expect(outside).toBe(0);
    const moved = (
      await db().execute(sql`SELECT window_start AS "windowStart", published FROM visit v
                              JOIN visit_measure vm ON vm.visit_id = v.id WHERE vm.measure_id = ${m.id} AND v.date BETWEEN ${from}::date AND ${from}::date + 1`)
    ).rows;
    expect(moved).toEqual([
      { windowStart: 720, published: false },
      { windowStart: 720, published: false },
    ]);
  });

  it('refuses a sick call-in for a past day and keeps the kind of run when running again', async () => {
    await planTwoDays();
    const past = await anna.post(`/api/planning/teams/${team()}/sick`, { staffId: kariId, date: '2020-01-01' });
    expect(past.status).toBe(400);
    expect(past.body.error.fields[0].field).toBe('date');
    expect(await count('absence')).toBe(0);
    const sick = await anna.post(`/api/planning/teams/${team()}/sick`, {
      staffId: kariId,
      date: from,
      timeLimitSeconds: 1,
    });
    const again = await anna.post(`/api/planning/runs/${sick.body.runId}/rerun`, {});
    const [run] = (
      await db().execute(sql`SELECT kind, from_date::text AS "from", days FROM plan_run WHERE id = ${again.body.id}`)
    ).rows;
    expect(run).toEqual({ kind: 'sick_day', from, days: 1 });
  });

  it('keeps a two-helper visit with its pair when locked, and refuses to move it to one named helper', async () => {
    const { randi } = await planTwoDays();
    await db()
      .insert(t.measures)
      .values({
        recipientId: randi.id,
        title: 'Forflytning',
        professionalNeed: 'Takheis',
        days: [1, 2, 3, 4, 5, 6, 7],
        windowStart: 1000,
        windowEnd: 1060,
        durationMinutes: 20,
        twoHelpers: true,
        validFrom: '2026-01-01',
      });
    await anna.post(`/api/teams/${team()}/visits/generate`, { from, days: 1 });
    const [lift] = (await db().execute(sql`SELECT v.id FROM visit v WHERE v.window_start = 1000`)).rows as {
      id: string;
    }[];
    const res = await anna.post(`/api/planning/visits/${lift.id}/lock`, { staffId: kariId });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0]).toMatchObject({ field: 'staffId', code: 'two_helpers_keep_only' });
    expect(await count('plan_lock')).toBe(0);
  });

  it('explains why a helper is not offered, refuses such a lock and a lock on a visit that is gone', async () => {
    await planTwoDays();
    const [med] = (
      await db().execute(sql`SELECT v.id FROM visit v JOIN visit_measure vm ON vm.visit_id = v.id JOIN measure m ON m.id = vm.measure_id
                                           WHERE m.title = 'Medisiner' ORDER BY v.date LIMIT 1`)
    ).rows as { id: string }[];
    const cands = await anna.get(`/api/planning/visits/${med.id}/candidates`);
    const annaC = cands.body.candidates.find((c: { staffId: string }) => c.staffId === suite.world.staff.anna.id);
    expect(annaC).toMatchObject({
      offered: false,
      reasons: [{ code: 'missing_competence', competence: 'legemiddelhandtering' }],
    });
    expect(cands.body.candidates.find((c: { staffId: string }) => c.staffId === kariId).offered).toBe(true);
    const refused = await anna.post(`/api/planning/visits/${med.id}/lock`, { staffId: suite.world.staff.anna.id });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: 'not_offered',
      fields: [{ field: 'staffId', code: 'missing_competence' }],
    });
    const gone = await anna.post(`/api/planning/visits/00000000-0000-4000-8000-000000000000/lock`, { staffId: kariId });
    expect(gone.status).toBe(404);
    expect(gone.body.error.fields[0].field).toBe('visitId');
    expect(await count('plan_lock')).toBe(0);
  });

  it('keeps a locked visit with the chosen helper when the team runs again', async () => {
    await planTwoDays();
    const [morning] = (
      await db().execute(sql`SELECT v.id FROM visit v JOIN visit_measure vm ON vm.visit_id = v.id JOIN measure m ON m.id = vm.measure_id
                                              JOIN recipient r ON r.id = v.recipient_id WHERE m.title = 'Morgenstell' AND r.given_name = 'Randi' ORDER BY v.date LIMIT 1`)
    ).rows as { id: string }[];
    for (const helper of [kariId, suite.world.staff.anna.id]) {
      const lock = await anna.post(`/api/planning/visits/${morning.id}/lock`, { staffId: helper });
      expect(lock.status).toBe(200);
      const runId = await proposeAndRun();
      const view = await anna.get(`/api/planning/runs/${runId}`);
      const v = view.body.visits.find((x: { id: string }) => x.id === morning.id);
      expect(v).toMatchObject({ helpers: [helper], lockedTo: helper });
    }
    expect(await count('plan_lock')).toBe(1);
    const [lock] = (await db().execute(sql`SELECT id FROM plan_lock`)).rows as { id: string }[];
    expect((await anna.del(`/api/planning/locks/${lock.id}`)).status).toBe(200);
    expect(await count('plan_lock')).toBe(0);
  });

  it('re-plans a sick day with as few changes as possible and tells the helpers affected', async () => {
    await planTwoDays();
    const first = await proposeAndRun();
    expect((await anna.post(`/api/planning/runs/${first}/publish`)).status).toBe(200);
    const before = (
      await db().execute(sql`SELECT id, staff_id AS "staffId", date::text AS date FROM visit ORDER BY id`)
    ).rows as { id: string; staffId: string; date: string }[];
    const annaVisitsDay1 = before
      .filter((v) => v.date === from && v.staffId === suite.world.staff.anna.id)
      .map((v) => v.id);

    const sick = await anna.post(`/api/planning/teams/${team()}/sick`, {
      staffId: kariId,
      date: from,
      timeLimitSeconds: 1,
    });
    expect(sick.status).toBe(202);
    await executeRun(db(), sick.body.runId, { threads: 1, clock: systemClock });
    const view = await anna.get(`/api/planning/runs/${sick.body.runId}`);
    // Kari's medicine visit cannot go to Anna (no delegation): left unassigned, with the reason.
    expect(view.body.unassigned).toEqual([
      { visitId: expect.any(String), reason: { code: 'no_competence', competence: 'legemiddelhandtering' } },
    ]);
    expect((await anna.post(`/api/planning/runs/${sick.body.runId}/publish`)).status).toBe(200);
    const after = (await db().execute(sql`SELECT id, staff_id AS "staffId", date::text AS date FROM visit ORDER BY id`))
      .rows as { id: string; staffId: string | null; date: string }[];
    // Anna keeps all she had; the other day is untouched; Kari has nothing that day.
    for (const id of annaVisitsDay1) expect(after.find((v) => v.id === id)!.staffId).toBe(suite.world.staff.anna.id);
    for (const v of after.filter((x) => x.date !== from))
      expect(v.staffId).toBe(before.find((b) => b.id === v.id)!.staffId);
    expect(after.filter((v) => v.date === from && v.staffId === kariId)).toEqual([]);
    const kariChanges = await kari.get('/api/planning/my-changes');
    expect(kariChanges.body.length).toBeGreaterThanOrEqual(1);
    expect(kariChanges.body.every((c: { kind: string }) => c.kind === 'removed')).toBe(true);
    expect(
      (await kari.post('/api/planning/my-changes/seen', { ids: kariChanges.body.map((c: { id: string }) => c.id) }))
        .body.seen,
    ).toBe(kariChanges.body.length);
    expect((await kari.get('/api/planning/my-changes')).body).toEqual([]);
    expect(await count('absence')).toBe(1);
  });

  it('keeps the competence rule when a visit is assigned by hand on the board', async () => {
    await planTwoDays();
    const [med] = (
      await db().execute(sql`SELECT v.id FROM visit v JOIN visit_measure vm ON vm.visit_id = v.id JOIN measure m ON m.id = vm.measure_id
                                           WHERE m.title = 'Medisiner' ORDER BY v.date LIMIT 1`)
    ).rows as { id: string }[];
    const refused = await anna.patch(`/api/visits/${med.id}/assignment`, { staffId: suite.world.staff.anna.id });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields[0]).toMatchObject({ field: 'staffId', code: 'missing_competence' });
    const [v] = (await db().execute(sql`SELECT staff_id AS "staffId" FROM visit WHERE id = ${med.id}`)).rows;
    expect(v.staffId).toBeNull();
    expect((await anna.patch(`/api/visits/${med.id}/assignment`, { staffId: kariId })).status).toBe(200);
  });
});

describe('a run that fails', () => {
  it('tells the page a plain code and keeps the internal error text from every client (finding 14 of #18)', async () => {
    await planTwoDays();
    const res = await anna.post(`/api/planning/teams/${team()}/runs`, { from, days: 2, timeLimitSeconds: 1 });
    // An internal failure whose text names a person, as a database error's text would.
    const secret = 'Failed query: select ... params: Petter Hansen,Kolstadgata 3';
    const failing = {
      now: () => {
        throw new Error(secret);
      },
    };
    await expect(executeRun(db(), res.body.id, { threads: 1, clock: failing })).rejects.toThrow();
    const status = await anna.get(`/api/planning/runs/${res.body.id}/status`);
    expect(status.body).toMatchObject({ status: 'failed', errorCode: 'failed' });
    const view = await anna.get(`/api/planning/runs/${res.body.id}`);
    expect(view.body.run).toMatchObject({ status: 'failed', errorCode: 'failed' });
    for (const body of [status.body, view.body]) {
      expect(JSON.stringify(body)).not.toMatch(/Petter Hansen|Kolstadgata|Failed query|params/);
      expect(body).not.toHaveProperty('error');
    }
    // Operators find the kind of error and where it was thrown, and not its text either.
    const [row] = (await db().execute(sql`SELECT error FROM plan_run WHERE id = ${res.body.id}`)).rows as {
      error: string;
    }[];
    expect(row.error).toMatch(/^Error .*planning\.(db\.test|runs)\.ts/);
    expect(row.error).not.toContain('Petter');
  });
});

describe('«Hvem kommer?»', () => {
  it('shows the person who is coming when, through a link the team makes; other teams cannot make one', async () => {
    await planTwoDays();
    const runId = await proposeAndRun();
    await anna.post(`/api/planning/runs/${runId}/publish`);
    const made = await anna.post(`/api/recipients/${suite.world.petter.id}/visiting-link`, { for: 'person' });
    expect(made.status).toBe(201);
    const token = made.body.path.replace('/who/', '');
    const open = await suite.app.inject({ method: 'GET', url: `/api/visiting/${token}` });
    expect(open.statusCode).toBe(200);
    const body = open.json();
    expect(Object.keys(body).sort()).toEqual(['expiresAt', 'visits']);
    expect(body.visits).toHaveLength(4);
    for (const v of body.visits) {
      expect(v.plannedStart).toBeGreaterThanOrEqual(v.windowStart);
      expect(v.helpers.every((h: string) => ['Anna', 'Kari'].includes(h))).toBe(true);
    }
    expect(Object.keys(body.visits[0]).sort()).toEqual(['date', 'helpers', 'plannedStart', 'windowEnd', 'windowStart']);
    const looked = await db().execute(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'visiting.view' AND recipient_id = ${suite.world.petter.id}`,
    );
    expect(looked.rows[0].n).toBe(1);

    // A new link replaces the old; another team cannot make one (refused and audited).
    await anna.post(`/api/recipients/${suite.world.petter.id}/visiting-link`, { for: 'person' });
    expect((await suite.app.inject({ method: 'GET', url: `/api/visiting/${token}` })).statusCode).toBe(404);
    const bo = await logInAs(suite.app, 'bo');
    expect((await bo.post(`/api/recipients/${suite.world.petter.id}/visiting-link`, { for: 'person' })).status).toBe(
      403,
    );
    const refused = await db().execute(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'visiting_link.create' AND basis = 'denied'`,
    );
    expect(refused.rows[0].n).toBe(1);
  });
});

import { osloInstant } from '@tillit/contracts';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import * as t from '../../db/schema.ts';
import { buildRecipient, PASSWORD } from '../../test/factories.ts';
import { type Client, logInAs, useWorldSuite } from '../../test/harness.ts';
import { postgresUrl, race } from '../../test/race.ts';
import { testClock } from '../../time/clock.ts';
import { createUser } from '../accounts/accounts.service.ts';

/**
 * «Rapport» (#20 item 3): the handover is built from what the day shift documented, and the
 * evening shift reads it item by item. Tuesday 10 March 2026; the day shift is 07:00–15:00.
 */
const TODAY = '2026-03-10';
const clock = testClock(osloInstant(TODAY, 10 * 60));
const suite = useWorldSuite({ clock });
const db = () => suite.database.db;
const together = <T>(blocked: number, requests: () => Promise<T>[]) =>
  postgresUrl ? race(postgresUrl, blocked, requests) : Promise.all(requests());
const auditRows = async (action: string) =>
  rowsOf<{ basis: string; recipientId: string | null }>(
    await db().execute(
      sql`SELECT basis, recipient_id AS "recipientId" FROM audit_log WHERE action = ${action} ORDER BY seq`,
    ),
  );
let anna: Client;
let north: string;

beforeEach(async () => {
  clock.set(osloInstant(TODAY, 10 * 60));
  anna = await logInAs(suite.app, 'anna');
  north = suite.world.north.id;
});

/** A member of team Nord on the evening shift. */
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

/** The day shift: Anna's 08:00 visit to Petter, the walk not done, a note «til rapport» and a change in condition. */
async function dayShift() {
  const petter = suite.world.petter.id;
  const [care, walk] = await db()
    .insert(t.measures)
    .values(
      ['Morgenstell', 'Tur til postkassen'].map((title) => ({
        recipientId: petter,
        professionalNeed: 'Vurdert av teamet',
        title,
        days: [1, 2, 3, 4, 5, 6, 7],
        windowStart: 480,
        windowEnd: 510,
        durationMinutes: 15,
        usualStaffId: suite.world.staff.anna.id,
        validFrom: '2026-01-01',
      })),
    )
    .returning();
  await anna.post(`/api/teams/${north}/visits/generate`, { from: TODAY, days: 1 });
  const [visit] = (await anna.get(`/api/me/day?date=${TODAY}`)).body;
  const done = await anna.post(`/api/visits/${visit.id}/complete`, {
    version: visit.version,
    outcomes: [
      { measureId: care.id, outcome: 'done' },
      { measureId: walk.id, outcome: 'not_done', reason: 'Glatt ute' },
    ],
    note: 'Spiste lite til frokost, følg med på middagen',
    noteForHandover: true,
    conditionChange: 'Mer andpusten enn vanlig',
  });
  expect(done.status).toBe(200);
  // Olga starts with the team today.
  const olga = await buildRecipient(db(), suite.world.south.id, { givenName: 'Olga' });
  await db().insert(t.recipientTeams).values({ recipientId: olga.id, teamId: north, validFrom: TODAY });
  return { petter, visit, walk, olga };
}

describe('the handover at the change of shift', () => {
  it('is built from the day shift’s documentation and read item by item by the evening shift', async () => {
    const { petter, visit, walk, olga } = await dayShift();
    clock.set(osloInstant(TODAY, 15 * 60 + 10));
    const evening = await nina();
    // Without a shift named, the incoming shift gets the one that just ended.
    const res = await evening.get(`/api/teams/${north}/handover`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ date: TODAY, shift: 'day', from: osloInstant(TODAY, 420).toISOString() });
    const items = res.body.people.flatMap((p: { items: unknown[] }) => p.items);
    expect(items.map((i: { kind: string }) => i.kind).sort()).toEqual([
      'condition_change',
      'measure_not_done',
      'new_person',
      'note',
    ]);
    const byKind = Object.fromEntries(items.map((i: { kind: string }) => [i.kind, i]));
    expect(byKind.measure_not_done).toMatchObject({
      key: `${visit.id}:${walk.id}`,
      text: 'Tur til postkassen: Glatt ute',
      recipientId: petter,
    });
    expect(byKind.note).toMatchObject({
      text: 'Spiste lite til frokost, følg med på middagen',
      readAt: null,
      readBy: 0,
    });
    expect(byKind.condition_change).toMatchObject({ text: 'Mer andpusten enn vanlig', by: 'Anna Nordmann' });
    expect(byKind.new_person).toMatchObject({ recipientId: olga.id, person: 'Olga Person' });

    const read = await evening.post(`/api/teams/${north}/handover/read`, {
      date: TODAY,
      shift: 'day',
      kind: 'note',
      key: visit.id,
    });
    expect(read.status).toBe(200);
    const after = (await evening.get(`/api/teams/${north}/handover?date=${TODAY}&shift=day`)).body;
    const petterItems = after.people.find((p: { recipientId: string }) => p.recipientId === petter).items;
    // What is left unread stays on top.
    expect(petterItems.map((i: { kind: string; readAt: string | null }) => [i.kind, Boolean(i.readAt)]).at(-1)).toEqual(
      ['note', true],
    );
    expect(petterItems.at(-1).readBy).toBe(1);
    // Anna has not read it herself: her own mark is hers.
    const annas = (await anna.get(`/api/teams/${north}/handover?date=${TODAY}&shift=day`)).body;
    const note = annas.people
      .flatMap((p: { items: { kind: string }[] }) => p.items)
      .find((i: { kind: string }) => i.kind === 'note');
    expect(note).toMatchObject({ readAt: null, readBy: 1 });
    // The evening shift's own handover holds only what belongs to the whole day: Olga, new today.
    const own = (await evening.get(`/api/teams/${north}/handover?date=${TODAY}&shift=evening`)).body.people;
    expect(
      own.flatMap((p: { items: { kind: string; recipientId: string }[] }) =>
        p.items.map((i) => [i.kind, i.recipientId]),
      ),
    ).toEqual([['new_person', olga.id]]);
    // Reads are audited, naming the people shown; «Lest» on Petter's record.
    expect((await auditRows('handover.read')).every((r) => r.basis === 'care_relation')).toBe(true);
    expect(await auditRows('handover.markRead')).toEqual([{ basis: 'care_relation', recipientId: petter }]);
  });

  it('refuses a member of another team, with a denied audit row (on the person for an item about them)', async () => {
    const { petter, visit } = await dayShift();
    const bo = await logInAs(suite.app, 'bo');
    expect((await bo.get(`/api/teams/${north}/handover?date=${TODAY}&shift=day`)).status).toBe(403);
    const mark = await bo.post(`/api/teams/${north}/handover/read`, {
      date: TODAY,
      shift: 'day',
      kind: 'note',
      key: visit.id,
    });
    expect(mark.status).toBe(403);
    expect((await auditRows('handover.read')).filter((r) => r.basis === 'denied')).toHaveLength(1);
    expect(await auditRows('handover.markRead')).toEqual([{ basis: 'denied', recipientId: petter }]);
    // His own team's handover does not hold Petter's items.
    const own = await bo.post(`/api/teams/${suite.world.south.id}/handover/read`, {
      date: TODAY,
      shift: 'day',
      kind: 'note',
      key: visit.id,
    });
    expect(own.status).toBe(404);
    expect(Number((await db().execute(sql`SELECT count(*)::int AS n FROM handover_ack`)).rows[0].n)).toBe(0);
  });

  it.each([
    ['a shift that does not exist', '?date=2026-03-10&shift=morning', 'shift'],
    ['a date without its shift', '?date=2026-03-10', 'shift'],
    ['a date that is no date', '?date=10.03.2026&shift=day', 'date'],
  ])('answers 400 naming the field for %s', async (_, query, field) => {
    const res = await anna.get(`/api/teams/${north}/handover${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('answers 400 naming the field for an unknown kind of item', async () => {
    const res = await anna.post(`/api/teams/${north}/handover/read`, {
      date: TODAY,
      shift: 'day',
      kind: 'gossip',
      key: 'x',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].field).toBe('kind');
  });

  it('marks an item read once when the same member taps «Lest» on two devices at the same moment', async () => {
    const { visit } = await dayShift();
    clock.set(osloInstant(TODAY, 15 * 60 + 10));
    const phone = await nina();
    const tablet = await logInAs(suite.app, 'nina');
    const answers = await together(2, () =>
      [phone, tablet].map((c) =>
        c.post(`/api/teams/${north}/handover/read`, { date: TODAY, shift: 'day', kind: 'note', key: visit.id }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers[0].body.readAt).toBe(answers[1].body.readAt);
    expect(Number((await db().execute(sql`SELECT count(*)::int AS n FROM handover_ack`)).rows[0].n)).toBe(1);
  });
});

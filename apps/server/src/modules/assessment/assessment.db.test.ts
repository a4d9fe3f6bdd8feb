import { assessmentItems, osloToday } from '@tillit/contracts';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import * as t from '../../db/schema.ts';
import { type Client, logInAs, useWorldSuite } from '../../test/harness.ts';
import { postgresUrl, race } from '../../test/race.ts';

const suite = useWorldSuite();
const db = () => suite.database.db;
const today = osloToday();
const all = (score: number) => Object.fromEntries(assessmentItems.map((i) => [i, score]));
const first = { assessedOn: today, withPerson: true, reason: 'first', scores: all(1) };
const auditRows = async (action: string) =>
  rowsOf<{ basis: string; recipientId: string | null; actor: string }>(
    await db().execute(sql`SELECT basis, recipient_id AS "recipientId", actor_name AS actor FROM audit_log
                            WHERE action = ${action} ORDER BY seq`),
  );
let anna: Client;
let petter: string;
const url = () => `/api/recipients/${petter}/assessments`;

beforeEach(async () => {
  anna = await logInAs(suite.app, 'anna');
  petter = suite.world.petter.id;
});

/** A change in condition flagged for Petter (as visit documentation writes it), `minutesAgo` before now. */
async function flag(text: string, minutesAgo = 0) {
  const [c] = await db()
    .insert(t.conditionChanges)
    .values({
      recipientId: petter,
      text,
      createdBy: suite.world.users.anna.id,
      createdAt: new Date(Date.now() - minutesAgo * 60_000),
    })
    .returning();
  return c.id;
}

describe('functional assessment (IPLOS) in the record', () => {
  it('is written with the person, read on the record with its history and what changed', async () => {
    expect((await anna.post(url(), first)).status).toBe(201);
    const scores = { ...all(1), memory: 3, cooking: 4, housework: 4, shopping: 3, hearing: 9 };
    const review = await anna.post(url(), { assessedOn: today, withPerson: true, reason: 'review', scores });
    expect(review.status).toBe(201);
    const read = await anna.get(url());
    expect(read.status).toBe(200);
    const [now, before] = read.body.assessments;
    expect(read.body.assessments).toHaveLength(2);
    expect(now).toMatchObject({ reason: 'review', assessedBy: 'Anna Nordmann', withPerson: true, needItems: 4 });
    expect(now.band).toBe('moderate');
    expect(before).toMatchObject({ reason: 'first', needItems: 0, band: 'little' });
    expect(read.body.changes).toEqual(
      [
        { item: 'hearing', from: 1, to: 9 },
        { item: 'shopping', from: 1, to: 3 },
        { item: 'housework', from: 1, to: 4 },
        { item: 'cooking', from: 1, to: 4 },
        { item: 'memory', from: 1, to: 3 },
      ].sort((a, b) => assessmentItems.indexOf(a.item as never) - assessmentItems.indexOf(b.item as never)),
    );
    expect(read.body.prompt).toBeNull();
    const rows = await auditRows('assessment.create');
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.basis === 'care_relation' && r.recipientId === petter)).toBe(true);
    expect((await auditRows('assessment.list')).at(-1)).toMatchObject({ recipientId: petter, actor: 'Anna Nordmann' });
  });

  it('asks «Ny funksjonsvurdering?» after a change in condition newer than the latest assessment', async () => {
    await flag('Eldre endring', 60 * 24);
    expect((await anna.post(url(), first)).status).toBe(201);
    expect((await anna.get(url())).body.prompt).toBeNull();
    const change = await flag('Petter har falt og går dårligere');
    const asked = (await anna.get(url())).body.prompt;
    expect(asked).toMatchObject({ conditionChangeId: change, text: 'Petter har falt og går dårligere' });
    const answered = await anna.post(url(), {
      ...first,
      reason: 'condition_change',
      conditionChangeId: change,
      scores: { ...all(1), movingOutdoors: 4 },
    });
    expect(answered.status).toBe(201);
    const after = (await anna.get(url())).body;
    expect(after.prompt).toBeNull();
    expect(after.assessments[0].conditionChangeId).toBe(change);
    expect(after.changes).toEqual([{ item: 'movingOutdoors', from: 1, to: 4 }]);
  });

  it('refuses a member of another team, with a denied audit row naming the person', async () => {
    const bo = await logInAs(suite.app, 'bo');
    expect((await bo.post(url(), first)).status).toBe(403);
    expect((await bo.get(url())).status).toBe(403);
    expect(await auditRows('assessment.create')).toEqual([{ basis: 'denied', recipientId: petter, actor: 'Bo Sørli' }]);
    expect(await auditRows('assessment.list')).toEqual([{ basis: 'denied', recipientId: petter, actor: 'Bo Sørli' }]);
    const [{ n }] = rowsOf<{ n: number }>(
      await db().execute(sql`SELECT count(*)::int AS n FROM functional_assessment`),
    );
    expect(n).toBe(0);
  });

  it('answers bad input with 400 naming the field', async () => {
    const { memory: _m, ...missing } = all(2);
    const fieldOf = async (body: unknown) => {
      const res = await anna.post(url(), body);
      expect(res.status).toBe(400);
      return res.body.error.fields.map((f: { field: string }) => f.field);
    };
    expect(await fieldOf({ ...first, scores: missing })).toContain('scores.memory');
    expect(await fieldOf({ ...first, scores: { ...all(2), vision: 6 } })).toContain('scores.vision');
    expect(await fieldOf({ ...first, assessedOn: '2999-01-01' })).toEqual(['assessedOn']);
    expect(await fieldOf({ ...first, withPerson: false })).toEqual(['note']);
    expect(await fieldOf({ ...first, reason: 'condition_change' })).toEqual(['conditionChangeId']);
    const other = await db().execute(sql`SELECT gen_random_uuid() AS id`);
    const id = rowsOf<{ id: string }>(other)[0].id;
    expect(await fieldOf({ ...first, reason: 'condition_change', conditionChangeId: id })).toEqual([
      'conditionChangeId',
    ]);
    const [{ n }] = rowsOf<{ n: number }>(
      await db().execute(sql`SELECT count(*)::int AS n FROM functional_assessment`),
    );
    expect(n).toBe(0);
  });

  it('stores one assessment sent twice at once exactly once, with all 17 scores', async () => {
    const id = rowsOf<{ id: string }>(await db().execute(sql`SELECT gen_random_uuid() AS id`))[0].id;
    const body = { ...first, id };
    const send = () => [anna.post(url(), body), anna.post(url(), body)];
    const answers = postgresUrl ? await race(postgresUrl, 2, send) : await Promise.all(send());
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const counts = rowsOf<{ a: number; s: number }>(
      await db().execute(sql`SELECT (SELECT count(*) FROM functional_assessment)::int AS a,
                                    (SELECT count(*) FROM functional_assessment_score)::int AS s`),
    );
    expect(counts[0]).toEqual({ a: 1, s: 17 });
  });
});

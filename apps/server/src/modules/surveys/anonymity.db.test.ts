import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.ts';
import * as t from '../../db/schema.ts';
import { buildRecipient, PASSWORD } from '../../test/factories.ts';
import { logInAs, type Client, useWorldSuite } from '../../test/harness.ts';
import { postgresUrl, race } from '../../test/race.ts';
import { createUser } from '../accounts/accounts.service.ts';
import { BOX_LOCK } from './ballot.ts';
import { testClock } from '../../time/clock.ts';
import { quarterAt } from './quarters.ts';
import { MIN_GROUP } from '@tillit/contracts';

/**
 * Finding 5: an anonymous answer must not be linkable to its person (survey) or user (pulse)
 * by any row metadata. Each test answers in a known order, then attacks the stored rows the way
 * someone with read access to the database would: by transaction id (xmin), by commit order,
 * by physical order (ctid), by id, and by time. On the code before the ballot box every answer
 * was found by the xmin join and by the physical order.
 */
const clock = testClock(new Date());
const suite = useWorldSuite({ clock });
const db = () => suite.database.db;
const quarter = quarterAt(clock.now());
const N = 12;
const closeQuarter = () => {
  clock.advance(100 * 86_400_000);
};
afterEach(() => {
  clock.set(new Date());
});
const count = async (table: string) =>
  rowsOf<{ n: number }>(await db().execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0].n;

/** N people of team North answer in turn; answer i carries the open text `Svar i`. Returns who answered i. */
async function surveyAnswers(anna: Client): Promise<string[]> {
  const people = [suite.world.petter.id];
  for (let i = 1; i < N; i++)
    people.push((await buildRecipient(db(), suite.world.north.id, { givenName: `Person${i}` })).id);
  for (const [i, id] of people.entries()) {
    const link = await anna.post(`/api/recipients/${id}/survey-links`, { channel: 'link' });
    const res = await suite.app.inject({
      method: 'POST',
      url: `/api/surveys/${link.body.token}`,
      payload: { respondent: 'person', answers: { on_time: (i % 5) + 1 }, openAnswer: `Svar ${i}` },
    });
    expect(res.statusCode).toBe(201);
  }
  return people;
}

/** Members of team North with log-ins (Anna first); member i answers the pulse with `meaning` and `heard` encoding i. */
async function pulseAnswers(): Promise<string[]> {
  const users = [suite.world.users.anna.id];
  for (let i = 1; i < N; i++) {
    const [s] = await db()
      .insert(t.staff)
      .values({ districtId: suite.world.district.id, givenName: `M${i}`, familyName: 'Nord', profession: 'sykepleier' })
      .returning();
    await db()
      .insert(t.teamMemberships)
      .values({ teamId: suite.world.north.id, staffId: s.id, validFrom: '2020-01-01' });
    const u = await createUser(db(), {
      username: `m${i}`,
      password: PASSWORD,
      role: 'member',
      displayName: `M${i} Nord`,
      staffId: s.id,
      districtId: suite.world.district.id,
    });
    users.push(u.id);
  }
  for (let i = 0; i < N; i++) {
    const client = await logInAs(suite.app, i === 0 ? 'anna' : `m${i}`);
    const res = await client.post('/api/pulse', { answers: { meaning: (i % 5) + 1, heard: Math.floor(i / 5) + 1 } });
    expect(res.status).toBe(201);
  }
  return users;
}

/** How many answers a guess "the k-th link ↔ the k-th answer" gets right. */
const hits = (truth: string[], guessed: string[]) => truth.filter((x, k) => guessed[k] === x).length;

describe('survey answers cannot be tied to the person who gave them', () => {
  it('resists joins on xmin, commit order, physical order, id and time; nothing is lost or doubled', async () => {
    const anna = await logInAs(suite.app, 'anna');
    const people = await surveyAnswers(anna);
    const textOf = new Map(people.map((id, i) => [id, `Svar ${i}`]));
    closeQuarter();
    const results = await anna.get(`/api/teams/${suite.world.north.id}/survey-results?quarter=${quarter}`);
    expect(results.body).toMatchObject({ suppressed: false, responses: N });

    // 1. xmin: no answer was written by the transaction that used up a link.
    const byXmin = await db().execute(
      sql`SELECT l.recipient_id FROM survey_link l JOIN survey_response r ON r.xmin = l.xmin`,
    );
    expect(byXmin.rows).toHaveLength(0);

    // 2. Commit order: answers were written in batches, none smaller than the smallest cell shown.
    const batches = rowsOf<{ n: number }>(
      await db().execute(sql`SELECT count(*)::int AS n FROM survey_response GROUP BY xmin::text`),
    );
    expect(batches.length).toBeLessThan(N);
    for (const b of batches) expect(b.n).toBeGreaterThanOrEqual(MIN_GROUP);

    // 3. Physical order and 4. id order, against the order the links were used in.
    const linkOrder = rowsOf<{ recipientId: string }>(
      await db().execute(sql`SELECT recipient_id AS "recipientId" FROM survey_link ORDER BY used_at, id`),
    ).map((r) => textOf.get(r.recipientId)!);
    for (const order of [sql`ctid`, sql`id`]) {
      const answerOrder = rowsOf<{ openAnswer: string }>(
        await db().execute(sql`SELECT open_answer AS "openAnswer" FROM survey_response ORDER BY ${order}`),
      ).map((r) => r.openAnswer);
      expect(hits(linkOrder, answerOrder)).toBeLessThan(N);
    }
    const versions = rowsOf<{ v: string }>(
      await db().execute(sql`SELECT DISTINCT substr(id::text, 15, 1) AS v FROM survey_response`),
    );
    expect(versions).toEqual([{ v: '4' }]); // random UUIDs, not time-ordered ones

    // Nothing lost or doubled: every answer once, none left in the box.
    const stored = rowsOf<{ openAnswer: string }>(
      await db().execute(sql`SELECT open_answer AS "openAnswer" FROM survey_response`),
    );
    expect(stored.map((r) => r.openAnswer).sort()).toEqual([...textOf.values()].sort());
    expect(await count('survey_held')).toBe(0);

    // 5. Time: no answer row, held or written, has a column finer than the quarter.
    const timeColumns = await db().execute(sql`SELECT table_name, column_name FROM information_schema.columns
      WHERE table_name IN ('survey_response', 'survey_held', 'pulse_response', 'pulse_held')
        AND (data_type LIKE 'timestamp%' OR data_type IN ('date', 'time without time zone', 'interval'))`);
    expect(timeColumns.rows).toEqual([]);
  });

  it('loses nothing and uses no link twice when a step fails', async () => {
    const anna = await logInAs(suite.app, 'anna');
    const send = async (recipientId: string, text: string) => {
      const link = await anna.post(`/api/recipients/${recipientId}/survey-links`, { channel: 'tablet' });
      const post = () =>
        suite.app.inject({
          method: 'POST',
          url: `/api/surveys/${link.body.token}`,
          payload: { respondent: 'person', answers: { kind: 5 }, openAnswer: text },
        });
      return { post, token: link.body.token as string };
    };
    // A crash while holding the answer: the link is not used up, and works afterwards.
    await db().execute(sql`ALTER TABLE survey_held ADD CONSTRAINT crash CHECK (false) NOT VALID`);
    const first = await send(suite.world.petter.id, 'Svar 0');
    try {
      expect((await first.post()).statusCode).toBe(500);
    } finally {
      await db().execute(sql`ALTER TABLE survey_held DROP CONSTRAINT crash`);
    }
    expect(
      rowsOf<{ n: number }>(
        await db().execute(sql`SELECT count(*)::int AS n FROM survey_link WHERE used_at IS NOT NULL`),
      )[0].n,
    ).toBe(0);
    expect((await first.post()).statusCode).toBe(201);
    expect((await first.post()).statusCode).toBe(409);

    // A crash while writing a batch: the answers stay held, and are written once later.
    for (let i = 1; i < 2 * MIN_GROUP - 1; i++) {
      const r = await buildRecipient(db(), suite.world.north.id);
      expect((await (await send(r.id, `Svar ${i}`)).post()).statusCode).toBe(201);
    }
    await db().execute(sql`ALTER TABLE survey_response ADD CONSTRAINT crash CHECK (false) NOT VALID`);
    try {
      const last = await buildRecipient(db(), suite.world.north.id);
      // The answer is held and the link used up; writing the due batch fails and is left for later.
      expect((await (await send(last.id, `Svar ${2 * MIN_GROUP - 1}`)).post()).statusCode).toBe(201);
      expect(await count('survey_held')).toBe(2 * MIN_GROUP);
      expect(await count('survey_response')).toBe(0);
    } finally {
      await db().execute(sql`ALTER TABLE survey_response DROP CONSTRAINT crash`);
    }
    closeQuarter();
    const results = await anna.get(`/api/teams/${suite.world.north.id}/survey-results?quarter=${quarter}`);
    expect(results.body.responses).toBe(2 * MIN_GROUP);
    expect(await count('survey_held')).toBe(0);
    const texts = rowsOf<{ t: string }>(await db().execute(sql`SELECT open_answer AS t FROM survey_response`));
    expect(new Set(texts.map((r) => r.t)).size).toBe(2 * MIN_GROUP);
  });

  it.skipIf(!postgresUrl)('uses a link once when it is sent twice at the same moment (PostgreSQL)', async () => {
    const anna = await logInAs(suite.app, 'anna');
    const link = await anna.post(`/api/recipients/${suite.world.petter.id}/survey-links`, { channel: 'tablet' });
    const post = () =>
      suite.app.inject({
        method: 'POST',
        url: `/api/surveys/${link.body.token}`,
        payload: { respondent: 'person', answers: { kind: 5 } },
      });
    // Both wait at the ballot box's lock, then race for the link.
    const answers = await race(
      postgresUrl!,
      2,
      () => [post(), post()],
      `SELECT pg_advisory_xact_lock(${BOX_LOCK.survey})`,
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(await count('survey_held')).toBe(1);
  });

  it('refuses an empty answer without using up the link', async () => {
    const anna = await logInAs(suite.app, 'anna');
    const link = await anna.post(`/api/recipients/${suite.world.petter.id}/survey-links`, { channel: 'tablet' });
    const empty = await suite.app.inject({
      method: 'POST',
      url: `/api/surveys/${link.body.token}`,
      payload: { respondent: 'person', answers: {}, openAnswer: '  ' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0]).toMatchObject({ field: 'answers', code: 'empty' });
    expect((await suite.app.inject({ method: 'GET', url: `/api/surveys/${link.body.token}` })).statusCode).toBe(200);
  });
});

describe('pulse answers cannot be tied to the user who gave them', () => {
  it('resists joins on xmin, commit order, physical order and id against the receipts', async () => {
    const users = await pulseAnswers();
    const code = (meaning: number, heard: number) => `${meaning}/${heard}`;
    const codeOf = new Map(users.map((u, i) => [u, code((i % 5) + 1, Math.floor(i / 5) + 1)]));
    closeQuarter();
    const lea = await logInAs(suite.app, 'lea');
    const north = (await lea.get(`/api/barometer?quarter=${quarter}`)).body.groups.find(
      (g: { name: string }) => g.name === 'Team Nord',
    );
    expect(north).toMatchObject({ suppressed: false, responses: N });

    const byXmin = await db().execute(
      sql`SELECT p.user_id FROM pulse_receipt p JOIN pulse_response r ON r.xmin = p.xmin`,
    );
    expect(byXmin.rows).toHaveLength(0);
    const batches = rowsOf<{ n: number }>(
      await db().execute(sql`SELECT count(*)::int AS n FROM pulse_response GROUP BY xmin::text`),
    );
    for (const b of batches) expect(b.n).toBeGreaterThanOrEqual(MIN_GROUP);
    // The receipts lie in the order people answered; the answers must not.
    const receiptOrder = rowsOf<{ userId: string }>(
      await db().execute(sql`SELECT user_id AS "userId" FROM pulse_receipt ORDER BY ctid`),
    ).map((r) => codeOf.get(r.userId)!);
    for (const order of [sql`ctid`, sql`id`]) {
      const answerOrder = rowsOf<{ c: string }>(
        await db().execute(
          sql`SELECT (answers->>'meaning') || '/' || (answers->>'heard') AS c FROM pulse_response ORDER BY ${order}`,
        ),
      ).map((r) => r.c);
      expect(hits(receiptOrder, answerOrder)).toBeLessThan(N);
    }
    expect(await count('pulse_response')).toBe(N);
    expect(await count('pulse_held')).toBe(0);
  });

  it.skipIf(!postgresUrl)('takes one answer a quarter when one person sends two at once (PostgreSQL)', async () => {
    const anna = await logInAs(suite.app, 'anna');
    const answers = await race(
      postgresUrl!,
      2,
      () => [
        anna.post('/api/pulse', { answers: { meaning: 4 } }),
        anna.post('/api/pulse', { answers: { meaning: 2 } }),
      ],
      `SELECT pg_advisory_xact_lock(${BOX_LOCK.pulse})`,
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(await count('pulse_held')).toBe(1);
    expect(await count('pulse_receipt')).toBe(1);
  });
});

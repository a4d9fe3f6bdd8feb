import { osloToday } from '@tillit/contracts';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import * as t from '../../db/schema.ts';
import { logInAs, type Client, useWorldSuite } from '../../test/harness.ts';
import { postgresUrl, race } from '../../test/race.ts';

/**
 * #19 item 4: what happens once must happen once when requests run side by side. On PGlite the
 * requests run one after the other; on PostgreSQL race.ts makes them overlap (each runs up to
 * its audit row, or waits at the lock the first holds), which is where the doubles came from.
 */
const suite = useWorldSuite();
const db = () => suite.database.db;
const today = osloToday();
const together = <T>(blocked: number, requests: () => Promise<T>[]) =>
  postgresUrl ? race(postgresUrl, blocked, requests) : Promise.all(requests());
const count = async (table: string) =>
  Number((await db().execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))).rows[0].n);
let anna: Client;

beforeEach(async () => {
  anna = await logInAs(suite.app, 'anna');
  // Written straight into the plan, so no visit exists yet (a measure added through the API makes its own).
  await db()
    .insert(t.measures)
    .values({
      recipientId: suite.world.petter.id,
      professionalNeed: 'Behov vurdert av teamet',
      title: 'Morgenstell',
      days: [1, 2, 3, 4, 5, 6, 7],
      windowStart: 480,
      windowEnd: 510,
      durationMinutes: 30,
      usualStaffId: suite.world.staff.anna.id,
      validFrom: '2026-01-01',
    });
});

describe('once, however many ask at the same time', () => {
  it('makes 7 visits for 7 days when three generations run together', async () => {
    const clients = [anna, await logInAs(suite.app, 'anna'), await logInAs(suite.app, 'anna')];
    const answers = await together(3, () =>
      clients.map((c) => c.post(`/api/teams/${suite.world.north.id}/visits/generate`, { from: today, days: 7 })),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    // One made them; the others found them made (generation makes only what is missing).
    expect(answers.map((a) => a.body.created).sort()).toEqual([0, 0, 7]);
    expect(await count('visit')).toBe(7);
    expect(await count('visit_measure')).toBe(7);
  });

  it('documents a visit once when three completions race: one 200, two 409 already_done', async () => {
    await anna.post(`/api/teams/${suite.world.north.id}/visits/generate`, { from: today, days: 1 });
    const [visit] = (await anna.get(`/api/me/day?date=${today}`)).body;
    const clients = [anna, await logInAs(suite.app, 'anna'), await logInAs(suite.app, 'anna')];
    const answers = await together(3, () =>
      clients.map((c, i) =>
        c.post(`/api/visits/${visit.id}/complete`, {
          version: visit.version,
          allAsPlanned: true,
          note: `Dokumentert fra telefon ${i + 1}`,
          observations: [
            { kind: 'pulse', value: 70 + i },
            { kind: 'spo2', value: 95 },
          ],
          conditionChange: 'Mer tungpust enn vanlig',
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.error.code)).toEqual([
      'already_done',
      'already_done',
    ]);
    expect(await count('observation')).toBe(2);
    expect(await count('condition_change')).toBe(1);
    const [row] = (await db().execute(sql`SELECT status, version FROM visit WHERE id = ${visit.id}`)).rows;
    expect(row).toEqual({ status: 'done', version: visit.version + 1 });
    // One completion; the two refused attempts are logged too, each in a row of its own.
    const audits = (
      await db().execute(
        sql`SELECT details->>'refused' AS refused, count(*)::int AS n FROM audit_log WHERE action = 'visit.complete'
             GROUP BY 1 ORDER BY 1 NULLS FIRST`,
      )
    ).rows;
    expect(audits).toEqual([
      { refused: null, n: 1 },
      { refused: 'already_done', n: 2 },
    ]);
  });

  it('refuses a completion based on a visit as it was before a check-in or a move (stale_version)', async () => {
    await anna.post(`/api/teams/${suite.world.north.id}/visits/generate`, { from: today, days: 1 });
    const [visit] = (await anna.get(`/api/me/day?date=${today}`)).body;
    const checkIn = await anna.post(`/api/visits/${visit.id}/check-in`);
    expect(checkIn.body.version).toBe(visit.version + 1);
    const stale = await anna.post(`/api/visits/${visit.id}/complete`, { version: visit.version, allAsPlanned: true });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'stale_version', current: { status: 'started' } });
    expect(await count('observation')).toBe(0);
    const missing = await anna.post(`/api/visits/${visit.id}/complete`, { allAsPlanned: true });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['version']);
    const done = await anna.post(`/api/visits/${visit.id}/complete`, {
      version: checkIn.body.version,
      allAsPlanned: true,
    });
    expect(done.status).toBe(200);
  });

  it('never documents a cancelled visit', async () => {
    await anna.post(`/api/teams/${suite.world.north.id}/visits/generate`, { from: today, days: 1 });
    const [visit] = (await anna.get(`/api/me/day?date=${today}`)).body;
    await db().execute(sql`UPDATE visit SET status = 'cancelled' WHERE id = ${visit.id}`);
    const res = await anna.post(`/api/visits/${visit.id}/complete`, { version: visit.version, allAsPlanned: true });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('visit_cancelled');
  });
});

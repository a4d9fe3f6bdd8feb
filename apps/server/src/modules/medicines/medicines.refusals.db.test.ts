import { osloInstant } from '@tillit/contracts';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Client, useWorldSuite } from '../../test/harness.ts';
import { medicine, medicineStory, nurse } from '../../test/medicines.ts';
import { postgresUrl, race } from '../../test/race.ts';
import { testClock } from '../../time/clock.ts';
import { dosesNotGiven } from './index.ts';

/**
 * What medicines refuse, and what reaches the board. Wednesday 2 December 2026, 12:00 in Oslo:
 * the morning visit (08:00–08:30) is over. Each refusal leaves nothing half-saved; each one of
 * another team's member is a 403 with a `denied` audit row naming the person.
 */
const TODAY = '2026-12-02';
const clock = testClock(osloInstant(TODAY, 12 * 60));
const suite = useWorldSuite({ clock });
const db = () => suite.database.db;
let anna: Client;
let nils: Client;
let hanna: Client;
let bo: Client;
let visitId: string;
const petter = () => suite.world.petter.id;
const together = <T>(blocked: number, requests: () => Promise<T>[]) =>
  postgresUrl ? race(postgresUrl, blocked, requests) : Promise.all(requests());

const count = async (table: string, where = sql`true`) =>
  Number(
    (
      (await db().execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE ${where}`)).rows[0] as {
        n: number;
      }
    ).n,
  );

beforeEach(async () => {
  clock.set(osloInstant(TODAY, 12 * 60));
  ({ anna, nils, hanna, bo, visitId } = await medicineStory(suite, TODAY));
});

const prescribe = async (over: Record<string, unknown> = {}) => {
  const res = await anna.post(`/api/recipients/${petter()}/medications`, medicine(over));
  expect(res.status).toBe(201);
  return res.body as { id: string };
};

describe('bad input is refused with a clear message and nothing half-saved', () => {
  it('refuses an as-needed dose above the maximum per 24 hours', async () => {
    const m = await prescribe({ drugName: 'Oxynorm', times: [], asNeeded: true, maxPer24h: 2, atcCode: 'N02AA05' });
    for (let i = 0; i < 2; i++)
      expect(
        (await anna.post(`/api/recipients/${petter()}/prn-doses`, { medicationId: m.id, reason: 'Smerter' })).status,
      ).toBe(201);
    const third = await anna.post(`/api/recipients/${petter()}/prn-doses`, { medicationId: m.id, reason: 'Smerter' });
    expect(third.status).toBe(400);
    expect(third.body.error.fields[0]).toMatchObject({ field: 'medicationId', code: 'prn_max' });
    expect(third.body.error.fields[0].message).toMatch(/At most 2 doses of Oxynorm in 24 hours; 2 given/);
    expect(await count('dose_administration')).toBe(2);
    // A day later the window has moved on.
    clock.set(osloInstant('2026-12-03', 12 * 60 + 1));
    expect(
      (await anna.post(`/api/recipients/${petter()}/prn-doses`, { medicationId: m.id, reason: 'Smerter' })).status,
    ).toBe(201);
  });

  it('refuses a dose signed by someone without a valid delegation, naming staffId', async () => {
    await prescribe();
    const res = await hanna.post(`/api/visits/${visitId}/doses`, { allAsPlanned: true });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([expect.objectContaining({ field: 'staffId', code: 'no_delegation' })]);
    expect(await count('dose_administration')).toBe(0);
    // Recording that a dose was not given needs no delegation: anyone at the door may say so.
    const notGiven = await hanna.post(`/api/visits/${visitId}/doses`, {
      doses: [
        {
          medicationId: (await anna.get(`/api/visits/${visitId}/doses`)).body.doses[0].medicationId,
          time: '08:00',
          status: 'not_given',
          notGivenReason: 'not_home',
        },
      ],
    });
    expect(notGiven.status).toBe(200);
  });

  it('refuses a second signature by the giver, and by someone without a delegation', async () => {
    await prescribe({
      drugName: 'Insulin',
      form: 'injection',
      route: 'subcutaneous',
      times: ['08:15'],
      atcCode: 'A10AE04',
    });
    await anna.post(`/api/visits/${visitId}/doses`, { allAsPlanned: true });
    const dose = (await anna.get(`/api/visits/${visitId}/doses`)).body.doses[0];
    expect(dose).toMatchObject({ highRisk: true, awaitingSecond: true });
    const same = await anna.post(`/api/doses/${dose.administrationId}/second-signature`);
    expect(same.status).toBe(400);
    expect(same.body.error.fields[0]).toMatchObject({ field: 'staffId', code: 'same_person' });
    const lapsed = await hanna.post(`/api/doses/${dose.administrationId}/second-signature`);
    expect(lapsed.status).toBe(400);
    expect(lapsed.body.error.fields[0]).toMatchObject({ field: 'staffId', code: 'no_delegation' });
    expect(await count('dose_administration', sql`second_by IS NOT NULL`)).toBe(0);
    expect((await nils.post(`/api/doses/${dose.administrationId}/second-signature`)).status).toBe(200);
  });

  it('refuses a stop date before the start, on the new medicine and on a change', async () => {
    const bad = await anna.post(
      `/api/recipients/${petter()}/medications`,
      medicine({ startDate: '2026-12-10', stopDate: '2026-12-01' }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]).toMatchObject({ field: 'stopDate' });
    expect(await count('medication')).toBe(0);
    const m = await prescribe();
    const change = await anna.patch(`/api/medications/${m.id}`, {
      version: 1,
      stopDate: '2026-10-01',
      source: 'gp_letter',
      reason: 'Seponert',
    });
    expect(change.status).toBe(400);
    expect(change.body.error.fields[0]).toMatchObject({ field: 'stopDate', code: 'before_start' });
    expect(await count('medication_version')).toBe(1);
    expect(await count('medication', sql`version = 1 AND valid_until IS NULL`)).toBe(1);
  });
});

describe('access', () => {
  it('answers a member of another team 403 with a denied audit row on the list and the doses', async () => {
    const m = await prescribe();
    const denied = () => count('audit_log', sql`basis = 'denied' AND recipient_id = ${petter()}`);
    const calls = [
      () => bo.get(`/api/recipients/${petter()}/medications`),
      () => bo.post(`/api/recipients/${petter()}/medications`, medicine()),
      () => bo.patch(`/api/medications/${m.id}`, { version: 1, dose: '2', source: 'gp_letter', reason: 'Endret' }),
      () => bo.get(`/api/visits/${visitId}/doses`),
      () => bo.post(`/api/visits/${visitId}/doses`, { allAsPlanned: true }),
    ];
    for (const call of calls) {
      const before = await denied();
      expect((await call()).status).toBe(403);
      expect(await denied()).toBe(before + 1);
    }
    expect(await count('dose_administration')).toBe(0);
    expect(await count('medication')).toBe(1);
    expect((await bo.get(`/api/teams/${suite.world.north.id}/medicines/board`)).status).toBe(403);
  });
});

describe('doses not given reach the board and the handover', () => {
  it('lists a refused dose with its reason and a missed one, and leaves the given ones out', async () => {
    // Started today: the board looks two days back, and earlier days' doses would be missed too.
    await prescribe({ startDate: TODAY });
    await prescribe({ drugName: 'Furix', strength: '40 mg', times: ['08:15'], startDate: TODAY });
    await prescribe({ drugName: 'Albyl-E', strength: '75 mg', times: ['08:30'], startDate: TODAY });
    const doses = (await anna.get(`/api/visits/${visitId}/doses`)).body.doses as {
      medicationId: string;
      drugName: string;
    }[];
    const id = (name: string) => doses.find((d) => d.drugName === name)!.medicationId;
    expect(
      (
        await anna.post(`/api/visits/${visitId}/doses`, {
          doses: [
            {
              medicationId: id('Metoprolol'),
              time: '08:00',
              status: 'not_given',
              notGivenReason: 'refused',
              note: 'Ville ikke',
            },
            { medicationId: id('Albyl-E'), time: '08:30', status: 'given' },
          ],
        })
      ).status,
    ).toBe(200);
    const rows = await dosesNotGiven(db(), {
      teamId: suite.world.north.id,
      from: osloInstant(TODAY, 0),
      to: osloInstant(TODAY, 12 * 60),
    });
    expect(rows.map((r) => [r.drugName, r.status, r.reason, r.plannedAt])).toEqual([
      ['Furix', 'missed', null, osloInstant(TODAY, 495).toISOString()],
      ['Metoprolol', 'refused', 'refused', osloInstant(TODAY, 480).toISOString()],
    ]);
    // Before the visit's window ended nothing was missed yet.
    const early = await dosesNotGiven(db(), {
      teamId: suite.world.north.id,
      from: osloInstant(TODAY, 0),
      to: osloInstant(TODAY, 8 * 60 + 20),
    });
    expect(early.map((r) => r.status)).toEqual(['refused']);
    const board = (await anna.get(`/api/teams/${suite.world.north.id}/medicines/board`)).body;
    expect(board.notGiven.map((r: { person: string; status: string }) => [r.person, r.status])).toEqual([
      ['Petter Person', 'missed'],
      ['Petter Person', 'refused'],
    ]);
    // The other team's board knows nothing of Petter.
    expect(
      await dosesNotGiven(db(), {
        teamId: suite.world.south.id,
        from: osloInstant(TODAY, 0),
        to: osloInstant(TODAY, 12 * 60),
      }),
    ).toEqual([]);
  });
});

describe('once, whatever races (PostgreSQL)', () => {
  it('gives the same dose once when two helpers record it at the same moment', async () => {
    const m = await prescribe();
    const body = { doses: [{ medicationId: m.id, time: '08:00', status: 'given' }] };
    const answers = await together(2, () => [
      anna.post(`/api/visits/${visitId}/doses`, body),
      nils.post(`/api/visits/${visitId}/doses`, body),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(await count('dose_administration')).toBe(1);
  });

  it('takes one second signature when two people sign at once', async () => {
    await prescribe({ drugName: 'Insulin', times: ['08:15'], atcCode: 'A10AE04' });
    await anna.post(`/api/visits/${visitId}/doses`, { allAsPlanned: true });
    const dose = (await anna.get(`/api/visits/${visitId}/doses`)).body.doses[0];
    const third = await nurse(suite, 'Ola', null);
    const answers = await together(2, () => [
      nils.post(`/api/doses/${dose.administrationId}/second-signature`),
      third.post(`/api/doses/${dose.administrationId}/second-signature`),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  });

  it('keeps as-needed doses within the maximum when two are given at once', async () => {
    const m = await prescribe({ drugName: 'Oxynorm', times: [], asNeeded: true, maxPer24h: 1, atcCode: 'N02AA05' });
    const give = (c: Client) =>
      c.post(`/api/recipients/${petter()}/prn-doses`, { medicationId: m.id, reason: 'Smerter' });
    // The second waits for the first's row lock on the medicine, then counts its dose.
    const answers = await together(2, () => [give(anna), give(nils)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 400]);
    expect(await count('dose_administration')).toBe(1);
  });
});

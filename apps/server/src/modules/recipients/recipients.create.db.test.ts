import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildNationalId } from '../../test/factories.ts';
import { logInAs, useWorldSuite } from '../../test/harness.ts';

const suite = useWorldSuite();

const count = async () =>
  Number((await suite.database.db.execute(sql`SELECT count(*)::int AS n FROM recipient`)).rows[0].n);

function person(overrides: Record<string, unknown> = {}) {
  return {
    teamId: suite.world.north.id,
    givenName: 'Ny',
    familyName: 'Bruker',
    nationalId: buildNationalId(),
    addressLine: 'Kolstadgata 3',
    postalCode: '0652',
    city: 'Oslo',
    lat: 59.912,
    lon: 10.771,
    consentShareWithNextOfKin: true,
    ...overrides,
  };
}

describe('registering a person served', () => {
  it('creates the person for the team, derives the birth date and logs it', async () => {
    const anna = await logInAs(suite.app, 'anna');
    const input = person();
    const res = await anna.post('/api/recipients', input);
    expect(res.status).toBe(201);
    const read = await anna.get(`/api/recipients/${res.body.id}`);
    expect(read.body.record.nationalId).toBe(input.nationalId);
    expect(read.body.record.birthDate).toMatch(/^19\d\d-\d\d-\d\d$/);
    expect(read.body.record).toMatchObject({ consentShareWithNextOfKin: true, reservationAgainstSharing: false });
    expect(read.body.record.teams).toEqual([expect.objectContaining({ id: suite.world.north.id })]);
    const [audit] = (
      await suite.database.db.execute(
        sql`SELECT basis, recipient_id AS "recipientId" FROM audit_log WHERE action = 'record.create'`,
      )
    ).rows;
    expect(audit).toEqual({ basis: 'care_relation', recipientId: res.body.id });
  });

  it('explains which check digit is wrong', async () => {
    const anna = await logInAs(suite.app, 'anna');
    const good = buildNationalId();
    const bad = good.slice(0, 9) + ((Number(good[9]) + 1) % 10) + good[10];
    const res = await anna.post('/api/recipients', person({ nationalId: bad }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([
      expect.objectContaining({
        field: 'nationalId',
        code: 'nationalId.checkDigit1',
        message: expect.stringContaining('check digit'),
      }),
    ]);
    expect(await count()).toBe(1);
  });

  it.each([
    [{ nationalId: '123' }, 'nationalId'],
    [{ nationalId: '1234567890a' }, 'nationalId'],
    [{ givenName: '' }, 'givenName'],
    [{ postalCode: 'abcd' }, 'postalCode'],
    [{ lat: 'north' }, 'lat'],
    [{ teamId: 'not-a-uuid' }, 'teamId'],
    [{ birthDate: '1901-01-01' }, 'birthDate'],
    [{ consentShareWithNextOfKin: undefined }, 'consentShareWithNextOfKin'],
    [{ lon: 40 }, 'lon'],
  ])('bad input %j is refused naming %s and nothing is saved', async (overrides, field) => {
    const anna = await logInAs(suite.app, 'anna');
    const res = await anna.post('/api/recipients', person(overrides));
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(await count()).toBe(1);
  });

  it('refuses a duplicate national identity number with 409 in plain words, and logs the attempt against that person', async () => {
    const anna = await logInAs(suite.app, 'anna');
    const res = await anna.post('/api/recipients', person({ nationalId: suite.world.petter.nationalId }));
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: { code: 'national_id_registered', message: expect.any(String) } });
    // Nothing that names the schema: no constraint, table or column, no driver text.
    expect(res.body.error.message).not.toMatch(/constraint|unique|recipient|national_id|duplicate key|_idx|_key/i);
    expect(JSON.stringify(res.body)).not.toMatch(/constraint|recipient_|_unique/);
    expect(await count()).toBe(1);
    const audit = await suite.database.db.execute(
      sql`SELECT actor_user_id, recipient_id, basis, details FROM audit_log WHERE action = 'record.create'`,
    );
    expect(audit.rows).toEqual([
      {
        actor_user_id: suite.world.users.anna.id,
        recipient_id: suite.world.petter.id,
        basis: 'denied',
        details: { refused: 'national_id_registered', teamId: suite.world.north.id },
      },
    ]);
  });

  it('only for one of the actor’s own teams', async () => {
    const anna = await logInAs(suite.app, 'anna');
    expect((await anna.post('/api/recipients', person({ teamId: suite.world.south.id }))).status).toBe(403);
    const lea = await logInAs(suite.app, 'lea');
    expect((await lea.post('/api/recipients', person())).status).toBe(403);
    expect(await count()).toBe(1);
    // Each refusal is in the log, naming the team it was tried for.
    const refused = (
      await suite.database.db.execute(
        sql`SELECT actor_name AS actor, basis, details->>'teamId' AS team FROM audit_log WHERE action = 'record.create' ORDER BY seq`,
      )
    ).rows;
    expect(refused).toEqual([
      { actor: 'Anna Nordmann', basis: 'denied', team: suite.world.south.id },
      { actor: 'Lea Leder', basis: 'denied', team: suite.world.north.id },
    ]);
  });
});

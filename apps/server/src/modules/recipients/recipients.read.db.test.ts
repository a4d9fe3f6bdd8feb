import { recordResponse } from '@tillit/contracts';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { logInAs, useWorldSuite } from '../../test/harness.ts';

const suite = useWorldSuite();
afterEach(() => vi.useRealTimers());

describe('the record read path', () => {
  it('answers the same record as the write path builds in one statement, team members included', async () => {
    const anna = await logInAs(suite.app, 'anna');
    const url = `/api/recipients/${suite.world.petter.id}`;
    await anna.post(`${url}/next-of-kin`, { name: 'Kari Nordmann', relation: 'datter', isClosest: true });
    const read = (await anna.get(url)).body.record;
    const written = (await anna.patch(url, { version: read.version, city: read.city })).body.record;
    const { version: _v1, updatedAt: _u1, ...readRest } = read;
    const { version: _v2, updatedAt: _u2, ...writtenRest } = written;
    expect(readRest).toEqual(writtenRest);
    expect(read.teamMembers).toEqual([
      expect.objectContaining({ name: 'Anna Nordmann', profession: 'sykepleier', competences: expect.any(Array) }),
    ]);
  });

  it("answers exactly the contract, though the read passes PostgreSQL's text through without the serializer", async () => {
    const anna = await logInAs(suite.app, 'anna');
    const url = `/api/recipients/${suite.world.petter.id}`;
    await anna.post(`${url}/next-of-kin`, { name: 'Kari Nordmann', relation: 'datter', isClosest: true });
    const body = (await anna.get(url)).body;
    // strict: a field the contract does not declare would fail here as well as a missing one.
    const strict = recordResponse.extend({ record: recordResponse.shape.record.strict() }).strict();
    expect(strict.parse(body)).toEqual(body);
    expect(body.record.nextOfKin).toHaveLength(1);
    expect(body.record.primaryContact).toMatchObject({ name: 'Anna Nordmann' });
  });

  it('shows a change of the team within seconds: the member list is shared by reads for 5 s only', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date() });
    const anna = await logInAs(suite.app, 'anna');
    const url = `/api/recipients/${suite.world.petter.id}`;
    expect((await anna.get(url)).body.record.teamMembers).toHaveLength(1);
    await suite.database.db.execute(sql`INSERT INTO team_membership (team_id, staff_id, valid_from)
      VALUES (${suite.world.north.id}, ${suite.world.staff.bo.id}, current_date)`);
    vi.setSystemTime(Date.now() + 6000);
    const names = (await anna.get(url)).body.record.teamMembers.map((m: { name: string }) => m.name);
    expect(names.sort()).toEqual(['Anna Nordmann', 'Bo Sørli']);
  });
});

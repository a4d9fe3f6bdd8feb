import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { logInAs, useWorldSuite } from '../../test/harness.ts';

/**
 * Finding 3 of #18: a stale PATCH of a person answered 409 with the whole record, national
 * identity number included, and the audit row of that view was rolled back with the failed
 * write. The 409 now carries only what the client needs to merge, and the attempt is logged.
 */
const suite = useWorldSuite();

const auditRows = async (action: string) =>
  (
    await suite.database.db.execute(
      sql`SELECT actor_user_id, recipient_id, basis, details FROM audit_log WHERE action = ${action} ORDER BY seq`,
    )
  ).rows;

describe('a stale change to a person', () => {
  it('answers 409 with the version and the changed fields only, never the national identity number', async () => {
    const anna = await logInAs(suite.app, 'anna');
    const url = `/api/recipients/${suite.world.petter.id}`;
    expect((await anna.patch(url, { version: 1, phone: '11111111', city: 'Oslo' })).status).toBe(200);
    const stale = await anna.patch(url, { version: 1, phone: '22222222' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toEqual({
      code: 'stale_version',
      message: expect.any(String),
      current: { phone: '11111111', version: 2 },
    });
    const text = JSON.stringify(stale.body);
    expect(text).not.toContain(suite.world.petter.nationalId);
    expect(text).not.toMatch(/nationalId|givenName|familyName|nextOfKin|birthDate/);
  });

  it('leaves a committed audit row saying what the refused write showed', async () => {
    const anna = await logInAs(suite.app, 'anna');
    const url = `/api/recipients/${suite.world.petter.id}`;
    await anna.patch(url, { version: 1, phone: '11111111' });
    await anna.patch(url, { version: 1, phone: '22222222', reservationNote: 'Ikke del' });
    expect(await auditRows('record.update')).toEqual([
      {
        actor_user_id: suite.world.users.anna.id,
        recipient_id: suite.world.petter.id,
        basis: 'care_relation',
        details: { fields: ['phone'] },
      },
      {
        actor_user_id: suite.world.users.anna.id,
        recipient_id: suite.world.petter.id,
        basis: 'care_relation',
        details: { refused: 'stale_version', shown: ['phone', 'reservationNote'] },
      },
    ]);
    // The refused write changed nothing.
    expect((await anna.get(url)).body.record).toMatchObject({ phone: '11111111', reservationNote: null, version: 2 });
  });

  it('logs a refusal found inside the write under emergency access, with its reason', async () => {
    const bo = await logInAs(suite.app, 'bo');
    const url = `/api/recipients/${suite.world.petter.id}`;
    const reason = 'Akutt: Petter svarer ikke på telefon';
    expect((await bo.post(`${url}/emergency-access`, { reason })).status).toBe(201);
    const res = await bo.patch(url, { version: 1, primaryContactStaffId: suite.world.staff.bo.id });
    expect(res.status).toBe(400);
    const rows = await auditRows('record.update');
    expect(rows).toEqual([
      expect.objectContaining({
        basis: 'emergency',
        details: { refused: 'invalid_input', emergencyReason: reason },
      }),
    ]);
  });
});

import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { logInAs, useWorldSuite } from '../../test/harness.ts';

/**
 * Finding 3 of #18, in the care plan: a stale change to a measure answered 409 with the
 * whole measure, and the audit row of that view was rolled back with the failed write.
 */
const suite = useWorldSuite();

async function measureOfPetter() {
  const anna = await logInAs(suite.app, 'anna');
  const res = await anna.post(`/api/recipients/${suite.world.petter.id}/measures`, {
    title: 'Morgenstell med veiledning',
    how: 'Petter gjør mest selv; han vil ikke at naboen skal vite om hjelpen',
    professionalNeed: 'Nedsatt balanse etter hjerneslag',
    days: [1, 2, 3, 4, 5],
    windowStart: '08:00',
    windowEnd: '08:30',
    durationMinutes: 30,
    decidedWithPerson: true,
  });
  expect(res.status).toBe(201);
  return { anna, url: `/api/measures/${res.body.id}` };
}

describe('a stale change to a measure', () => {
  it('answers 409 with the version and the changed fields only', async () => {
    const { anna, url } = await measureOfPetter();
    const change = { reason: 'Petter vil sove lenger', decidedWithPerson: true };
    expect((await anna.patch(url, { version: 1, title: 'Morgenstell', ...change })).status).toBe(200);
    const stale = await anna.patch(url, { version: 1, title: 'Stell', ...change });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toEqual({ title: 'Morgenstell', version: 2 });
    expect(JSON.stringify(stale.body)).not.toMatch(/naboen|hjerneslag|recipientId/);
  });

  it('leaves a committed audit row saying what the refused write showed', async () => {
    const { anna, url } = await measureOfPetter();
    const change = { reason: 'Petter vil sove lenger', decidedWithPerson: true };
    await anna.patch(url, { version: 1, windowStart: '09:00', windowEnd: '09:30', ...change });
    await anna.patch(url, { version: 1, windowStart: '10:00', windowEnd: '10:30', ...change });
    const rows = (
      await suite.database.db.execute(
        sql`SELECT recipient_id, basis, details FROM audit_log WHERE action = 'care.measure.change' ORDER BY seq`,
      )
    ).rows as { recipient_id: string; basis: string; details: Record<string, unknown> }[];
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual({
      recipient_id: suite.world.petter.id,
      basis: 'care_relation',
      details: { refused: 'stale_version', shown: ['windowStart', 'windowEnd'] },
    });
  });
});

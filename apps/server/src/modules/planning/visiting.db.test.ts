import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import * as t from '../../db/schema.ts';
import { logInAs, useWorldSuite } from '../../test/harness.ts';

const suite = useWorldSuite();
const db = () => suite.database.db;
const view = (token: string) => suite.app.inject({ method: 'GET', url: `/api/visiting/${token}` });
const tokenOf = (made: { body: { path: string } }) => made.body.path.replace('/who/', '');
const lastAudit = async () =>
  (
    await db().execute(
      sql`SELECT action, basis, recipient_id AS "recipientId", details FROM audit_log ORDER BY seq DESC LIMIT 1`,
    )
  ).rows[0];

async function kin(consent: boolean) {
  await db().execute(
    sql`UPDATE recipient SET consent_share_with_next_of_kin = ${consent} WHERE id = ${suite.world.petter.id}`,
  );
  const [k] = await db()
    .insert(t.nextOfKin)
    .values({ recipientId: suite.world.petter.id, name: 'Kari Datter', relation: 'datter', isClosest: true })
    .returning();
  return k.id;
}

describe('«Hvem kommer?» links (finding 7)', () => {
  it('never show the person’s name, and expire after 30 days by default', async () => {
    const anna = await logInAs(suite.app, 'anna');
    const made = await anna.post(`/api/recipients/${suite.world.petter.id}/visiting-link`, { for: 'person' });
    expect(made.status).toBe(201);
    const days = (Date.parse(made.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    const open = await view(tokenOf(made));
    expect(open.statusCode).toBe(200);
    expect(open.body).not.toContain('Petter');
    expect(Object.keys(open.json()).sort()).toEqual(['expiresAt', 'visits']);
    await db().execute(sql`UPDATE visiting_link SET expires_at = now() - interval '1 second'`);
    expect((await view(tokenOf(made))).statusCode).toBe(404);
  });

  it('end with the care relation of the team that made them', async () => {
    const anna = await logInAs(suite.app, 'anna');
    const made = await anna.post(`/api/recipients/${suite.world.petter.id}/visiting-link`, { for: 'person' });
    expect((await view(tokenOf(made))).statusCode).toBe(200);
    // Petter moves to team South: North no longer serves him, so North's link stops working.
    await db().execute(
      sql`UPDATE recipient_team SET valid_until = current_date - 1 WHERE recipient_id = ${suite.world.petter.id}`,
    );
    await db().insert(t.recipientTeams).values({ recipientId: suite.world.petter.id, teamId: suite.world.south.id });
    expect((await view(tokenOf(made))).statusCode).toBe(404);
  });

  it('are made only by the serving team, not on emergency access (refused and audited)', async () => {
    const bo = await logInAs(suite.app, 'bo');
    expect(
      (await bo.post(`/api/recipients/${suite.world.petter.id}/emergency-access`, { reason: 'Legevakten ringer nå' }))
        .status,
    ).toBe(201);
    const res = await bo.post(`/api/recipients/${suite.world.petter.id}/visiting-link`, { for: 'person' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('serving_team_only');
    expect(await lastAudit()).toMatchObject({
      action: 'visiting_link.create',
      basis: 'denied',
      recipientId: suite.world.petter.id,
    });
    expect((await db().execute(sql`SELECT count(*)::int AS n FROM visiting_link`)).rows[0].n).toBe(0);
  });

  it('for next of kin need the person’s consent, and stop when it is withdrawn', async () => {
    const anna = await logInAs(suite.app, 'anna');
    const kariId = await kin(false);
    const refused = await anna.post(`/api/recipients/${suite.world.petter.id}/visiting-link`, {
      for: 'next_of_kin',
      nextOfKinId: kariId,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('no_consent');
    expect((await db().execute(sql`SELECT count(*)::int AS n FROM visiting_link`)).rows[0].n).toBe(0);
    // The person's own link needs no consent.
    const own = await anna.post(`/api/recipients/${suite.world.petter.id}/visiting-link`, { for: 'person' });
    expect(own.status).toBe(201);

    await db().execute(sql`UPDATE recipient SET consent_share_with_next_of_kin = true`);
    const forKari = await anna.post(`/api/recipients/${suite.world.petter.id}/visiting-link`, {
      for: 'next_of_kin',
      nextOfKinId: kariId,
    });
    expect(forKari.status).toBe(201);
    expect(await lastAudit()).toMatchObject({
      action: 'visiting_link.create',
      basis: 'care_relation',
      details: { for: 'next_of_kin', nextOfKinId: kariId },
    });
    // A link for Kari does not end the person's own link.
    expect((await view(tokenOf(own))).statusCode).toBe(200);
    expect((await view(tokenOf(forKari))).statusCode).toBe(200);

    await db().execute(sql`UPDATE recipient SET consent_share_with_next_of_kin = false`);
    expect((await view(tokenOf(forKari))).statusCode).toBe(404);
    expect((await view(tokenOf(own))).statusCode).toBe(200);
  });

  it('name a next of kin of this person, or are refused naming the field', async () => {
    const anna = await logInAs(suite.app, 'anna');
    await kin(true);
    const stranger = await anna.post(`/api/recipients/${suite.world.petter.id}/visiting-link`, {
      for: 'next_of_kin',
      nextOfKinId: '00000000-0000-4000-8000-000000000000',
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.fields[0].field).toBe('nextOfKinId');
    const missing = await anna.post(`/api/recipients/${suite.world.petter.id}/visiting-link`, { for: 'next_of_kin' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields[0].field).toBe('nextOfKinId');
  });
});

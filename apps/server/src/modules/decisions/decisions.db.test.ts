import { beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import * as t from '../../db/schema.ts';
import { createUser } from '../accounts/accounts.service.ts';
import { PASSWORD } from '../../test/factories.ts';
import { logInAs, type Client, useWorldSuite } from '../../test/harness.ts';
import { postgresUrl, race } from '../../test/race.ts';

const suite = useWorldSuite();
const together = <T>(blocked: number, requests: () => Promise<T>[]) =>
  postgresUrl ? race(postgresUrl, blocked, requests) : Promise.all(requests());
let anna: Client;

beforeEach(async () => {
  await suite.database.db
    .insert(t.teamFrames)
    .values({ teamId: suite.world.north.id, serviceType: 'hjemmesykepleie', maxHoursPerWeek: 5 });
  anna = await logInAs(suite.app, 'anna');
});

const decision = (hours: number, extra: Record<string, unknown> = {}) => ({
  serviceType: 'hjemmesykepleie',
  hoursPerWeek: hours,
  validFrom: '2026-12-01',
  needsAndWishes: 'Petter vil bo hjemme og klare morgenstellet selv med litt støtte.',
  reasons: 'Trenger hjelp med medisiner og tilsyn etter fall i november.',
  ...extra,
});
const status = async () =>
  (
    await suite.database.db.execute(
      sql`SELECT hours_per_week::float AS h, status FROM service_decision ORDER BY decided_at`,
    )
  ).rows;

describe('service decisions inside the team’s frame', () => {
  it('takes effect at once within the frame and replaces the earlier decision', async () => {
    expect(
      (await anna.post(`/api/recipients/${suite.world.petter.id}/service-decisions`, decision(3))).body,
    ).toMatchObject({ status: 'active', withinFrame: true });
    await anna.post(`/api/recipients/${suite.world.petter.id}/service-decisions`, decision(4.5));
    expect(await status()).toEqual([
      { h: 3, status: 'superseded' },
      { h: 4.5, status: 'active' },
    ]);
  });

  it('waits for a second team member’s co-signature beyond the frame, shown on the board', async () => {
    const res = await anna.post(`/api/recipients/${suite.world.petter.id}/service-decisions`, decision(8));
    expect(res.body).toMatchObject({ status: 'awaiting_cosign', withinFrame: false });
    expect((await anna.get(`/api/teams/${suite.world.north.id}/board`)).body.awaitingCosign).toHaveLength(1);
    expect((await anna.post(`/api/service-decisions/${res.body.id}/cosign`)).status).toBe(403);
    // A second member of team North co-signs.
    const [s] = await suite.database.db
      .insert(t.staff)
      .values({ districtId: suite.world.district.id, givenName: 'Nils', familyName: 'Nord', profession: 'sykepleier' })
      .returning();
    await suite.database.db
      .insert(t.teamMemberships)
      .values({ teamId: suite.world.north.id, staffId: s.id, validFrom: '2020-01-01' });
    await createUser(suite.database.db, {
      username: 'nils',
      password: PASSWORD,
      role: 'member',
      displayName: 'Nils Nord',
      staffId: s.id,
      districtId: suite.world.district.id,
    });
    const nils = await logInAs(suite.app, 'nils');
    expect((await nils.post(`/api/service-decisions/${res.body.id}/cosign`)).body).toMatchObject({ status: 'active' });
  });

  it('produces the letter as a PDF, logged as a read of the record', async () => {
    const d = await anna.post(`/api/recipients/${suite.world.petter.id}/service-decisions`, decision(3));
    const res = await suite.app.inject({
      method: 'GET',
      url: `/api/service-decisions/${d.body.id}/letter.pdf`,
      cookies: await cookieOf('anna'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.subarray(-6).toString()).toContain('%%EOF');
    const [row] = (await suite.database.db.execute(sql`SELECT action, basis FROM audit_log ORDER BY seq DESC LIMIT 1`))
      .rows;
    expect(row).toEqual({ action: 'decision.letter', basis: 'care_relation' });
    const bo = await cookieOf('bo');
    expect(
      (await suite.app.inject({ method: 'GET', url: `/api/service-decisions/${d.body.id}/letter.pdf`, cookies: bo }))
        .statusCode,
    ).toBe(403);
  });

  it('prints a decision still waiting for its co-signature as a draft, each with its case number', async () => {
    const pdf = async (id: string) =>
      (
        await suite.app.inject({
          method: 'GET',
          url: `/api/service-decisions/${id}/letter.pdf`,
          cookies: await cookieOf('anna'),
        })
      ).rawPayload.toString('latin1');
    const active = await anna.post(`/api/recipients/${suite.world.petter.id}/service-decisions`, decision(3));
    const waiting = await anna.post(`/api/recipients/${suite.world.petter.id}/service-decisions`, decision(8));
    expect(waiting.body.status).toBe('awaiting_cosign');
    const number = (id: string) => `Saksnummer \\d{4}/${id.slice(0, 8).toUpperCase()}`;
    expect(await pdf(waiting.body.id)).toMatch(new RegExp(`${number(waiting.body.id)} UTKAST`));
    const final = await pdf(active.body.id);
    expect(final).toMatch(new RegExp(number(active.body.id)));
    expect(final).not.toContain('UTKAST');
  });

  it.each([
    [{ serviceType: 'massasje' }, 'serviceType'],
    [{ hoursPerWeek: -1 }, 'hoursPerWeek'],
    [{ validUntil: '2026-01-01' }, 'validUntil'],
    [{ reasons: '' }, 'reasons'],
  ])('refuses %j naming %s, saving nothing', async (extra, field) => {
    const res = await anna.post(`/api/recipients/${suite.world.petter.id}/service-decisions`, decision(3, extra));
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].field).toBe(field);
    expect(await status()).toEqual([]);
  });
});

/** Adds a member of team North with a log-in, for a second (and third) signature. */
async function northMember(username: string) {
  const [s] = await suite.database.db
    .insert(t.staff)
    .values({ districtId: suite.world.district.id, givenName: username, familyName: 'Nord', profession: 'sykepleier' })
    .returning();
  await suite.database.db
    .insert(t.teamMemberships)
    .values({ teamId: suite.world.north.id, staffId: s.id, validFrom: '2020-01-01' });
  await createUser(suite.database.db, {
    username,
    password: PASSWORD,
    role: 'member',
    displayName: `${username} Nord`,
    staffId: s.id,
    districtId: suite.world.district.id,
  });
  return logInAs(suite.app, username);
}

describe('co-signing beyond the frame (finding 8)', () => {
  it('is refused to another team on emergency access, audited, and the decision keeps waiting', async () => {
    const d = await anna.post(`/api/recipients/${suite.world.petter.id}/service-decisions`, decision(8));
    const bo = await logInAs(suite.app, 'bo');
    expect(
      (await bo.post(`/api/recipients/${suite.world.petter.id}/emergency-access`, { reason: 'Legevakten ringer nå' }))
        .status,
    ).toBe(201);
    // The emergency access opens the record to Bo…
    expect((await bo.get(`/api/recipients/${suite.world.petter.id}`)).status).toBe(200);
    // …but does not make Bo one of the team that decides.
    const res = await bo.post(`/api/service-decisions/${d.body.id}/cosign`);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('serving_team_only');
    const [row] = (
      await suite.database.db.execute(
        sql`SELECT action, basis, recipient_id AS "recipientId" FROM audit_log ORDER BY seq DESC LIMIT 1`,
      )
    ).rows;
    expect(row).toEqual({ action: 'decision.cosign', basis: 'denied', recipientId: suite.world.petter.id });
    expect(await status()).toEqual([{ h: 8, status: 'awaiting_cosign' }]);
    // Nor may Bo decide on the team's behalf.
    expect((await bo.post(`/api/recipients/${suite.world.petter.id}/service-decisions`, decision(2))).status).toBe(403);
  });

  it('takes effect once when two members co-sign at the same moment', async () => {
    const d = await anna.post(`/api/recipients/${suite.world.petter.id}/service-decisions`, decision(8));
    const [nils, nora] = [await northMember('nils'), await northMember('nora')];
    // On PostgreSQL both run up to their last statement before either commits (race.ts).
    const answers = await together(2, () => [
      nils.post(`/api/service-decisions/${d.body.id}/cosign`),
      nora.post(`/api/service-decisions/${d.body.id}/cosign`),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const rows = (
      await suite.database.db.execute(
        sql`SELECT status, cosigned_by IS NOT NULL AS signed FROM service_decision WHERE id = ${d.body.id}`,
      )
    ).rows;
    expect(rows).toEqual([{ status: 'active', signed: true }]);
    // One co-signature (a refused attempt of the loser may be logged in a row of its own).
    const cosigns = (
      await suite.database.db.execute(
        sql`SELECT details->>'refused' AS refused FROM audit_log WHERE action = 'decision.cosign' AND basis = 'care_relation'`,
      )
    ).rows.map((r) => r.refused);
    expect(cosigns.filter((refused) => refused === null)).toHaveLength(1);
    // A later co-signature is refused too: the decision is no longer waiting.
    expect((await nils.post(`/api/service-decisions/${d.body.id}/cosign`)).status).toBe(409);
  });

  it('leaves one decision in force when two waiting decisions are co-signed at once', async () => {
    const d1 = await anna.post(`/api/recipients/${suite.world.petter.id}/service-decisions`, decision(8));
    const d2 = await anna.post(`/api/recipients/${suite.world.petter.id}/service-decisions`, decision(9));
    const [nils, nora] = [await northMember('nils'), await northMember('nora')];
    const answers = await together(2, () => [
      nils.post(`/api/service-decisions/${d1.body.id}/cosign`),
      nora.post(`/api/service-decisions/${d2.body.id}/cosign`),
    ]);
    // One after the other (PGlite), the later supersedes the earlier; racing (PostgreSQL), the loser gets 409.
    expect(answers.map((a) => a.status).sort()).toEqual(postgresUrl ? [200, 409] : [200, 200]);
    if (postgresUrl) expect(answers.find((a) => a.status === 409)?.body.error.code).toBe('decision_changed');
    const active = (
      await suite.database.db.execute(sql`SELECT count(*)::int AS n FROM service_decision WHERE status = 'active'`)
    ).rows[0].n;
    expect(active).toBe(1);
  });
});

async function cookieOf(username: string) {
  const res = await suite.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: PASSWORD },
  });
  return { tillit_session: res.cookies.find((c) => c.name === 'tillit_session')!.value };
}

describe('the team’s frames (finding 2: read with nothing but a session)', () => {
  const refusals = async () =>
    (
      await suite.database.db.execute(
        sql`SELECT actor_name AS actor, details->>'teamId' AS team FROM audit_log
             WHERE action = 'team.frames' AND basis = 'denied' ORDER BY seq`,
      )
    ).rows;

  it('shows them to the team’s members, leaders of its district and administrators', async () => {
    const frames = `/api/teams/${suite.world.north.id}/frames`;
    for (const who of ['anna', 'lea', 'ada']) {
      const res = await (await logInAs(suite.app, who)).get(frames);
      expect(res.status, who).toBe(200);
      expect(res.body).toMatchObject([{ serviceType: 'hjemmesykepleie', maxHoursPerWeek: 5 }]);
    }
    expect(await refusals()).toEqual([]);
  });

  it('refuses a member of another team and a leader of another district, with an audit row each', async () => {
    const [other] = await suite.database.db
      .insert(t.districts)
      .values({ municipalityId: suite.world.municipality.id, name: 'Bydel Annen' })
      .returning();
    await createUser(suite.database.db, {
      username: 'olav',
      password: PASSWORD,
      role: 'leader',
      displayName: 'Olav Annen',
      districtId: other.id,
    });
    const frames = `/api/teams/${suite.world.north.id}/frames`;
    for (const who of ['bo', 'olav']) {
      const res = await (await logInAs(suite.app, who)).get(frames);
      expect(res.status, who).toBe(403);
      expect(res.body.error.code).toBe('not_your_team');
      expect(JSON.stringify(res.body)).not.toContain('hjemmesykepleie');
    }
    expect(await refusals()).toEqual([
      { actor: 'Bo Sørli', team: suite.world.north.id },
      { actor: 'Olav Annen', team: suite.world.north.id },
    ]);
    const unknown = await anna.get('/api/teams/00000000-0000-4000-8000-000000000000/frames');
    expect(unknown.status).toBe(404);
  });
});

import { osloToday } from '@tillit/contracts';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import * as t from '../../db/schema.ts';
import { buildNationalId, buildRecipient } from '../../test/factories.ts';
import { type Client, logInAs, useWorldSuite } from '../../test/harness.ts';
import { postgresUrl, race } from '../../test/race.ts';

const suite = useWorldSuite();
const db = () => suite.database.db;
const today = osloToday();
const auditRows = async (action: string) =>
  rowsOf<{ basis: string; recipientId: string | null; details: Record<string, unknown> }>(
    await db().execute(sql`SELECT basis, recipient_id AS "recipientId", details FROM audit_log
                            WHERE action = ${action} ORDER BY seq`),
  );
const fromGp = (over: Record<string, unknown> = {}) => ({
  requesterKind: 'gp',
  requesterName: 'Fastlege Berg, Tøyen legesenter',
  services: ['hjemmesykepleie'],
  description: 'Trenger hjelp med sårstell og medisiner etter utskriving',
  ...over,
});
const decision = {
  serviceType: 'hjemmesykepleie',
  hoursPerWeek: 3,
  validFrom: today,
  needsAndWishes: 'Vil klare seg hjemme',
  reasons: 'Trenger sårstell daglig',
};
let anna: Client;
let bo: Client;
let north: string;
let petter: string;

beforeEach(async () => {
  anna = await logInAs(suite.app, 'anna');
  bo = await logInAs(suite.app, 'bo');
  north = suite.world.north.id;
  petter = suite.world.petter.id;
  await db().insert(t.teamFrames).values({ teamId: north, serviceType: 'hjemmesykepleie', maxHoursPerWeek: 10 });
});

describe('service requests (søknader og henvendelser)', () => {
  it('registers a request as it arrives, makes the decision and links it; the request is answered once', async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const created = await anna.post(
      `/api/teams/${north}/service-requests`,
      fromGp({ recipientId: petter, arrivedAt: yesterday, lateReason: 'Kom med posten etter stengetid' }),
    );
    expect(created.status).toBe(201);
    const id = created.body.id;
    const open = (await anna.get(`/api/teams/${north}/service-requests`)).body.requests;
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      id,
      requesterKind: 'gp',
      recipientId: petter,
      person: { givenName: 'Petter', familyName: 'Person' },
      services: ['hjemmesykepleie'],
      lateReason: 'Kom med posten etter stengetid',
      registeredBy: 'Anna Nordmann',
      decision: null,
    });
    expect(Date.parse(open[0].arrivedAt)).toBe(Date.parse(yesterday));
    expect((await anna.get(`/api/service-requests/${id}`)).body.candidates).toEqual([]);

    // The decision is made from the request (the decisions module's own route), then linked.
    const made = await anna.post(`/api/recipients/${petter}/service-decisions`, decision);
    expect(made.status).toBe(201);
    const detail = (await anna.get(`/api/service-requests/${id}`)).body;
    expect(detail.candidates.map((c: { id: string }) => c.id)).toEqual([made.body.id]);
    const linked = await anna.post(`/api/service-requests/${id}/decision`, { version: 1, decisionId: made.body.id });
    expect(linked.status).toBe(200);
    expect(linked.body.version).toBe(2);
    const answered = (await anna.get(`/api/teams/${north}/service-requests?state=answered`)).body.requests;
    expect(answered[0].decision).toMatchObject({
      id: made.body.id,
      status: 'active',
      inForceOn: today,
      firstVisitOn: null,
    });
    expect((await anna.get(`/api/teams/${north}/service-requests`)).body.requests).toEqual([]);
    const again = await anna.post(`/api/service-requests/${id}/decision`, { version: 2, decisionId: made.body.id });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_linked');
    // Both acts are on Petter's record under the care relation.
    expect(await auditRows('service_request.create')).toMatchObject([{ basis: 'care_relation', recipientId: petter }]);
    expect((await auditRows('service_request.link'))[0]).toMatchObject({ basis: 'care_relation', recipientId: petter });
  });

  it('takes a request before the person is registered, and links the decision once they are', async () => {
    const nationalId = buildNationalId();
    const created = await anna.post(
      `/api/teams/${north}/service-requests`,
      fromGp({
        requesterKind: 'hospital',
        requesterName: 'OUS Ullevål, geriatrisk sengepost',
        person: { givenName: 'Ruth', familyName: 'Hansen', nationalId },
      }),
    );
    expect(created.status).toBe(201);
    expect(await auditRows('service_request.create')).toMatchObject([{ basis: 'team_level', recipientId: null }]);
    const ruth = await buildRecipient(db(), north, { givenName: 'Ruth', familyName: 'Hansen', nationalId });
    const made = await anna.post(`/api/recipients/${ruth.id}/service-decisions`, decision);
    const other = await anna.post(`/api/recipients/${petter}/service-decisions`, decision);
    // Petter's decision does not answer Ruth's request.
    const wrong = await anna.post(`/api/service-requests/${created.body.id}/decision`, {
      version: 1,
      decisionId: other.body.id,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toMatchObject([{ field: 'decisionId', code: 'other_person' }]);
    const detail = (await anna.get(`/api/service-requests/${created.body.id}`)).body;
    expect(detail.candidates.map((c: { id: string }) => c.id)).toEqual([made.body.id]);
    const linked = await anna.post(`/api/service-requests/${created.body.id}/decision`, {
      version: 1,
      decisionId: made.body.id,
    });
    expect(linked.status).toBe(200);
    const [row] = (await anna.get(`/api/teams/${north}/service-requests?state=answered`)).body.requests;
    expect(row).toMatchObject({ recipientId: ruth.id, person: { givenName: 'Ruth', nationalId } });
  });

  it('answers bad input with 400 naming the field', async () => {
    const bad = async (body: Record<string, unknown>) => {
      const res = await anna.post(`/api/teams/${north}/service-requests`, body);
      expect(res.status).toBe(400);
      return res.body.error.fields.map((f: { field: string }) => f.field);
    };
    expect(await bad(fromGp({ recipientId: petter, requesterName: undefined }))).toContain('requesterName');
    expect(await bad(fromGp({ recipientId: petter, services: [] }))).toContain('services');
    expect(await bad(fromGp({ recipientId: petter, description: '' }))).toContain('description');
    expect(await bad(fromGp({ recipientId: petter, requesterKind: 'mayor' }))).toContain('requesterKind');
    expect(await bad(fromGp({}))).toContain('recipientId');
    expect(
      await bad(fromGp({ recipientId: petter, person: { givenName: 'A', familyName: 'B', birthDate: '1940-01-01' } })),
    ).toContain('person');
    expect(await bad(fromGp({ person: { givenName: 'Ruth', familyName: 'Hansen' } }))).toContain('person.nationalId');
    expect(
      await bad(fromGp({ person: { givenName: 'Ruth', familyName: 'Hansen', nationalId: '12345678901' } })),
    ).toContain('person.nationalId');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    expect(await bad(fromGp({ recipientId: petter, arrivedAt: tomorrow }))).toEqual(['arrivedAt']);
    const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString();
    expect(await bad(fromGp({ recipientId: petter, arrivedAt: lastWeek }))).toEqual(['lateReason']);
    expect(await bad(fromGp({ recipientId: petter, arrivedAt: 'i går' }))).toContain('arrivedAt');
    // A person the team does not serve is registered as a new person instead.
    const southern = await buildRecipient(db(), suite.world.south.id);
    const res = await anna.post(`/api/teams/${north}/service-requests`, fromGp({ recipientId: southern.id }));
    expect([400, 403]).toContain(res.status);
    const link = await anna.post(
      `/api/service-requests/${(await anna.post(`/api/teams/${north}/service-requests`, fromGp({ recipientId: petter }))).body.id}/decision`,
      { version: 1, decisionId: 'not-a-uuid' },
    );
    expect(link.status).toBe(400);
    expect(link.body.error.fields[0].field).toBe('decisionId');
  });

  it('refuses a decision made before the request arrived', async () => {
    const made = await anna.post(`/api/recipients/${petter}/service-decisions`, decision);
    await db().execute(
      sql`UPDATE service_decision SET decided_at = now() - interval '3 days' WHERE id = ${made.body.id}`,
    );
    const created = await anna.post(`/api/teams/${north}/service-requests`, fromGp({ recipientId: petter }));
    const res = await anna.post(`/api/service-requests/${created.body.id}/decision`, {
      version: 1,
      decisionId: made.body.id,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toMatchObject([{ field: 'decisionId', code: 'before_request' }]);
  });

  it('refuses a member of another team with 403 and a denied audit row naming the person', async () => {
    const created = await anna.post(`/api/teams/${north}/service-requests`, fromGp({ recipientId: petter }));
    const id = created.body.id;
    const made = await anna.post(`/api/recipients/${petter}/service-decisions`, decision);
    const denied = async () =>
      rowsOf<{ n: number }>(
        await db().execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE basis = 'denied'
          AND actor_user_id = ${suite.world.users.bo.id} AND (recipient_id = ${petter} OR recipient_id IS NULL)`),
      )[0].n;
    const tries = [
      () => bo.post(`/api/teams/${north}/service-requests`, fromGp({ recipientId: petter })),
      () => bo.get(`/api/teams/${north}/service-requests`),
      () => bo.get(`/api/service-requests/${id}`),
      () => bo.post(`/api/service-requests/${id}/decision`, { version: 1, decisionId: made.body.id }),
    ];
    for (const attempt of tries) {
      const before = await denied();
      const res = await attempt();
      expect(res.status).toBe(403);
      expect(await denied()).toBe(before + 1);
    }
    const onPetter = await auditRows('service_request.read');
    expect(onPetter.find((r) => r.basis === 'denied')).toMatchObject({ recipientId: petter });
    // Nothing was linked.
    expect((await anna.get(`/api/service-requests/${id}`)).body.request.decision).toBeNull();
  });

  it('links once when two members link at the same moment', async () => {
    const created = await anna.post(`/api/teams/${north}/service-requests`, fromGp({ recipientId: petter }));
    const made = await anna.post(`/api/recipients/${petter}/service-decisions`, decision);
    const body = { version: 1, decisionId: made.body.id };
    const url = `/api/service-requests/${created.body.id}/decision`;
    const answers = postgresUrl
      ? await race(postgresUrl, 2, () => [anna.post(url, body), anna.post(url, body)])
      : await Promise.all([anna.post(url, body), anna.post(url, body)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  });
});

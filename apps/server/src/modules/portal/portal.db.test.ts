import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import { PASSWORD } from '../../test/factories.ts';
import { type Client, logInAs, useWorldSuite } from '../../test/harness.ts';
import { postgresUrl, race } from '../../test/race.ts';

const suite = useWorldSuite();
const db = () => suite.database.db;
const together = <T>(blocked: number, requests: () => Promise<T>[]) =>
  postgresUrl ? race(postgresUrl, blocked, requests) : Promise.all(requests());
const denied = async (userId: string) =>
  rowsOf<{ action: string; recipientId: string | null; refused: string }>(
    await db().execute(sql`SELECT action, recipient_id AS "recipientId", details->>'refused' AS refused FROM audit_log
                            WHERE basis = 'denied' AND actor_user_id = ${userId} ORDER BY seq`),
  );

let anna: Client;
let petter: string;

beforeEach(async () => {
  anna = await logInAs(suite.app, 'anna');
  petter = suite.world.petter.id;
});

async function kin(name: string) {
  return (await anna.post(`/api/recipients/${petter}/next-of-kin`, { name, relation: 'datter' })).body.id as string;
}

async function login(username: string, nextOfKinId: string | null = null) {
  const res = await anna.post(`/api/recipients/${petter}/portal-accounts`, {
    username,
    password: PASSWORD,
    nextOfKinId,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return logInAs(suite.app, username);
}

/** A raw GET in a session of its own, for the downloads' headers and bytes. */
async function download(username: string, url: string) {
  const res = await suite.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: PASSWORD },
  });
  const cookie = res.cookies.find((c) => c.name === 'tillit_session')!;
  return suite.app.inject({ method: 'GET', url, cookies: { tillit_session: cookie.value } });
}

const userIdOf = async (c: Client) => (await c.get('/api/auth/me')).body.userId as string;

describe('«Min side»: the person served', () => {
  it('links the person’s national eID to their log-in, so ID-porten finds them (next of kin are not linked)', async () => {
    await login('petter');
    const linked = await suite.database.db.execute(sql`SELECT e.provider, e.subject = r.national_id AS "isTheirNumber"
        FROM external_identity e JOIN user_account u ON u.id = e.user_id JOIN recipient r ON r.id = ${petter}
       WHERE u.username = 'petter'`);
    expect(linked.rows).toEqual([{ provider: 'eid', isTheirNumber: true }]);
    await login('kari.kin', await kin('Kari'));
    const kinLinks =
      await suite.database.db.execute(sql`SELECT 1 FROM external_identity e JOIN user_account u ON u.id = e.user_id
       WHERE u.username = 'kari.kin'`);
    expect(kinLinks.rows).toEqual([]);
  });

  it('sees the plan, the week, who read the record, and downloads it all', async () => {
    await anna.post(`/api/recipients/${petter}/what-matters`, { statement: 'Å lese avisa i ro om morgenen' });
    expect((await anna.get(`/api/recipients/${petter}`)).status).toBe(200);
    const me = await login('petter');
    expect((await me.get('/api/portal/me')).body).toEqual({
      viewer: 'self',
      person: { givenName: 'Petter', familyName: expect.any(String) },
      consent: true,
    });
    const plan = await me.get('/api/portal/plan');
    expect(plan.body.whatMatters.map((w: { statement: string }) => w.statement)).toContain(
      'Å lese avisa i ro om morgenen',
    );
    expect((await me.get('/api/portal/visits')).status).toBe(200);

    const log = (await me.get('/api/portal/access-log')).body.rows as {
      who: string;
      role: string;
      what: string;
      action: string;
    }[];
    expect(log).toContainEqual(
      expect.objectContaining({ who: 'Anna Nordmann', role: 'sykepleier', what: 'read', action: 'record.read' }),
    );
    // Petter's own reads of his pages are logged, but not listed to him.
    expect(log.filter((r) => r.action.startsWith('portal.') && r.action !== 'portal.account.create')).toEqual([]);
    const own = rowsOf(
      await db().execute(sql`SELECT 1 FROM audit_log WHERE action = 'portal.plan.read' AND basis = 'portal'`),
    );
    expect(own.length).toBe(1);

    const json = await download('petter', '/api/portal/export.json');
    expect(json.headers['content-disposition']).toMatch(/attachment/);
    const data = JSON.parse(json.body);
    expect(data.person.givenName).toBe('Petter');
    expect(data.plan.whatMatters[0].statement).toBe('Å lese avisa i ro om morgenen');
    expect(data.accessLog.some((r: { action: string }) => r.action === 'record.read')).toBe(true);
    const pdf = await download('petter', '/api/portal/export.pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const downloads = rowsOf<{ action: string }>(
      await db().execute(
        sql`SELECT action FROM audit_log WHERE action LIKE 'portal.export%' AND recipient_id = ${petter} ORDER BY seq`,
      ),
    );
    expect(downloads.map((d) => d.action)).toEqual(['portal.export_json', 'portal.export_pdf']);
  });

  it('sends the team a message, which the serving team sees on the record', async () => {
    const me = await login('petter');
    const sent = await me.post('/api/portal/messages', { text: 'Kan dere komme etter ni på fredag?' });
    expect(sent.status).toBe(201);
    const overview = await anna.get(`/api/recipients/${petter}/portal`);
    expect(overview.body.messages[0]).toMatchObject({
      from: expect.stringContaining('Petter'),
      text: 'Kan dere komme etter ni på fredag?',
    });
    expect(overview.body.accounts).toEqual([expect.objectContaining({ username: 'petter', nextOfKinName: null })]);
  });

  it("makes a one-time link to the quarter's survey", async () => {
    const me = await login('petter');
    const link = await me.post('/api/portal/survey-link');
    expect(link.status).toBe(201);
    const token = String(link.body.path).split('/').pop();
    expect((await anna.get(`/api/surveys/${token}`)).status).toBe(200);
  });
});

describe("«Min side»: next of kin only with the person's consent", () => {
  it('sees nothing without consent, the plan once Petter consents, nothing again the request after he withdraws', async () => {
    const kari = await kin('Kari Hansen');
    const kariClient = await login('kari', kari);
    const me = await login('petter');
    const kariId = await userIdOf(kariClient);

    expect((await kariClient.get('/api/portal/me')).body).toEqual({
      viewer: 'nextOfKin',
      person: null,
      consent: false,
    });
    for (const url of ['/api/portal/plan', '/api/portal/visits', '/api/portal/access-log', '/api/portal/export.json']) {
      const res = await kariClient.get(url);
      expect(res.status, url).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain('Petter');
    }
    expect((await denied(kariId)).at(-1)).toMatchObject({ recipientId: petter, refused: 'consent_missing' });

    expect((await me.post('/api/portal/consents', { nextOfKinId: kari, given: true })).status).toBe(200);
    expect((await kariClient.get('/api/portal/plan')).status).toBe(200);
    // Kari's read is listed to Petter like anyone else's.
    const log = (await me.get('/api/portal/access-log')).body.rows as { who: string; role: string; action: string }[];
    expect(log).toContainEqual(
      expect.objectContaining({ who: 'Kari Hansen', role: 'nextOfKin', action: 'portal.plan.read' }),
    );
    // Consents are Petter's own: Kari may neither see nor change them.
    expect((await kariClient.post('/api/portal/consents', { nextOfKinId: kari, given: false })).status).toBe(403);

    expect((await me.post('/api/portal/consents', { nextOfKinId: kari, given: false })).status).toBe(200);
    expect((await kariClient.get('/api/portal/plan')).status).toBe(403);
    // Given again in person and recorded by the team; withdrawn by the team the same way.
    expect(
      (await anna.post(`/api/recipients/${petter}/portal-consents`, { nextOfKinId: kari, given: true })).status,
    ).toBe(200);
    expect((await kariClient.get('/api/portal/plan')).status).toBe(200);
    await anna.post(`/api/recipients/${petter}/portal-consents`, { nextOfKinId: kari, given: false });
    expect((await kariClient.get('/api/portal/plan')).status).toBe(403);
  });
});

describe('«Min side»: the door between citizens and staff', () => {
  it('refuses a citizen on staff routes and staff on citizen routes, each with a denied audit row', async () => {
    const me = await login('petter');
    const meId = await userIdOf(me);
    const staffRoute = await me.get(`/api/recipients/${petter}`);
    expect(staffRoute.status).toBe(403);
    expect(staffRoute.body.error.code).toBe('staff_only');
    expect((await me.get('/api/teams')).status).toBe(403);
    expect((await denied(meId)).map((d) => d.action)).toEqual(['gate.staff_route', 'gate.staff_route']);
    expect((await me.post('/api/auth/session/renew')).status).toBe(200);

    const annaId = await userIdOf(anna);
    const citizenRoute = await anna.get('/api/portal/plan');
    expect(citizenRoute.status).toBe(403);
    expect(citizenRoute.body.error.code).toBe('citizens_only');
    expect((await denied(annaId)).at(-1)).toMatchObject({ action: 'gate.citizen_route', refused: 'citizens_only' });
  });

  it('lets only the serving team make a log-in, and names the field of bad input', async () => {
    const bo = await logInAs(suite.app, 'bo');
    expect(
      (await bo.post(`/api/recipients/${petter}/portal-accounts`, { username: 'petter', password: PASSWORD })).status,
    ).toBe(403);
    const bad = async (body: Record<string, unknown>) =>
      (await anna.post(`/api/recipients/${petter}/portal-accounts`, body)).body.error;
    expect((await bad({ username: 'p', password: PASSWORD })).fields[0].field).toBe('username');
    expect((await bad({ username: 'petter', password: 'short' })).fields[0].field).toBe('password');
    const stranger = '00000000-0000-4000-8000-000000000000';
    expect((await bad({ username: 'petter', password: PASSWORD, nextOfKinId: stranger })).fields[0].field).toBe(
      'nextOfKinId',
    );
    const me = await login('petter');
    expect((await me.post('/api/portal/messages', { text: '  ' })).body.error.fields[0].field).toBe('text');
    expect(
      (await me.post('/api/portal/consents', { nextOfKinId: stranger, given: true })).body.error.fields[0].field,
    ).toBe('nextOfKinId');
    expect(
      (await anna.post(`/api/recipients/${petter}/portal-accounts`, { username: 'petter2', password: PASSWORD }))
        .status,
    ).toBe(409);
  });

  it('makes one log-in for the person when two members make it at once', async () => {
    const answers = await together(2, () => [
      anna.post(`/api/recipients/${petter}/portal-accounts`, { username: 'petter.a', password: PASSWORD }),
      anna.post(`/api/recipients/${petter}/portal-accounts`, { username: 'petter.b', password: PASSWORD }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const rows = rowsOf(await db().execute(sql`SELECT 1 FROM portal_account WHERE recipient_id = ${petter}`));
    expect(rows.length).toBe(1);
  });
});

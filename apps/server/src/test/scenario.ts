import { osloDate } from '@tillit/contracts';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { createUser } from '../modules/accounts/accounts.service.ts';
import { legalBasisOf } from '../modules/decisions/legal-basis.ts';
import { buildWorld, PASSWORD } from './factories.ts';
import { type Client, logInAs } from './harness.ts';

/** The kinds of actor every route is called as (access.matrix.db.test.ts). */
export const ACTORS = [
  'anonymous',
  'servingMember',
  'otherMember',
  'leader',
  'admin',
  'emergency',
  'citizen',
  'kinWithConsent',
  'kinWithoutConsent',
] as const;
export type ActorKind = (typeof ACTORS)[number];
/** The actors logged in as citizens on «Min side» (modules/portal): Petter, and two of his next of kin. */
export const CITIZENS: readonly ActorKind[] = ['citizen', 'kinWithConsent', 'kinWithoutConsent'];

/** A client without a session: it sends no cookie and no CSRF token. */
function anonymousClient(app: FastifyInstance): Client {
  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => {
    const r = await app.inject({ method, url, payload: payload as never });
    return { status: r.statusCode, body: r.body ? safeJson(r.body) : null };
  };
  return {
    get: (url) => call('GET', url),
    post: (url, payload) => call('POST', url, payload ?? {}),
    patch: (url, payload) => call('PATCH', url, payload ?? {}),
    del: (url) => call('DELETE', url),
  };
}

function safeJson(body: string) {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

function expectStatus(res: { status: number; body: unknown }, status: number, what: string) {
  if (res.status !== status) throw new Error(`scenario: ${what} gave ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, any>;
}

/**
 * One scenario with a row behind every kind of route parameter, on top of the small world
 * (factories.buildWorld): team Nord serves Petter; Anna (nurse, Nord) is the serving member,
 * Bo (Sør) a member of another team, Lea the district's leader, Ada the administrator, and Eva
 * (nurse, Sør) a clinician who has opened emergency access to Petter's record. Anna has
 * written what matters, a goal and a daily measure, generated visits, a rota, an absence, a
 * lock, a plan run, a note, an incident about Petter and a survey and «Hvem kommer?» link; a decision beyond the frame
 * (made by another) waits for co-signature, and a change in condition is open.
 * Everything goes through the API where it can, so the rows are as the app makes them.
 */
export async function buildScenario(app: FastifyInstance, db: Db) {
  const world = await buildWorld(db);
  const today = osloDate(new Date());
  const tomorrow = osloDate(new Date(Date.now() + 86_400_000));
  const [eva] = await db
    .insert(t.staff)
    .values({ districtId: world.district.id, givenName: 'Eva', familyName: 'Sørensen', profession: 'sykepleier' })
    .returning();
  await db.insert(t.teamMemberships).values({ teamId: world.south.id, staffId: eva.id, validFrom: '2020-01-01' });
  const evaUser = await createUser(db, {
    username: 'eva',
    password: PASSWORD,
    role: 'member',
    displayName: 'Eva Sørensen',
    staffId: eva.id,
    districtId: world.district.id,
  });
  await db.insert(t.teamFrames).values({ teamId: world.north.id, serviceType: 'hjemmesykepleie', maxHoursPerWeek: 5 });

  const clients = {
    anonymous: anonymousClient(app),
    servingMember: await logInAs(app, 'anna'),
    otherMember: await logInAs(app, 'bo'),
    leader: await logInAs(app, 'lea'),
    admin: await logInAs(app, 'ada'),
    emergency: await logInAs(app, 'eva'),
  };
  const anna = clients.servingMember;
  const petter = world.petter.id;
  const north = world.north.id;

  expectStatus(
    await clients.emergency.post(`/api/recipients/${petter}/emergency-access`, {
      reason: 'Petter har falt, og hjemmetjenesten i Nord når ikke fram',
    }),
    201,
    'emergency access',
  );
  const wm = expectStatus(
    await anna.post(`/api/recipients/${petter}/what-matters`, { statement: 'Å klare morgenstellet selv' }),
    201,
    'what matters',
  );
  const goal = expectStatus(
    await anna.post(`/api/recipients/${petter}/goals`, {
      description: 'Gå til butikken',
      whatMattersId: wm.id,
      reviewDate: today,
    }),
    201,
    'goal',
  );
  const measure = expectStatus(
    await anna.post(`/api/recipients/${petter}/measures`, {
      goalId: goal.id,
      title: 'Morgenstell',
      days: [1, 2, 3, 4, 5, 6, 7],
      windowStart: '08:00',
      windowEnd: '08:30',
      durationMinutes: 30,
      usualStaffId: world.staff.anna.id,
      decidedWithPerson: true,
    }),
    201,
    'measure',
  );
  const rota = expectStatus(
    await anna.post(`/api/planning/teams/${north}/rota`, {
      staffId: world.staff.anna.id,
      kind: 'day',
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      startMinute: 420,
      endMinute: 900,
      validFrom: '2020-01-01',
    }),
    201,
    'rota entry',
  );
  expectStatus(await anna.post(`/api/teams/${north}/visits/generate`, { from: tomorrow, days: 2 }), 200, 'visits');
  const visitRows = (await db.execute(sql`SELECT id FROM visit WHERE recipient_id = ${petter} ORDER BY date`)).rows as {
    id: string;
  }[];
  const [visit, laterVisit] = visitRows.map((r) => r.id);
  const [change] = await db
    .insert(t.conditionChanges)
    .values({
      recipientId: petter,
      visitId: laterVisit,
      text: 'Mer forvirret enn vanlig',
      createdBy: world.users.anna.id,
    })
    .returning();
  const lock = expectStatus(
    await anna.post(`/api/planning/visits/${laterVisit}/lock`, { staffId: world.staff.anna.id }),
    200,
    'lock',
  );
  const absence = expectStatus(
    await anna.post(`/api/planning/teams/${north}/absences`, {
      staffId: world.staff.anna.id,
      fromDate: '2030-01-07',
      toDate: '2030-01-08',
      reason: 'course',
    }),
    201,
    'absence',
  );
  const run = expectStatus(
    await anna.post(`/api/planning/teams/${north}/runs`, { from: tomorrow, days: 2, timeLimitSeconds: 1 }),
    202,
    'plan run',
  );
  const note = expectStatus(
    await anna.post(`/api/teams/${north}/notes`, { kind: 'action', text: 'Snakke om kjente ansikter' }),
    201,
    'note',
  );
  const surveyLink = expectStatus(
    await anna.post(`/api/recipients/${petter}/survey-links`, { channel: 'link' }),
    201,
    'survey link',
  );
  const visitingLink = expectStatus(
    await anna.post(`/api/recipients/${petter}/visiting-link`, { for: 'person' }),
    201,
    'visiting link',
  );
  const incident = expectStatus(
    await anna.post(`/api/teams/${north}/incidents`, {
      theme: 'fall',
      recipientId: petter,
      whatHappened: 'Petter lå på gulvet da vi kom',
      consequence: 'Blåmerke på hofta',
      immediateAction: 'Hjalp ham opp og ringte legevakten',
    }),
    201,
    'incident',
  );
  // A request for services about Petter that arrived yesterday (so today's decision can answer it).
  const serviceRequest = expectStatus(
    await anna.post(`/api/teams/${north}/service-requests`, {
      requesterKind: 'gp',
      requesterName: 'Fastlege Berg',
      recipientId: petter,
      services: ['hjemmesykepleie'],
      description: 'Trenger tilsyn morgen og kveld etter fallet',
      arrivedAt: new Date(Date.now() - 86_400_000).toISOString(),
      lateReason: 'Kom i posten i går ettermiddag',
    }),
    201,
    'service request',
  );
  const portal = await portalLogins(app, anna, petter);
  // Beyond the frame and made by someone else, so the serving member can co-sign it.
  const [decision] = await db
    .insert(t.serviceDecisions)
    .values({
      recipientId: petter,
      teamId: north,
      serviceType: 'hjemmesykepleie',
      hoursPerWeek: 8,
      validFrom: today,
      needsAndWishes: 'Petter vil bo hjemme.',
      reasons: 'Trenger tilsyn etter fall.',
      legalBasis: legalBasisOf.hjemmesykepleie,
      withinFrame: false,
      status: 'awaiting_cosign',
      decidedBy: world.users.lea.id,
    })
    .returning();
  // Medicines: Anna and Eva (nurses) hold a medication delegation; Petter takes a daily drug at 08:15
  // (inside the morning visit) and morphine as needed. Lea gave a dose of it (high-risk, so it waits for a
  // second signature) and filled his pill organiser, so the serving member can sign and check.
  await db.insert(t.staffCompetences).values([
    { staffId: world.staff.anna.id, competenceCode: 'legemiddelhandtering', validFrom: '2020-01-01' },
    { staffId: eva.id, competenceCode: 'legemiddelhandtering', validFrom: '2020-01-01' },
  ]);
  const medicine = (over: Record<string, unknown>) => ({
    form: 'tablet',
    strength: '50 mg',
    dose: '1 tablett',
    route: 'oral',
    indication: 'Høyt blodtrykk',
    prescriber: 'Fastlege Berg',
    startDate: today,
    dispensing: 'multidose',
    source: 'gp_letter',
    reason: 'Ny fra fastlegen',
    ...over,
  });
  const medication = expectStatus(
    await anna.post(
      `/api/recipients/${petter}/medications`,
      medicine({ drugName: 'Metoprolol', times: ['08:15'], atcCode: 'C07AB02' }),
    ),
    201,
    'medication',
  );
  const prnMedication = expectStatus(
    await anna.post(
      `/api/recipients/${petter}/medications`,
      medicine({
        drugName: 'Morfin',
        strength: '5 mg',
        indication: 'Smerter',
        asNeeded: true,
        maxPer24h: 3,
        atcCode: 'N02AA01',
      }),
    ),
    201,
    'as-needed medication',
  );
  const [dose] = await db
    .insert(t.doseAdministrations)
    .values({
      medicationId: prnMedication.id,
      recipientId: petter,
      date: today,
      asNeeded: true,
      status: 'given',
      note: 'Smerter i ryggen',
      recordedBy: world.users.lea.id,
      needsSecond: true,
    })
    .returning();
  const [fill] = await db
    .insert(t.pillOrganiserFills)
    .values({ recipientId: petter, periodFrom: today, periodTo: today, filledBy: world.users.lea.id })
    .returning();
  const [recipientRow] = (await db.execute(sql`SELECT version FROM recipient WHERE id = ${petter}`)).rows as {
    version: number;
  }[];
  // Changes name the version they saw (a visit's completion, a note's change): read them last.
  const versionOf = async (table: 'visit' | 'team_note', id: string) =>
    Number(
      (
        (await db.execute(sql`SELECT version FROM ${sql.identifier(table)} WHERE id = ${id}`)).rows[0] as {
          version: number;
        }
      ).version,
    );
  const visitVersion = await versionOf('visit', visit);
  const noteVersion = await versionOf('team_note', note.id as string);

  return {
    world,
    today,
    tomorrow,
    clients: { ...clients, ...portal.clients } as Record<ActorKind, Client>,
    users: { ...world.users, eva: evaUser, ...portal.users },
    staff: { ...world.staff, eva },
    ids: {
      recipient: petter,
      recipientVersion: Number(recipientRow.version),
      visitVersion,
      noteVersion,
      team: north,
      otherTeam: world.south.id,
      visit,
      laterVisit,
      measure: measure.id as string,
      conditionChange: change.id,
      serviceDecision: decision.id,
      incident: incident.id as string,
      serviceRequest: serviceRequest.id as string,
      medication: medication.id as string,
      prnMedication: prnMedication.id as string,
      dose: dose.id,
      pillOrganiserFill: fill.id,
      planRun: run.id as string,
      planLock: lock.id as string,
      rotaEntry: rota.id as string,
      absence: absence.id as string,
      note: note.id as string,
      surveyToken: surveyLink.token as string,
      visitingToken: String(visitingLink.path).split('/').pop() as string,
      ...portal.ids,
    },
  };
}

export type Scenario = Awaited<ReturnType<typeof buildScenario>>;

/**
 * «Min side»: Anna registers three next of kin of Petter and makes log-ins for Petter himself,
 * Kari (with Petter's consent, given in person) and Ola (none); Siv has no log-in yet.
 */
async function portalLogins(app: FastifyInstance, anna: Client, petter: string) {
  const kin = async (name: string, relation: string) =>
    expectStatus(await anna.post(`/api/recipients/${petter}/next-of-kin`, { name, relation }), 201, 'next of kin')
      .id as string;
  const kari = await kin('Kari Hansen', 'datter');
  const ola = await kin('Ola Hansen', 'sønn');
  const siv = await kin('Siv Hansen', 'niese');
  const login = async (username: string, nextOfKinId: string | null) =>
    expectStatus(
      await anna.post(`/api/recipients/${petter}/portal-accounts`, { username, password: PASSWORD, nextOfKinId }),
      201,
      `portal log-in ${username}`,
    );
  await login('petter', null);
  await login('kari', kari);
  await login('ola', ola);
  expectStatus(
    await anna.post(`/api/recipients/${petter}/portal-consents`, { nextOfKinId: kari, given: true }),
    200,
    'consent',
  );
  const userId = async (c: Client) => (await c.get('/api/auth/me')).body.userId as string;
  const clients = {
    citizen: await logInAs(app, 'petter'),
    kinWithConsent: await logInAs(app, 'kari'),
    kinWithoutConsent: await logInAs(app, 'ola'),
  };
  return {
    clients,
    users: {
      petterCitizen: { id: await userId(clients.citizen) },
      kari: { id: await userId(clients.kinWithConsent) },
      ola: { id: await userId(clients.kinWithoutConsent) },
    },
    ids: { kinWithConsent: kari, kinWithoutConsent: ola, kinNoLogin: siv },
  };
}

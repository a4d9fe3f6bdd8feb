import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { logInAs } from '../../test/harness.ts';
import { fhirClient, fhirToken, registerFhirClient, requestToken, useFhirScenario } from '../../test/fhir.ts';

/**
 * Bearer tokens and the record policy on FHIR: a token acts as its bound user, so another team's
 * member is refused with a `denied` audit row as in the app; scopes narrow further; expired,
 * unknown and revoked tokens are 401 with WWW-Authenticate; errors are OperationOutcomes.
 */
const f = useFhirScenario();
let n = 0;
const id = () => `auth-${++n}`;

async function deniedRows(userId: string) {
  const res = await f.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_log
    WHERE basis = 'denied' AND actor_user_id = ${userId} AND recipient_id = ${f.s.ids.recipient}`);
  return Number((res.rows[0] as { n: number }).n);
}

describe('FHIR R4 access', () => {
  it('refuses a member of another team with 403 and a denied audit row, read and search', async () => {
    const bo = fhirClient(f.app, await fhirToken(f.app, 'bo', ['user/*.read'], id()));
    const before = await deniedRows(f.s.users.bo.id);
    const read = await bo.get(`/fhir/R4/Patient/${f.s.ids.recipient}`);
    expect(read.status).toBe(403);
    expect(read.body.resourceType).toBe('OperationOutcome');
    expect(read.body.issue[0].code).toBe('forbidden');
    const search = await bo.get(`/fhir/R4/Observation?patient=Patient/${f.s.ids.recipient}`);
    expect(search.status).toBe(403);
    // A search by identifier is judged row by row: nothing shown, the refusal logged.
    const byId = await bo.get(`/fhir/R4/Patient?identifier=${f.s.world.petter.nationalId}`);
    expect(byId.status).toBe(200);
    expect(byId.body.entry ?? []).toEqual([]);
    const after = await f.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_log
      WHERE basis = 'denied' AND actor_user_id = ${f.s.users.bo.id} AND details -> 'recipients' ? ${f.s.ids.recipient}`);
    expect(Number((after.rows[0] as { n: number }).n)).toBe(1);
    expect(await deniedRows(f.s.users.bo.id)).toBe(before + 2);
  });

  it('logs a served read on the care relation, as the bound user', async () => {
    const anna = fhirClient(f.app, await fhirToken(f.app, 'anna', ['user/Patient.rs'], id()));
    expect((await anna.get(`/fhir/R4/Patient/${f.s.ids.recipient}`)).status).toBe(200);
    const [row] = (
      await f.database.db.execute(sql`SELECT basis, actor_user_id FROM audit_log
        WHERE action = 'fhir.Patient.read' ORDER BY seq DESC LIMIT 1`)
    ).rows as { basis: string; actor_user_id: string }[];
    expect(row).toEqual({ basis: 'care_relation', actor_user_id: f.s.users.anna.id });
  });

  it('refuses a token without the scope with 403', async () => {
    const patientsOnly = fhirClient(f.app, await fhirToken(f.app, 'anna', ['user/Patient.read'], id()));
    const res = await patientsOnly.get(`/fhir/R4/Observation?patient=Patient/${f.s.ids.recipient}`);
    expect(res.status).toBe(403);
    expect(res.body.issue[0].details.coding[0].code).toBe('insufficient_scope');
    const write = await patientsOnly.post('/fhir/R4/Observation', { resourceType: 'Observation' });
    expect(write.status).toBe(403);
  });

  it('answers 401 with WWW-Authenticate for no token, an unknown one, an expired one and a revoked client', async () => {
    const url = `/fhir/R4/Patient/${f.s.ids.recipient}`;
    const none = await fhirClient(f.app, null).get(url);
    expect(none.status).toBe(401);
    expect(String(none.headers['www-authenticate'])).toMatch(/^Bearer realm="tillit-fhir"/);
    const unknown = await fhirClient(f.app, 'x'.repeat(43)).get(url);
    expect(unknown.status).toBe(401);
    expect(String(unknown.headers['www-authenticate'])).toContain('error="invalid_token"');
    const c = await registerFhirClient(f.app, 'anna', ['user/*.read'], id());
    const token = (await requestToken(f.app, c.clientId, c.secret)).json().access_token;
    expect((await fhirClient(f.app, token).get(url)).status).toBe(200);
    await f.database.db.execute(sql`UPDATE fhir_token SET expires_at = now() - interval '1 second'`);
    expect((await fhirClient(f.app, token).get(url)).status).toBe(401);
    const fresh = (await requestToken(f.app, c.clientId, c.secret)).json().access_token;
    const ada = await logInAs(f.app, 'ada');
    const listed = (await ada.get('/api/fhir/clients')).body.clients.find((x: any) => x.clientId === c.clientId);
    expect((await ada.post(`/api/fhir/clients/${listed.id}/revoke`)).status).toBe(200);
    expect((await fhirClient(f.app, fresh).get(url)).status).toBe(401);
    expect((await requestToken(f.app, c.clientId, c.secret)).statusCode).toBe(401);
  });

  it('issues tokens only for the right secret and the client’s own scopes; stores them hashed', async () => {
    const c = await registerFhirClient(f.app, 'anna', ['user/Patient.read', 'user/Observation.write'], id());
    const wrong = await requestToken(f.app, c.clientId, 'not-the-secret');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: 'invalid_client' });
    const narrowed = await requestToken(f.app, c.clientId, c.secret, 'user/Patient.read user/Goal.read');
    expect(narrowed.json()).toMatchObject({ token_type: 'Bearer', scope: 'user/Patient.read', expires_in: 300 });
    expect((await requestToken(f.app, c.clientId, c.secret, 'user/Goal.read')).json().error).toBe('invalid_scope');
    const token = narrowed.json().access_token as string;
    const stored = await f.database.db.execute(
      sql`SELECT count(*)::int AS n FROM fhir_token WHERE token_hash = ${token}`,
    );
    expect(Number((stored.rows[0] as { n: number }).n)).toBe(0);
    const secrets = await f.database.db.execute(
      sql`SELECT secret_hash FROM fhir_client WHERE client_id = ${c.clientId}`,
    );
    expect((secrets.rows[0] as { secret_hash: string }).secret_hash).toMatch(/^\$argon2id\$/);
  });

  it('lets only administrators register clients, and logs the registration', async () => {
    const anna = await logInAs(f.app, 'anna');
    const body = { clientId: id(), name: 'EPJ', actsAs: 'anna', scopes: ['user/Patient.read'] };
    expect((await anna.post('/api/fhir/clients', body)).status).toBe(403);
    const bad = await (await logInAs(f.app, 'ada')).post('/api/fhir/clients', { ...body, scopes: ['Patient.read'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('scopes.0');
    const rows = await f.database.db.execute(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'fhir.client.register'`,
    );
    expect(Number((rows.rows[0] as { n: number }).n)).toBeGreaterThan(0);
  });

  it('shows AuditEvents about a person to administrators only', async () => {
    const ada = fhirClient(f.app, await fhirToken(f.app, 'ada', ['user/AuditEvent.read'], id()));
    const events = await ada.get(`/fhir/R4/AuditEvent?patient=Patient/${f.s.ids.recipient}&_count=5`);
    expect(events.status).toBe(200);
    expect(events.body.entry).toHaveLength(5);
    const anna = fhirClient(f.app, await fhirToken(f.app, 'anna', ['user/AuditEvent.read'], id()));
    expect((await anna.get(`/fhir/R4/AuditEvent?patient=Patient/${f.s.ids.recipient}`)).status).toBe(403);
  });
});

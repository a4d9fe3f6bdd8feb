import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { type Database, rowsOf } from '../../db/client.ts';
import { buildWorld } from '../../test/factories.ts';
import { logInAs, openTestDatabase, resetData, testConfig } from '../../test/harness.ts';
import { postgresUrl, race } from '../../test/race.ts';
import { startTestProvider, type TestProvider } from '../../test/oidc.provider.ts';
import { createUser, linkExternalIdentity } from './index.ts';
import type { OidcProviderSettings } from './oidc.ts';

const REDIRECT = (p: string) => `http://tillit.localhost/api/auth/oidc/${p}/callback`;
let op: TestProvider;
const suite = {} as { database: Database; app: FastifyInstance; world: Awaited<ReturnType<typeof buildWorld>> };
/** What the server logged during the test: refusals say which check failed, never a person's data. */
let logged = '';

beforeAll(async () => {
  op = await startTestProvider([
    { client_id: 'tillit-staff', client_secret: 'staff-secret', redirect_uris: [REDIRECT('staff')] },
    { client_id: 'tillit-eid', client_secret: 'eid-secret', redirect_uris: [REDIRECT('eid')] },
  ]);
  const settings = (p: 'staff' | 'eid', subjectClaim: string): OidcProviderSettings => ({
    issuer: op.issuer,
    clientId: `tillit-${p}`,
    clientSecret: `${p}-secret`,
    redirectUri: REDIRECT(p),
    scope: 'openid',
    subjectClaim,
    allowInsecureHttp: true,
  });
  const oidc = { staff: settings('staff', 'sub'), eid: settings('eid', 'pid') };
  suite.database = await openTestDatabase();
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logged += chunk.toString();
      done();
    },
  });
  suite.app = await buildApp(suite.database, testConfig({ oidc, logLevel: 'warn' }), { logStream });
  await suite.app.ready();
});
afterAll(async () => {
  await suite.app.close();
  await suite.database.close();
  await op.close();
});
beforeEach(async () => {
  await resetData(suite.database);
  suite.world = await buildWorld(suite.database.db);
  logged = '';
});

/** The browser's round trip: start, the provider's pages, back to the callback. */
async function sso(provider: 'staff' | 'eid', login: string, tamper?: (authorization: URL) => void) {
  const start = await suite.app.inject({ method: 'GET', url: `/api/auth/oidc/${provider}/start` });
  expect(start.statusCode).toBe(302);
  const browser = start.cookies.find((c) => c.name === 'tillit_sso')!.value;
  const authorization = new URL(start.headers.location as string);
  tamper?.(authorization);
  const back = await op.logIn(authorization, login);
  const callback = () =>
    suite.app.inject({ method: 'GET', url: back.pathname + back.search, cookies: { tillit_sso: browser } });
  return { authorization, callback, res: await callback() };
}

const sessionOf = (res: { cookies: { name: string; value: string }[] }) =>
  res.cookies.find((c) => c.name === 'tillit_session')?.value;
const me = (session: string) =>
  suite.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { tillit_session: session } });
const refusedWith = (res: { statusCode: number; headers: Record<string, unknown> }) => {
  expect(res.statusCode).toBe(303);
  return new URL(res.headers.location as string, 'http://x').searchParams.get('sso_error');
};
const linkStaff = async (subject: string, userId: string) => {
  const admin = await logInAs(suite.app, 'ada');
  return admin.post(`/api/admin/users/${userId}/identities`, { provider: 'staff', subject });
};

describe('single sign-on against a real OpenID provider', () => {
  it('tells the log-in page which providers are configured', async () => {
    const res = await suite.app.inject({ method: 'GET', url: '/api/auth/config' });
    expect(res.json().sso).toEqual({ staff: true, eid: true });
  });

  it('sends the browser to the provider with PKCE S256, state and nonce, and keeps only the state hash', async () => {
    const start = await suite.app.inject({ method: 'GET', url: '/api/auth/oidc/staff/start' });
    const url = new URL(start.headers.location as string);
    expect(url.origin).toBe(op.issuer);
    const q = url.searchParams;
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(q.get('client_id')).toBe('tillit-staff');
    const state = q.get('state')!;
    const rows = rowsOf<{ state_hash: string; nonce: string }>(
      await suite.database.db.execute(sql`SELECT state_hash, nonce FROM oidc_login_attempt`),
    );
    expect(rows).toEqual([{ state_hash: createHash('sha256').update(state).digest('hex'), nonce: q.get('nonce') }]);
  });

  it('logs a linked staff member in with the same session a password gives', async () => {
    expect((await linkStaff('anna@kommune.no', suite.world.users.anna.id)).status).toBe(201);
    const { res } = await sso('staff', 'anna@kommune.no');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/');
    const answer = await me(sessionOf(res)!);
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toMatchObject({ username: 'anna', role: 'member', csrfToken: expect.any(String) });
    // The attempt is gone once used.
    const left = rowsOf(await suite.database.db.execute(sql`SELECT 1 FROM oidc_login_attempt`));
    expect(left).toEqual([]);
  });

  it('refuses an identity nobody linked (no account is made), telling them to ask the administrator', async () => {
    const { res } = await sso('staff', 'stranger@kommune.no');
    expect(refusedWith(res)).toBe('sso_unknown_user');
    expect(sessionOf(res)).toBeUndefined();
  });

  it('logs a person in through the eID provider by the pid claim', async () => {
    const pid = '01017012345';
    const person = await createUser(suite.database.db, {
      username: 'citizen-test',
      password: 'not-used-for-eid-x',
      role: 'member',
      displayName: 'Per Person',
    });
    await suite.database.db.transaction((tx) =>
      linkExternalIdentity(tx, { provider: 'eid', subject: pid, userId: person!.id }),
    );
    const { res } = await sso('eid', pid);
    expect((await me(sessionOf(res)!)).json().userId).toBe(person!.id);
    // The same pid at the staff provider is another identity.
    expect(refusedWith((await sso('staff', pid)).res)).toBe('sso_unknown_user');
    // The refusal was logged, the national identity number was not.
    expect(logged).toContain('sso_unknown_user');
    expect(logged).not.toContain(pid);
  });
});

describe('what the relying party refuses', () => {
  const linkAnna = () => linkStaff('anna@kommune.no', suite.world.users.anna.id);

  it('a replayed state: the second use of a callback logs nobody in', async () => {
    await linkAnna();
    const { res, callback } = await sso('staff', 'anna@kommune.no');
    expect(sessionOf(res)).toBeDefined();
    const again = await callback();
    expect(refusedWith(again)).toBe('sso_state');
    expect(sessionOf(again)).toBeUndefined();
  });

  it('a wrong nonce: the provider signed a nonce that is not the one this log-in stored', async () => {
    await linkAnna();
    const { res } = await sso('staff', 'anna@kommune.no', (u) => u.searchParams.set('nonce', 'not-the-stored-nonce'));
    expect(refusedWith(res)).toBe('sso_refused');
    expect(logged).toContain('OAUTH_JWT_CLAIM_COMPARISON_FAILED:nonce');
  });

  it('a missing or wrong PKCE verifier: the provider refuses the code (the challenge it saw is another)', async () => {
    await linkAnna();
    const other = createHash('sha256').update('another-verifier-another-verifier-12345').digest('base64url');
    const { res } = await sso('staff', 'anna@kommune.no', (u) => u.searchParams.set('code_challenge', other));
    expect(refusedWith(res)).toBe('sso_refused');
    expect(logged).toContain('invalid_grant');
  });

  const tampered = [
    [
      'a wrong audience',
      (c: Record<string, unknown>) => ({ ...c, aud: 'another-client' }),
      'CLAIM_COMPARISON_FAILED:aud',
    ],
    [
      'an expired ID token',
      (c: Record<string, unknown>) => ({ ...c, iat: Number(c.iat) - 7200, exp: Number(c.iat) - 3600 }),
      'TIMESTAMP_CHECK_FAILED:exp',
    ],
    [
      'a wrong issuer',
      (c: Record<string, unknown>) => ({ ...c, iss: 'https://evil.example' }),
      'CLAIM_COMPARISON_FAILED:iss',
    ],
  ] as const;
  for (const [what, claims, check] of tampered) {
    it(`${what}, signed with the provider's own key`, async () => {
      await linkAnna();
      op.misbehave.claims = claims;
      try {
        const { res } = await sso('staff', 'anna@kommune.no');
        expect(refusedWith(res)).toBe('sso_refused');
        expect(sessionOf(res)).toBeUndefined();
        expect(logged).toContain(check);
      } finally {
        op.misbehave.claims = undefined;
      }
    });
  }

  it('an ID token signed with a key the provider never published', async () => {
    await linkAnna();
    op.misbehave.foreignKey = true;
    try {
      expect(refusedWith((await sso('staff', 'anna@kommune.no')).res)).toBe('sso_refused');
      expect(logged).toContain('JWT signature verification failed');
    } finally {
      op.misbehave.foreignKey = false;
    }
  });

  it('a callback from another browser, or after the attempt expired', async () => {
    await linkAnna();
    const start = await suite.app.inject({ method: 'GET', url: '/api/auth/oidc/staff/start' });
    const back = await op.logIn(new URL(start.headers.location as string), 'anna@kommune.no');
    const url = back.pathname + back.search;
    const elsewhere = await suite.app.inject({ method: 'GET', url, cookies: { tillit_sso: 'someone-elses' } });
    expect(refusedWith(elsewhere)).toBe('sso_state');
    await suite.database.db.execute(sql`UPDATE oidc_login_attempt SET expires_at = now() - interval '1 second'`);
    const browser = start.cookies.find((c) => c.name === 'tillit_sso')!.value;
    const late = await suite.app.inject({ method: 'GET', url, cookies: { tillit_sso: browser } });
    expect(refusedWith(late)).toBe('sso_state');
  });

  it('a switched-off user, with a denied audit row', async () => {
    await linkAnna();
    await suite.database.db.execute(sql`UPDATE user_account SET disabled = true WHERE username = 'anna'`);
    expect(refusedWith((await sso('staff', 'anna@kommune.no')).res)).toBe('sso_disabled');
    const rows = rowsOf<{ basis: string; details: unknown }>(
      await suite.database.db.execute(sql`SELECT basis, details FROM audit_log WHERE action = 'auth.sso_refused'`),
    );
    expect(rows).toEqual([{ basis: 'denied', details: { provider: 'staff', reason: 'disabled' } }]);
  });
});

describe('linking identities', () => {
  it('only an administrator links; a subject belongs to one user', async () => {
    const leader = await logInAs(suite.app, 'lea');
    const refused = await leader.post(`/api/admin/users/${suite.world.users.lea.id}/identities`, {
      provider: 'staff',
      subject: 'lea@kommune.no',
    });
    expect(refused.status).toBe(403);
    expect((await linkStaff('anna@kommune.no', suite.world.users.anna.id)).status).toBe(201);
    expect((await linkStaff('anna@kommune.no', suite.world.users.anna.id)).status).toBe(201);
    expect((await linkStaff('anna@kommune.no', suite.world.users.bo.id)).status).toBe(409);
    const bad = await linkStaff('', suite.world.users.bo.id);
    expect(bad.status).toBe(400);
    const admin = await logInAs(suite.app, 'ada');
    expect((await admin.del(`/api/admin/users/${suite.world.users.anna.id}/identities/staff`)).body).toEqual({
      removed: 1,
    });
    expect(refusedWith((await sso('staff', 'anna@kommune.no')).res)).toBe('sso_unknown_user');
  });
});

describe.runIf(postgresUrl)('a state is consumed once under concurrency (PostgreSQL)', () => {
  it('two callbacks with the same state at the same moment give one session', async () => {
    await linkStaff('anna@kommune.no', suite.world.users.anna.id);
    const start = await suite.app.inject({ method: 'GET', url: '/api/auth/oidc/staff/start' });
    const browser = start.cookies.find((c) => c.name === 'tillit_sso')!.value;
    const back = await op.logIn(new URL(start.headers.location as string), 'anna@kommune.no');
    const callback = () =>
      suite.app.inject({ method: 'GET', url: back.pathname + back.search, cookies: { tillit_sso: browser } });
    // Both callbacks wait on the attempt's row lock, then race to delete it.
    const answers = await race(
      postgresUrl!,
      2,
      () => [callback(), callback()],
      'SELECT 1 FROM oidc_login_attempt FOR UPDATE',
    );
    expect(answers.map((a) => a.headers.location).sort()).toEqual(['/', '/login?sso_error=sso_state']);
    const sessions = rowsOf<{ n: number }>(
      await suite.database.db.execute(sql`SELECT count(*)::int AS n FROM session`),
    );
    // ada's password log-in made one; the two callbacks one between them.
    expect(sessions[0]!.n).toBe(2);
  });
});

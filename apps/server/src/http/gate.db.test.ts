import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import * as t from '../db/schema.ts';
import { buildApp } from '../app.ts';
import { logInAs, testConfig, useWorldSuite } from '../test/harness.ts';
import { access } from './access.ts';

/** A low limit for the routes open without a session, so the limit shows in a few calls. */
const suite = useWorldSuite({ publicRateLimit: { max: 5, windowMs: 60_000 } });

type Answer = Awaited<ReturnType<typeof suite.app.inject>>;
const anonymous = (url: string, method: 'GET' | 'POST' | 'PATCH' = 'GET', payload?: unknown) =>
  suite.app.inject({ method, url, payload: payload as never });

/**
 * Nothing of a person or a team leaves: 401, a 404, or the web app's own page (the not-found
 * handler serves index.html for paths outside /api when the web app is built).
 */
function expectNothingServed(res: Answer, label: string) {
  const page = res.statusCode === 200 && String(res.headers['content-type']).startsWith('text/html');
  expect(page || [401, 404].includes(res.statusCode), `${label}: ${res.statusCode} ${res.body}`).toBe(true);
  expect(res.body, label).not.toContain('Petter');
  expect(res.body, label).not.toContain('hjemmesykepleie');
}

describe('the gate decides on the matched route, not the raw URL (finding 1)', () => {
  const frames = () => `/teams/${suite.world.north.id}/frames`;
  const record = () => `/recipients/${suite.world.petter.id}`;
  const seedFrame = () =>
    suite.database.db
      .insert(t.teamFrames)
      .values({ teamId: suite.world.north.id, serviceType: 'hjemmesykepleie', maxHoursPerWeek: 5 });

  it('answers 401 to GET /%61pi/teams/:id/frames and /%61pi/recipients/:id without a session', async () => {
    await seedFrame();
    for (const path of [frames(), record()]) {
      const res = await anonymous(`/%61pi${path}`);
      expect(res.statusCode, path).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
      expectNothingServed(res, path);
    }
  });

  it('serves nothing to other encodings and spellings of the path', async () => {
    await seedFrame();
    const variants = (path: string) => [
      `/%2561pi${path}`, // double-encoded
      `/%61%70%69${path}`,
      `/api/${path.slice(1).replace('/', '%2F')}`, // encoded slash
      `/api/${path}`, // doubled slash: /api//…
      `//api${path}`,
      `/API${path}`,
      `/Api${path}`,
      `/api${path}/`, // trailing slash
      `/api${path};jsessionid=1`, // `;` parameter
      `/api${path};/`,
      `/api${path}%00`,
      `/api${path}?x=%00`,
      `/api/./${path.slice(1)}`,
      `/api/x/..${path}`,
    ];
    for (const path of [frames(), record()]) {
      for (const url of variants(path)) expectNothingServed(await anonymous(url), url);
    }
  });

  it('applies the record policy to an encoded path with a session: 403 and an audit row', async () => {
    const bo = await logInAs(suite.app, 'bo');
    const res = await bo.get(`/%61pi/recipients/${suite.world.petter.id}`);
    expect(res.status).toBe(403);
    const rows = await suite.database.db.execute(
      sql`SELECT action, basis FROM audit_log WHERE recipient_id = ${suite.world.petter.id} ORDER BY seq`,
    );
    expect(rows.rows).toEqual([{ action: 'record.read', basis: 'denied' }]);
  });
});

describe('the session is checked before any input (finding 13)', () => {
  it('answers 401 without schema details to unauthenticated requests with bad input', async () => {
    const calls: [string, 'GET' | 'POST' | 'PATCH', unknown][] = [
      ['/api/recipients', 'POST', { givenName: 1 }],
      [`/api/recipients/not-a-uuid`, 'GET', undefined],
      [`/api/recipients/not-a-uuid`, 'PATCH', { version: 'x' }],
      ['/api/teams/not-a-uuid/indicators?from=x', 'GET', undefined],
      ['/api/audit?limit=-1', 'GET', undefined],
    ];
    for (const [url, method, payload] of calls) {
      const res = await anonymous(url, method, payload);
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error, url).toEqual({ code: 'unauthenticated', message: 'Log in first' });
    }
  });

  it('refuses a state-changing request without the CSRF token before reading its body', async () => {
    const login = await anonymous('/api/auth/login', 'POST', { username: 'anna', password: 'secret-password' });
    const cookie = login.cookies.find((c) => c.name === 'tillit_session')!.value;
    const res = await suite.app.inject({
      method: 'POST',
      url: '/api/recipients',
      payload: { givenName: 1 },
      cookies: { tillit_session: cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf');
    expect(res.json().error.fields).toBeUndefined();
  });
});

describe('deny by default', () => {
  it('refuses a route that declares no access, without running it, and serves a declared one', async () => {
    const app = await buildApp(suite.database, testConfig());
    let ran = false;
    app.get('/api/undeclared', async () => {
      ran = true;
      return { secret: true };
    });
    app.get('/api/declared', { config: { access: access.session() } }, async () => ({ ok: true }));
    await app.ready();
    try {
      const cookie = (
        await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'ada', password: 'secret-password' },
        })
      ).cookies.find((c) => c.name === 'tillit_session')!.value;
      const res = await app.inject({ method: 'GET', url: '/api/undeclared', cookies: { tillit_session: cookie } });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('access_undeclared');
      expect(ran).toBe(false);
      const ok = await app.inject({ method: 'GET', url: '/api/declared', cookies: { tillit_session: cookie } });
      expect(ok.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('routes open without a session are rate-limited per address (finding 15)', () => {
  const token = 'x'.repeat(32);
  const calls: [string, string, 'GET' | 'POST', unknown][] = [
    ['«Hvem kommer?»', `/api/visiting/${token}`, 'GET', undefined],
    ['survey form', `/api/surveys/${token}`, 'GET', undefined],
    ['survey answer', `/api/surveys/${token}`, 'POST', { answers: {} }],
  ];
  for (const [label, url, method, payload] of calls) {
    it(`gives 429 to the sixth ${label} request from one address within the minute, not to another address`, async () => {
      const from = (remoteAddress: string) =>
        suite.app.inject({ method, url, payload: payload as never, remoteAddress });
      const address = `10.1.${calls.findIndex((c) => c[0] === label)}.1`;
      for (let i = 0; i < 5; i++) expect((await from(address)).statusCode, `call ${i + 1}`).not.toBe(429);
      const limited = await from(address);
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('rate_limited');
      expect((await from('10.9.9.9')).statusCode).not.toBe(429);
    });
  }
});

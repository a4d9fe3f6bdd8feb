import { describe, expect, it } from 'vitest';
import { PASSWORD } from '../../test/factories.ts';
import { buildTestApp, logInAs, useWorldSuite } from '../../test/harness.ts';

const suite = useWorldSuite({ loginLimits: { perUser: 3, perAddress: 100, windowMs: 60_000 } });

const login = (username: string, password: string, ip = '10.0.0.1') =>
  suite.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

describe('log-in and sessions', () => {
  it('sets an httpOnly SameSite=Strict session cookie and returns the CSRF token', async () => {
    const res = await login('anna', PASSWORD, '10.0.0.2');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'tillit_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(res.json()).toMatchObject({ username: 'anna', role: 'member', teamIds: [suite.world.north.id] });
    expect(res.json().csrfToken).toMatch(/^[\w-]{20,}$/);
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const a = await login('anna', 'wrong', '10.0.0.3');
    const b = await login('nobody', 'wrong', '10.0.0.3');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json()).toEqual(b.json());
  });

  it('limits log-in attempts per address and username', async () => {
    for (let i = 0; i < 3; i++) expect((await login('anna', 'wrong', '10.0.0.4')).statusCode).toBe(401);
    const limited = await login('anna', PASSWORD, '10.0.0.4');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    // Another user from the same address is not locked out.
    expect((await login('bo', PASSWORD, '10.0.0.4')).statusCode).toBe(200);
  });

  it('names the missing field on a bad log-in request', async () => {
    const res = await suite.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'anna' },
      remoteAddress: '10.0.0.5',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('password');
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const res = await login('anna', PASSWORD, '10.0.0.6');
    const cookie = res.cookies.find((c) => c.name === 'tillit_session')!.value;
    const noToken = await suite.app.inject({
      method: 'PATCH',
      url: `/api/recipients/${suite.world.petter.id}`,
      payload: { version: 1, phone: '12345678' },
      cookies: { tillit_session: cookie },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('csrf');
  });

  it('ends the session on log-out', async () => {
    const anna = await logInAs(suite.app, 'anna');
    expect((await anna.get('/api/auth/me')).status).toBe(200);
    expect((await anna.post('/api/auth/logout')).status).toBe(200);
    expect((await anna.get('/api/auth/me')).status).toBe(401);
  });
});

describe('what the log-in page may show', () => {
  it('shows the demo log-ins only when the server runs with the demo district', async () => {
    const plain = await suite.app.inject({ method: 'GET', url: '/api/auth/config' });
    expect(plain.statusCode).toBe(200);
    expect(plain.json()).toEqual({ demoLogins: false, sso: { staff: false, eid: false } });
    const demo = await buildTestApp(suite.database, { demoLogins: true });
    try {
      const res = await demo.inject({ method: 'GET', url: '/api/auth/config' });
      expect(res.json()).toEqual({ demoLogins: true, sso: { staff: false, eid: false } });
    } finally {
      await demo.close();
    }
  });
});

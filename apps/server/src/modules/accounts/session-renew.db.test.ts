import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { PASSWORD } from '../../test/factories.ts';
import { useWorldSuite } from '../../test/harness.ts';

const suite = useWorldSuite();
const HOURS = 12;

async function logIn() {
  const res = await suite.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'anna', password: PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  expect(res.json().sessionSecondsLeft).toBe(HOURS * 3600);
  return { cookie: res.cookies.find((c) => c.name === 'tillit_session')!.value, csrf: res.json().csrfToken as string };
}

/**
 * Session expiry is measured by the database's now() (time/clock.ts: expiries are not calendar
 * decisions), so the clock is moved by moving the session's end: `left` of its 12 hours remain.
 */
async function moveClock(left: string) {
  await suite.database.db.execute(sql`UPDATE session SET expires_at = now() + ${left}::interval`);
}

const secondsLeftInDb = async () =>
  Number(
    (await suite.database.db.execute(sql`SELECT extract(epoch FROM expires_at - now()) AS s FROM session`)).rows[0].s,
  );

const renew = (cookie: string, csrf?: string) =>
  suite.app.inject({
    method: 'POST',
    url: '/api/auth/session/renew',
    cookies: { tillit_session: cookie },
    headers: csrf ? { 'x-csrf-token': csrf } : {},
  });

describe('extending the session before it ends (WCAG 2.2.1)', () => {
  it('tells the app how long is left, and renews to the full length three minutes before the end', async () => {
    const { cookie, csrf } = await logIn();
    await moveClock('3 minutes');
    const me = await suite.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { tillit_session: cookie } });
    expect(me.json().sessionSecondsLeft).toBeGreaterThan(170);
    expect(me.json().sessionSecondsLeft).toBeLessThanOrEqual(180);

    const res = await renew(cookie, csrf);
    expect(res.statusCode).toBe(200);
    expect(res.json().sessionSecondsLeft).toBeGreaterThan(HOURS * 3600 - 60);
    expect(res.json().sessionSecondsLeft).toBeLessThanOrEqual(HOURS * 3600);
    expect(await secondsLeftInDb()).toBeGreaterThan(HOURS * 3600 - 60);
    // The cookie is sent again with the new end, the same token (no new session is made).
    const again = res.cookies.find((c) => c.name === 'tillit_session')!;
    expect(again.value).toBe(cookie);
    expect(again).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(again.expires!.getTime() - Date.now()).toBeGreaterThan((HOURS * 3600 - 60) * 1000);
    expect((await suite.database.db.execute(sql`SELECT count(*)::int AS n FROM session`)).rows[0].n).toBe(1);
  });

  it('refuses a renewal without the CSRF token, and leaves the end where it was', async () => {
    const { cookie } = await logIn();
    await moveClock('3 minutes');
    const res = await renew(cookie);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf');
    expect(await secondsLeftInDb()).toBeLessThanOrEqual(180);
  });

  it('cannot bring back a session that has ended', async () => {
    const { cookie, csrf } = await logIn();
    await moveClock('-1 second');
    const res = await renew(cookie, csrf);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
    expect(await secondsLeftInDb()).toBeLessThan(0);
  });

  it('refuses a renewal without a session', async () => {
    const res = await suite.app.inject({ method: 'POST', url: '/api/auth/session/renew' });
    expect(res.statusCode).toBe(401);
  });
});

import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { PASSWORD } from '../../test/factories.ts';
import { useWorldSuite } from '../../test/harness.ts';

// Secure cookies as in production (TILLIT_SECURE_COOKIES / NODE_ENV=production).
const suite = useWorldSuite({ secureCookies: true });

async function logIn() {
  const res = await suite.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'anna', password: PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  return { res, cookie: res.cookies.find((c) => c.name === 'tillit_session')! };
}

describe('the session token (ASVS 3.1.1, 3.2.1, 3.2.2, 3.4.1)', () => {
  it('is new at every log-in, 256 random bits, and kept on the server only as its hash', async () => {
    const a = await logIn();
    const b = await logIn();
    expect(a.cookie.value).not.toBe(b.cookie.value);
    expect(Buffer.from(a.cookie.value, 'base64url').length).toBe(32);
    const stored = await suite.database.db.execute(sql`SELECT token_hash, csrf_token FROM session`);
    const text = JSON.stringify(stored.rows);
    expect(stored.rows).toHaveLength(2);
    expect(text).not.toContain(a.cookie.value);
    expect(text).not.toContain(b.cookie.value);
  });

  it('travels only in a Secure, httpOnly, SameSite=Strict cookie that ends with the session', async () => {
    const { res, cookie } = await logIn();
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict', path: '/' });
    const hours = (cookie.expires!.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12);
    expect(res.body).not.toContain(cookie.value);
  });
});

import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseTrustProxy } from '../../config.ts';
import { PASSWORD } from '../../test/factories.ts';
import { buildTestApp, useWorldSuite } from '../../test/harness.ts';
import { postgresUrl, race } from '../../test/race.ts';
import { testClock } from '../../time/clock.ts';

/**
 * Finding 4 of #18: with `trustProxy: true` a client chose its own address by sending
 * X-Forwarded-For, so 15 wrong passwords for one user with rotating headers all got 401;
 * and the limit was per address and username, so spraying many usernames from one address
 * was never slowed. The limits below are the defaults a municipality gets.
 */
const clock = testClock(new Date());
const limits = loadConfig({}).loginLimits;
const suite = useWorldSuite({ loginLimits: limits, clock });

const attempt = (username: string, password: string, headers: Record<string, string> = {}, ip = '203.0.113.7') =>
  suite.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    headers,
    remoteAddress: ip,
  });

describe('failed log-ins', () => {
  it('are limited per username, whatever address the client claims', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) {
      const res = await attempt('ada', `guess-${i}`, { 'x-forwarded-for': `198.51.100.${i + 1}` }, `192.0.2.${i + 1}`);
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, limits.perUser)).toEqual(Array(limits.perUser).fill(401));
    expect(statuses.slice(limits.perUser)).toEqual(Array(15 - limits.perUser).fill(429));
    // Even the right password waits out the lockout; the answer says how long.
    const locked = await attempt('ada', PASSWORD, {}, '192.0.2.200');
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('do not let a client choose its address with X-Forwarded-For unless a trusted proxy sent it', async () => {
    for (let i = 0; i < limits.perAddress; i++) {
      await attempt(`nobody${i}`, 'wrong', { 'x-forwarded-for': `198.51.100.${i + 1}` });
    }
    expect((await attempt('someone', 'wrong', { 'x-forwarded-for': '198.51.100.250' })).statusCode).toBe(429);
  });

  it('are limited per address: spraying 25 usernames from one address is slowed', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await attempt(`user${i}`, 'Sommer2026!')).statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(limits.perAddress);
    expect(statuses.slice(limits.perAddress)).toEqual(Array(25 - limits.perAddress).fill(429));
  });

  it('lock out for longer each time the limit is passed again', async () => {
    for (let i = 0; i < limits.perUser; i++) await attempt('bo', 'wrong');
    expect((await attempt('bo', 'wrong')).statusCode).toBe(429);
    clock.advance(61_000); // the first lockout is one minute
    expect((await attempt('bo', 'wrong')).statusCode).toBe(401);
    clock.advance(61_000); // the second is two
    expect((await attempt('bo', PASSWORD)).statusCode).toBe(429);
    clock.advance(60_000);
    expect((await attempt('bo', PASSWORD)).statusCode).toBe(200);
  });
});

describe('log-ins that work', () => {
  it('still work after a few failures, and start the username’s count again', async () => {
    // From a new address each round: the failures stay counted against the address.
    for (let round = 0; round < 3; round++) {
      const ip = `198.51.100.${round + 1}`;
      for (let i = 0; i < limits.perUser - 1; i++)
        expect((await attempt('anna', 'wrong', {}, ip)).statusCode).toBe(401);
      expect((await attempt('anna', PASSWORD, {}, ip)).statusCode).toBe(200);
    }
  });

  it('never use up the budget of an address (a whole office behind one address)', async () => {
    for (let i = 0; i < limits.perAddress * 2; i++) {
      expect((await attempt(['anna', 'bo', 'lea', 'ada'][i % 4], PASSWORD)).statusCode).toBe(200);
    }
    expect((await attempt('anna', 'wrong')).statusCode).toBe(401);
  });

  it('keep no username or address in clear', async () => {
    await attempt('my-password-typed-as-username', 'wrong');
    const rows = await suite.database.db.execute(sql`SELECT key FROM login_throttle`);
    expect(JSON.stringify(rows.rows)).not.toMatch(/my-password|203\.0\.113/);
    expect(rows.rows).toHaveLength(2);
  });
});

describe('behind a trusted proxy', () => {
  it('counts the client address the proxy forwards', async () => {
    const app = await buildTestApp(suite.database, { loginLimits: limits, clock, trustProxy: ['10.0.0.5'] });
    try {
      const viaProxy = (user: string, client: string) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: user, password: 'wrong' },
          headers: { 'x-forwarded-for': client },
          remoteAddress: '10.0.0.5',
        });
      for (let i = 0; i < limits.perAddress; i++) await viaProxy(`sprayed${i}`, '198.51.100.9');
      expect((await viaProxy('another', '198.51.100.9')).statusCode).toBe(429);
      // Another client behind the same proxy is not slowed by the first.
      expect((await viaProxy('another', '198.51.100.10')).statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });

  it('is a setting of addresses: trusting every sender is refused', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('10.0.0.5, 10.0.1.0/24')).toEqual(['10.0.0.5', '10.0.1.0/24']);
    expect(() => parseTrustProxy('true')).toThrow(/TILLIT_TRUST_PROXY/);
    expect(() => parseTrustProxy('*')).toThrow(/TILLIT_TRUST_PROXY/);
    expect(loadConfig({}).trustProxy).toBe(false);
  });
});

describe.runIf(postgresUrl)('on PostgreSQL, attempts at the same moment', () => {
  it('get no more password checks than the limit allows', async () => {
    expect((await attempt('lea', 'wrong')).statusCode).toBe(401);
    // Hold the username's row: every attempt queues on it (the pool has five connections).
    const answers = await race(
      postgresUrl!,
      5,
      () => Array.from({ length: 12 }, (_, i) => attempt('lea', `wrong-${i}`, {}, `192.0.2.${i + 1}`)),
      'SELECT key FROM login_throttle FOR UPDATE',
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(limits.perUser - 1);
    expect(statuses.filter((s) => s === 429)).toHaveLength(12 - (limits.perUser - 1));
  });
});

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { Database } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { buildWorld } from '../test/factories.ts';
import { logInAs, openTestDatabase, resetData, testConfig } from '../test/harness.ts';

/**
 * Finding 11 of #18: pages, assets, JSON and the PDF letters went out with no security
 * headers, and answers with people's data could be kept in caches.
 */
let database: Database;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof buildWorld>>;

/** A built web app in miniature: the index page and one hashed asset, as Vite writes them. */
function miniWebApp(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tillit-web-'));
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(
    path.join(root, 'index.html'),
    '<!doctype html><html lang="nb"><head><script type="module" crossorigin src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>',
  );
  writeFileSync(path.join(root, 'assets', 'index-abc123.js'), 'console.log("tillit")');
  return root;
}

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp(database, testConfig(), { webRoot: miniWebApp() });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});
beforeEach(async () => {
  await resetData(database);
  world = await buildWorld(database.db);
});

const get = (url: string, headers: Record<string, string> = {}, on = app) => on.inject({ method: 'GET', url, headers });

function expectSecurityHeaders(headers: Record<string, unknown>, what: string) {
  const csp = String(headers['content-security-policy']);
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("object-src 'none'");
  const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src '));
  expect(scriptSrc, what).toBe("script-src 'self'");
  expect(csp, what).not.toContain('unsafe-inline');
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('no-referrer');
  expect(headers['x-frame-options'], what).toBe('DENY');
  expect(headers['strict-transport-security'], `${what}: no HSTS over plain HTTP`).toBeUndefined();
}

describe('security headers', () => {
  it('are on pages and the app’s client-side routes, which are not cached', async () => {
    for (const url of ['/', '/index.html', '/recipients/some-id']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expectSecurityHeaders(res.headers, url);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('are on assets, which may be cached (their names change with their content)', async () => {
    const res = await get('/assets/index-abc123.js');
    expect(res.statusCode).toBe(200);
    expectSecurityHeaders(res.headers, 'asset');
    expect(res.headers['cache-control']).not.toBe('no-store');
  });

  it('are on JSON answers, all of them no-store: ok, refused and unknown', async () => {
    const anna = await logInAs(app, 'anna');
    expect((await anna.get('/api/auth/me')).status).toBe(200);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'anna', password: 'secret-password' },
    });
    const cookie = login.cookies.find((c) => c.name === 'tillit_session')!.value;
    const answers = {
      record: await app.inject({
        method: 'GET',
        url: `/api/recipients/${world.petter.id}`,
        cookies: { tillit_session: cookie },
      }),
      refused: await get(`/api/recipients/${world.petter.id}`),
      unknown: await get('/api/no-such-thing'),
      health: await get('/api/health'),
    };
    expect(answers.record.statusCode).toBe(200);
    for (const [what, res] of Object.entries(answers)) {
      expectSecurityHeaders(res.headers, what);
      expect(res.headers['cache-control'], what).toBe('no-store');
    }
  });

  it('are on the decision letter, which is never cached', async () => {
    await database.db
      .insert(t.teamFrames)
      .values({ teamId: world.north.id, serviceType: 'hjemmesykepleie', maxHoursPerWeek: 5 });
    const anna = await logInAs(app, 'anna');
    const decision = await anna.post(`/api/recipients/${world.petter.id}/service-decisions`, {
      serviceType: 'hjemmesykepleie',
      hoursPerWeek: 3,
      validFrom: '2026-12-01',
      needsAndWishes: 'Petter vil bo hjemme og klare morgenstellet selv med litt støtte.',
      reasons: 'Trenger hjelp med medisiner og tilsyn etter fall i november.',
    });
    expect(decision.status).toBe(201);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'anna', password: 'secret-password' },
    });
    const cookie = login.cookies.find((c) => c.name === 'tillit_session')!.value;
    const res = await app.inject({
      method: 'GET',
      url: `/api/service-decisions/${decision.body.id}/letter.pdf`,
      cookies: { tillit_session: cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expectSecurityHeaders(res.headers, 'letter');
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('HSTS', () => {
  it('is sent only on answers that came over HTTPS through a trusted proxy, and can be turned off', async () => {
    const behindProxy = await buildApp(database, testConfig({ trustProxy: ['127.0.0.1'] }));
    const off = await buildApp(database, testConfig({ trustProxy: ['127.0.0.1'], hsts: false }));
    try {
      const https = { 'x-forwarded-proto': 'https' };
      expect((await get('/api/health', https, behindProxy)).headers['strict-transport-security']).toBe(
        'max-age=31536000; includeSubDomains',
      );
      expect((await get('/api/health', {}, behindProxy)).headers['strict-transport-security']).toBeUndefined();
      // Without a trusted proxy anyone could send the header: it is not believed.
      expect((await get('/api/health', https)).headers['strict-transport-security']).toBeUndefined();
      expect((await get('/api/health', https, off)).headers['strict-transport-security']).toBeUndefined();
    } finally {
      await behindProxy.close();
      await off.close();
    }
  });
});

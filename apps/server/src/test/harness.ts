import { afterAll, beforeAll, beforeEach } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import { migrateDatabase, openDatabase, type Database } from '../db/client.ts';
import { buildWorld } from './factories.ts';

type World = Awaited<ReturnType<typeof buildWorld>>;

/**
 * The shared database suite runs on PGlite (in memory) by default and on PostgreSQL when
 * DATABASE_URL is set. On PostgreSQL each test file starts from an empty schema.
 */
export async function openTestDatabase(): Promise<Database> {
  const databaseUrl = process.env.DATABASE_URL;
  const database = await openDatabase({ databaseUrl, poolSize: 5 });
  if (databaseUrl) {
    await database.db.execute(sql`DROP SCHEMA IF EXISTS public CASCADE`);
    await database.db.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
    await database.db.execute(sql`CREATE SCHEMA public`);
  }
  await migrateDatabase(database);
  return database;
}

const TABLES = [
  'reporting_estimate',
  'reporting_item',
  'handover_ack',
  'incident',
  'plan_change',
  'plan_lock',
  'plan_run',
  'absence',
  'rota_entry',
  'visiting_link',
  'team_note',
  'leader_self_assessment',
  'pulse_held',
  'pulse_response',
  'pulse_receipt',
  'survey_held',
  'survey_response',
  'survey_link',
  'service_decision',
  'team_frame',
  'shared_decision',
  'condition_change',
  'observation',
  'visit_measure',
  'visit',
  'measure_version',
  'measure',
  'goal',
  'what_matters',
  'audit_log',
  'emergency_access',
  'fhir_token',
  'fhir_client',
  'session',
  'oidc_login_attempt',
  'external_identity',
  'login_throttle',
  'user_account',
  'next_of_kin',
  'recipient_team',
  'recipient',
  'staff_competence',
  'team_membership',
  'competence_type',
  'staff',
  'team',
  'district',
  'municipality',
];

/**
 * Empties every table between tests. The audit log refuses TRUNCATE, so triggers are bypassed
 * here only. On PostgreSQL the app under test may still be at work in the background (a plan
 * run the previous test queued reads the tables), and TRUNCATE's exclusive locks can then
 * deadlock with it (seen in CI on the access matrix); PostgreSQL picks one side to fail, so the
 * reset is tried again.
 */
export async function resetData(database: Database, attempts = 3) {
  for (let attempt = 1; ; attempt++) {
    try {
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL session_replication_role = replica`);
        await tx.execute(sql.raw(`TRUNCATE ${TABLES.join(', ')} RESTART IDENTITY CASCADE`));
        await tx.execute(sql`UPDATE audit_head SET seq = 0, hash = repeat('0', 64)`);
      });
      return;
    } catch (err) {
      const code = (err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
      if (code !== '40P01' || attempt >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({}),
    logLevel: 'silent',
    loginLimits: { perUser: 1000, perAddress: 100_000, windowMs: 60_000 },
    publicRateLimit: { max: 1000, windowMs: 60_000 },
    planningWorker: false,
    planningThreads: 1,
    ...overrides,
  };
}

export async function buildTestApp(database: Database, overrides: Partial<Config> = {}): Promise<FastifyInstance> {
  const app = await buildApp(database, testConfig(overrides));
  await app.ready();
  return app;
}

/** A logged-in client for `app.inject`, carrying the session cookie and CSRF token. */
export interface Client {
  get(url: string): Promise<{ status: number; body: any }>;
  post(url: string, payload?: unknown): Promise<{ status: number; body: any }>;
  patch(url: string, payload?: unknown): Promise<{ status: number; body: any }>;
  del(url: string): Promise<{ status: number; body: any }>;
}

export async function logInAs(app: FastifyInstance, username: string, password = 'secret-password'): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`log-in as ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'tillit_session')!;
  const csrf = res.json().csrfToken as string;
  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => {
    const r = await app.inject({
      method,
      url,
      payload: payload as never,
      cookies: { tillit_session: cookie.value },
      headers: method === 'GET' ? {} : { 'x-csrf-token': csrf },
    });
    // A PDF or page comes back as it is; everything else is JSON.
    const json = String(r.headers['content-type'] ?? '').startsWith('application/json');
    return { status: r.statusCode, body: r.body ? (json ? r.json() : r.body) : null };
  };
  return {
    get: (url) => call('GET', url),
    post: (url, payload) => call('POST', url, payload ?? {}),
    patch: (url, payload) => call('PATCH', url, payload ?? {}),
    del: (url) => call('DELETE', url),
  };
}

/**
 * The usual story setup for a database test file: one database and app per file, emptied
 * and given a fresh small world (see factories.buildWorld) before each test. Read the
 * fields inside tests and hooks, not at module level.
 */
export function useWorldSuite(overrides: Partial<Config> = {}) {
  const suite = {} as { database: Database; app: FastifyInstance; world: World };
  beforeAll(async () => {
    suite.database = await openTestDatabase();
    suite.app = await buildTestApp(suite.database, overrides);
  });
  afterAll(async () => {
    await suite.app.close();
    await suite.database.close();
  });
  beforeEach(async () => {
    await resetData(suite.database);
    suite.world = await buildWorld(suite.database.db);
  });
  return suite;
}

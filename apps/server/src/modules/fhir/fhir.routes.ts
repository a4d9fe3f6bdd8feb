/**
 * The FHIR R4 API under /fhir/R4 (see docs/FHIR.md), the token endpoint /oauth2/token and the
 * administrators' client registration under /api/fhir/clients. Every FHIR route declares
 * `access.fhir(type, mode)`: the gate checks the bearer token and its scope and builds the
 * actor; FhirRepository then applies the record policy as for that user. Errors under /fhir/R4
 * are OperationOutcomes (http/outcome.ts), under /oauth2 RFC 6749 errors.
 */
import {
  fhirClientList,
  fhirTokenBody,
  fhirTokenResponse,
  registeredFhirClient,
  registerFhirClientBody,
} from '@tillit/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import { FHIR_JSON, sendOperationOutcome } from '../../http/outcome.ts';
import { recordExtraVisit, recordObservation } from '../care/index.ts';
import { CREATABLE, capabilityStatement, TOKEN_PATH } from './fhir.capability.ts';
import { issueToken, listClients, OAuthError, registerClient, revokeClient } from './fhir.clients.ts';
import { parseEncounter, parseObservation } from './fhir.create.ts';
import * as clinical from './fhir.map.clinical.ts';
import { FhirRepository, type Resource } from './fhir.repository.ts';
import { parseSearch, SEARCH_PARAMS } from './fhir.search.ts';

export const FHIR_BASE = '/fhir/R4';
const hidden = { hide: true } as const;

const baseUrl = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

function bundle(request: FastifyRequest, resources: Resource[]) {
  const base = `${baseUrl(request)}${FHIR_BASE}`;
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: resources.length,
    link: [{ relation: 'self', url: `${baseUrl(request)}${request.url}` }],
    entry: resources.map((resource) => ({
      fullUrl: `${base}/${resource.resourceType}/${resource.id}`,
      resource,
      search: { mode: 'match' },
    })),
  };
}

function created(request: FastifyRequest, reply: FastifyReply, resource: Resource) {
  const location = `${baseUrl(request)}${FHIR_BASE}/${resource.resourceType}/${resource.id}`;
  return reply.status(201).type(FHIR_JSON).header('location', location).send(resource);
}

function readRoutes(fhir: FastifyInstance, db: Db) {
  for (const type of Object.keys(SEARCH_PARAMS)) {
    const config = { access: access.fhir(type, 'read') };
    fhir.get(`/${type}`, { schema: hidden, config }, async (request, reply) => {
      const search = parseSearch(type, request.query as Record<string, string | string[]>);
      const found = await new FhirRepository(db, request.actor).search(type, search);
      return reply.type(FHIR_JSON).send(bundle(request, found));
    });
    if (type === 'AuditEvent') continue;
    fhir.get(`/${type}/:id`, { schema: hidden, config }, async (request, reply) => {
      const { id } = request.params as { id: string };
      return reply.type(FHIR_JSON).send(await new FhirRepository(db, request.actor).read(type, id));
    });
  }
}

function createRoutes(fhir: FastifyInstance, db: Db) {
  fhir.post(
    '/Observation',
    { schema: hidden, config: { access: access.fhir('Observation', 'write') } },
    async (request, reply) => {
      const input = parseObservation(request.body, request.actor.now);
      const row = await recordObservation(db, request.actor, input);
      const resource = clinical.observation({
        ...row,
        recipient_id: row.recipientId,
        visit_id: row.visitId,
        value2: row.value2,
        recorded_at: row.recordedAt,
      }) as Resource;
      return created(request, reply, resource);
    },
  );
  fhir.post(
    '/Encounter',
    { schema: hidden, config: { access: access.fhir('Encounter', 'write') } },
    async (request, reply) => {
      const input = parseEncounter(request.body, request.actor.now);
      const v = await recordExtraVisit(db, request.actor, input);
      const resource = clinical.encounter({
        id: v.id,
        status: v.status,
        recipient_id: v.recipientId,
        staff_id: v.staffId,
        second_staff_id: v.secondStaffId,
        date: v.date,
        window_start: v.windowStart,
        window_end: v.windowEnd,
        checked_in_at: v.checkedInAt,
        checked_out_at: v.checkedOutAt,
      }) as Resource;
      return created(request, reply, resource);
    },
  );
}

/** /fhir/R4: its own JSON content type, and an OperationOutcome for every path it does not know. */
function fhirPlugin(db: Db, version: string) {
  return async (fhir: FastifyInstance) => {
    fhir.addContentTypeParser(
      'application/fhir+json',
      { parseAs: 'string' },
      fhir.getDefaultJsonParser('error', 'error'),
    );
    fhir.setNotFoundHandler((request, reply) =>
      sendOperationOutcome(reply, 404, {
        code: 'not_found',
        message: `No such endpoint: ${request.method} (see /fhir/R4/metadata)`,
      }),
    );
    fhir.get('/metadata', { schema: hidden, config: { access: access.public() } }, async (request, reply) =>
      reply.type(FHIR_JSON).send(capabilityStatement(baseUrl(request), version)),
    );
    readRoutes(fhir, db);
    createRoutes(fhir, db);
    void CREATABLE;
  };
}

/** Client id and secret from HTTP Basic (RFC 6749 §2.3.1) or the form body. */
function credentials(request: FastifyRequest, body: z.infer<typeof fhirTokenBody>) {
  const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (basic) {
    const text = Buffer.from(basic, 'base64').toString('utf8');
    const colon = text.indexOf(':');
    if (colon > 0)
      return { clientId: decodeURIComponent(text.slice(0, colon)), secret: decodeURIComponent(text.slice(colon + 1)) };
  }
  if (!body.client_id || !body.client_secret)
    throw new OAuthError(401, 'invalid_client', 'Client credentials are missing');
  return { clientId: body.client_id, secret: body.client_secret };
}

function tokenRoute(app: FastifyInstance, db: Db) {
  app.register(async (oauth) => {
    oauth.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, text, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(text))));
    });
    oauth.withTypeProvider<ZodTypeProvider>().post(
      TOKEN_PATH,
      {
        schema: { body: fhirTokenBody, response: { 200: fhirTokenResponse }, hide: true },
        // A password-like secret is checked here: the same per-address limit as the log-in.
        config: { access: access.public({ max: 20, timeWindow: 60_000 }) },
      },
      async (request, reply) => {
        if (request.body.grant_type !== 'client_credentials')
          throw new OAuthError(400, 'unsupported_grant_type', 'Only client_credentials is supported');
        const { clientId, secret } = credentials(request, request.body);
        reply.header('pragma', 'no-cache');
        return issueToken(db, { clientId, secret, scope: request.body.scope });
      },
    );
  });
}

function clientRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admin = { access: access.roles('admin') };
  r.post(
    '/api/fhir/clients',
    { schema: { body: registerFhirClientBody, response: { 201: registeredFhirClient } }, config: admin },
    async (request, reply) => reply.status(201).send(await registerClient(db, request.actor, request.body)),
  );
  r.get('/api/fhir/clients', { schema: { response: { 200: fhirClientList } }, config: admin }, async (request) =>
    listClients(db, request.actor),
  );
  r.post(
    '/api/fhir/clients/:id/revoke',
    {
      schema: { params: z.object({ id: z.uuid() }), response: { 200: z.object({ revoked: z.boolean() }) } },
      config: admin,
    },
    async (request) => revokeClient(db, request.actor, request.params.id),
  );
}

export async function fhirRoutes(app: FastifyInstance, db: Db, version: string) {
  clientRoutes(app, db);
  tokenRoute(app, db);
  await app.register(fhirPlugin(db, version), { prefix: FHIR_BASE });
}

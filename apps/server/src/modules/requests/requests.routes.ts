import {
  idParams,
  linkDecisionBody,
  newServiceRequestBody,
  serviceRequestCreated,
  serviceRequestListQuery,
  serviceRequestListResponse,
  serviceRequestResponse,
} from '@tillit/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import type { Actor } from '../../http/actor.ts';
import { RequestReader } from './requests.read.ts';

/** Søknader og henvendelser: register (members of the receiving team), list, read, link the answering decision. */
export function requestRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const requests = (req: { actor: Actor }) => new RequestReader(db, req.actor);

  r.post(
    '/api/teams/:id/service-requests',
    {
      schema: { params: idParams, body: newServiceRequestBody, response: { 201: serviceRequestCreated } },
      config: { access: access.team('id') },
    },
    async (req, reply) => {
      reply.status(201);
      return requests(req).register(req.params.id, req.body);
    },
  );
  r.get(
    '/api/teams/:id/service-requests',
    {
      schema: { params: idParams, querystring: serviceRequestListQuery, response: { 200: serviceRequestListResponse } },
      config: { access: access.team('id') },
    },
    (req) => requests(req).list(req.params.id, req.query.state),
  );
  r.get(
    '/api/service-requests/:id',
    {
      schema: { params: idParams, response: { 200: serviceRequestResponse } },
      config: { access: access.team('id', 'serviceRequest') },
    },
    (req) => requests(req).get(req.params.id),
  );
  r.post(
    '/api/service-requests/:id/decision',
    {
      schema: { params: idParams, body: linkDecisionBody, response: { 200: serviceRequestCreated } },
      config: { access: access.team('id', 'serviceRequest') },
    },
    (req) => requests(req).linkDecision(req.params.id, req.body),
  );
}

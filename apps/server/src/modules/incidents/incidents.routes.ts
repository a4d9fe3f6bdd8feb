import {
  closeIncidentBody,
  incidentChangeResponse,
  incidentListQuery,
  incidentListResponse,
  incidentSummaryQuery,
  incidentSummaryResponse,
  reportIncidentBody,
  reviewIncidentBody,
} from '@tillit/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import type { Actor } from '../../http/actor.ts';
import { IncidentRepository, incidentSummary } from './incidents.repository.ts';

const idParams = z.object({ id: z.uuid() });

/** Avvik: report (any member of the team), the team's list for the board, review and close; leaders' counts. */
export function incidentRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const incidents = (req: { actor: Actor }) => new IncidentRepository(db, req.actor);

  r.post(
    '/api/teams/:id/incidents',
    {
      schema: { params: idParams, body: reportIncidentBody, response: { 201: incidentChangeResponse } },
      config: { access: access.team('id') },
    },
    async (req, reply) => {
      reply.status(201);
      return incidents(req).report(req.params.id, req.body);
    },
  );
  r.get(
    '/api/teams/:id/incidents',
    {
      schema: { params: idParams, querystring: incidentListQuery, response: { 200: incidentListResponse } },
      config: { access: access.team('id') },
    },
    (req) => incidents(req).list(req.params.id, req.query.state),
  );
  r.post(
    '/api/incidents/:id/review',
    {
      schema: { params: idParams, body: reviewIncidentBody, response: { 200: incidentChangeResponse } },
      config: { access: access.record('id', 'serve', 'incident') },
    },
    (req) => incidents(req).review(req.params.id, req.body.version, req.body.note),
  );
  r.post(
    '/api/incidents/:id/close',
    {
      schema: { params: idParams, body: closeIncidentBody, response: { 200: incidentChangeResponse } },
      config: { access: access.record('id', 'serve', 'incident') },
    },
    (req) => incidents(req).close(req.params.id, req.body.version, req.body.learned, req.body.change),
  );
  r.get(
    '/api/incidents/summary',
    {
      schema: { querystring: incidentSummaryQuery, response: { 200: incidentSummaryResponse } },
      config: { access: access.roles('leader', 'admin') },
    },
    (req) => incidentSummary(db, req.actor, req.query.from, req.query.to),
  );
}

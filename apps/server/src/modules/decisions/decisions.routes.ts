import { decisionBody, framesResponse, idParams, serviceDecisionResponse } from '@tillit/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import type { Actor } from '../../http/actor.ts';
import { DecisionRepository } from './decisions.repository.ts';

export function decisionsRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const repo = (actor: Actor) => new DecisionRepository(db, actor);
  r.post(
    '/api/recipients/:id/service-decisions',
    {
      schema: { params: idParams, body: decisionBody, response: { 201: serviceDecisionResponse } },
      config: { access: access.record('id', 'serve') },
    },
    async (req, reply) => {
      reply.status(201);
      return repo(req.actor).decide(req.params.id, req.body);
    },
  );
  r.post(
    '/api/service-decisions/:id/cosign',
    {
      schema: { params: idParams, response: { 200: serviceDecisionResponse } },
      config: { access: access.record('id', 'serve', 'serviceDecision') },
    },
    (req) => repo(req.actor).cosign(req.params.id),
  );
  // A PDF, not JSON: there is no response schema to check it against (decisions.db.test.ts reads the letter).
  r.get(
    '/api/service-decisions/:id/letter.pdf',
    { schema: { params: idParams }, config: { access: access.record('id', 'read', 'serviceDecision') } },
    async (req, reply) => {
      const pdf = await repo(req.actor).letter(req.params.id);
      reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="vedtak-${req.params.id}.pdf"`);
      return reply.send(pdf);
    },
  );
  r.get(
    '/api/teams/:id/frames',
    {
      schema: { params: idParams, response: { 200: framesResponse } },
      config: { access: access.teamLevel('id') },
    },
    (req) => repo(req.actor).frames(req.params.id),
  );
}

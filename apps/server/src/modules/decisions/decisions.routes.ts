import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import type { Actor } from '../../http/actor.ts';
import { DecisionRepository } from './decisions.repository.ts';
import { decisionBody } from './decisions.schema.ts';

const idParams = z.object({ id: z.uuid() });

export function decisionsRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const repo = (actor: Actor) => new DecisionRepository(db, actor);
  r.post(
    '/api/recipients/:id/service-decisions',
    { schema: { params: idParams, body: decisionBody }, config: { access: access.record('id', 'serve') } },
    async (req, reply) => {
      reply.status(201);
      return repo(req.actor).decide(req.params.id, req.body);
    },
  );
  r.post(
    '/api/service-decisions/:id/cosign',
    { schema: { params: idParams }, config: { access: access.record('id', 'serve', 'serviceDecision') } },
    (req) => repo(req.actor).cosign(req.params.id),
  );
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
  r.get('/api/teams/:id/frames', { schema: { params: idParams }, config: { access: access.teamLevel('id') } }, (req) =>
    repo(req.actor).frames(req.params.id),
  );
}

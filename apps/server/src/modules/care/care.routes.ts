import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import type { Actor } from '../../http/actor.ts';
import { BoardRepository } from './board.repository.ts';
import { CareRepository } from './care.repository.ts';
import {
  assignBody,
  closeBody,
  completeVisitBody,
  dayQuery,
  generateBody,
  goalBody,
  measureBody,
  measurePatch,
  sharedDecisionBody,
  whatMattersBody,
} from './care.schema.ts';
import { VisitRepository } from './visits.repository.ts';

const idParams = z.object({ id: z.uuid() });

export function careRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const care = (req: { actor: Actor }) => new CareRepository(db, req.actor);
  const visits = (req: { actor: Actor }) => new VisitRepository(db, req.actor);
  const board = (req: { actor: Actor }) => new BoardRepository(db, req.actor);

  r.get('/api/recipients/:id/care', { schema: { params: idParams }, config: { access: access.record('id') } }, (req) =>
    care(req).read(req.params.id),
  );
  r.post(
    '/api/recipients/:id/what-matters',
    { schema: { params: idParams, body: whatMattersBody }, config: { access: access.record('id', 'write') } },
    async (req, reply) => {
      reply.status(201);
      return care(req).addWhatMatters(req.params.id, req.body);
    },
  );
  r.post(
    '/api/recipients/:id/goals',
    { schema: { params: idParams, body: goalBody }, config: { access: access.record('id', 'write') } },
    async (req, reply) => {
      reply.status(201);
      return care(req).addGoal(req.params.id, req.body);
    },
  );
  r.post(
    '/api/recipients/:id/measures',
    { schema: { params: idParams, body: measureBody }, config: { access: access.record('id', 'write') } },
    async (req, reply) => {
      reply.status(201);
      return care(req).addMeasure(req.params.id, req.body);
    },
  );
  r.post(
    '/api/recipients/:id/shared-decisions',
    { schema: { params: idParams, body: sharedDecisionBody }, config: { access: access.record('id', 'write') } },
    async (req, reply) => {
      reply.status(201);
      return care(req).recordSharedDecision(req.params.id, req.body);
    },
  );
  r.patch(
    '/api/measures/:id',
    {
      schema: { params: idParams, body: measurePatch },
      config: { access: access.record('id', 'write', 'measure') },
    },
    (req) => care(req).changeMeasure(req.params.id, req.body),
  );

  r.post(
    '/api/teams/:id/visits/generate',
    { schema: { params: idParams, body: generateBody }, config: { access: access.team('id') } },
    (req) => visits(req).generate(req.params.id, req.body.from, req.body.days),
  );
  r.get('/api/me/day', { schema: { querystring: dayQuery }, config: { access: access.session() } }, (req) =>
    visits(req).dayList(req.query.date ?? req.actor.today),
  );
  r.get(
    '/api/visits/:id',
    { schema: { params: idParams }, config: { access: access.record('id', 'read', 'visit') } },
    (req) => visits(req).read(req.params.id),
  );
  r.patch(
    '/api/visits/:id/assignment',
    { schema: { params: idParams, body: assignBody }, config: { access: access.record('id', 'serve', 'visit') } },
    (req) => visits(req).assign(req.params.id, req.body.staffId, req.body.secondStaffId),
  );
  r.post(
    '/api/visits/:id/check-in',
    { schema: { params: idParams }, config: { access: access.record('id', 'write', 'visit') } },
    (req) => visits(req).checkIn(req.params.id),
  );
  r.post(
    '/api/visits/:id/complete',
    {
      schema: { params: idParams, body: completeVisitBody },
      config: { access: access.record('id', 'write', 'visit') },
    },
    (req) => visits(req).complete(req.params.id, req.body),
  );

  r.get('/api/teams/:id/board', { schema: { params: idParams }, config: { access: access.team('id') } }, (req) =>
    board(req).board(req.params.id),
  );
  r.post(
    '/api/condition-changes/:id/take',
    { schema: { params: idParams }, config: { access: access.record('id', 'serve', 'conditionChange') } },
    (req) => board(req).updateConditionChange(req.params.id, 'take'),
  );
  r.post(
    '/api/condition-changes/:id/close',
    {
      schema: { params: idParams, body: closeBody },
      config: { access: access.record('id', 'serve', 'conditionChange') },
    },
    (req) => board(req).updateConditionChange(req.params.id, 'close', req.body.note),
  );
}

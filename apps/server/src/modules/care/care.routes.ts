import {
  assignBody,
  assignResponse,
  boardResponse,
  careResponse,
  checkInResponse,
  closeBody,
  completeVisitBody,
  completeVisitResponse,
  conditionChangeResponse,
  dayQuery,
  dayResponse,
  generateBody,
  generateResponse,
  goalBody,
  goalResponse,
  idParams,
  measureBody,
  measurePatch,
  measureResponse,
  sharedDecisionBody,
  sharedDecisionResponse,
  visitResponse,
  whatMattersBody,
  whatMattersResponse,
} from '@tillit/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import type { Actor } from '../../http/actor.ts';
import { BoardRepository } from './board.repository.ts';
import { CareRepository } from './care.repository.ts';
import { VisitRepository } from './visits.repository.ts';

/** Every route's input and output schema is in packages/contracts (care.plan.ts, care.visits.ts, care.board.ts). */
export function careRoutes(app: FastifyInstance, db: Db) {
  planRoutes(app, db);
  visitRoutes(app, db);
  boardRoutes(app, db);
}

/** The care record and plan: what matters, goals, measures and their changes, shared decisions. */
function planRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const care = (req: { actor: Actor }) => new CareRepository(db, req.actor);
  const record = (use: 'read' | 'write') => access.record('id', use);

  r.get(
    '/api/recipients/:id/care',
    { schema: { params: idParams, response: { 200: careResponse } }, config: { access: record('read') } },
    (req) => care(req).read(req.params.id),
  );
  r.post(
    '/api/recipients/:id/what-matters',
    {
      schema: { params: idParams, body: whatMattersBody, response: { 201: whatMattersResponse } },
      config: { access: record('write') },
    },
    async (req, reply) => {
      reply.status(201);
      return care(req).addWhatMatters(req.params.id, req.body);
    },
  );
  r.post(
    '/api/recipients/:id/goals',
    {
      schema: { params: idParams, body: goalBody, response: { 201: goalResponse } },
      config: { access: record('write') },
    },
    async (req, reply) => {
      reply.status(201);
      return care(req).addGoal(req.params.id, req.body);
    },
  );
  r.post(
    '/api/recipients/:id/measures',
    {
      schema: { params: idParams, body: measureBody, response: { 201: measureResponse } },
      config: { access: record('write') },
    },
    async (req, reply) => {
      reply.status(201);
      return care(req).addMeasure(req.params.id, req.body);
    },
  );
  r.post(
    '/api/recipients/:id/shared-decisions',
    {
      schema: { params: idParams, body: sharedDecisionBody, response: { 201: sharedDecisionResponse } },
      config: { access: record('write') },
    },
    async (req, reply) => {
      reply.status(201);
      return care(req).recordSharedDecision(req.params.id, req.body);
    },
  );
  r.patch(
    '/api/measures/:id',
    {
      schema: { params: idParams, body: measurePatch, response: { 200: measureResponse } },
      config: { access: access.record('id', 'write', 'measure') },
    },
    (req) => care(req).changeMeasure(req.params.id, req.body),
  );
}

/** Visits: generation, «Min dag», the visit, assignment, check-in and completion. */
function visitRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const visits = (req: { actor: Actor }) => new VisitRepository(db, req.actor);
  r.post(
    '/api/teams/:id/visits/generate',
    {
      schema: { params: idParams, body: generateBody, response: { 200: generateResponse } },
      config: { access: access.team('id') },
    },
    (req) => visits(req).generate(req.params.id, req.body.from, req.body.days),
  );
  r.get(
    '/api/me/day',
    { schema: { querystring: dayQuery, response: { 200: dayResponse } }, config: { access: access.session() } },
    (req) => visits(req).dayList(req.query.date ?? req.actor.today),
  );
  r.get(
    '/api/visits/:id',
    {
      schema: { params: idParams, response: { 200: visitResponse } },
      config: { access: access.record('id', 'read', 'visit') },
    },
    (req) => visits(req).read(req.params.id),
  );
  r.patch(
    '/api/visits/:id/assignment',
    {
      schema: { params: idParams, body: assignBody, response: { 200: assignResponse } },
      config: { access: access.record('id', 'serve', 'visit') },
    },
    (req) => visits(req).assign(req.params.id, req.body.staffId, req.body.secondStaffId),
  );
  r.post(
    '/api/visits/:id/check-in',
    {
      schema: { params: idParams, response: { 200: checkInResponse } },
      config: { access: access.record('id', 'write', 'visit') },
    },
    (req) => visits(req).checkIn(req.params.id),
  );
  r.post(
    '/api/visits/:id/complete',
    {
      schema: { params: idParams, body: completeVisitBody, response: { 200: completeVisitResponse } },
      config: { access: access.record('id', 'write', 'visit') },
    },
    (req) => visits(req).complete(req.params.id, req.body),
  );
}

/** The team board and its change-in-condition cards. */
function boardRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const board = (req: { actor: Actor }) => new BoardRepository(db, req.actor);
  r.get(
    '/api/teams/:id/board',
    { schema: { params: idParams, response: { 200: boardResponse } }, config: { access: access.team('id') } },
    (req) => board(req).board(req.params.id),
  );
  r.post(
    '/api/condition-changes/:id/take',
    {
      schema: { params: idParams, response: { 200: conditionChangeResponse } },
      config: { access: access.record('id', 'serve', 'conditionChange') },
    },
    (req) => board(req).updateConditionChange(req.params.id, 'take'),
  );
  r.post(
    '/api/condition-changes/:id/close',
    {
      schema: { params: idParams, body: closeBody, response: { 200: conditionChangeResponse } },
      config: { access: access.record('id', 'serve', 'conditionChange') },
    },
    (req) => board(req).updateConditionChange(req.params.id, 'close', req.body.note),
  );
}

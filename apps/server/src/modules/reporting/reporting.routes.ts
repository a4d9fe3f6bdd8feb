import {
  reportingConfirmBody,
  reportingEstimateBody,
  reportingEstimateParams,
  reportingItem,
  reportingItemBody,
  reportingItemParams,
  reportingProposalBody,
  reportingRegister,
} from '@tillit/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import type { Actor } from '../../http/actor.ts';
import { ReportingRepository } from './reporting.repository.ts';

/**
 * The reporting register: open to everyone logged in (it holds no data about people served);
 * a team's estimate to its own members (the repository refuses others and logs it).
 */
export function reportingRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const repo = (actor: Actor) => new ReportingRepository(db, actor);

  r.get(
    '/api/reporting',
    { schema: { response: { 200: reportingRegister } }, config: { access: access.session() } },
    (req) => repo(req.actor).register(),
  );
  r.post(
    '/api/reporting',
    { schema: { body: reportingItemBody, response: { 201: reportingItem } }, config: { access: access.session() } },
    async (req, reply) => {
      reply.status(201);
      return repo(req.actor).name(req.body);
    },
  );
  r.post(
    '/api/reporting/:id/estimates/:teamId',
    {
      schema: { params: reportingEstimateParams, body: reportingEstimateBody, response: { 200: reportingItem } },
      config: { access: access.team('teamId') },
    },
    (req) => repo(req.actor).estimate(req.params.id, req.params.teamId, req.body.hoursPerMonth),
  );
  r.post(
    '/api/reporting/:id/proposal',
    {
      schema: { params: reportingItemParams, body: reportingProposalBody, response: { 200: reportingItem } },
      config: { access: access.session() },
    },
    (req) => repo(req.actor).propose(req.params.id, req.body),
  );
  r.post(
    '/api/reporting/:id/confirm',
    {
      schema: { params: reportingItemParams, body: reportingConfirmBody, response: { 200: reportingItem } },
      config: { access: access.session() },
    },
    (req) => repo(req.actor).confirm(req.params.id, req.body.version),
  );
}

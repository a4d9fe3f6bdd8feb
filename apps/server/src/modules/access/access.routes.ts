import {
  emergencyBody,
  emergencyGrantResponse,
  emergencyListQuery,
  emergencyListResponse,
  followUpBody,
  followUpResponse,
  idParams,
} from '@tillit/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import type { Actor } from '../../http/actor.ts';
import { EmergencyRepository } from './emergency.repository.ts';

export function accessRoutes(app: FastifyInstance, db: Db, config: Config) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const repo = (req: { actor: Actor }) => new EmergencyRepository(db, req.actor, config.emergencyAccessMinutes);

  r.post(
    '/api/recipients/:id/emergency-access',
    {
      schema: { params: idParams, body: emergencyBody, response: { 201: emergencyGrantResponse } },
      config: { access: access.record('id', 'breakGlass') },
    },
    async (req, reply) => {
      reply.status(201);
      return repo(req).grant(req.params.id, req.body.reason);
    },
  );

  r.get(
    '/api/emergency-accesses',
    {
      schema: { querystring: emergencyListQuery, response: { 200: emergencyListResponse } },
      config: { access: access.roles('admin') },
    },
    (req) => repo(req).list(req.query.open === 'true'),
  );

  r.post(
    '/api/emergency-accesses/:id/follow-up',
    {
      schema: { params: idParams, body: followUpBody, response: { 200: followUpResponse } },
      config: { access: access.roles('admin') },
    },
    (req) => repo(req).followUp(req.params.id, req.body.note),
  );
}

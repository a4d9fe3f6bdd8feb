import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import type { Actor } from '../../http/actor.ts';
import { emergencyBody, recipientParams } from '../recipients/index.ts';
import { EmergencyRepository } from './emergency.repository.ts';

const followUpBody = z.object({ note: z.string().trim().min(3).max(2000) }).strict();
const listQuery = z.object({ open: z.enum(['true', 'false']).default('true') });

export function accessRoutes(app: FastifyInstance, db: Db, config: Config) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const repo = (req: { actor: Actor }) => new EmergencyRepository(db, req.actor, config.emergencyAccessMinutes);

  r.post(
    '/api/recipients/:id/emergency-access',
    { schema: { params: recipientParams, body: emergencyBody }, config: { access: access.record('id', 'breakGlass') } },
    async (req, reply) => {
      reply.status(201);
      return repo(req).grant(req.params.id, req.body.reason);
    },
  );

  r.get(
    '/api/emergency-accesses',
    { schema: { querystring: listQuery }, config: { access: access.roles('admin') } },
    (req) => repo(req).list(req.query.open === 'true'),
  );

  r.post(
    '/api/emergency-accesses/:id/follow-up',
    { schema: { params: recipientParams, body: followUpBody }, config: { access: access.roles('admin') } },
    (req) => repo(req).followUp(req.params.id, req.body.note),
  );
}
